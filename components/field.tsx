import type { ReactNode } from 'react';
import { FieldControl } from '@/components/action-form';

/**
 * A labelled form control with its hint and errors; the control is passed as a render function that gets the id to
 * use (FormRow wires up the rest).
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
  /** Problems the page found itself; the enclosing ActionForm's answer for the control's name is shown anyway. */
  error?: string | string[];
  children: (control: { id: string }) => ReactNode;
}) {
  return (
    <FormRow id={id} label={label} hint={hint} error={error}>
      {children({ id })}
    </FormRow>
  );
}

export const inputClass =
  'min-h-10 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base aria-[invalid=true]:border-danger-700';

/**
 * A label, an optional hint and a server-rendered control (the child whose id is `id`), with every error of the
 * control's field beside it: those in the enclosing ActionForm's answer for the control's `name`, and `error`. The
 * control's aria-describedby and aria-invalid are set here (FieldControl).
 */
export function FormRow({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  /** Problems the page found itself (e.g. a form outside an ActionForm), each on its own line. */
  error?: string | string[];
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
      <FieldControl id={id} hinted={Boolean(hint)} error={[error ?? []].flat()}>
        {children}
      </FieldControl>
    </div>
  );
}
