import { z } from 'zod';
import { NOTE_PLACEHOLDERS, unknownNotePlaceholders } from '@/lib/note-verbale';

const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

const noteText = (label: string) =>
  z
    .string()
    .max(5000, `Keep the ${label} under 5,000 characters.`)
    .transform((t) => t.replace(/\r\n/g, '\n').trim())
    .superRefine((text, ctx) => {
      const unknown = unknownNotePlaceholders(text);
      if (unknown.length)
        ctx.addIssue({
          code: 'custom',
          message: `Unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `{{${u}}}`).join(', ')}: use ${NOTE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}.`,
        });
    })
    .transform((t) => (t === '' ? null : t));

export const noteTextsSchema = z.object({
  noteTextEn: noteText('English text'),
  noteTextRu: noteText('Russian text'),
});

export const issueNoteSchema = z.object({
  language: z.enum(['en', 'ru'], 'Choose the note’s language.'),
  addressee: z
    .string()
    .trim()
    .min(1, 'Name the addressee as the note does.')
    .max(300, 'Keep the addressee under 300 characters.'),
  quota: z.coerce
    .number('Give the number of seats.')
    .int('Give a whole number of seats.')
    .min(1, 'Give 1 to 50 seats.')
    .max(50, 'Give 1 to 50 seats.'),
  deadline: z.preprocess(
    blankToNull,
    z.iso.date('Give the nomination deadline as a date, or leave it blank.').nullable(),
  ),
});

const optionalSetting = (max: number, label: string) =>
  z.preprocess(blankToNull, z.string().trim().max(max, `Keep the ${label} under ${max} characters.`).nullable());

export const noteSettingsSchema = z.object({
  prefix: z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .max(20, 'Keep the prefix under 20 characters.')
      .regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, 'Use Latin letters, digits, dots and hyphens (RCCA, UNRCCA-NV).')
      .nullable(),
  ),
  placeEn: optionalSetting(100, 'English place'),
  placeRu: optionalSetting(100, 'Russian place'),
});
