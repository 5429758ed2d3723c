'use client';

import { FormRow, inputClass } from '@/components/field';
import { FormStatus } from '@/components/form-status';
import { SubmitButton } from '@/components/submit-button';
import { buttonClass } from '@/components/ui/button';
import { useActionForm } from '@/components/action-form';
import type { FormState } from '@/lib/form-state';

/** Someone at the door who is not registered: registered and checked in in one go, then their badge on offer. */
export function WalkInForm({
  meetingId,
  action,
  countries,
  roles,
}: {
  meetingId: string;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  countries: { code: string; name: string }[];
  roles: { value: string; label: string }[];
}) {
  const { state, pending, formProps } = useActionForm(action, { resetOnSuccess: true });
  const registered = state.status === 'success' ? state.values?.invitationId : undefined;
  return (
    <>
      <form {...formProps} className="flex flex-col gap-3" noValidate aria-label="Register a walk-in">
        <FormRow id="walk-in-name" label="Name, as the person writes it">
          <input id="walk-in-name" name="name" className={inputClass} autoComplete="off" required />
        </FormRow>
        <FormRow
          id="walk-in-latin"
          label="Name in Latin letters (optional)"
          hint="As in the passport; left empty, it is transliterated."
        >
          <input id="walk-in-latin" name="nameLatin" className={inputClass} autoComplete="off" />
        </FormRow>
        <FormRow id="walk-in-organisation" label="Organisation or State represented">
          <input id="walk-in-organisation" name="organisation" className={inputClass} autoComplete="off" required />
        </FormRow>
        <FormRow id="walk-in-country" label="Country">
          <select id="walk-in-country" name="country" className={inputClass} defaultValue="">
            <option value="">Choose…</option>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </FormRow>
        <FormRow id="walk-in-role" label="Role">
          <select id="walk-in-role" name="role" className={inputClass} defaultValue="delegate">
            {roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </FormRow>
        <FormRow id="walk-in-language" label="Badge language">
          <select id="walk-in-language" name="language" className={inputClass} defaultValue="en">
            <option value="en">English</option>
            <option value="ru">Russian</option>
          </select>
        </FormRow>
        <FormRow id="walk-in-email" label="Email (optional)">
          <input id="walk-in-email" name="email" type="email" className={inputClass} autoComplete="off" />
        </FormRow>
        <div className="flex items-start gap-2">
          <input id="walk-in-consent" name="listConsent" type="checkbox" value="yes" className="mt-1 size-5" />
          <label htmlFor="walk-in-consent">They agree to appear in the list of participants</label>
        </div>
        <div>
          <SubmitButton pending={pending} pendingLabel="Registering…">
            Register and check in
          </SubmitButton>
        </div>
        <FormStatus state={state} />
      </form>
      {registered && (
        <form method="post" action={`/staff/meetings/${meetingId}/badges`} className="mt-3">
          <input type="hidden" name="which" value="one" />
          <input type="hidden" name="layout" value="a6" />
          <input type="hidden" name="invitationId" value={registered} />
          <button type="submit" className={buttonClass({ variant: 'secondary' })}>
            Print their badge (A6 PDF)
          </button>
        </form>
      )}
    </>
  );
}
