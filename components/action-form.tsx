'use client';

import {
  createContext,
  startTransition,
  useActionState,
  useContext,
  useLayoutEffect,
  useRef,
  type FormEvent,
  type ReactNode,
} from 'react';
import { FormStatus } from '@/components/form-status';
import { SubmitButton } from '@/components/submit-button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import type { ButtonVariant } from '@/components/ui/button';
import type { ActionWords } from '@/lib/action-messages';
import { fieldErrors, idleFormState, type FormState } from '@/lib/form-state';

const Outcome = createContext<{ state: FormState; fieldWords?: Record<string, string> }>({ state: idleFormState });

/**
 * Every error of `field` from the enclosing ActionForm's last answer, placed by the page beside its control (point the
 * control's aria-describedby at `id`, and list the field in the form's `inlineErrors`).
 */
export function ActionFieldErrors({ field, id }: { field: string; id: string }) {
  const { state, fieldWords } = useContext(Outcome);
  return (
    <div id={id} aria-live="polite" className="text-sm font-medium text-danger-800">
      {fieldErrors(state, field).map((error) => (
        <p key={error}>{fieldWords?.[error] ?? error}</p>
      ))}
    </div>
  );
}

/**
 * The one way a form keeps what was typed after a refusal. `useActionState`, plus an onSubmit that dispatches the
 * action itself (with the button pressed, for name/value pairs), so React does not reset the fields to the page's
 * defaults when the action returns; a second press while pending is ignored. Without JavaScript the form is a plain
 * post, and the page renders the fields from `submittedValue(state, …)` (the values the wrapper echoes back).
 */
export function useActionForm(
  action: (state: FormState, formData: FormData) => Promise<FormState>,
  { resetOnSuccess = false } = {},
) {
  const [state, formAction, pending] = useActionState(action, idleFormState);
  const ref = useRef<HTMLFormElement>(null);
  // Before the browser paints the outcome, so nobody can start typing into a form that is about to be cleared.
  useLayoutEffect(() => {
    if (resetOnSuccess && state.status === 'success') ref.current?.reset();
  }, [state, resetOnSuccess]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(data));
  };
  return { state, pending, formProps: { ref, action: formAction, onSubmit } };
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
  words,
  fieldWords,
  inlineErrors = [],
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  children?: ReactNode;
  submitLabel: ReactNode;
  pendingLabel?: string;
  variant?: ButtonVariant;
  className?: string;
  /** Ask before submitting (destructive and mass actions): the submit label opens the question and the real button. */
  confirm?: { question: ReactNode; confirmLabel: ReactNode };
  /** The wrapper's refusals in the page's language (a delegate's page); English otherwise. */
  words?: ActionWords;
  /** Field errors that arrive as codes (a delegate's page), worded in the page's language. */
  fieldWords?: Record<string, string>;
  /** Fields whose errors the page shows beside them (ActionFieldErrors); the others are listed under the button. */
  inlineErrors?: string[];
}) {
  const { state, pending, formProps } = useActionForm(action, { resetOnSuccess: true });
  const listed = Object.entries(state.status === 'error' ? (state.fieldErrors ?? {}) : {})
    .filter(([field]) => !inlineErrors.includes(field))
    .flatMap(([, errors]) => errors ?? []);
  return (
    <form {...formProps} className={className} noValidate>
      <Outcome value={{ state, fieldWords }}>{children}</Outcome>
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
        <FormStatus state={state} words={words} />
        {listed.length > 0 && (
          <ul className="mt-1 text-sm text-danger-800">
            {listed.map((error) => (
              <li key={error}>{fieldWords?.[error] ?? error}</li>
            ))}
          </ul>
        )}
      </div>
    </form>
  );
}
