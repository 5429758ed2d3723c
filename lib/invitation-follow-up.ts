import { z } from 'zod';
import { isCountryCode } from './countries';
import { INVITATION_ROLES, ORGANISATION_TYPES } from './domain';

// The invitations follow-up list as it travels in the URL (the dashboard links into it, so this is a contract):
// /staff/meetings/<id>/invitations?answer=&delivery=&country=&type=&role=&q=&sort=&page=
// Anything unreadable is dropped, not an error, as in lib/directory-filters.ts.

/** Where an invitee stands: their answer, or what became of the registration behind it. */
export const ANSWERS = [
  'no_answer',
  'accepted',
  'declined',
  'registered',
  'waitlisted',
  'offered',
  'lapsed',
  'cancelled',
  'revoked',
] as const;
export type Answer = (typeof ANSWERS)[number];

export const ANSWER_LABELS: Record<Answer, string> = {
  no_answer: 'No answer',
  accepted: 'Accepted, not registered yet',
  declined: 'Declined',
  registered: 'Registered',
  waitlisted: 'Waiting list',
  offered: 'Seat offered',
  lapsed: 'Offer lapsed',
  cancelled: 'Registration cancelled',
  revoked: 'Revoked',
};

/** The answer filter: one answer, or `answered` (anything but no answer and revoked). */
export const ANSWER_FILTERS = ['answered', ...ANSWERS] as const;
export type AnswerFilter = (typeof ANSWER_FILTERS)[number];

/** The state of the invitation's latest email; the outbox's `sending` counts as queued. */
export const DELIVERIES = ['queued', 'sent', 'failed', 'captured'] as const;
export type Delivery = (typeof DELIVERIES)[number];

export const DELIVERY_LABELS: Record<Delivery, string> = {
  queued: 'Queued',
  sent: 'Sent',
  failed: 'Failed',
  captured: 'Kept in the app (not sent)',
};

export const FOLLOW_UP_SORTS = ['name', 'country', 'organisation', 'answer', 'reminded', 'invited'] as const;
export type FollowUpSort = (typeof FOLLOW_UP_SORTS)[number];

export const FOLLOW_UP_SORT_LABELS: Record<FollowUpSort, string> = {
  name: 'Name',
  country: 'Country',
  organisation: 'Organisation',
  answer: 'Answer',
  reminded: 'Last reminded (latest first)',
  invited: 'Invited (latest first)',
};

export const FOLLOW_UP_PAGE_SIZE = 50;

const filterFields = {
  answer: z.enum(ANSWER_FILTERS).optional().catch(undefined),
  delivery: z.enum(DELIVERIES).optional().catch(undefined),
  country: z
    .string()
    .refine((c) => c === 'none' || isCountryCode(c))
    .optional()
    .catch(undefined),
  type: z.enum(ORGANISATION_TYPES).optional().catch(undefined),
  role: z.enum(INVITATION_ROLES).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
};

const followUpSchema = z.object({
  ...filterFields,
  sort: z.enum(FOLLOW_UP_SORTS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

const plain = (params: Params) =>
  params instanceof URLSearchParams
    ? Object.fromEntries(params)
    : Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));

export type FollowUpFilters = {
  answer?: AnswerFilter;
  delivery?: Delivery;
  country?: string;
  organisationType?: (typeof ORGANISATION_TYPES)[number];
  role?: (typeof INVITATION_ROLES)[number];
  search?: string;
};

export type FollowUpQuery = FollowUpFilters & { sort: FollowUpSort; page: number };

export function readFollowUpQuery(params: Params): FollowUpQuery {
  const f = followUpSchema.parse(plain(params));
  return {
    answer: f.answer,
    delivery: f.delivery,
    country: f.country,
    organisationType: f.type,
    role: f.role,
    search: f.q || undefined,
    sort: f.sort ?? 'name',
    page: f.page ?? 1,
  };
}

/** The query's filters back as URL parameters (sort and page included when given), for links and hidden fields. */
export function followUpParams(query: FollowUpFilters & { sort?: FollowUpSort; page?: number }) {
  return {
    answer: query.answer,
    delivery: query.delivery,
    country: query.country,
    type: query.organisationType,
    role: query.role,
    q: query.search,
    sort: query.sort && query.sort !== 'name' ? query.sort : undefined,
    page: query.page && query.page > 1 ? String(query.page) : undefined,
  };
}

// ── Acting on a selection ────────────────────────────────────────────────────────────────────────────────────────

export const BULK_ACTIONS = ['remind', 'resend', 'reissue', 'revoke'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/**
 * The selection as the bulk form posts it: ticked invitation ids, or `all` (every invitation matching the filters,
 * which then come along). Unlike the list's URL, a filter value that cannot be read is refused here: acting on
 * "everyone matching" a filter that was silently dropped would act on more people than staff saw.
 */
const selectionFields = z.object({
  id: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : [v].flat()))
    .pipe(z.array(z.uuid('Those invitations could not be read: choose them again.')).max(5000)),
  all: z.literal('1').optional(),
  answer: z.enum(ANSWER_FILTERS, 'Unknown answer filter.').optional(),
  delivery: z.enum(DELIVERIES, 'Unknown delivery filter.').optional(),
  country: z
    .string()
    .refine((c) => c === 'none' || isCountryCode(c), 'Unknown country.')
    .optional(),
  type: z.enum(ORGANISATION_TYPES, 'Unknown type of organisation.').optional(),
  role: z.enum(INVITATION_ROLES, 'Unknown role.').optional(),
  q: z.string().trim().max(200).optional(),
  again: z.literal('1').optional(),
});

// Empty fields (a filter left at "any") are absent, not values to check.
const withoutEmpty = (input: unknown) =>
  input && typeof input === 'object'
    ? Object.fromEntries(Object.entries(input).filter(([, v]) => v !== '' && v !== undefined))
    : input;

const picked = (s: { all?: '1'; id: string[] }) => s.all === '1' || s.id.length > 0;
const nobodyPicked = { message: 'Tick at least one invitation.', path: ['id'] };

export const bulkSelectionSchema = z.preprocess(withoutEmpty, selectionFields.refine(picked, nobodyPicked));

/** What the bulk form's confirmation posts: the selection, the action, and the count staff confirmed. */
export const bulkActionSchema = z.preprocess(
  withoutEmpty,
  selectionFields
    .extend({
      action: z.enum(BULK_ACTIONS, 'Choose what to do.'),
      confirmedCount: z.coerce.number('The number confirmed is missing.').int().min(1).max(100_000),
      // When the confirmation was shown (the database's clock): "remind again" reminds only those reminded before.
      since: z.iso.datetime({ offset: true, error: 'The confirmation could not be read: confirm again.' }).optional(),
    })
    .refine(picked, nobodyPicked),
);

export type BulkSelection = z.output<typeof selectionFields>;

/** A selection's filters in the data layer's shape. */
export const selectionFilters = (s: BulkSelection): FollowUpFilters => ({
  answer: s.answer,
  delivery: s.delivery,
  country: s.country,
  organisationType: s.type,
  role: s.role,
  search: s.q || undefined,
});
