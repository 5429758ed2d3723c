import { createTranslator } from 'use-intl/core';
import type { DelegationResult } from '@/db/delegations';
import type { FormState } from '@/lib/form-state';
import en from '@/messages/en.json';
import ru from '@/messages/ru.json';

// What the focal point's page says after each action, in the page's language.

type Locale = 'en' | 'ru';

export const delegationTranslator = (locale: Locale) =>
  createTranslator({ locale, messages: locale === 'ru' ? ru : en, namespace: 'Delegation' });

/** The field error codes of lib/schemas/delegation.ts, worded. */
export function nomineeFieldWords(locale: Locale): Record<string, string> {
  const t = delegationTranslator(locale);
  return {
    required: t('error.required'),
    email: t('error.email'),
    tooLong: t('error.tooLong'),
    latin: t('error.latin'),
  };
}

export function delegationOutcome(
  locale: Locale,
  result: DelegationResult,
  success: 'nominated' | 'replaced' | 'decided',
): FormState {
  const t = delegationTranslator(locale);
  if (result.ok) return { status: 'success', message: t(success) };
  const reason =
    result.reason === 'quotaFull' ||
    result.reason === 'closed' ||
    result.reason === 'alreadyInvited' ||
    result.reason === 'notFound'
      ? result.reason
      : 'invalid';
  return { status: 'error', message: t(`refused.${reason}`) };
}
