'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import {
  addCouncilMember,
  addWorkingGroup,
  endMemberTerm,
  setCouncilContact,
  setMemberGroups,
  updateCouncil,
  type RosterChangeResult,
} from '@/db/councils';
import { addMembersInBulk, type RosterSelection } from '@/db/roster-bulk';
import { bulkRosterSchema } from '@/lib/schemas/roster';
import { staffAction } from '@/services/actions';
import { isCountryCode } from '@/lib/countries';
import { ROSTER_ROLES } from '@/lib/domain';
import type { FormState } from '@/lib/form-state';
import { bulkRosterRefusal, rosterRefusal } from './messages';

const id = z.tuple([z.uuid()]);
const blankToNull = (value: unknown) =>
  value === undefined || (typeof value === 'string' && value.trim() === '') ? null : value;
const list = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const isoDate = (message: string) => z.iso.date(message);

function outcome(result: RosterChangeResult, success: string): FormState {
  if (result.ok) {
    revalidatePath(`/staff/councils/${result.councilId}`);
    return { status: 'success', message: success };
  }
  return rosterRefusal(result);
}

export const updateCouncilAction = staffAction(
  {
    name: 'councils.update',
    role: 'editor',
    bound: id,
    schema: z.object({
      nameEn: z.string().trim().min(1, 'Enter the name in English.').max(300),
      nameRu: z.string().trim().min(1, 'Enter the name in Russian.').max(300),
      mandateEn: z.string().trim().max(5000, 'Keep the mandate under 5,000 characters.'),
      mandateRu: z.string().trim().max(5000, 'Keep the mandate under 5,000 characters.'),
      secretariatOrganisationId: z.preprocess(blankToNull, z.uuid('Choose an organisation from the list.').nullable()),
    }),
  },
  async (values, { staff, bound: [councilId] }) =>
    outcome(await updateCouncil(staff, councilId, values), 'Council saved.'),
);

// Admins only: the address becomes every email's Reply-To (db/councils.ts setCouncilContact).
export const setCouncilContactAction = staffAction(
  {
    name: 'councils.setContact',
    role: 'admin',
    bound: id,
    schema: z.object({
      contactEmail: z.preprocess(
        blankToNull,
        z
          .string()
          .trim()
          .max(320, 'Keep the address under 320 characters.')
          .pipe(z.email('Enter an email address, like council@unrcca.example.org, or leave it empty.'))
          .transform((email) => email.toLowerCase())
          .nullable(),
      ),
    }),
  },
  async ({ contactEmail }, { staff, bound: [councilId] }) =>
    outcome(
      await setCouncilContact(staff, councilId, contactEmail),
      contactEmail ? `Delegates now write to ${contactEmail}.` : 'Contact address removed.',
    ),
);

export const addWorkingGroupAction = staffAction(
  {
    name: 'councils.addWorkingGroup',
    role: 'editor',
    bound: id,
    schema: z.object({
      nameEn: z.string().trim().min(1, 'Enter the name in English.').max(300),
      nameRu: z.string().trim().min(1, 'Enter the name in Russian.').max(300),
    }),
  },
  async (values, { staff, bound: [councilId] }) =>
    outcome(await addWorkingGroup(staff, councilId, values), `Working group “${values.nameEn}” added.`),
);

export const addMemberAction = staffAction(
  {
    name: 'councils.addMember',
    role: 'editor',
    bound: id,
    schema: z
      .object({
        contactId: z.uuid('Choose the person from the contacts.'),
        role: z.enum(ROSTER_ROLES, 'Choose the role on the council.'),
        nominatedByCountry: z.preprocess(
          blankToNull,
          z.string().refine(isCountryCode, 'Choose a country from the list.').nullable(),
        ),
        nominatedByOrganisationId: z.preprocess(
          blankToNull,
          z.uuid('Choose an organisation from the list.').nullable(),
        ),
        termFrom: isoDate('Enter the date the term begins.'),
        termTo: z.preprocess(blankToNull, isoDate('Enter a real date, or leave it empty for an open term.').nullable()),
        workingGroupIds: z.preprocess(list, z.array(z.uuid('Choose working groups from the list.'))),
      })
      .refine((v) => !v.termTo || v.termTo >= v.termFrom, {
        path: ['termTo'],
        message: 'The term cannot end before it begins.',
      })
      .refine((v) => v.nominatedByCountry || v.nominatedByOrganisationId, {
        path: ['nominatedByCountry'],
        message: 'Say who nominated them: a state, an organisation, or both.',
      }),
  },
  async (values, { staff, bound: [councilId] }) =>
    outcome(await addCouncilMember(staff, councilId, values), 'Added to the roster.'),
);

export const endTermAction = staffAction(
  {
    name: 'councils.endTerm',
    role: 'editor',
    bound: id,
    schema: z.object({ termTo: isoDate('Enter the last day of the term.') }),
  },
  async ({ termTo }, { staff, bound: [memberId] }) =>
    outcome(await endMemberTerm(staff, memberId, termTo), `Term ends on ${termTo}.`),
);

export const setMemberGroupsAction = staffAction(
  {
    name: 'councils.setMemberGroups',
    role: 'editor',
    bound: id,
    schema: z.object({ workingGroupIds: z.preprocess(list, z.array(z.uuid('Choose working groups from the list.'))) }),
  },
  async ({ workingGroupIds }, { staff, bound: [memberId] }) =>
    outcome(await setMemberGroups(staff, memberId, workingGroupIds), 'Working groups saved.'),
);

const people = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'person' : 'people'}`;

/**
 * One form for many people: rows ticked in the directory, everyone its filters match, everyone at an organisation,
 * or the one person whose page it is. Those already on the roster in those dates are skipped and counted.
 */
export const addMembersInBulkAction = staffAction(
  { name: 'councils.addMembers', role: 'editor', schema: bulkRosterSchema },
  async (input, { staff }) => {
    const { councilId, role, nominatedByCountry, nominatedByOrganisationId, termFrom, termTo, workingGroupId } = input;
    const selection: RosterSelection =
      input.scope === 'selected'
        ? { kind: 'contacts', contactIds: input.contactIds }
        : input.scope === 'organisation'
          ? { kind: 'organisation', organisationId: input.organisationId }
          : {
              kind: 'filter',
              filters: {
                search: input.q,
                country: input.country,
                organisationType: input.type,
                tag: input.tag,
                councilId: input.council,
              },
            };
    const result = await addMembersInBulk(staff, {
      councilId,
      selection,
      term: { role, nominatedByCountry, nominatedByOrganisationId, termFrom, termTo, workingGroupId },
    });
    if (!result.ok) return bulkRosterRefusal(result);
    // The council's roster, the contacts' pages and the directory's roster filter all show it.
    revalidatePath('/staff', 'layout');
    const skipped = result.skipped
      ? ` ${people(result.skipped)} already on the roster in those dates ${result.skipped === 1 ? 'was' : 'were'} skipped.`
      : '';
    return { status: 'success', message: `Added ${people(result.added)} to the roster.${skipped}` };
  },
);
