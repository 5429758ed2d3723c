import type { DocumentLanguage } from '@/lib/documents/model';
import type { ListGroup } from '@/lib/participant-list';

// The attendance paragraph as UN reports write it, ready to paste into a report: the States, the United Nations
// entities and the other organisations represented, each in the document's language and in the nominative after a
// colon. Pure.

export type Represented = { group: ListGroup; name: Record<DocumentLanguage, string> };

/** "A", "A and B", "A, B and C" / «А», «А и Б», «А, Б и В»: a list of names as a sentence joins them. */
export function joinNames(names: string[], language: DocumentLanguage): string {
  const and = language === 'ru' ? ' и ' : ' and ';
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')}${and}${names.at(-1)}`;
}

/**
 * "The meeting was attended by representatives of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and
 * Uzbekistan, the following United Nations entities: …, and the following organisations: …." / «В работе совещания
 * приняли участие представители следующих государств: Казахстан, …; подразделений системы Организации Объединенных
 * Наций: …; и организаций: …». The secretariat, which holds the meeting, is not among them.
 */
export function attendanceParagraph(represented: Represented[], language: DocumentLanguage): string {
  const collator = new Intl.Collator(language === 'ru' ? 'ru' : 'en', { sensitivity: 'base' });
  const names = (groups: ListGroup[]) =>
    [...new Set(represented.filter((r) => groups.includes(r.group)).map((r) => r.name[language].trim()))]
      .filter(Boolean)
      .sort(collator.compare);
  const states = names(['member_states', 'observer_states']);
  const entities = names(['un_system']);
  const organisations = names(['intergovernmental', 'other']);
  if (language === 'ru') {
    const parts = [
      states.length ? `государств: ${joinNames(states, 'ru')}` : null,
      entities.length ? `подразделений системы Организации Объединенных Наций: ${joinNames(entities, 'ru')}` : null,
      organisations.length ? `организаций: ${joinNames(organisations, 'ru')}` : null,
    ].filter((p): p is string => p !== null);
    if (parts.length === 0) return 'Сведения об участии в совещании отсутствуют.';
    const joined = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join('; ')}; и ${parts.at(-1)}`;
    return `В работе совещания приняли участие представители следующих ${joined}.`;
  }
  const parts = [
    states.length ? joinNames(states, 'en') : null,
    entities.length ? `the following United Nations entities: ${joinNames(entities, 'en')}` : null,
    organisations.length ? `the following organisations: ${joinNames(organisations, 'en')}` : null,
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) return 'No attendance has been recorded for the meeting.';
  const joined = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')}, and ${parts.at(-1)}`;
  return `The meeting was attended by representatives of ${joined}.`;
}

/** Counts by a key, largest first, then by label: what each table of the record shows. */
export function countBy<T>(items: T[], label: (item: T) => string): { label: string; n: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(label(item), (counts.get(label(item)) ?? 0) + 1);
  return [...counts].map(([l, n]) => ({ label: l, n })).sort((a, b) => b.n - a.n || a.label.localeCompare(b.label));
}
