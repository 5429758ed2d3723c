'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { mergeOrganisations, saveOrganisation, type OrganisationChangeResult } from '@/db/organisations';
import { staffAction } from '@/services/actions';
import type { FormState } from '@/lib/form-state';
import { organisationMergeSchema, organisationSchema } from '@/lib/schemas/organisation';

const fix = 'Please correct the fields marked below.';

function refused(result: Exclude<OrganisationChangeResult, { ok: true }>): FormState {
  switch (result.reason) {
    case 'acronymTaken':
      return {
        status: 'error',
        message: fix,
        fieldErrors: { acronym: ['Another organisation already has this acronym: merge the two instead.'] },
      };
    case 'parentNotFound':
      return { status: 'error', message: fix, fieldErrors: { parentId: ['That organisation no longer exists.'] } };
    case 'parentCycle':
      return {
        status: 'error',
        message: fix,
        fieldErrors: { parentId: ['An organisation cannot be part of itself or of one of its own departments.'] },
      };
    case 'notFound':
      return { status: 'error', message: 'That organisation no longer exists.' };
  }
}

export const createOrganisationAction = staffAction(
  { role: 'editor', schema: organisationSchema },
  async (values, { staff }) => {
    const result = await saveOrganisation(staff, null, values);
    if (!result.ok) return refused(result);
    revalidatePath('/staff/organisations');
    return { status: 'success', message: `${values.nameEn} was added to the organisations.` };
  },
);

export const updateOrganisationAction = staffAction(
  { role: 'editor', bound: z.tuple([z.uuid()]), schema: organisationSchema },
  async (values, { staff, bound: [id] }) => {
    const result = await saveOrganisation(staff, id, values);
    if (!result.ok) return refused(result);
    revalidatePath('/staff/organisations');
    redirect(`/staff/organisations/${id}?saved=1`);
  },
);

/** Folds the chosen duplicate into the organisation whose page this is (bound). */
export const mergeOrganisationAction = staffAction(
  { role: 'editor', bound: z.tuple([z.uuid()]), schema: organisationMergeSchema },
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
