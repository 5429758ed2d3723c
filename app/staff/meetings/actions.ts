'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import {
  changeMeetingStatus,
  createMeeting,
  duplicateMeeting,
  linkOrganisation,
  moveOrganisation,
  unlinkOrganisation,
  updateMeeting,
  type MeetingChangeResult,
} from '@/db/meetings';
import { staffAction } from '@/lib/actions';
import { MEETING_STATUSES, ORGANISATION_ROLES } from '@/lib/domain';
import type { FormState } from '@/lib/form-state';
import { duplicateFormSchema, meetingFormSchema } from './meeting-schema';

const meetingId = z.tuple([z.uuid()]);
const meetingAndOrganisation = z.tuple([z.uuid(), z.uuid()]);

function refused(result: Exclude<MeetingChangeResult, { ok: true }>): FormState {
  const message =
    result.message ??
    {
      notFound: 'That meeting no longer exists.',
      councilNotFound: 'That council no longer exists.',
      workingGroupNotFound: 'Choose a working group of the meeting’s council.',
      notAllowed: 'That change is not allowed.',
    }[result.reason];
  return {
    status: 'error',
    message,
    ...(result.reason === 'councilNotFound' ? { fieldErrors: { councilId: [message] } } : {}),
    ...(result.reason === 'workingGroupNotFound' ? { fieldErrors: { workingGroupId: [message] } } : {}),
  };
}

function done(result: MeetingChangeResult, message: string): FormState {
  if (!result.ok) return refused(result);
  revalidatePath(`/staff/meetings/${result.id}`);
  revalidatePath('/staff');
  return { status: 'success', message };
}

export const createMeetingAction = staffAction({ role: 'editor', schema: meetingFormSchema }, async (values, { staff }) => {
  const result = await createMeeting(staff, values);
  if (!result.ok) return refused(result);
  revalidatePath('/staff');
  redirect(`/staff/meetings/${result.id}`);
});

export const updateMeetingAction = staffAction(
  { role: 'editor', bound: meetingId, schema: meetingFormSchema },
  async (values, { staff, bound: [id] }) => {
    const result = await updateMeeting(staff, id, values);
    if (!result.ok) return refused(result);
    revalidatePath('/staff');
    redirect(`/staff/meetings/${id}`);
  },
);

export const changeMeetingStatusAction = staffAction(
  { role: 'editor', bound: meetingId, schema: z.object({ to: z.enum(MEETING_STATUSES, 'Choose a status.') }) },
  async ({ to }, { staff, bound: [id] }) => done(await changeMeetingStatus(staff, id, to), 'Status changed.'),
);

export const duplicateMeetingAction = staffAction(
  { role: 'editor', bound: meetingId, schema: duplicateFormSchema },
  async (change, { staff, bound: [id] }) => {
    const result = await duplicateMeeting(staff, id, change);
    if (!result.ok) return refused(result);
    revalidatePath('/staff');
    redirect(`/staff/meetings/${result.id}?duplicated=1`);
  },
);

export const linkOrganisationAction = staffAction(
  {
    role: 'editor',
    bound: meetingId,
    schema: z.object({
      organisationId: z.uuid('Choose an organisation.'),
      role: z.enum(ORGANISATION_ROLES, 'Choose a role.'),
    }),
  },
  async (input, { staff, bound: [id] }) => done(await linkOrganisation(staff, { meetingId: id, ...input }), 'Organisations updated.'),
);

export const moveOrganisationAction = staffAction(
  { role: 'editor', bound: meetingAndOrganisation, schema: z.object({ direction: z.enum(['up', 'down'], 'Choose up or down.') }) },
  async ({ direction }, { staff, bound: [id, organisationId] }) =>
    done(await moveOrganisation(staff, { meetingId: id, organisationId, direction }), 'Order changed.'),
);

export const unlinkOrganisationAction = staffAction(
  { role: 'editor', bound: meetingAndOrganisation, schema: z.object({}) },
  async (_input, { staff, bound: [id, organisationId] }) =>
    done(await unlinkOrganisation(staff, { meetingId: id, organisationId }), 'Organisation removed from the meeting.'),
);
