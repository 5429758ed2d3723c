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
} from '@/db/invitations';
import { staffAction } from '@/services/actions';
import { invitationRefusal } from './messages';
import { inviteSchema } from '@/lib/schemas/invitation-selection';
import { textsSchema } from './invitation-schema';

const page = (meetingId: string) => `/staff/meetings/${meetingId}/invitations`;

export const inviteAction = staffAction(
  { name: 'invitations.invite', role: 'editor', bound: z.tuple([z.uuid()]), schema: inviteSchema },
  async ({ role, confirmedCount, ...selection }, { staff, bound: [meetingId] }) => {
    const result = await inviteContacts(staff, meetingId, { selection, role, confirmedCount });
    if (!result.ok) {
      switch (result.reason) {
        case 'countChanged':
          return invitationRefusal({ ok: false, reason: 'countChanged', count: result.count });
        case 'nobody':
          return { status: 'error', message: 'Everyone selected has been invited already: nothing was sent.' };
        case 'notInvitable':
          return {
            status: 'error',
            message:
              'Invitations can be sent only for planned meetings whose answer deadline has not passed (not drafts, closed, held or cancelled ones).',
          };
        case 'notFound':
          return invitationRefusal({ ok: false, reason: 'notFound' });
      }
    }
    revalidatePath(page(meetingId));
    // The preview is done with: back to the page without it, which says what was sent.
    redirect(`${page(meetingId)}?sent=${result.invited}`);
  },
);

const invitationAction = (name: string, change: typeof resendInvitation, done: string) =>
  staffAction(
    { name, role: 'editor', bound: z.tuple([z.uuid(), z.uuid()]), schema: z.object({}) },
    async (_, { staff, bound: [meetingId, id] }) => {
      const result = await change(staff, id);
      if (!result.ok) return invitationRefusal(result);
      revalidatePath(page(meetingId));
      return { status: 'success', message: done };
    },
  );

export const resendInvitationAction = invitationAction(
  'invitations.resend',
  resendInvitation,
  'Sent again, with the same link.',
);
export const reissueInvitationAction = invitationAction(
  'invitations.reissue',
  reissueInvitation,
  'A new link was sent; the old one no longer works.',
);
export const revokeInvitationAction = invitationAction(
  'invitations.revoke',
  revokeInvitation,
  'Revoked: the link no longer works.',
);

export const remindAction = staffAction(
  {
    name: 'invitations.remind',
    role: 'editor',
    bound: z.tuple([z.uuid()]),
    schema: z.object({ confirmedCount: z.coerce.number('The number to remind is missing.').int().min(1) }),
  },
  async ({ confirmedCount }, { staff, bound: [meetingId] }) => {
    const result = await remindUnanswered(staff, meetingId, confirmedCount);
    if (!result.ok) return invitationRefusal(result);
    revalidatePath(page(meetingId));
    return {
      status: 'success',
      message: `${confirmedCount} reminder${confirmedCount === 1 ? '' : 's'} queued for sending.`,
    };
  },
);

export const sendUpdateAction = staffAction(
  { name: 'invitations.sendUpdate', role: 'editor', bound: z.tuple([z.uuid()]), schema: z.object({}) },
  async (_, { staff, bound: [meetingId] }) => {
    const result = await sendMeetingUpdate(staff, meetingId);
    if (!result.ok) return invitationRefusal(result);
    revalidatePath(page(meetingId));
    return { status: 'success', message: 'The update was queued for every invitee who has not declined.' };
  },
);

export const saveTextsAction = staffAction(
  { name: 'invitations.saveTexts', role: 'editor', bound: z.tuple([z.uuid()]), schema: textsSchema },
  async (values, { staff, bound: [meetingId] }) => {
    const result = await saveInvitationTexts(staff, meetingId, {
      ...values,
      autoReminderDays: values.autoReminderDays ?? null,
    });
    if (!result.ok) return invitationRefusal({ ok: false, reason: 'notFound' });
    revalidatePath(page(meetingId));
    return { status: 'success', message: 'Texts saved.' };
  },
);
