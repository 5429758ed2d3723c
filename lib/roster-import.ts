import { cellText, organisationMatchKey, type ColumnMapping, type ImportField } from './contact-import';
import { countryName, parseCountry } from './countries';
import { ROSTER_ROLE_LABELS, ROSTER_ROLES, type RosterRole } from './domain';
import type { RosterTerm } from './schemas/roster';

// A roster file is a contacts file with five more columns: role, nominated by (a State or an organisation), term
// from, term to, working group. The importer reads the contact as always; this reads the term. Pure: the database
// side (db/contact-import.ts) gives the council's working groups and the directory's organisations.

export type RosterContext = {
  organisations: { id: string; nameEn: string; nameRu: string | null; acronym: string | null }[];
  workingGroups: { id: string; nameEn: string; nameRu: string }[];
};

export type RosterReading = { ok: true; term: RosterTerm; description: string } | { ok: false; reason: string };

const ROLE_WORDS = new Map<string, RosterRole>([
  ...ROSTER_ROLES.map((r) => [r, r] as const),
  ...ROSTER_ROLES.map((r) => [ROSTER_ROLE_LABELS[r].toLowerCase(), r] as const),
  ['expert', 'national_expert'],
  ['национальный эксперт', 'national_expert'],
  ['эксперт', 'national_expert'],
  ['координатор', 'focal_point'],
  ['контактное лицо', 'focal_point'],
  ['председатель', 'chair'],
  ['член', 'member'],
  ['наблюдатель', 'observer'],
]);

/** 2026-01-31, or 31.01.2026 / 31/01/2026 as Excel writes dates in Russian and British locales. */
export function parseDay(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const dotted = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]].map(Number)
    : dotted
      ? [dotted[3], dotted[2], dotted[1]].map(Number)
      : [];
  if (!year || !month || !day) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

const sameName = (a: string | null, b: string) => a !== null && organisationMatchKey(a) === organisationMatchKey(b);

/** The roster term a row gives, or why it cannot be one. */
export function readRosterTerm(cells: string[], mapping: ColumnMapping, context: RosterContext): RosterReading {
  const get = (field: ImportField) => {
    const index = mapping.indexOf(field);
    return index === -1 ? null : cellText(cells[index]);
  };
  const writtenRole = get('rosterRole');
  if (!writtenRole) return { ok: false, reason: 'Missing role on the council' };
  const role = ROLE_WORDS.get(writtenRole.toLowerCase().replace(/\s+/g, ' '));
  if (!role)
    return {
      ok: false,
      reason: `Unknown role “${writtenRole}” (use ${ROSTER_ROLES.map((r) => ROSTER_ROLE_LABELS[r]).join(', ')})`,
    };

  const writtenNominator = get('nominatedBy');
  if (!writtenNominator) return { ok: false, reason: 'Missing who nominated them (a State or an organisation)' };
  const country = parseCountry(writtenNominator);
  const organisation = country
    ? undefined
    : context.organisations.find(
        (o) =>
          sameName(o.acronym, writtenNominator) ||
          sameName(o.nameEn, writtenNominator) ||
          sameName(o.nameRu, writtenNominator),
      );
  if (!country && !organisation)
    return { ok: false, reason: `Unknown nominating State or organisation “${writtenNominator}”` };

  const writtenFrom = get('termFrom');
  if (!writtenFrom) return { ok: false, reason: 'Missing the date the term begins' };
  const termFrom = parseDay(writtenFrom);
  if (!termFrom) return { ok: false, reason: `Unreadable date “${writtenFrom}” (write 2026-01-31 or 31.01.2026)` };
  const writtenTo = get('termTo');
  const termTo = writtenTo ? parseDay(writtenTo) : null;
  if (writtenTo && !termTo)
    return { ok: false, reason: `Unreadable date “${writtenTo}” (write 2026-01-31 or 31.01.2026)` };
  if (termTo && termTo < termFrom) return { ok: false, reason: 'The term ends before it begins' };

  const writtenGroup = get('workingGroup');
  const group = writtenGroup
    ? context.workingGroups.find((g) => sameName(g.nameEn, writtenGroup) || sameName(g.nameRu, writtenGroup))
    : null;
  if (writtenGroup && !group) return { ok: false, reason: `No working group “${writtenGroup}” on this council` };

  const nominator = country ? countryName(country, 'en') : (organisation!.acronym ?? organisation!.nameEn);
  return {
    ok: true,
    term: {
      role,
      nominatedByCountry: country,
      nominatedByOrganisationId: organisation?.id ?? null,
      termFrom,
      termTo,
      workingGroupId: group?.id ?? null,
    },
    description: [
      `${ROSTER_ROLE_LABELS[role]}, nominated by ${nominator}`,
      termTo ? `${termFrom} to ${termTo}` : `from ${termFrom}`,
      group?.nameEn,
    ]
      .filter(Boolean)
      .join(', '),
  };
}
