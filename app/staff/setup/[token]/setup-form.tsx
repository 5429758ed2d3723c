'use client';

import { useActionState } from 'react';
import { Field, inputClass } from '@/components/field';
import { FormStatus } from '@/components/form-status';
import { SubmitButton } from '@/components/submit-button';
import { fieldErrors, idleFormState, submittedValue, type FormState } from '@/lib/form-state';

export function SetupForm({
  action,
  fixedEmail,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  fixedEmail: string | null;
}) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} className="mt-6 flex flex-col gap-4" noValidate>
      <FormStatus state={state} />
      <Field id="name" label="Your name" error={fieldErrors(state, 'name')}>
        {(aria) => (
          <input
            {...aria}
            name="name"
            autoComplete="name"
            required
            defaultValue={submittedValue(state, 'name')}
            className={inputClass}
          />
        )}
      </Field>
      {fixedEmail ? (
        <p>
          Email: <strong>{fixedEmail}</strong>
        </p>
      ) : (
        <Field
          id="email"
          label="Your work email"
          hint="You will sign in with this address from now on."
          error={fieldErrors(state, 'email')}
        >
          {(aria) => (
            <input
              {...aria}
              name="email"
              type="email"
              autoComplete="email"
              required
              defaultValue={submittedValue(state, 'email')}
              className={inputClass}
            />
          )}
        </Field>
      )}
      <div>
        <SubmitButton pendingLabel="Setting up…">Create my admin account and sign in</SubmitButton>
      </div>
    </form>
  );
}
