'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { mergeOrganisations, saveOrganisation } from '@/db/organisations';
import { staffAction } from '@/services/actions';
import { organisationRefusal } from './messages';
import { organisationMergeSchema, organisationSchema } from '@/lib/schemas/organisation';

const createOrganisation = (afterSearch: boolean) =>
  staffAction(
    { name: 'organisations.create', role: 'editor', schema: organisationSchema },
    async (values, { staff }) => {
      const result = await saveOrganisation(staff, null, values);
      if (!result.ok) return organisationRefusal(result);
      revalidatePath('/staff/organisations');
      if (afterSearch) redirect('/staff/organisations?added=1');
      return { status: 'success', message: `${values.nameEn} was added to the organisations.` };
    },
  );

export const createOrganisationAction = createOrganisation(false);
/**
 * The same, from the page a no-JavaScript search for the parent reloaded: its address holds what was typed, so a clean
 * page follows instead of an answer in place (which would show the organisation just added as if still to add).
 */
export const createOrganisationAfterSearchAction = createOrganisation(true);

export const updateOrganisationAction = staffAction(
  { name: 'organisations.update', role: 'editor', bound: z.tuple([z.uuid()]), schema: organisationSchema },
  async (values, { staff, bound: [id] }) => {
    const result = await saveOrganisation(staff, id, values);
    if (!result.ok) return organisationRefusal(result);
    revalidatePath('/staff/organisations');
    redirect(`/staff/organisations/${id}?saved=1`);
  },
);

/** Folds the chosen duplicate into the organisation whose page this is (bound). */
export const mergeOrganisationAction = staffAction(
  { name: 'organisations.merge', role: 'editor', bound: z.tuple([z.uuid()]), schema: organisationMergeSchema },
  async ({ mergeId }, { staff, bound: [keepId] }) => {
    const result = await mergeOrganisations(staff, { keepId, mergeId });
    if (!result.ok) {
      return {
        status: 'error',
        message:
          result.reason === 'same'
            ? 'An organisation cannot be merged with itself.'
            : 'One of the two organisations no longer exists.',
      };
    }
    revalidatePath('/staff/organisations');
    redirect(`/staff/organisations/${keepId}?merged=1`);
  },
);
