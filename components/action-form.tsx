'use client';

import { useActionState, useLayoutEffect, useRef, startTransition, type FormEvent, type ReactNode } from 'react';
import { FormStatus } from '@/components/form-status';
import { SubmitButton } from '@/components/submit-button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import type { ButtonVariant } from '@/components/ui/button';
import { idleFormState, type FormState } from '@/lib/form-state';

/**
 * An onSubmit that dispatches the form's action itself (with the button pressed, for name/value pairs), so React does
 * not reset the fields to the page's defaults when the action returns; a second press while pending is ignored.
 */
export function useSubmitKeepingValues(formAction: (data: FormData) => void, pending: boolean) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(data));
  };
}

/**
 * A small form around one server action: its fields (rendered by the page), a submit button, and the outcome
 * announced beside it. Works without JavaScript (a plain post). With JavaScript, a refused submission keeps what
 * was typed — React would otherwise reset the fields to the page's defaults — and a successful one clears them.
 */
export function ActionForm({
  action,
  children,
  submitLabel,
  pendingLabel,
  variant = 'primary',
  className = 'flex flex-wrap items-end gap-2',
  confirm,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  children?: ReactNode;
  submitLabel: ReactNode;
  pendingLabel?: string;
  variant?: ButtonVariant;
  className?: string;
  /** Ask before submitting (destructive and mass actions): the submit label opens the question and the real button. */
  confirm?: { question: ReactNode; confirmLabel: ReactNode };
}) {
  const [state, formAction, pending] = useActionState(action, idleFormState);
  const form = useRef<HTMLFormElement>(null);
  // Before the browser paints the outcome, so nobody can start typing into a form that is about to be cleared.
  useLayoutEffect(() => {
    if (state.status === 'success') form.current?.reset();
  }, [state]);
  const submit = useSubmitKeepingValues(formAction, pending);
  return (
    <form ref={form} action={formAction} onSubmit={submit} className={className} noValidate>
      {children}
      {confirm ? (
        <ConfirmButton
          label={submitLabel}
          question={confirm.question}
          confirmLabel={confirm.confirmLabel}
          variant={variant}
          pendingLabel={pendingLabel}
          pending={pending}
        />
      ) : (
        <SubmitButton variant={variant} pendingLabel={pendingLabel} pending={pending}>
          {submitLabel}
        </SubmitButton>
      )}
      <div className="basis-full">
        <FormStatus state={state} />
        {state.status === 'error' && state.fieldErrors && (
          <ul className="mt-1 text-sm text-danger-800">
            {Object.entries(state.fieldErrors).map(([field, errors]) => (
              <li key={field}>{errors?.[0]}</li>
            ))}
          </ul>
        )}
      </div>
    </form>
  );
}
