import { Notice } from '@/components/ui/notice';
import { errorMessage, type ActionWords } from '@/lib/action-messages';
import type { FormState } from '@/lib/form-state';

/**
 * The outcome of a form submission, announced to screen readers where it appears. Refusals are worded in English
 * unless the page passes its own `words` (a delegate's page, in the delegate's language).
 */
export function FormStatus({ state, words }: { state: FormState; words?: ActionWords }) {
  return (
    <div aria-live="polite" aria-atomic="true">
      {state.status === 'error' && (
        <Notice tone="danger" role="status">
          {errorMessage(state, words)}
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
