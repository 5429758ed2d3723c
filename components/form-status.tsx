import type { FormState } from '@/lib/form-state';

/** The outcome of a form submission, announced to screen readers where it appears. */
export function FormStatus({ state }: { state: FormState }) {
  return (
    <div aria-live="polite" aria-atomic="true">
      {state.status === 'error' && (
        <p role="status" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {state.message}
        </p>
      )}
      {state.status === 'success' && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          {state.message}
        </p>
      )}
    </div>
  );
}
