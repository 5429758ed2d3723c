import { z } from 'zod';
import { isCountryCode } from '@/lib/countries';
import { ORGANISATION_TYPES, ROSTER_ROLES } from '@/lib/domain';

// Adding people to a council's roster in bulk: the one form (role, nomination, term, working group) and whom it
// applies to. The bulk form (app/staff/councils/roster-bulk-form.tsx) posts these fields, the action parses them, and
// db/roster-bulk.ts takes the output; the roster import reads the same term from a file's columns.

const blankToNull = (value: unknown) =>
  value === undefined || (typeof value === 'string' && value.trim() === '') ? null : value;
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const list = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export const rosterTermSchema = z
  .object({
    role: z.enum(ROSTER_ROLES, 'Choose the role on the council.'),
    nominatedByCountry: z.preprocess(
      blankToNull,
      z.string().refine(isCountryCode, 'Choose a country from the list.').nullable(),
    ),
    nominatedByOrganisationId: z.preprocess(blankToNull, z.uuid('Choose an organisation from the list.').nullable()),
    termFrom: z.iso.date('Enter the date the term begins.'),
    termTo: z.preprocess(blankToNull, z.iso.date('Enter a real date, or leave it empty for an open term.').nullable()),
    workingGroupId: z.preprocess(blankToNull, z.uuid('Choose a working group from the list.').nullable()),
  })
  .refine((v) => !v.termTo || v.termTo >= v.termFrom, {
    path: ['termTo'],
    message: 'The term cannot end before it begins.',
  })
  .refine((v) => v.nominatedByCountry || v.nominatedByOrganisationId, {
    path: ['nominatedByCountry'],
    message: 'Say who nominated them: a state, an organisation, or both.',
  });

export type RosterTerm = z.output<typeof rosterTermSchema>;

const filterText = z.preprocess(blankToUndefined, z.string().trim().max(200).optional());

/** Whom the form adds: rows ticked in the directory, everyone its filters match, or everyone at an organisation. */
export const rosterScopeSchema = z.discriminatedUnion(
  'scope',
  [
    z.object({
      scope: z.literal('selected'),
      contactIds: z.preprocess(
        list,
        z.array(z.uuid()).min(1, 'Tick the people to add, or choose “everyone matching the filters”.').max(5_000),
      ),
    }),
    z.object({
      scope: z.literal('filter'),
      q: filterText,
      country: z.preprocess(
        blankToUndefined,
        z
          .string()
          .refine((c) => c === 'none' || isCountryCode(c))
          .optional(),
      ),
      type: z.preprocess(blankToUndefined, z.enum(ORGANISATION_TYPES).optional()),
      tag: filterText,
      council: z.preprocess(blankToUndefined, z.uuid().optional()),
    }),
    z.object({
      scope: z.literal('organisation'),
      organisationId: z.uuid('Choose the organisation whose people to add.'),
    }),
  ],
  'Say whom to add.',
);

export const bulkRosterSchema = z.intersection(
  z.object({ councilId: z.uuid('Choose the council.') }).and(rosterTermSchema),
  rosterScopeSchema,
);
export type BulkRosterInput = z.output<typeof bulkRosterSchema>;
