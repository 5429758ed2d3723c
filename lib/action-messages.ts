import type { ActionCode, FormState } from '@/lib/form-state';

type ErrorState = Extract<FormState, { status: 'error' }>;

/** How a page words the wrapper's codes; `{needs}` in `forbidden` is the role the action needs. */
export type ActionWords = Record<ActionCode, string>;

/** Staff pages are in English; a delegate's page passes its `Action.*` messages instead. */
export const ENGLISH_ACTION_WORDS: ActionWords = {
  unreadable: 'This form could not be read. Reload the page and try again.',
  badCharacters:
    'A field holds a character that cannot be saved (a NUL byte): nothing was saved. Remove it and try again.',
  missing: 'This form refers to something that does not exist.',
  fix: 'Please correct the fields marked below.',
  failed: 'Something went wrong and nothing was saved. Please try again.',
  unauthenticated: 'You are not signed in (or your session has ended). Sign in and try again.',
  forbidden: 'This needs the {needs} role; nothing was changed.',
  invalidToken: 'This link is not valid.',
};

/** What a page shows for a refused action: the domain's own message (already in the page's language), else the code. */
export function errorMessage(state: ErrorState, words: ActionWords = ENGLISH_ACTION_WORDS): string {
  if (state.message) return state.message;
  const needs = state.refusal && 'needs' in state.refusal ? state.refusal.needs : '';
  return words[state.code ?? 'failed'].replace('{needs}', needs);
}
