import { z } from 'zod';
import { isCountryCode } from '@/lib/countries';
import { INVITATION_ROLES, ORGANISATION_TYPES } from '@/lib/domain';

// Whom to invite: the one declaration of a selection. The invite form on a meeting's Invitations page posts these
// fields (GET for the preview, POST to send), and the data layer (db/invitation-send.ts) takes what this schema
// outputs as it is. Each kind reads only its own fields; whatever else the form sends is dropped.

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const list = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const given = <Schema extends z.ZodType>(schema: Schema) => z.preprocess(blankToUndefined, schema);

export const recipientSelectionSchema = z.discriminatedUnion(
  'by',
  [
    z.object({
      by: z.literal('contacts'),
      contactId: z.preprocess(
        list,
        z.array(z.uuid('Choose contacts from the list.')).min(1, 'Tick at least one contact.').max(5000),
      ),
    }),
    // Members of the council's roster whose term covers today; with a working group, only its members.
    z.object({
      by: z.literal('roster'),
      councilId: given(z.uuid('Choose a council.')),
      workingGroupId: given(z.uuid('Choose a working group.').optional()),
    }),
    z.object({ by: z.literal('organisation'), organisationId: given(z.uuid('Choose an organisation.')) }),
    z
      .object({
        by: z.literal('filter'),
        country: given(z.string().refine(isCountryCode, 'Choose a country from the list.').optional()),
        organisationType: given(z.enum(ORGANISATION_TYPES, 'Choose a type of organisation.').optional()),
        tag: given(z.string().trim().max(60).optional()),
      })
      .refine((v) => v.country || v.organisationType || v.tag, {
        path: ['country'],
        message: 'Choose a country, a type of organisation or a tag.',
      }),
  ],
  { error: 'Choose whom to invite.' },
);

export type RecipientSelection = z.output<typeof recipientSelectionSchema>;

/** The invite form: whom, and in which role (what the preview shows). */
export const invitePreviewSchema = z.intersection(
  recipientSelectionSchema,
  z.object({ role: z.enum(INVITATION_ROLES, 'Choose the role they are invited in.') }),
);

/** Sending: the preview's fields and the number of invitations staff confirmed. */
export const inviteSchema = z.intersection(
  invitePreviewSchema,
  z.object({ confirmedCount: z.coerce.number('The number to send is missing.').int().min(0) }),
);
