import { createTranslator } from 'use-intl/core';
import type { CancelResult, OfferResult, RegistrationResult } from '@/db/registrations';
import type { ActionWords } from '@/lib/action-messages';
import { ACTION_CODES, type FormState } from '@/lib/form-state';
import en from '@/messages/en.json';
import ru from '@/messages/ru.json';

// The delegate's page in one place: what each refusal of the data layer says, in the page's language.

type Locale = 'en' | 'ru';
type Refused<Result> = Extract<Result, { ok: false }>;

const translator = <Namespace extends 'Invitation' | 'Registration' | 'Action'>(locale: Locale, namespace: Namespace) =>
  createTranslator({ locale, messages: locale === 'ru' ? ru : en, namespace });

/** The wrapper's refusal codes in the page's language, for the page's forms. */
export function actionWords(locale: Locale): ActionWords {
  const t = translator(locale, 'Action');
  return Object.fromEntries(ACTION_CODES.map((code) => [code, t(code)])) as ActionWords;
}

export const answerRefused = (locale: Locale, reason: string): FormState => ({
  status: 'error',
  message: translator(locale, 'Invitation')(reason === 'closed' ? 'closed' : 'answerFailed'),
});

export function registrationRefused(locale: Locale, result: Refused<RegistrationResult>): FormState {
  const t = translator(locale, 'Registration');
  switch (result.reason) {
    case 'visaNotAsked':
      return { status: 'error', message: t('error.visaNotAsked'), fieldErrors: { nationality: ['visaNotAsked'] } };
    case 'passportExpiry':
      return { status: 'error', code: 'fix', fieldErrors: { passportExpiry: ['passportExpiry'] } };
    case 'attendance':
      return { status: 'error', code: 'fix', fieldErrors: { attendance: ['attendance'] } };
    case 'closed':
      return { status: 'error', message: t('closed') };
    case 'invalid':
      return { status: 'error', message: t('failed') };
  }
}

export function cancelRefused(locale: Locale, result: Refused<CancelResult>): FormState {
  const t = translator(locale, 'Registration');
  const key = result.reason === 'started' ? 'cannotCancel' : result.reason === 'nothing' ? 'nothingToCancel' : 'failed';
  return { status: 'error', message: t(key) };
}

export const seatRefused = (locale: Locale, result: Refused<OfferResult>): FormState => ({
  status: 'error',
  message: translator(locale, 'Registration')(result.reason === 'gone' ? 'offerGone' : 'failed'),
});
