'use client';

import { useState } from 'react';
import { ActionForm } from '@/components/action-form';
import { FormRow, inputClass } from '@/components/field';
import type { FormState } from '@/lib/form-state';
import { fillPlaceholders, PLACEHOLDERS, unknownPlaceholders, type PlaceholderValues } from '@/lib/invitation-template';

type TextField = 'invitationTextEn' | 'invitationTextRu' | 'reminderTextEn' | 'reminderTextRu';

const FIELDS: { name: TextField; label: string; lang: 'en' | 'ru' }[] = [
  { name: 'invitationTextEn', label: 'Invitation, English', lang: 'en' },
  { name: 'invitationTextRu', label: 'Invitation, Russian', lang: 'ru' },
  { name: 'reminderTextEn', label: 'Reminder, English', lang: 'en' },
  { name: 'reminderTextRu', label: 'Reminder, Russian', lang: 'ru' },
];

/**
 * The meeting's invitation and reminder texts, each with a live preview as a sample invitee would read it (the
 * placeholders filled in). An unknown placeholder shows at once here, and the server refuses it on saving.
 */
export function TextsEditor({
  action,
  texts,
  samples,
  autoReminderDays,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  texts: Record<TextField, string>;
  samples: Record<'en' | 'ru', PlaceholderValues>;
  autoReminderDays: number | null;
}) {
  const [values, setValues] = useState(texts);
  return (
    <ActionForm action={action} submitLabel="Save texts" className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">
        Placeholders: {PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}. The meeting’s details, the personal link and the
        calendar file are added below the text in every email.
      </p>
      {FIELDS.map((field) => {
        const unknown = unknownPlaceholders(values[field.name]);
        return (
          <div key={field.name} className="grid gap-3 md:grid-cols-2">
            <FormRow id={`text-${field.name}`} label={field.label}>
              <textarea
                id={`text-${field.name}`}
                name={field.name}
                lang={field.lang}
                rows={7}
                value={values[field.name]}
                onChange={(event) => setValues({ ...values, [field.name]: event.target.value })}
                aria-describedby={`preview-${field.name}`}
                aria-invalid={unknown.length ? true : undefined}
                className={inputClass}
              />
              {unknown.length > 0 && (
                <p className="text-sm font-medium text-danger-800">
                  Unknown placeholder: {unknown.map((u) => `{{${u}}}`).join(', ')}
                </p>
              )}
            </FormRow>
            <div
              id={`preview-${field.name}`}
              lang={field.lang}
              className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm whitespace-pre-line"
            >
              <span className="mb-1 block text-xs font-semibold tracking-wide text-slate-700 uppercase">Preview</span>
              {fillPlaceholders(values[field.name], samples[field.lang])}
            </div>
          </div>
        );
      })}
      <FormRow id="auto-reminder-days" label="Remind those who have not answered, this many days before the deadline">
        <p id="auto-reminder-days-hint" className="text-sm text-slate-700">
          Blank: no automatic reminder. Sent once, by the mail worker.
        </p>
        <input
          id="auto-reminder-days"
          name="autoReminderDays"
          type="number"
          min={1}
          max={60}
          defaultValue={autoReminderDays ?? ''}
          aria-describedby="auto-reminder-days-hint"
          className={`${inputClass} max-w-32`}
        />
      </FormRow>
    </ActionForm>
  );
}
