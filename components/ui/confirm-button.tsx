import type { ReactNode } from 'react';
import { SubmitButton } from '@/components/submit-button';
import { buttonClass, type ButtonVariant } from './button';

/**
 * A button that asks before a destructive or mass action. The visible control opens a native disclosure (<details>)
 * that holds the question and the real submit button: no JavaScript needed, and the keyboard works as for any
 * disclosure (Enter or Space on the first button, Tab to the second). Place it inside the form it submits.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  variant = 'danger',
  pendingLabel,
  pending,
}: {
  /** What the first button says: "Revoke a.b@example.org". */
  label: ReactNode;
  /** The question under it: what will happen, and that it cannot be undone. */
  question: ReactNode;
  /** The real submit button: "Yes, revoke a.b@example.org". */
  confirmLabel: ReactNode;
  variant?: ButtonVariant;
  pendingLabel?: string;
  pending?: boolean;
}) {
  return (
    <details>
      <summary
        className={buttonClass({ variant, className: 'cursor-pointer list-none [&::-webkit-details-marker]:hidden' })}
      >
        {label}
      </summary>
      <div className="mt-2 flex flex-col items-start gap-2 text-sm">
        <p>{question}</p>
        <SubmitButton variant={variant} pendingLabel={pendingLabel} pending={pending}>
          {confirmLabel}
        </SubmitButton>
      </div>
    </details>
  );
}
