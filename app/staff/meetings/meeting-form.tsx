'use client';

import { useState } from 'react';
import { useActionForm } from '@/components/action-form';
import { Field, inputClass } from '@/components/field';
import { FormStatus } from '@/components/form-status';
import { SubmitButton } from '@/components/submit-button';
import { fieldErrors, submittedValue, type FormState } from '@/lib/form-state';
import type { MeetingFormField, MeetingFormValues } from '@/lib/schemas/meeting';

type Option = { value: string; label: string };

export function MeetingForm({
  action,
  defaults,
  submitLabel,
  savedStartsAt,
  ...options
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  defaults: MeetingFormValues;
  /** The start as saved (ISO), on the edit form: a start left as it was needs no confirmation that it is past. */
  savedStartsAt?: string;
  councils: Option[];
  workingGroups: Option[];
  kinds: Option[];
  formats: Option[];
  countries: Option[];
  timeZones: string[];
  submitLabel: string;
}) {
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} className="flex flex-col gap-6" noValidate>
      <FormStatus state={state} />
      {savedStartsAt && <input type="hidden" name="savedStartsAt" value={savedStartsAt} />}
      <MeetingFields state={state} defaults={defaults} {...options} />
      <div>
        <SubmitButton pendingLabel="Saving…" pending={pending}>
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}

function MeetingFields({
  state,
  defaults,
  councils,
  workingGroups,
  kinds,
  formats,
  countries,
  timeZones,
}: {
  state: FormState;
  defaults: MeetingFormValues;
  councils: Option[];
  workingGroups: Option[];
  kinds: Option[];
  formats: Option[];
  countries: Option[];
  timeZones: string[];
}) {
  const value = (name: MeetingFormField) => submittedValue(state, name) ?? defaults[name] ?? '';
  const [format, setFormat] = useState(value('format') || 'in_person');
  const text = (name: MeetingFormField, label: string, props: { hint?: string; type?: string; lang?: string } = {}) => (
    <Field id={`meeting-${name}`} label={label} hint={props.hint} error={fieldErrors(state, name)}>
      {(aria) => (
        <input
          {...aria}
          name={name}
          type={props.type ?? 'text'}
          lang={props.lang}
          defaultValue={value(name)}
          className={inputClass}
        />
      )}
    </Field>
  );
  const select = (name: MeetingFormField, label: string, options: Option[], hint?: string) => (
    <Field id={`meeting-${name}`} label={label} hint={hint} error={fieldErrors(state, name)}>
      {(aria) => (
        <select {...aria} name={name} defaultValue={value(name)} className={inputClass}>
          <option value="">—</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">What</legend>
        {select('councilId', 'Council', councils)}
        {select(
          'workingGroupId',
          'Working group (optional)',
          workingGroups,
          'For a meeting of one of the council’s working groups.',
        )}
        {select('kind', 'Kind of meeting', kinds)}
        {text('titleEn', 'Title in English')}
        {text('titleRu', 'Title in Russian', { lang: 'ru' })}
        <Field id="meeting-objectivesEn" label="Objectives in English" error={fieldErrors(state, 'objectivesEn')}>
          {(aria) => (
            <textarea
              {...aria}
              name="objectivesEn"
              rows={4}
              defaultValue={value('objectivesEn')}
              className={inputClass}
            />
          )}
        </Field>
        <Field id="meeting-objectivesRu" label="Objectives in Russian" error={fieldErrors(state, 'objectivesRu')}>
          {(aria) => (
            <textarea
              {...aria}
              name="objectivesRu"
              lang="ru"
              rows={4}
              defaultValue={value('objectivesRu')}
              className={inputClass}
            />
          )}
        </Field>
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">When (in the venue’s time zone)</legend>
        <div className="sm:col-span-2">
          {select(
            'timeZone',
            'Venue time zone',
            timeZones.map((z) => ({ value: z, label: z.replaceAll('_', ' ') })),
            'Dates and times below are the clock at the venue, e.g. Asia/Tashkent or America/New_York.',
          )}
        </div>
        {text('startDate', 'Start date', { type: 'date' })}
        {text('startTime', 'Start time', { type: 'time' })}
        {text('endDate', 'End date', { type: 'date' })}
        {text('endTime', 'End time', { type: 'time' })}
        <PastConfirmation state={state} />
        {text('deadlineDate', 'Registration deadline: date', { type: 'date', hint: 'Optional. Before the start.' })}
        {text('deadlineTime', 'Registration deadline: time', { type: 'time' })}
        {text('capacity', 'Capacity (seats)', {
          type: 'number',
          hint: 'Optional: leave empty for no limit. When full, acceptances join a waiting list.',
        })}
        {text('waitlistOfferHours', 'Waiting list: hours to take a freed seat', {
          type: 'number',
          hint: 'A freed seat is offered to the first on the list for this long (never past the start). Default 48.',
        })}
        <label className="flex items-start gap-2 sm:col-span-2">
          <input
            type="checkbox"
            name="visaSupport"
            defaultChecked={
              state.status === 'error' ? submittedValue(state, 'visaSupport') === 'on' : defaults.visaSupport === 'on'
            }
            className="mt-1 size-5"
          />
          <span>
            Ask delegates for visa-support details (nationality, passport number, date of birth, passport expiry). They
            are stored encrypted, shown to admins only, and deleted 30 days after the meeting.
          </span>
        </label>
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">Where</legend>
        <Field id="meeting-format" label="Format" error={fieldErrors(state, 'format')}>
          {(aria) => (
            // Uncontrolled (like every field here), so React's reset after an action restores the chosen format.
            <select
              {...aria}
              name="format"
              defaultValue={format}
              onChange={(e) => setFormat(e.target.value)}
              className={inputClass}
            >
              {formats.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('meetingLink', 'Meeting link', { type: 'url', hint: 'For online and hybrid meetings, https://…' })}
        {text('cityEn', 'City in English', { hint: format === 'online' ? 'Not used for online meetings.' : undefined })}
        {text('cityRu', 'City in Russian', { lang: 'ru' })}
        {text('cityRuLocative', 'City in Russian, locative (в …)', {
          lang: 'ru',
          hint: 'As the summary draft says it: «в Ташкенте». Left empty, the five Central Asian capitals are known; other cities read «в городе …».',
        })}
        {select('country', 'Country', countries)}
        {text('venueEn', 'Venue in English')}
        {text('venueRu', 'Venue in Russian', { lang: 'ru' })}
      </fieldset>
    </>
  );
}

/**
 * "Yes, it is in the past", once the server has said the start is past (or it was ticked): a plain checkbox posted
 * with the form, so the confirmation works without JavaScript too.
 */
function PastConfirmation({ state }: { state: FormState }) {
  const errors = fieldErrors(state, 'confirmPast');
  const ticked = submittedValue(state, 'confirmPast') === 'on';
  if (errors.length === 0 && !ticked) return null;
  return (
    <div className="sm:col-span-2">
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          name="confirmPast"
          id="meeting-confirmPast"
          defaultChecked={ticked}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={errors.length > 0 ? 'meeting-confirmPast-error' : undefined}
          className="mt-1 size-5"
        />
        <span>Yes, it is in the past</span>
      </label>
      <div id="meeting-confirmPast-error" aria-live="polite" className="text-sm font-medium text-danger-800">
        {errors.map((error) => (
          <p key={error}>{error}</p>
        ))}
      </div>
    </div>
  );
}
