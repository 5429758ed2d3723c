import Link from 'next/link';
import { ActionFieldErrors, ActionForm } from '@/components/action-form';
import { FormRow, inputClass } from '@/components/field';
import { countryOptions, territoryOptions } from '@/lib/countries';
import { GENDER_LABELS, GENDERS } from '@/lib/domain';
import type { FormState } from '@/lib/form-state';
import type { RegistrationDetails, RegistrationField } from '@/lib/schemas/registration';

// The delegate's registration form as staff fill it in for them (after a phone call) or correct it: the same fields
// and the same schema (lib/schemas/registration.ts), worded in English for the secretariat.

/** The schema's error codes (`tooLong:200`), worded for staff. */
const FIELD_WORDS: Record<string, string> = {
  required: 'Please fill in this field.',
  ...Object.fromEntries(
    [40, 200, 300, 1000].map((max) => [`tooLong:${max}`, `Please keep this under ${max} characters.`]),
  ),
  latin: 'Use Latin letters, as printed in the passport.',
  country: 'Choose a country from the list.',
  date: 'Enter a valid date.',
  stay: 'The departure date cannot be before the arrival date.',
  phone: 'Enter a phone number: digits, spaces, + ( ) and - only.',
  consent: 'Registration needs the delegate’s consent to the processing of their data.',
  gender: 'Choose one of the answers.',
  attendance: 'Choose whether the delegate attends in person or online.',
  visaNotAsked: 'This meeting does not ask for visa details.',
  passportNumber: 'Enter the passport number as printed: 5 to 20 letters and digits.',
  dateOfBirth: 'Enter a date of birth in the past.',
  passportExpiry: 'The passport must be valid beyond the end of the meeting.',
};

const TEXT_FIELDS: [RegistrationField, string, { type?: string; optional?: boolean; hint?: string }][] = [
  ['passportName', 'Name as in passport (Latin letters)', {}],
  ['displayName', 'Name as usually written', {}],
  ['title', 'Title or position', { optional: true }],
  ['organisationName', 'Organisation', {}],
];

export function StaffRegistrationForm({
  action,
  defaults,
  email,
  visaSupport,
  hasVisaDetails,
  hybrid,
  mode,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  defaults: Partial<RegistrationDetails>;
  email: string;
  visaSupport: boolean;
  hasVisaDetails: boolean;
  /** A hybrid meeting records whether each registrant attends in person or online. */
  hybrid: boolean;
  /** `register`: on the delegate's behalf, with their consent confirmed; `correct`: consent stays as given. */
  mode: 'register' | 'correct';
}) {
  const value = (field: RegistrationField) => String(defaults[field] ?? '');
  const label = (text: string, optional?: boolean) => (optional ? `${text} (optional)` : text);
  const input = (
    field: RegistrationField,
    text: string,
    props: { type?: string; optional?: boolean; hint?: string },
  ) => (
    <FormRow key={field} id={`staff-reg-${field}`} label={label(text, props.optional)} hint={props.hint}>
      <input
        id={`staff-reg-${field}`}
        name={field}
        type={props.type ?? 'text'}
        defaultValue={value(field)}
        className={inputClass}
      />
    </FormRow>
  );
  const countries = countryOptions('en');
  return (
    <ActionForm
      action={action}
      submitLabel={mode === 'register' ? 'Register and email the delegate' : 'Save the correction'}
      className="mt-4 flex max-w-2xl flex-col gap-4"
      fieldWords={FIELD_WORDS}
    >
      <p className="text-sm text-slate-700">
        The confirmation goes to <strong>{email}</strong>, in the delegate’s language.
      </p>
      {TEXT_FIELDS.map(([field, text, props]) => input(field, text, props))}
      <FormRow id="staff-reg-country" label="Country">
        <select id="staff-reg-country" name="country" defaultValue={value('country')} className={inputClass}>
          <option value="">Choose a country</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </FormRow>
      {input('phone', 'Phone, with country code', { type: 'tel' })}
      {hybrid && (
        <fieldset aria-describedby="staff-reg-attendance-error">
          <legend className="text-sm font-medium">Attends</legend>
          <div className="mt-1 flex flex-wrap gap-x-6 gap-y-2">
            {(['in_person', 'online'] as const).map((mode) => (
              <label key={mode} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="attendance"
                  value={mode}
                  defaultChecked={value('attendance') === mode}
                  className="size-5"
                />
                {mode === 'in_person' ? 'In person' : 'Online'}
              </label>
            ))}
          </div>
          <ActionFieldErrors field="attendance" id="staff-reg-attendance-error" />
        </fieldset>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {input('arrivalDate', 'Arrival date', { type: 'date', optional: true })}
        {input('departureDate', 'Departure date', { type: 'date', optional: true })}
      </div>
      {(['accessibilityNeeds', 'dietaryNeeds'] as const).map((field) => (
        <FormRow
          key={field}
          id={`staff-reg-${field}`}
          label={label(field === 'accessibilityNeeds' ? 'Accessibility needs' : 'Dietary needs', true)}
        >
          <textarea
            id={`staff-reg-${field}`}
            name={field}
            rows={2}
            defaultValue={value(field)}
            className={inputClass}
          />
        </FormRow>
      ))}
      {mode === 'register' && (
        // Asked when staff register someone; never shown again per person, so not on the correction form.
        <fieldset>
          <legend className="text-sm font-medium">Gender (optional, counted only in the meeting&apos;s totals)</legend>
          <div className="mt-1 flex flex-wrap gap-x-6 gap-y-2">
            {GENDERS.map((option) => (
              <label key={option} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="gender"
                  value={option}
                  defaultChecked={option === 'prefer_not_to_say'}
                  className="size-5"
                />
                {option === 'prefer_not_to_say' ? 'Prefer not to say' : GENDER_LABELS[option]}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {visaSupport && (
        <fieldset className="flex flex-col gap-4 rounded-md border border-slate-300 p-4">
          <legend className="px-1 font-semibold">Visa support (optional)</legend>
          <p className="text-sm text-slate-700">
            {hasVisaDetails
              ? 'Details are on file, encrypted, and are not shown here. Fill in all four fields only to replace them.'
              : 'All four fields, as printed in the passport; stored encrypted and shown only to admins.'}
          </p>
          <FormRow id="staff-reg-nationality" label="Nationality">
            <select id="staff-reg-nationality" name="nationality" defaultValue="" className={inputClass}>
              <option value="">Choose a country</option>
              {[...countries, ...territoryOptions('en')].map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </FormRow>
          {(
            [
              ['passportNumber', 'Passport number', 'text'],
              ['dateOfBirth', 'Date of birth', 'date'],
              ['passportExpiry', 'Passport valid until', 'date'],
            ] as const
          ).map(([field, text, type]) => (
            <FormRow key={field} id={`staff-reg-${field}`} label={text}>
              <input id={`staff-reg-${field}`} name={field} type={type} autoComplete="off" className={inputClass} />
            </FormRow>
          ))}
        </fieldset>
      )}
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          name="listConsent"
          defaultChecked={defaults.listConsent ?? false}
          className="mt-1 size-5"
        />
        <span>The delegate agrees to appear (name, title, organisation) in the list of participants.</span>
      </label>
      {mode === 'register' && (
        <div>
          <label className="flex items-start gap-2">
            <input
              id="staff-reg-dataConsent"
              type="checkbox"
              name="dataConsent"
              aria-describedby="staff-reg-dataConsent-error"
              className="mt-1 size-5"
            />
            <span>
              The delegate agreed to the processing of their data for this meeting, as the privacy notice (
              <Link href="/privacy" className="underline">
                /privacy
              </Link>
              ) describes.
            </span>
          </label>
          <ActionFieldErrors field="dataConsent" id="staff-reg-dataConsent-error" />
        </div>
      )}
    </ActionForm>
  );
}
