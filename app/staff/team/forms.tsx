'use client';

import { useActionState } from 'react';
import { useActionForm } from '@/components/action-form';
import { Field, inputClass } from '@/components/field';
import { FormStatus } from '@/components/form-status';
import { SubmitButton } from '@/components/submit-button';
import { ROLE_DESCRIPTIONS, STAFF_ROLES, type StaffRole } from '@/lib/auth/roles';
import { fieldErrors, idleFormState, submittedValue, type FormState } from '@/lib/form-state';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export function AddStaffForm({ action }: { action: Action }) {
  const { state, pending, formProps } = useActionForm(action, { resetOnSuccess: true });
  return (
    <form {...formProps} className="grid gap-4 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <FormStatus state={state} />
      </div>
      <AddStaffFields state={state} />
      <div className="self-end pb-6">
        <SubmitButton pendingLabel="Adding…" pending={pending}>
          Add staff member
        </SubmitButton>
      </div>
    </form>
  );
}

function AddStaffFields({ state }: { state: FormState }) {
  return (
    <>
      <Field id="staff-name" label="Name" error={fieldErrors(state, 'name')}>
        {(aria) => (
          <input {...aria} name="name" required defaultValue={submittedValue(state, 'name')} className={inputClass} />
        )}
      </Field>
      <Field id="staff-email" label="Email" error={fieldErrors(state, 'email')}>
        {(aria) => (
          <input
            {...aria}
            name="email"
            type="email"
            required
            defaultValue={submittedValue(state, 'email')}
            className={inputClass}
          />
        )}
      </Field>
      <Field id="staff-role" label="Role" error={fieldErrors(state, 'role')}>
        {(aria) => (
          <select {...aria} name="role" defaultValue={submittedValue(state, 'role') ?? 'viewer'} className={inputClass}>
            {STAFF_ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_DESCRIPTIONS[role]}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}

export function ChangeRoleForm({ action, current, who }: { action: Action; current: StaffRole; who: string }) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`role-${who}`}>
        Role of {who}
      </label>
      <select
        id={`role-${who}`}
        name="role"
        defaultValue={current}
        className="min-h-10 rounded-md border border-slate-400 bg-white px-2"
      >
        {STAFF_ROLES.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </select>
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        <span>
          Save role<span className="sr-only"> of {who}</span>
        </span>
      </SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}

export function SetActiveForm({ action, active, who }: { action: Action; active: boolean; who: string }) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="active" value={active ? 'false' : 'true'} />
      <SubmitButton variant={active ? 'danger' : 'secondary'} pendingLabel="Saving…">
        <span>
          {active ? 'Deactivate' : 'Reactivate'}
          <span className="sr-only"> {who}</span>
        </span>
      </SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
