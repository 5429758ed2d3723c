import { Notice } from '@/components/ui/notice';
import type { FormState } from '@/lib/form-state';

/** The outcome of a form submission, announced to screen readers where it appears. */
export function FormStatus({ state }: { state: FormState }) {
  return (
    <div aria-live="polite" aria-atomic="true">
      {state.status === 'error' && (
        <Notice tone="danger" role="status">
          {state.message}
        </Notice>
      )}
      {state.status === 'success' && (
        <Notice tone="success" role="status">
          {state.message}
        </Notice>
      )}
    </div>
  );
}
