'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { actOnInvitations, inviteContacts, saveInvitationTexts, sendMeetingUpdate } from '@/db/invitations';
import { bulkActionSchema, followUpParams, selectionFilters } from '@/lib/invitation-follow-up';
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

/**
 * Remind, resend, new link or revoke, on the ticked invitations or on all matching the filters, once staff have
 * confirmed the count the confirmation view showed. Back to the list (filters kept), which says what was done.
 */
export const bulkInvitationsAction = staffAction(
  { name: 'invitations.bulk', role: 'editor', bound: z.tuple([z.uuid()]), schema: bulkActionSchema },
  async ({ action, confirmedCount, since, ...selection }, { staff, bound: [meetingId] }) => {
    const result = await actOnInvitations(staff, meetingId, {
      action,
      selection,
      confirmedCount,
      since: since ? new Date(since) : null,
    });
    if (!result.ok) return invitationRefusal(result);
    revalidatePath(page(meetingId));
    const back = new URLSearchParams(
      Object.entries({
        ...followUpParams(selectionFilters(selection)),
        done: action,
        n: String(result.count ?? 0),
      }).filter((e): e is [string, string] => Boolean(e[1])),
    );
    redirect(`${page(meetingId)}?${back}#invited`);
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
