import type { ReactNode } from 'react';

/**
 * A labelled form control with its hint and error, wired up for assistive technology: the control (passed as a
 * render function) gets the ids to point at.
 */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  /** Every problem with the field, each on its own line. */
  error?: string | string[];
  children: (aria: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}) {
  const errors = [error ?? []].flat();
  const describedBy = [hint && `${id}-hint`, errors.length > 0 && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <FormRow id={id} label={label} hint={hint}>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': errors.length > 0 ? true : undefined })}
      <div id={`${id}-error`} aria-live="polite" className="min-h-0 text-sm font-medium text-danger-800">
        {errors.map((text) => (
          <p key={text}>{text}</p>
        ))}
      </div>
    </FormRow>
  );
}

export const inputClass =
  'min-h-10 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base aria-[invalid=true]:border-danger-700';

/** A label, an optional hint and a server-rendered control (whose id and aria-describedby the caller sets). */
export function FormRow({
  id,
  label,
  hint,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      {children}
    </div>
  );
}
