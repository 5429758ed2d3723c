// Shared by server actions and the client forms that show their results (no server-only imports here).

export type FieldErrors = Partial<Record<string, string[]>>;

/**
 * Why an action refused to run at all (as opposed to refusing bad input). Machine-readable, so the authorisation
 * test can classify every action from its answers.
 */
export type Refusal =
  { reason: 'unauthenticated' | 'forbidden'; needs: 'viewer' | 'editor' | 'admin' } | { reason: 'invalidToken' };

/**
 * The action wrapper's own refusals (services/actions.ts), as codes: each page words them in its language (staff pages
 * through lib/action-messages.ts, a delegate's through the `Action` messages).
 */
export const ACTION_CODES = [
  'unreadable',
  'badCharacters',
  'missing',
  'fix',
  'failed',
  'unauthenticated',
  'forbidden',
  'invalidToken',
] as const;
export type ActionCode = (typeof ACTION_CODES)[number];

export type FormState =
  | { status: 'idle' }
  | {
      status: 'success';
      message: string;
      /** What was submitted, for a form that shows it again (a preview that saved nothing). */
      values?: Record<string, string>;
      /** Rendered, sanitised HTML by field, for a preview. */
      preview?: Record<string, string>;
    }
  | {
      status: 'error';
      /** Set by the wrapper; a handler may set it too (`fix` beside field errors it found itself). */
      code?: ActionCode;
      /** What the domain said, already in the page's language; shown instead of the code's wording. */
      message?: string;
      fieldErrors?: FieldErrors;
      values?: Record<string, string>;
      refusal?: Refusal;
    };

export const idleFormState: FormState = { status: 'idle' };

/** Every error the submission found in `field` (zod reports each broken rule, and a field can break several). */
export function fieldErrors(state: FormState, field: string): string[] {
  return state.status === 'error' ? (state.fieldErrors?.[field] ?? []) : [];
}

/** The value a failed submission carried, to put back in its field. */
export function submittedValue(state: FormState, field: string): string | undefined {
  return state.status === 'idle' ? undefined : state.values?.[field];
}
