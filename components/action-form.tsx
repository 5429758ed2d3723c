'use client';

import { useActionState, type ReactNode } from 'react';
import { FormStatus } from '@/components/form-status';
import { SubmitButton } from '@/components/submit-button';
import { idleFormState, type FormState } from '@/lib/form-state';

/**
 * A small form around one server action: its fields (rendered by the page), a submit button, and the outcome
 * announced beside it. Works without JavaScript.
 */
export function ActionForm({
  action,
  children,
  submitLabel,
  pendingLabel,
  variant = 'primary',
  className = 'flex flex-wrap items-end gap-2',
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  children?: ReactNode;
  submitLabel: ReactNode;
  pendingLabel?: string;
  variant?: 'primary' | 'secondary' | 'danger';
  className?: string;
}) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} className={className} noValidate>
      {children}
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {submitLabel}
      </SubmitButton>
      <div className="basis-full">
        <FormStatus state={state} />
        {state.status === 'error' && state.fieldErrors && (
          <ul className="mt-1 text-sm text-red-800">
            {Object.entries(state.fieldErrors).map(([field, errors]) => (
              <li key={field}>{errors?.[0]}</li>
            ))}
          </ul>
        )}
      </div>
    </form>
  );
}
