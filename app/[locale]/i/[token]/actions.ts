'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { answerInvitation } from '@/db/invitations';
import { cancelRegistration, submitRegistration, takeOfferedSeat } from '@/db/registrations';
import { tokenAction } from '@/services/actions';
import { authSecret } from '@/lib/auth/secret';
import { readInvitationToken } from '@/lib/invitation-token';
import { getPathname } from '@/lib/i18n/navigation';
import { declineSchema } from '@/lib/schemas/delegation';
import {
  REGISTRATION_FIELDS,
  registrationSchema,
  VISA_FIELDS,
  type RegistrationInput,
} from '@/lib/schemas/registration';
import type { Done } from './done';
import { answerRefused, cancelRefused, registrationRefused, seatRefused } from './messages';

const bound = z.tuple([z.string().max(100), z.enum(['en', 'ru'])]);

// Only a link this server made gets any further; whether it may still answer is the data layer's to say. The refusal
// is a code (`invalidToken`): the page words it in its own language.
const verifyToken = async (token: string) =>
  readInvitationToken(authSecret(), token) ? { ok: true as const } : { ok: false as const };

// The page shows the answer as stored: render it again after one.
const showAnswer = () => revalidatePath('/[locale]/i/[token]', 'page');

/** Where a delegate lands after an answer or a registration step: their page, saying what happened (Post/Redirect/Get, so a reload
 * or a flaky connection's retry of the page does not post the form again). */
const landing = (token: string, locale: 'en' | 'ru', done: Done): never =>
  redirect(getPathname({ href: { pathname: `/i/${token}`, query: { done } }, locale }));

export const acceptInvitationAction = tokenAction(
  { name: 'delegate.acceptInvitation', bound, verifyToken, schema: z.object({}) },
  async (_, { bound: [token, locale] }) => {
    const result = await answerInvitation(token, { accept: true });
    if (!result.ok) return answerRefused(locale, result.reason);
    showAnswer();
    return landing(token, locale, 'accepted');
  },
);

export const declineInvitationAction = tokenAction(
  {
    name: 'delegate.declineInvitation',
    bound,
    verifyToken,
    // With an optional substitute (lib/schemas/delegation.ts): the focal point or staff decide on them.
    schema: declineSchema,
  },
  async ({ reason, substitute }, { bound: [token, locale] }) => {
    const result = await answerInvitation(token, { accept: false, reason: reason || null, substitute });
    if (!result.ok) return answerRefused(locale, result.reason);
    showAnswer();
    return landing(token, locale, 'declined');
  },
);

/** The stored fields as the form posts them (never the visa details), for a form shown again after a refusal. */
const asPosted = (input: RegistrationInput): Record<string, string> => ({
  ...Object.fromEntries(
    REGISTRATION_FIELDS.map((field) => {
      const value = input[field];
      return [field, typeof value === 'boolean' ? (value ? 'on' : '') : (value ?? '')];
    }),
  ),
  gender: input.gender ?? '',
  dataConsent: 'on',
});

/** The registration form (new, or a change of an active registration). Visa details are never echoed back. */
export const registerAction = tokenAction(
  { name: 'delegate.register', bound, verifyToken, schema: registrationSchema, secretFields: [...VISA_FIELDS] },
  async (input, { bound: [token, locale] }) => {
    const result = await submitRegistration(token, input);
    // The data layer's refusals (a hybrid meeting's attendance, a passport expiring too soon) keep what was typed.
    if (!result.ok) return { ...registrationRefused(locale, result), values: asPosted(input) };
    return landing(token, locale, result.outcome);
  },
);

export const cancelRegistrationAction = tokenAction(
  { name: 'delegate.cancelRegistration', bound, verifyToken, schema: z.object({}) },
  async (_, { bound: [token, locale] }) => {
    const result = await cancelRegistration(token);
    if (!result.ok) return cancelRefused(locale, result);
    return landing(token, locale, 'cancelled');
  },
);

export const takeSeatAction = tokenAction(
  { name: 'delegate.takeSeat', bound, verifyToken, schema: z.object({}) },
  async (_, { bound: [token, locale] }) => {
    const result = await takeOfferedSeat(token);
    if (!result.ok) return seatRefused(locale, result);
    return landing(token, locale, 'seat');
  },
);
