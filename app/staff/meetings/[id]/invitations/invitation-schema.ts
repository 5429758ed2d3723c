import { z } from 'zod';
import { PLACEHOLDERS, unknownPlaceholders } from '@/lib/invitation-template';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const templateText = (label: string) =>
  z
    .string()
    .max(5000, `Keep the ${label} under 5,000 characters.`)
    .transform((t) => t.replace(/\r\n/g, '\n').trim())
    .superRefine((text, ctx) => {
      const unknown = unknownPlaceholders(text);
      if (unknown.length) {
        ctx.addIssue({
          code: 'custom',
          message: `Unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `{{${u}}}`).join(', ')}: use ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}.`,
        });
      }
    })
    .transform((t) => (t === '' ? null : t));

export const textsSchema = z.object({
  invitationTextEn: templateText('English invitation'),
  invitationTextRu: templateText('Russian invitation'),
  reminderTextEn: templateText('English reminder'),
  reminderTextRu: templateText('Russian reminder'),
  autoReminderDays: z.preprocess(
    blankToUndefined,
    z.coerce
      .number('Give a number of days, or leave it blank.')
      .int('Give a whole number of days.')
      .min(1, 'Give 1 to 60 days, or leave it blank.')
      .max(60, 'Give 1 to 60 days, or leave it blank.')
      .optional(),
  ),
});
