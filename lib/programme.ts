import type { AgendaItemKind } from '@/lib/domain';
import { toZonedParts, type Locale } from '@/lib/datetime';
import { organisationLabel, type NamedOrganisation } from '@/lib/organisation-label';
import { toLatin } from '@/lib/transliterate';

// The programme of a meeting as the public page and a delegate's invitation page show it (components/meeting-programme).

export type ProgrammePerson = {
  role: 'speaker' | 'moderator';
  /** The order staff chose within the role. */
  position: number;
  /** As usually written, in whatever script. */
  name: string;
  /** As in the passport; null when the directory has none. */
  nameLatin: string | null;
  /** Their position ("Counsellor"). */
  title: string | null;
  organisation: NamedOrganisation | null;
};

export type ProgrammeItem = {
  id: string;
  kind: AgendaItemKind;
  startsAt: Date;
  endsAt: Date;
  titleEn: string;
  titleRu: string;
  descriptionEn: string;
  descriptionRu: string;
  room: string | null;
  roomRu: string | null;
  /** Staff's order on the timetable: breaks ties between items starting at the same time. */
  position: number;
  people: ProgrammePerson[];
};

/** The items by the venue's calendar day, each day's items by time (then staff's order), days in order. */
export function programmeDays<T extends Pick<ProgrammeItem, 'startsAt' | 'position'>>(
  items: T[],
  timeZone: string,
): { day: string; items: T[] }[] {
  const sorted = [...items].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.position - b.position);
  const days = new Map<string, T[]>();
  for (const item of sorted) {
    const day = toZonedParts(item.startsAt, timeZone).date;
    days.set(day, [...(days.get(day) ?? []), item]);
  }
  return [...days].map(([day, dayItems]) => ({ day, items: dayItems }));
}

/** An item's speakers or moderators in the order staff chose. */
export function peopleInRole(item: Pick<ProgrammeItem, 'people'>, role: ProgrammePerson['role']): ProgrammePerson[] {
  return item.people.filter((p) => p.role === role).sort((a, b) => a.position - b.position);
}

/**
 * A name in the page's script: the usual spelling on Russian pages; the passport's Latin spelling on English ones
 * (a transliteration where the directory has none, so a Cyrillic name never stands in an English text).
 */
export function personName(person: Pick<ProgrammePerson, 'name' | 'nameLatin'>, locale: Locale): string {
  if (locale === 'ru') return person.name;
  return person.nameLatin?.trim() || toLatin(person.name);
}

/** "Counsellor, OSCE": the person's position and organisation, as far as known. */
export function personAffiliation(person: Pick<ProgrammePerson, 'title' | 'organisation'>, locale: Locale): string {
  return [person.title?.trim(), person.organisation && organisationLabel(person.organisation, locale)]
    .filter(Boolean)
    .join(', ');
}

/** The room's name in the page's language; the English one stands in for a missing Russian one. */
export function roomName(item: Pick<ProgrammeItem, 'room' | 'roomRu'>, locale: Locale): string | null {
  return (locale === 'ru' && item.roomRu?.trim()) || item.room?.trim() || null;
}

/** Items that end after the meeting does: the staff agenda flags them. */
export function endsAfterMeeting<T extends { endsAt: Date }>(items: T[], meetingEndsAt: Date): T[] {
  return items.filter((item) => item.endsAt > meetingEndsAt);
}
