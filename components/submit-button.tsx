'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { buttonClass, type ButtonVariant } from '@/components/ui/button';

/** A submit button that says when its form is on its way and ignores a second press meanwhile. */
export function SubmitButton({
  children,
  pendingLabel,
  variant = 'primary',
  name,
  value,
  pending: pendingOverride,
}: {
  children: ReactNode;
  pendingLabel?: string;
  variant?: ButtonVariant;
  name?: string;
  value?: string;
  /** For forms that dispatch their action themselves, where useFormStatus cannot see it. */
  pending?: boolean;
}) {
  const status = useFormStatus();
  const pending = pendingOverride ?? status.pending;
  return (
    <button
      type="submit"
      name={name}
      value={value}
      aria-disabled={pending}
      onClick={(event) => {
        if (pending) event.preventDefault();
      }}
      className={buttonClass({ variant })}
    >
      {pending ? (pendingLabel ?? children) : children}
    </button>
  );
}
