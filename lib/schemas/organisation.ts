import { z } from 'zod';
import { isCountryCode } from '@/lib/countries';
import { ORGANISATION_TYPES } from '@/lib/domain';
import { keysOf } from './fields';

// An organisation in the directory: the one place its fields are named. The organisation forms
// (app/staff/organisations/) post these fields, their actions parse them, and the data layer (db/organisations.ts)
// saves, audits and merges the output.

const blankToNull = (value: unknown) =>
  value === undefined || (typeof value === 'string' && value.trim() === '') ? null : value;

export const organisationSchema = z.object({
  nameEn: z.string().trim().min(1, 'Enter the name in English.').max(300, 'Keep the name under 300 characters.'),
  nameRu: z.preprocess(
    blankToNull,
    z.string().trim().max(300, 'Keep the Russian name under 300 characters.').nullable(),
  ),
  acronym: z.preprocess(blankToNull, z.string().trim().max(30, 'Keep the acronym under 30 characters.').nullable()),
  acronymRu: z.preprocess(
    blankToNull,
    z.string().trim().max(30, 'Keep the Russian acronym under 30 characters.').nullable(),
  ),
  type: z.enum(ORGANISATION_TYPES, 'Choose the type of organisation.'),
  country: z.preprocess(
    blankToNull,
    z.string().refine(isCountryCode, 'Choose a country from the list, or none for an international body.').nullable(),
  ),
  parentId: z.preprocess(blankToNull, z.uuid('Choose the parent organisation from the list.').nullable()),
  website: z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .max(500, 'Keep the address under 500 characters.')
      // "minjust.uz" as people type it; an address with another scheme (ftp:, javascript:) is refused, not patched.
      .transform((url) => (/^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `https://${url}`))
      .pipe(
        z.url({
          protocol: /^https?$/,
          hostname: /^[^.]+(\.[^.]+)+$/,
          error: 'Enter a web address, like https://unrcca.unmissions.org.',
        }),
      )
      .nullable(),
  ),
  notes: z.string().trim().max(5000, 'Keep the notes under 5,000 characters.').default(''),
});

/** An organisation as the data layer saves it. */
export type OrganisationValues = z.output<typeof organisationSchema>;
export type OrganisationField = keyof OrganisationValues;
export const ORGANISATION_FIELDS = keysOf(organisationSchema.shape);

export const organisationMergeSchema = z.object({ mergeId: z.uuid('Choose the duplicate to merge.') });
