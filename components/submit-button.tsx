'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

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
  variant?: 'primary' | 'secondary' | 'danger';
  name?: string;
  value?: string;
  /** For forms that dispatch their action themselves, where useFormStatus cannot see it. */
  pending?: boolean;
}) {
  const status = useFormStatus();
  const pending = pendingOverride ?? status.pending;
  const styles = {
    primary: 'bg-brand-700 text-white hover:bg-brand-800',
    secondary: 'border border-slate-400 bg-white text-slate-900 hover:bg-slate-100',
    danger: 'bg-red-700 text-white hover:bg-red-800',
  }[variant];
  return (
    <button
      type="submit"
      name={name}
      value={value}
      aria-disabled={pending}
      onClick={(event) => {
        if (pending) event.preventDefault();
      }}
      className={`inline-flex min-h-10 items-center rounded-md px-4 py-2 text-sm font-medium aria-disabled:opacity-70 ${styles}`}
    >
      {pending ? (pendingLabel ?? children) : children}
    </button>
  );
}
