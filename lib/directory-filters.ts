import { z } from 'zod';
import { isCountryCode } from './countries';
import { ORGANISATION_TYPES } from './domain';

// The directory's filters as they travel in the URL (?q=…&country=…), read the same way by the list pages and the
// CSV exports, so an export holds exactly what the page shows. Anything unreadable is dropped, not an error.

const text = z.string().trim().max(200).optional().catch(undefined);
const country = z
  .string()
  .refine((c) => c === 'none' || isCountryCode(c))
  .optional()
  .catch(undefined);
const page = z.coerce.number().int().min(1).max(100_000).optional().catch(undefined);

const contactFilterSchema = z.object({
  q: text,
  country,
  type: z.enum(ORGANISATION_TYPES).optional().catch(undefined),
  tag: text,
  council: z.uuid().optional().catch(undefined),
  page,
});

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

const plain = (params: Params) =>
  params instanceof URLSearchParams
    ? Object.fromEntries(params)
    : Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));

export function readContactFilters(params: Params) {
  const f = contactFilterSchema.parse(plain(params));
  return {
    search: f.q || undefined,
    country: f.country,
    organisationType: f.type,
    tag: f.tag || undefined,
    councilId: f.council,
    page: f.page ?? 1,
  };
}

const organisationFilterSchema = z.object({
  q: text,
  country,
  type: z.enum(ORGANISATION_TYPES).optional().catch(undefined),
  // Organisations Russian texts would name in English (lib/organisation-label.ts).
  russian: z.literal('missing').optional().catch(undefined),
  page,
});

export function readOrganisationFilters(params: Params) {
  const f = organisationFilterSchema.parse(plain(params));
  return {
    search: f.q || undefined,
    country: f.country,
    type: f.type,
    missingRussian: f.russian === 'missing',
    page: f.page ?? 1,
  };
}
