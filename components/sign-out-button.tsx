'use client';

import { useActionState } from 'react';
import { errorMessage } from '@/lib/action-messages';
import { idleFormState, type FormState } from '@/lib/form-state';

export function SignOutButton({ action }: { action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction}>
      <button type="submit" className="rounded border border-white/70 px-2 py-1 text-white hover:bg-white/10">
        Sign out
      </button>
      {state.status === 'error' && (
        <span role="status" className="ml-2">
          {errorMessage(state)}
        </span>
      )}
    </form>
  );
}
