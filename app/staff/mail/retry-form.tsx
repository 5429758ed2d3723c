'use client';

import { useActionState } from 'react';
import { FormStatus } from '@/components/form-status';
import { SubmitButton } from '@/components/submit-button';
import { idleFormState, type FormState } from '@/lib/form-state';

export function RetryForm({ action }: { action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} className="flex flex-col items-start gap-2">
      <SubmitButton pendingLabel="Queuing…">Retry delivery</SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
