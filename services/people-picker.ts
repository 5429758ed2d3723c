import 'server-only';
import { z } from 'zod';
import { getContactChoices, searchContacts, type ContactChoice } from '@/db/contacts';
import { getOrganisationChoices, searchOrganisations, type OrganisationChoice } from '@/db/organisations';
import type { StaffUser } from '@/lib/auth/roles';

type Query = Record<string, string | string[] | undefined>;

type Choice = ContactChoice | OrganisationChoice;
export type PickerFallback = { chosen: Choice[]; query: string; results: Choice[] | null };

const SOURCES = {
  people: { chosen: getContactChoices, search: searchContacts },
  organisations: { chosen: getOrganisationChoices, search: searchOrganisations },
};

const uuid = z.uuid();
const all = (value: string | string[] | undefined) => (value === undefined ? [] : [value].flat());

/**
 * The no-JavaScript side of components/people-picker.tsx. Its Search button sends the whole form by GET with
 * `find=<form>`; when `find` names this form, each picker field's chosen ids come from the query (as ticked, in
 * order) and its `<field>Search` text is searched (in the directory, or among organisations for the fields `kinds`
 * says). Returns null when the query is about another form (or none).
 */
export async function pickerFallback(
  staff: StaffUser,
  query: Query,
  form: string,
  fields: string[],
  kinds: Record<string, keyof typeof SOURCES> = {},
): Promise<Record<string, PickerFallback> | null> {
  if (query.find !== form) return null;
  const entries = await Promise.all(
    fields.map(async (field) => {
      const ids = [...new Set(all(query[field]).filter((id) => uuid.safeParse(id).success))].slice(0, 50);
      const text = (all(query[`${field}Search`])[0] ?? '').trim().slice(0, 200);
      const source = SOURCES[kinds[field] ?? 'people'];
      const [chosen, results] = await Promise.all([
        source.chosen({ actor: staff, ids }),
        text ? source.search({ actor: staff, search: text }) : Promise.resolve(null),
      ]);
      return [field, { chosen, query: text, results }] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/**
 * A picker's starting state (components/people-picker.tsx's `chosen`, `query`, `results`): what a no-JavaScript
 * search sent back for its field, else `chosen` (the stored choice, or none).
 */
export function pickerState(
  fallback: PickerFallback | null | undefined,
  chosen: Choice[] = [],
): { chosen: Choice[]; query: string | undefined; results: Choice[] | null } {
  return { chosen: fallback?.chosen ?? chosen, query: fallback?.query, results: fallback?.results ?? null };
}

/** The other fields of the form the search was sent from, to fill it again as it was. */
export function echoedValues(query: Query, form: string): Record<string, string> | null {
  if (query.find !== form) return null;
  return Object.fromEntries(
    Object.entries(query).flatMap(([key, value]) => (typeof value === 'string' ? [[key, value]] : [])),
  );
}
