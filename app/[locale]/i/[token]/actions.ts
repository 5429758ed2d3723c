'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createTranslator } from 'use-intl/core';
import { z } from 'zod';
import { answerInvitation } from '@/db/invitations';
import { cancelRegistration, submitRegistration, takeOfferedSeat } from '@/db/registrations';
import { tokenAction } from '@/services/actions';
import { authSecret } from '@/lib/auth/secret';
import { readInvitationToken } from '@/lib/invitation-token';
import en from '@/messages/en.json';
import ru from '@/messages/ru.json';
import { registrationSchema, VISA_FIELDS } from '@/lib/schemas/registration';
import type { Done } from './done';

const bound = z.tuple([z.string().max(100), z.enum(['en', 'ru'])]);

// Only a link this server made gets any further; whether it may still answer is the data layer's to say.
const verifyToken = async (token: string) =>
  readInvitationToken(authSecret(), token)
    ? { ok: true as const }
    : { ok: false as const, message: 'This link is not valid. · Эта ссылка недействительна.' };

// The delegate's page is in English or Russian: the wrapper's own messages are given in both.
const texts = {
  unreadable:
    'This form could not be read. Reload the page and try again. · Не удалось прочитать форму. Обновите страницу и попробуйте снова.',
  missing: 'This link is not valid. · Эта ссылка недействительна.',
  fix: 'Please correct the fields marked below. · Исправьте, пожалуйста, отмеченные поля.',
  failed:
    'Something went wrong and nothing was saved. Please try again. · Что-то пошло не так, ничего не сохранено. Попробуйте ещё раз.',
};

const t = (locale: 'en' | 'ru') =>
  createTranslator({ locale, messages: locale === 'ru' ? ru : en, namespace: 'Invitation' });
const tr = (locale: 'en' | 'ru') =>
  createTranslator({ locale, messages: locale === 'ru' ? ru : en, namespace: 'Registration' });

// The page shows the answer as stored: render it again after one.
const showAnswer = () => revalidatePath('/[locale]/i/[token]', 'page');

export const acceptInvitationAction = tokenAction(
  { bound, verifyToken, texts, schema: z.object({}) },
  async (_, { bound: [token, locale] }) => {
    const result = await answerInvitation(token, { accept: true });
    if (result.ok) showAnswer();
    return result.ok
      ? { status: 'success', message: t(locale)('answerSaved') }
      : { status: 'error', message: t(locale)(result.reason === 'closed' ? 'closed' : 'answerFailed') };
  },
);

export const declineInvitationAction = tokenAction(
  {
    bound,
    verifyToken,
    texts,
    schema: z.object({
      reason: z
        .string()
        .trim()
        .max(1000, `${en.Invitation.reasonTooLong} · ${ru.Invitation.reasonTooLong}`)
        .default(''),
    }),
  },
  async ({ reason }, { bound: [token, locale] }) => {
    const result = await answerInvitation(token, { accept: false, reason: reason || null });
    if (result.ok) showAnswer();
    return result.ok
      ? { status: 'success', message: t(locale)('answerSaved') }
      : { status: 'error', message: t(locale)(result.reason === 'closed' ? 'closed' : 'answerFailed') };
  },
);

/** Where a delegate lands after a registration step: their page, saying what happened (Post/Redirect/Get, so a reload
 * or a flaky connection's retry of the page does not post the form again). */
const landing = (token: string, locale: 'en' | 'ru', done: Done): never =>
  redirect(`${locale === 'ru' ? '/ru' : ''}/i/${token}?done=${done}`);

/** The registration form (new, or a change of an active registration). Visa details are never echoed back. */
export const registerAction = tokenAction(
  { bound, verifyToken, texts, schema: registrationSchema, secretFields: [...VISA_FIELDS] },
  async (input, { bound: [token, locale] }) => {
    const result = await submitRegistration(token, input);
    const m = tr(locale);
    if (!result.ok) {
      if (result.reason === 'visaNotAsked')
        return { status: 'error', message: m('error.visaNotAsked'), fieldErrors: { nationality: ['visaNotAsked'] } };
      if (result.reason === 'passportExpiry')
        return { status: 'error', message: texts.fix, fieldErrors: { passportExpiry: ['passportExpiry'] } };
      return { status: 'error', message: m(result.reason === 'closed' ? 'closed' : 'failed') };
    }
    return landing(token, locale, result.outcome);
  },
);

export const cancelRegistrationAction = tokenAction(
  { bound, verifyToken, texts, schema: z.object({}) },
  async (_, { bound: [token, locale] }) => {
    const result = await cancelRegistration(token);
    const m = tr(locale);
    if (!result.ok)
      return {
        status: 'error',
        message: m(
          result.reason === 'started' ? 'cannotCancel' : result.reason === 'nothing' ? 'nothingToCancel' : 'failed',
        ),
      };
    return landing(token, locale, 'cancelled');
  },
);

export const takeSeatAction = tokenAction(
  { bound, verifyToken, texts, schema: z.object({}) },
  async (_, { bound: [token, locale] }) => {
    const result = await takeOfferedSeat(token);
    const m = tr(locale);
    if (!result.ok) return { status: 'error', message: m(result.reason === 'gone' ? 'offerGone' : 'failed') };
    return landing(token, locale, 'seat');
  },
);
