'use client';

import { useState } from 'react';
import { ActionForm } from '@/components/action-form';
import { FormRow, inputClass } from '@/components/field';
import type { FormState } from '@/lib/form-state';
import {
  fillNotePlaceholders,
  NOTE_PLACEHOLDERS,
  unknownNotePlaceholders,
  type NotePlaceholderValues,
} from '@/lib/note-verbale';

const FIELDS = [
  { name: 'noteTextEn', label: 'Note verbale, English', lang: 'en' },
  { name: 'noteTextRu', label: 'Note verbale, Russian', lang: 'ru' },
] as const;

/**
 * The meeting's note verbale in both languages, each with a live preview as a sample addressee would read it. An
 * unknown placeholder shows at once here, and the server refuses it on saving.
 */
export function NoteTextsEditor({
  action,
  texts,
  samples,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  texts: Record<'noteTextEn' | 'noteTextRu', string>;
  samples: Record<'en' | 'ru', NotePlaceholderValues>;
}) {
  const [values, setValues] = useState(texts);
  return (
    <ActionForm action={action} submitLabel="Save texts" className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">
        Placeholders: {NOTE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}. The reference number, the place and date,
        and the addressee at the foot are added to every note; a note verbale is not signed (initial and stamp it).
      </p>
      {FIELDS.map((field) => {
        const unknown = unknownNotePlaceholders(values[field.name]);
        return (
          <div key={field.name} className="grid gap-3 md:grid-cols-2">
            <FormRow id={`text-${field.name}`} label={field.label}>
              <textarea
                id={`text-${field.name}`}
                name={field.name}
                lang={field.lang}
                rows={10}
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
              data-testid={`preview-${field.name}`}
              lang={field.lang}
              className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm whitespace-pre-line"
            >
              <span className="mb-1 block text-xs font-semibold tracking-wide text-slate-700 uppercase">Preview</span>
              {fillNotePlaceholders(values[field.name], samples[field.lang])}
            </div>
          </div>
        );
      })}
    </ActionForm>
  );
}
