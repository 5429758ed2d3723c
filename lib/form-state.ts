// Shared by server actions and the client forms that show their results (no server-only imports here).

export type FieldErrors = Partial<Record<string, string[]>>;

/**
 * Why an action refused to run at all (as opposed to refusing bad input). Machine-readable, so the authorisation
 * test can classify every action from its answers.
 */
export type Refusal =
  { reason: 'unauthenticated' | 'forbidden'; needs: 'viewer' | 'editor' | 'admin' } | { reason: 'invalidToken' };

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
  | { status: 'error'; message: string; fieldErrors?: FieldErrors; values?: Record<string, string>; refusal?: Refusal };

export const idleFormState: FormState = { status: 'idle' };

export function fieldError(state: FormState, field: string): string | undefined {
  return state.status === 'error' ? state.fieldErrors?.[field]?.[0] : undefined;
}

/** The value a failed submission carried, to put back in its field. */
export function submittedValue(state: FormState, field: string): string | undefined {
  return state.status === 'idle' ? undefined : state.values?.[field];
}
