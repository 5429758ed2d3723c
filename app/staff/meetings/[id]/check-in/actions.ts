'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { registerWalkIn, undoCheckIn } from '@/db/check-in';
import { isCountryCode } from '@/lib/countries';
import { CONTACT_LANGUAGES, INVITATION_ROLES } from '@/lib/domain';
import type { FormState } from '@/lib/form-state';
import { staffAction } from '@/services/actions';
import { answerWords } from './answer-words';

const page = (meetingId: string) => `/staff/meetings/${meetingId}/check-in`;

const walkInSchema = z.object({
  name: z.string().trim().min(1, 'Enter the name as the person writes it.').max(200),
  nameLatin: z
    .string()
    .trim()
    .max(200)
    .regex(/^[\p{Script=Latin}\s.'’-]*$/u, 'Latin letters only, as in the passport; or leave it empty.')
    .default(''),
  organisation: z.string().trim().min(1, 'Enter the organisation, or the State they represent.').max(300),
  country: z.string().refine(isCountryCode, 'Choose a country.'),
  role: z.enum(INVITATION_ROLES, 'Choose a role.'),
  language: z.enum(CONTACT_LANGUAGES, 'Choose the badge’s language.'),
  listConsent: z
    .literal('yes')
    .optional()
    .transform((v) => v === 'yes'),
  email: z.union([z.literal(''), z.email('Enter a valid email address, or leave it empty.').max(254)]).default(''),
});

/** Registers and checks in someone at the door; the answer carries their invitation, for their badge. */
export const walkInAction = staffAction(
  { name: 'checkIn.walkIn', role: 'editor', bound: z.tuple([z.uuid()]), schema: walkInSchema },
  async (input, { staff, bound: [meetingId] }): Promise<FormState> => {
    const result = await registerWalkIn({ actor: staff, meetingId, input: { ...input, email: input.email ?? '' } });
    if (!result.ok) {
      return {
        status: 'error',
        message:
          result.reason === 'alreadyInvited'
            ? 'Someone with this email is already invited to this meeting: find them by name instead.'
            : 'This meeting no longer exists.',
      };
    }
    revalidatePath(page(meetingId));
    return {
      status: 'success',
      message: `Walk-in registered. ${answerWords(result.answer)}`,
      values: { invitationId: result.invitationId },
    };
  },
);

export const undoCheckInAction = staffAction(
  { name: 'checkIn.undo', role: 'editor', bound: z.tuple([z.uuid(), z.uuid()]), schema: z.object({}) },
  async (_input, { staff, bound: [meetingId, checkInId] }): Promise<FormState> => {
    const result = await undoCheckIn({ actor: staff, meetingId, checkInId });
    if (!result.ok) return { status: 'error', message: 'This check-in was already undone.' };
    revalidatePath(page(meetingId));
    // The undone entry leaves the list, and its form with it: the page itself says what happened.
    redirect(`${page(meetingId)}?undone=1`);
  },
);
