import { z } from 'zod';
import { isCountryCode } from '@/lib/countries';
import { INVITATION_ROLES, ORGANISATION_TYPES } from '@/lib/domain';
import { PLACEHOLDERS, unknownPlaceholders } from '@/lib/invitation-template';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const list = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Who to invite, as the invite form sends it (GET for the preview, POST to send). */
export const selectionSchema = z
  .object({
    by: z.enum(['contacts', 'roster', 'organisation', 'filter'], 'Choose whom to invite.'),
    contactId: z.preprocess(list, z.array(z.uuid('Choose contacts from the list.')).max(5000)),
    councilId: z.preprocess(blankToUndefined, z.uuid('Choose a council.').optional()),
    workingGroupId: z.preprocess(blankToUndefined, z.uuid('Choose a working group.').optional()),
    organisationId: z.preprocess(blankToUndefined, z.uuid('Choose an organisation.').optional()),
    country: z.preprocess(
      blankToUndefined,
      z.string().refine(isCountryCode, 'Choose a country from the list.').optional(),
    ),
    organisationType: z.preprocess(
      blankToUndefined,
      z.enum(ORGANISATION_TYPES, 'Choose a type of organisation.').optional(),
    ),
    tag: z.preprocess(blankToUndefined, z.string().trim().max(60).optional()),
    role: z.enum(INVITATION_ROLES, 'Choose the role they are invited in.'),
  })
  .superRefine((v, ctx) => {
    if (v.by === 'contacts' && v.contactId.length === 0)
      ctx.addIssue({ code: 'custom', path: ['contactId'], message: 'Tick at least one contact.' });
    if (v.by === 'roster' && !v.councilId)
      ctx.addIssue({ code: 'custom', path: ['councilId'], message: 'Choose a council.' });
    if (v.by === 'organisation' && !v.organisationId)
      ctx.addIssue({ code: 'custom', path: ['organisationId'], message: 'Choose an organisation.' });
    if (v.by === 'filter' && !v.country && !v.organisationType && !v.tag) {
      ctx.addIssue({
        code: 'custom',
        path: ['country'],
        message: 'Choose a country, a type of organisation or a tag.',
      });
    }
  });

export type SelectionInput = z.output<typeof selectionSchema>;

export function toRecipientSelection(v: SelectionInput) {
  switch (v.by) {
    case 'contacts':
      return { by: 'contacts' as const, contactIds: v.contactId };
    case 'roster':
      return { by: 'roster' as const, councilId: v.councilId!, workingGroupId: v.workingGroupId ?? null };
    case 'organisation':
      return { by: 'organisation' as const, organisationId: v.organisationId! };
    case 'filter':
      return { by: 'filter' as const, country: v.country, organisationType: v.organisationType, tag: v.tag };
  }
}

export const sendSchema = z.intersection(
  selectionSchema,
  z.object({ confirmedCount: z.coerce.number('The number to send is missing.').int().min(0) }),
);

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
