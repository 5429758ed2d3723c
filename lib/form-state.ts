// Shared by server actions and the client forms that show their results (no server-only imports here).

export type FieldErrors = Partial<Record<string, string[]>>;

export type FormState =
  | { status: 'idle' }
  | { status: 'success'; message: string }
  | { status: 'error'; message: string; fieldErrors?: FieldErrors; values?: Record<string, string> };

export const idleFormState: FormState = { status: 'idle' };

export function fieldError(state: FormState, field: string): string | undefined {
  return state.status === 'error' ? state.fieldErrors?.[field]?.[0] : undefined;
}

/** The value a failed submission carried, to put back in its field. */
export function submittedValue(state: FormState, field: string): string | undefined {
  return state.status === 'error' ? state.values?.[field] : undefined;
}
