'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import {
  inviteContacts,
  reissueInvitation,
  remindUnanswered,
  resendInvitation,
  revokeInvitation,
  saveInvitationTexts,
  sendMeetingUpdate,
  type InvitationChangeResult,
} from '@/db/invitations';
import { staffAction } from '@/services/actions';
import type { FormState } from '@/lib/form-state';
import { inviteSchema } from '@/lib/schemas/invitation-selection';
import { textsSchema } from './invitation-schema';

const page = (meetingId: string) => `/staff/meetings/${meetingId}/invitations`;

function refused(result: Exclude<InvitationChangeResult, { ok: true }>): FormState {
  switch (result.reason) {
    case 'notFound':
      return { status: 'error', message: 'That invitation or meeting no longer exists.' };
    case 'revoked':
      return { status: 'error', message: 'That invitation has been revoked: nothing was sent.' };
    case 'countChanged':
      return {
        status: 'error',
        message: `The number has changed to ${result.count} since you looked: check the list again, then confirm that number. Nothing was sent.`,
      };
    case 'nothingChanged':
      return { status: 'error', message: 'There is nobody to send this to, or nothing has changed: nothing was sent.' };
    case 'closed':
      return {
        status: 'error',
        message: 'Answers are no longer taken for this meeting (past its deadline, or not open): nothing was sent.',
      };
  }
}

export const inviteAction = staffAction(
  { role: 'editor', bound: z.tuple([z.uuid()]), schema: inviteSchema },
  async ({ role, confirmedCount, ...selection }, { staff, bound: [meetingId] }) => {
    const result = await inviteContacts(staff, meetingId, { selection, role, confirmedCount });
    if (!result.ok) {
      switch (result.reason) {
        case 'countChanged':
          return refused({ ok: false, reason: 'countChanged', count: result.count });
        case 'nobody':
          return { status: 'error', message: 'Everyone selected has been invited already: nothing was sent.' };
        case 'notInvitable':
          return {
            status: 'error',
            message:
              'Invitations can be sent only for planned meetings whose answer deadline has not passed (not drafts, closed, held or cancelled ones).',
          };
        case 'notFound':
          return refused({ ok: false, reason: 'notFound' });
      }
    }
    revalidatePath(page(meetingId));
    // The preview is done with: back to the page without it, which says what was sent.
    redirect(`${page(meetingId)}?sent=${result.invited}`);
  },
);

const invitationAction = (change: typeof resendInvitation, done: string) =>
  staffAction(
    { role: 'editor', bound: z.tuple([z.uuid(), z.uuid()]), schema: z.object({}) },
    async (_, { staff, bound: [meetingId, id] }) => {
      const result = await change(staff, id);
      if (!result.ok) return refused(result);
      revalidatePath(page(meetingId));
      return { status: 'success', message: done };
    },
  );

export const resendInvitationAction = invitationAction(resendInvitation, 'Sent again, with the same link.');
export const reissueInvitationAction = invitationAction(
  reissueInvitation,
  'A new link was sent; the old one no longer works.',
);
export const revokeInvitationAction = invitationAction(revokeInvitation, 'Revoked: the link no longer works.');

export const remindAction = staffAction(
  {
    role: 'editor',
    bound: z.tuple([z.uuid()]),
    schema: z.object({ confirmedCount: z.coerce.number('The number to remind is missing.').int().min(1) }),
  },
  async ({ confirmedCount }, { staff, bound: [meetingId] }) => {
    const result = await remindUnanswered(staff, meetingId, confirmedCount);
    if (!result.ok) return refused(result);
    revalidatePath(page(meetingId));
    return {
      status: 'success',
      message: `${confirmedCount} reminder${confirmedCount === 1 ? '' : 's'} queued for sending.`,
    };
  },
);

export const sendUpdateAction = staffAction(
  { role: 'editor', bound: z.tuple([z.uuid()]), schema: z.object({}) },
  async (_, { staff, bound: [meetingId] }) => {
    const result = await sendMeetingUpdate(staff, meetingId);
    if (!result.ok) return refused(result);
    revalidatePath(page(meetingId));
    return { status: 'success', message: 'The update was queued for every invitee who has not declined.' };
  },
);

export const saveTextsAction = staffAction(
  { role: 'editor', bound: z.tuple([z.uuid()]), schema: textsSchema },
  async (values, { staff, bound: [meetingId] }) => {
    const result = await saveInvitationTexts(staff, meetingId, {
      ...values,
      autoReminderDays: values.autoReminderDays ?? null,
    });
    if (!result.ok) return refused({ ok: false, reason: 'notFound' });
    revalidatePath(page(meetingId));
    return { status: 'success', message: 'Texts saved.' };
  },
);
