'use client';

import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/action-form';
import { Field, inputClass } from '@/components/field';
import { FormStatus } from '@/components/form-status';
import { SubmitButton } from '@/components/submit-button';
import type { CountryOption } from '@/lib/countries';
import { ACTION_CODES, fieldErrors, submittedValue, type FormState } from '@/lib/form-state';
import type { ActionWords } from '@/lib/action-messages';
import { ATTENDANCE_MODES, GENDERS, type Gender } from '@/lib/domain';
import type {
  RegistrationDetails,
  RegistrationField,
  RegistrationFormField,
  VisaField,
} from '@/lib/schemas/registration';

/** What is on file: the stored fields, each the type the data layer keeps. */
export type RegistrationDefaults = Partial<RegistrationDetails>;

/**
 * The delegate's registration form: a plain form post without JavaScript (the page comes back with the outcome and
 * per-field errors in its language), enhanced with it. Visa details are never filled back in: they are not shown
 * to anyone but the secretariat's administrators, the delegate included.
 */
export function RegistrationForm({
  action,
  defaults,
  email,
  countries,
  territories,
  visaSupport,
  hybrid,
  hasVisaDetails,
  privacyHref,
  submitLabel,
  gender,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  defaults: RegistrationDefaults;
  email: string;
  countries: CountryOption[];
  /** Offered for nationality only, after the States. */
  territories: CountryOption[];
  visaSupport: boolean;
  /** A hybrid meeting asks whether the delegate attends in person or online. */
  hybrid: boolean;
  hasVisaDetails: boolean;
  privacyHref: string;
  submitLabel: string;
  /** The delegate's own answer on file, to keep it when they change something else. */
  gender?: Gender;
}) {
  const t = useTranslations('Registration');
  const a = useTranslations('Action');
  const words = Object.fromEntries(ACTION_CODES.map((code) => [code, a(code)])) as ActionWords;
  const { state, pending, formProps } = useActionForm(action);
  // Field errors arrive as codes (see lib/schemas/registration.ts).
  const error = (field: RegistrationFormField) =>
    fieldErrors(state, field).map((code) => {
      const [key, max] = code.split(':');
      return t(`error.${key}` as 'error.required', { max: max ?? '' });
    });
  const value = (field: RegistrationField) => submittedValue(state, field) ?? String(defaults[field] ?? '');
  const required = ` * (${t('required')})`;
  const text = (
    field: RegistrationField,
    label: string,
    props: { hint?: string; type?: string; autoComplete?: string; optional?: boolean } = {},
  ) => (
    <Field
      id={`reg-${field}`}
      label={props.optional ? label : `${label}${required}`}
      hint={props.hint}
      error={error(field)}
    >
      {(aria) => (
        <input
          {...aria}
          name={field}
          type={props.type ?? 'text'}
          defaultValue={value(field)}
          autoComplete={props.autoComplete}
          required={!props.optional}
          className={inputClass}
        />
      )}
    </Field>
  );
  const options = (list: CountryOption[]) =>
    list.map((c) => (
      <option key={c.code} value={c.code}>
        {c.name}
      </option>
    ));
  const countrySelect = (aria: object, name: RegistrationFormField, defaultValue: string, isRequired: boolean) => (
    <select {...aria} name={name} defaultValue={defaultValue} required={isRequired} className={inputClass}>
      <option value="">{t('chooseCountry')}</option>
      {options(countries)}
      {name === 'nationality' && <optgroup label={t('otherTerritories')}>{options(territories)}</optgroup>}
    </select>
  );
  const longText = (field: RegistrationField, label: string) => (
    <Field id={`reg-${field}`} label={label} hint={t('optional')} error={error(field)}>
      {(aria) => <textarea {...aria} name={field} rows={2} defaultValue={value(field)} className={inputClass} />}
    </Field>
  );
  const checkbox = (field: Extract<RegistrationFormField, 'listConsent' | 'dataConsent'>) => ({
    name: field,
    defaultChecked:
      state.status === 'error'
        ? submittedValue(state, field) === 'on'
        : field === 'listConsent'
          ? (defaults.listConsent ?? false)
          : !!defaults.passportName,
  });

  return (
    <form {...formProps} className="flex flex-col gap-4" noValidate>
      <FormStatus state={state} words={words} />
      <div className="flex flex-col gap-4">
        {text('passportName', t('passportName'), { hint: t('passportNameHint'), autoComplete: 'name' })}
        {text('displayName', t('displayName'))}
        {text('title', t('title'), { autoComplete: 'organization-title', optional: true })}
        {text('organisationName', t('organisation'), { autoComplete: 'organization' })}
        <Field id="reg-country" label={`${t('country')}${required}`} error={error('country')}>
          {(aria) => countrySelect(aria, 'country', value('country'), true)}
        </Field>
        <Field id="reg-email" label={t('email')} hint={t('emailHint')}>
          {(aria) => <input {...aria} type="email" value={email} readOnly className={`${inputClass} bg-slate-100`} />}
        </Field>
        {text('phone', t('phone'), { type: 'tel', autoComplete: 'tel' })}
        {hybrid && (
          <fieldset aria-describedby="reg-attendance-error">
            <legend className="text-sm font-medium">
              {t('attendance')}
              {required}
            </legend>
            <div className="mt-1 flex flex-wrap gap-x-6 gap-y-2">
              {ATTENDANCE_MODES.map((mode) => (
                <label key={mode} className="flex items-center gap-2">
                  <input
                    type="radio"
                    name="attendance"
                    value={mode}
                    defaultChecked={value('attendance') === mode}
                    required
                    aria-invalid={error('attendance').length > 0 ? true : undefined}
                    className="size-5"
                  />
                  {t(mode === 'in_person' ? 'attendanceInPerson' : 'attendanceOnline')}
                </label>
              ))}
            </div>
            <p id="reg-attendance-error" aria-live="polite" className="text-sm font-medium text-red-800">
              {error('attendance').join(' ')}
            </p>
          </fieldset>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          {text('arrivalDate', t('arrival'), { type: 'date', hint: t('datesHint'), optional: true })}
          {text('departureDate', t('departure'), { type: 'date', hint: t('datesHint'), optional: true })}
        </div>
        {longText('accessibilityNeeds', t('accessibility'))}
        {longText('dietaryNeeds', t('dietary'))}
        <fieldset aria-describedby="reg-gender-hint reg-gender-error">
          <legend className="text-sm font-medium">{t('gender')}</legend>
          <p id="reg-gender-hint" className="text-sm text-slate-700">
            {t('genderHint')}
          </p>
          <div className="mt-1 flex flex-wrap gap-x-6 gap-y-2">
            {GENDERS.map((option) => (
              <label key={option} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="gender"
                  value={option}
                  defaultChecked={(submittedValue(state, 'gender') ?? gender ?? 'prefer_not_to_say') === option}
                  className="size-5"
                />
                {t(`genderOption.${option}`)}
              </label>
            ))}
          </div>
          <p id="reg-gender-error" aria-live="polite" className="text-sm font-medium text-red-800">
            {error('gender').join(' ')}
          </p>
        </fieldset>

        {visaSupport && (
          <fieldset className="flex flex-col gap-4 rounded-md border border-slate-300 p-4">
            <legend className="px-1 font-semibold">{t('visaHeading')}</legend>
            <p className="text-sm text-slate-700">{t('visaIntro')}</p>
            {hasVisaDetails && <p className="text-sm font-medium">{t('visaOnFile')}</p>}
            <Field id="reg-nationality" label={t('nationality')} error={error('nationality')}>
              {(aria) => countrySelect(aria, 'nationality', '', false)}
            </Field>
            {(['passportNumber', 'dateOfBirth', 'passportExpiry'] as const satisfies readonly VisaField[]).map(
              (field) => (
                <Field key={field} id={`reg-${field}`} label={t(field)} error={error(field)}>
                  {(aria) => (
                    <input
                      {...aria}
                      name={field}
                      type={field === 'passportNumber' ? 'text' : 'date'}
                      autoComplete="off"
                      className={inputClass}
                    />
                  )}
                </Field>
              ),
            )}
          </fieldset>
        )}

        <div className="flex flex-col gap-3">
          <label className="flex items-start gap-2">
            <input type="checkbox" {...checkbox('listConsent')} className="mt-1 size-5" />
            <span>{t('listConsent')}</span>
          </label>
          <div>
            <label className="flex items-start gap-2">
              <input
                type="checkbox"
                {...checkbox('dataConsent')}
                required
                aria-invalid={error('dataConsent').length > 0 ? true : undefined}
                aria-describedby="reg-dataConsent-error"
                className="mt-1 size-5"
              />
              <span>
                {t('dataConsent')}
                {required}{' '}
                <a href={privacyHref} className="underline">
                  {t('privacyLink')}
                </a>
              </span>
            </label>
            <p id="reg-dataConsent-error" aria-live="polite" className="text-sm font-medium text-red-800">
              {error('dataConsent').join(' ')}
            </p>
          </div>
        </div>
      </div>
      <div>
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
