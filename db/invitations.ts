import 'server-only';
import { and, asc, count, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { assertRole, type StaffUser } from '@/lib/auth/roles';
import { authSecret } from '@/lib/auth/secret';
import type { ContactLanguage, InvitationRole, InvitationStatus, OutboxStatus } from '@/lib/domain';
import {
  ANSWERS,
  FOLLOW_UP_PAGE_SIZE,
  selectionFilters,
  type Answer,
  type BulkAction,
  type BulkSelection,
  type Delivery,
  type FollowUpFilters,
  type FollowUpQuery,
  type FollowUpSort,
} from '@/lib/invitation-follow-up';
import { readInvitationToken } from '@/lib/invitation-token';
import type { RecipientSelection } from '@/lib/schemas/invitation-selection';
import { actorOf, recordAudit } from './audit';
import { contactConditions } from './contact-queries';
import { getDb, type DbExecutor } from './client';
import {
  ANSWERABLE_STATUSES,
  announcedOf,
  answerUntil,
  changesSinceAnnounced,
  composeMessages,
  currentNameOfContact,
  loadInvitationMeeting,
  type LoadedMeeting,
  queueMessages,
  remind,
  remindable,
  secretariatColumns,
  unanswered,
  withdrawQueuedMail,
} from './invitation-mail';
import { newRecipients, sendInvitations, type InviteResult } from './invitation-send';
import { endRegistration, ownRegistration, type OwnRegistration } from './registrations';
import { recordSubstituteProposal, type SubstituteProposal } from './substitutions';
import {
  agendaItems,
  contacts,
  councils,
  invitations,
  meetings,
  organisations,
  outboxMessages,
  registrations,
  type Invitation,
} from './schema';

// Invitations: who is asked to a meeting, the emails that ask them (all through the outbox, each tied to its
// invitation so its delivery shows), and the personal link's life: answers until the deadline, readable until the
// meeting ends, dead when revoked or re-issued.

// ── Who would be invited ─────────────────────────────────────────────────────────────────────────────────────────

export type RecipientPreview = {
  /** Contacts the selection names. */
  selected: number;
  /** Of those, already invited to this meeting (they are not invited again). */
  alreadyInvited: number;
  /** New invitations, by the language their email will be in. */
  byLanguage: Record<ContactLanguage, number>;
  sample: { name: string; email: string; language: ContactLanguage }[];
};

export async function previewRecipients({
  actor,
  meetingId,
  selection,
}: {
  actor: StaffUser;
  meetingId: string;
  selection: RecipientSelection;
}): Promise<RecipientPreview> {
  assertRole(actor, 'editor');
  const db = await getDb();
  const { all, fresh } = await newRecipients(db, meetingId, selection);
  return {
    selected: all.length,
    alreadyInvited: all.length - fresh.length,
    byLanguage: {
      en: fresh.filter((r) => r.language === 'en').length,
      ru: fresh.filter((r) => r.language === 'ru').length,
    },
    sample: fresh.slice(0, 12).map(({ name, email, language }) => ({ name, email, language })),
  };
}

/** Invites as an editor; db/invitation-send.ts does the sending, with the preview's count as a guard. */
export async function inviteContacts(
  actor: StaffUser,
  meetingId: string,
  request: { selection: RecipientSelection; role: InvitationRole; confirmedCount: number },
): Promise<InviteResult> {
  assertRole(actor, 'editor');
  return sendInvitations(actorOf(actor), meetingId, request);
}

// ── Follow-up ────────────────────────────────────────────────────────────────────────────────────────────────────

export type FollowUpRow = {
  id: string;
  name: string;
  email: string;
  language: ContactLanguage;
  role: InvitationRole;
  answer: Answer;
  declineReason: string | null;
  country: string | null;
  organisation: string | null;
  delivery: Delivery | null;
  deliveryError: string | null;
  invitedAt: Date;
  lastRemindedAt: Date | null;
};

/** Where the invitee stands, for a query joined (left) to `registrations`: the order of the cases is the answer's. */
const answerOf = sql<Answer>`(case
  when ${invitations.status} = 'revoked' then 'revoked'
  when ${invitations.status} = 'declined' then 'declined'
  when ${registrations.status} is not null then ${registrations.status}::text
  when ${invitations.status} = 'accepted' then 'accepted'
  else 'no_answer' end)`;

/** The state of the invitation's latest email (outbox_invitation_idx finds it). */
const latestMessage = (column: SQL) =>
  sql`(select ${column} from ${outboxMessages} o where o.invitation_id = ${invitations.id} order by o.created_at desc limit 1)`;
const deliveryOf = sql<Delivery | null>`${latestMessage(sql.raw(`case o.status when 'sending' then 'queued' else o.status::text end`))}`;
const deliveryErrorOf = sql<string | null>`${latestMessage(sql.raw('o.last_error'))}`;

/** The follow-up list's filters as SQL, for a query over invitations joined to contacts and (left) registrations. */
function followUpConditions(meetingId: string, f: FollowUpFilters): SQL | undefined {
  return and(
    eq(invitations.meetingId, meetingId),
    f.answer === 'answered'
      ? sql`${answerOf} not in ('no_answer', 'revoked')`
      : f.answer
        ? sql`${answerOf} = ${f.answer}`
        : undefined,
    f.delivery ? sql`${deliveryOf} = ${f.delivery}` : undefined,
    f.role ? eq(invitations.role, f.role) : undefined,
    // The directory's own search (across scripts, and by organisation) and its country and type filters.
    contactConditions({ search: f.search, country: f.country, organisationType: f.organisationType }),
  );
}

const organisationName = sql<string | null>`coalesce(${organisations.acronym}, ${organisations.nameEn})`;

const FOLLOW_UP_ORDER: Record<FollowUpSort, SQL[]> = {
  name: [],
  country: [sql`${contacts.country} asc nulls last`],
  organisation: [sql`${organisationName} asc nulls last`],
  answer: [sql`array_position(array[${sql.raw(ANSWERS.map((a) => `'${a}'`).join(', '))}], ${answerOf})`],
  reminded: [sql`${invitations.lastRemindedAt} desc nulls last`],
  invited: [desc(invitations.createdAt)],
};

/**
 * One page (50 rows) of a meeting's invitations, filtered and sorted in SQL, and how many match: the page weighs
 * the same at 50 invitations as at 5,000.
 */
export async function listFollowUp({
  actor,
  meetingId,
  query,
}: {
  actor: StaffUser;
  meetingId: string;
  query: FollowUpQuery;
}): Promise<{ rows: FollowUpRow[]; total: number; page: number }> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const where = followUpConditions(meetingId, query);
  const [counted] = await db
    .select({ n: count() })
    .from(invitations)
    .innerJoin(contacts, eq(contacts.id, invitations.contactId))
    .leftJoin(registrations, eq(registrations.invitationId, invitations.id))
    .where(where);
  const total = counted?.n ?? 0;
  // A page past the end (the list shrank since the link was made) shows the last one.
  const page = Math.min(query.page, Math.max(1, Math.ceil(total / FOLLOW_UP_PAGE_SIZE)));
  const rows = await db
    .select({
      id: invitations.id,
      name: contacts.name,
      email: invitations.email,
      language: invitations.language,
      role: invitations.role,
      answer: answerOf,
      declineReason: invitations.declineReason,
      country: contacts.country,
      organisation: organisationName,
      delivery: deliveryOf,
      deliveryError: deliveryErrorOf,
      invitedAt: invitations.createdAt,
      lastRemindedAt: invitations.lastRemindedAt,
    })
    .from(invitations)
    .innerJoin(contacts, eq(contacts.id, invitations.contactId))
    .leftJoin(organisations, eq(organisations.id, contacts.organisationId))
    .leftJoin(registrations, eq(registrations.invitationId, invitations.id))
    .where(where)
    .orderBy(...FOLLOW_UP_ORDER[query.sort], asc(contacts.sortKey), asc(invitations.id))
    .limit(FOLLOW_UP_PAGE_SIZE)
    .offset((page - 1) * FOLLOW_UP_PAGE_SIZE);
  return { rows, total, page };
}

/** How many of the meeting's invitations stand at each answer: one grouped query. */
export async function countAnswers({
  actor,
  meetingId,
}: {
  actor: StaffUser;
  meetingId: string;
}): Promise<Record<Answer, number>> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const rows = await db
    .select({ answer: answerOf, n: count() })
    .from(invitations)
    .leftJoin(registrations, eq(registrations.invitationId, invitations.id))
    .where(eq(invitations.meetingId, meetingId))
    .groupBy(answerOf);
  const counts = Object.fromEntries(ANSWERS.map((a) => [a, 0])) as Record<Answer, number>;
  for (const r of rows) counts[r.answer] = r.n;
  return counts;
}

/** The invitation emails of a meeting by delivery state, for the progress shown while a bulk send goes out. */
export async function invitationDeliveryProgress({
  actor,
  meetingId,
}: {
  actor: StaffUser;
  meetingId: string;
}): Promise<Record<OutboxStatus, number>> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const rows = await db
    .select({ status: outboxMessages.status, n: count() })
    .from(outboxMessages)
    .innerJoin(invitations, eq(invitations.id, outboxMessages.invitationId))
    .where(eq(invitations.meetingId, meetingId))
    .groupBy(outboxMessages.status);
  const counts: Record<OutboxStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0, captured: 0 };
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

export type InvitationChangeResult =
  | { ok: true; count?: number }
  | {
      ok: false;
      reason: 'notFound' | 'revoked' | 'countChanged' | 'nothingChanged' | 'closed' | 'foreign' | 'alreadyReminded';
      count?: number;
    };

type LockedInvitation = { invitation: Invitation; name: string; currentEmail: string };

/** The invitations, locked in id order (so two bulk changes never deadlock), with their person's name and address. */
async function lockInvitations(tx: DbExecutor, where: SQL | undefined): Promise<LockedInvitation[]> {
  return tx
    .select({ invitation: invitations, name: contacts.name, currentEmail: contacts.email })
    .from(invitations)
    .innerJoin(contacts, eq(contacts.id, invitations.contactId))
    .where(where)
    .orderBy(asc(invitations.id))
    .for('update', { of: invitations });
}

/**
 * The address an invitation goes to is the one it was sent to, unless staff have corrected the contact's address
 * since (a typo that bounced): then resending or re-issuing moves the invitation to the corrected address.
 */
async function currentAddress(tx: DbExecutor, row: LockedInvitation) {
  if (row.currentEmail === row.invitation.email) return row.invitation;
  const [moved] = await tx
    .update(invitations)
    .set({ email: row.currentEmail, updatedAt: sql`now()` })
    .where(eq(invitations.id, row.invitation.id))
    .returning();
  return moved!;
}

type Change = (tx: DbExecutor, row: LockedInvitation, meeting: LoadedMeeting, actor: StaffUser) => Promise<void>;

const CHANGES: Record<Exclude<BulkAction, 'remind'>, { audit: string; change: Change }> = {
  // The same link again (it was lost, or went to spam).
  resend: {
    audit: 'invitation.resent',
    change: async (tx, row, meeting) => {
      const invitation = await currentAddress(tx, row);
      await queueMessages(tx, composeMessages(meeting, 'invitation', [{ ...invitation, name: row.name }]));
    },
  },
  // A new link, sent by email; the old link stops working and says a newer one was sent.
  reissue: {
    audit: 'invitation.reissued',
    change: async (tx, row, meeting) => {
      const id = row.invitation.id;
      await withdrawQueuedMail(tx, [id], 'a new link was issued');
      await currentAddress(tx, row);
      const [updated] = await tx
        .update(invitations)
        .set({ linkVersion: sql`${invitations.linkVersion} + 1`, updatedAt: sql`now()` })
        .where(eq(invitations.id, id))
        .returning();
      await queueMessages(tx, composeMessages(meeting, 'invitation', [{ ...updated!, name: row.name }]));
    },
  },
  // Withdrawn: the link stops working at once.
  revoke: {
    audit: 'invitation.revoked',
    change: async (tx, row, meeting, actor) => {
      const id = row.invitation.id;
      await tx
        .update(invitations)
        .set({ status: 'revoked', updatedAt: sql`now()` })
        .where(eq(invitations.id, id));
      await withdrawQueuedMail(tx, [id], 'the invitation was revoked');
      // A revoked invitee's seat goes to the waiting list; they are not mailed (their link no longer works).
      await endRegistration(tx, meeting, row.invitation, new Date(), {
        notify: false,
        actor: actorOf(actor),
        why: 'the invitation was revoked',
      });
    },
  },
};

async function applyChange(
  tx: DbExecutor,
  actor: StaffUser,
  kind: Exclude<BulkAction, 'remind'>,
  rows: LockedInvitation[],
  meeting: LoadedMeeting,
) {
  for (const row of rows) {
    await CHANGES[kind].change(tx, row, meeting, actor);
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: CHANGES[kind].audit,
      entityType: 'invitation',
      entityId: row.invitation.id,
      before: { status: row.invitation.status, linkVersion: row.invitation.linkVersion, email: row.invitation.email },
    });
  }
}

async function changeInvitation(
  actor: StaffUser,
  id: string,
  kind: Exclude<BulkAction, 'remind'>,
): Promise<InvitationChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Meeting first, then invitation: the order every seat-changing transaction locks in (db/registrations.ts).
    const [found] = await tx
      .select({ meetingId: invitations.meetingId })
      .from(invitations)
      .where(eq(invitations.id, id));
    const meeting = found ? await loadInvitationMeeting(tx, found.meetingId, true) : null;
    const [row] = await lockInvitations(tx, eq(invitations.id, id));
    if (!row || !meeting) return { ok: false, reason: 'notFound' } as const;
    if (row.invitation.status === 'revoked') return { ok: false, reason: 'revoked' } as const;
    await applyChange(tx, actor, kind, [row], meeting);
    return { ok: true } as const;
  });
}

/** Sends the invitation again with the same link. */
export const resendInvitation = (actor: StaffUser, id: string) => changeInvitation(actor, id, 'resend');
/** A new link for the invitation; the old one stops working. */
export const reissueInvitation = (actor: StaffUser, id: string) => changeInvitation(actor, id, 'reissue');
/** Withdraws the invitation: its link stops working at once. */
export const revokeInvitation = (actor: StaffUser, id: string) => changeInvitation(actor, id, 'revoke');

export async function countUnanswered({ actor, meetingId }: { actor: StaffUser; meetingId: string }): Promise<number> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const [row] = await db.select({ count: count() }).from(invitations).where(unanswered(meetingId));
  return row?.count ?? 0;
}

// ── Acting on a selection ────────────────────────────────────────────────────────────────────────────────────────

/**
 * The selection as a condition on `invitations`: the ticked ids (every one must be this meeting's, or the request
 * is refused), or everyone matching the filters.
 */
async function selectionScope(
  executor: DbExecutor,
  meetingId: string,
  selection: BulkSelection,
): Promise<{ ok: true; where: SQL } | { ok: false }> {
  if (selection.all === '1') {
    const matching = executor
      .select({ id: invitations.id })
      .from(invitations)
      .innerJoin(contacts, eq(contacts.id, invitations.contactId))
      .leftJoin(registrations, eq(registrations.invitationId, invitations.id))
      .where(followUpConditions(meetingId, selectionFilters(selection)));
    return { ok: true, where: inArray(invitations.id, matching) };
  }
  const ids = [...new Set(selection.id)];
  const [found] = await executor
    .select({ n: count() })
    .from(invitations)
    .where(and(eq(invitations.meetingId, meetingId), inArray(invitations.id, ids)));
  if ((found?.n ?? 0) !== ids.length) return { ok: false };
  return { ok: true, where: and(eq(invitations.meetingId, meetingId), inArray(invitations.id, ids))! };
}

export type BulkPreview =
  | {
      ok: true;
      /** Whom the action would reach now. */
      count: number;
      /** Remind: selected, unanswered, but reminded in the last 24 hours (left out unless "remind again"). */
      recentlyReminded: number;
      /** Selected but out of the action's reach: answered (remind), or revoked. */
      skipped: number;
      /** The database's clock as the confirmation is shown: "remind again" reminds only those reminded before it. */
      since: Date;
    }
  | { ok: false; reason: 'foreign' | 'notFound' };

/** What confirming `action` on the selection would do: the count the confirmation shows and the action checks. */
export async function previewBulk({
  actor,
  meetingId,
  action,
  selection,
}: {
  actor: StaffUser;
  meetingId: string;
  action: BulkAction;
  selection: BulkSelection;
}): Promise<BulkPreview> {
  assertRole(actor, 'editor');
  const db = await getDb();
  // The database's clock, not this instance's: the claim in remind() compares against the same one.
  const [clockRow] = await db
    .select({ since: sql<string>`extract(epoch from now())::text` })
    .from(meetings)
    .where(eq(meetings.id, meetingId));
  if (!clockRow) return { ok: false, reason: 'notFound' };
  // Rounded down to the millisecond a Date holds: never later than the clock it was read from.
  const since = new Date(Math.floor(Number(clockRow.since) * 1000));
  const scope = await selectionScope(db, meetingId, selection);
  if (!scope.ok) return { ok: false, reason: 'foreign' };
  const clock = sql`now()`;
  const reach =
    action === 'remind'
      ? remindable({ clock, again: selection.again === '1', since })
      : ne(invitations.status, 'revoked');
  const [row] = await db
    .select({
      selected: count(),
      reach: sql<number>`count(*) filter (where ${reach})`.mapWith(Number),
      recent:
        sql<number>`count(*) filter (where ${invitations.status} = 'invited' and not (${remindable({ clock, again: false, since: null })}))`.mapWith(
          Number,
        ),
    })
    .from(invitations)
    .where(and(eq(invitations.meetingId, meetingId), scope.where));
  const selected = row?.selected ?? 0;
  const reached = row?.reach ?? 0;
  const recentlyReminded = action === 'remind' && selection.again !== '1' ? (row?.recent ?? 0) : 0;
  return { ok: true, count: reached, recentlyReminded, skipped: selected - reached - recentlyReminded, since };
}

/**
 * Acts on the selection, if it still counts `confirmedCount` (else nothing happens and the new count comes back).
 * Remind claims each invitation (db/invitation-mail.ts remind()); the other actions lock the meeting, then the
 * invitations, and change each as the single-invitation action would, all in one transaction.
 */
export async function actOnInvitations(
  actor: StaffUser,
  meetingId: string,
  {
    action,
    selection,
    confirmedCount,
    since,
  }: {
    action: BulkAction;
    selection: BulkSelection;
    confirmedCount: number;
    since: Date | null;
  },
): Promise<InvitationChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const scope = await selectionScope(tx, meetingId, selection);
    if (!scope.ok) return { ok: false, reason: 'foreign' } as const;
    if (action === 'remind')
      return remind(tx, meetingId, actorOf(actor), {
        scope: scope.where,
        confirmedCount,
        again: selection.again === '1',
        since,
      });
    const meeting = await loadInvitationMeeting(tx, meetingId, true);
    if (!meeting) return { ok: false, reason: 'notFound' } as const;
    const rows = await lockInvitations(tx, and(scope.where, ne(invitations.status, 'revoked')));
    if (!rows.length) return { ok: false, reason: 'nothingChanged' } as const;
    if (rows.length !== confirmedCount) return { ok: false, reason: 'countChanged', count: rows.length } as const;
    await applyChange(tx, actor, action, rows, meeting);
    return { ok: true, count: rows.length } as const;
  });
}

/** What the meeting's invitees were told that is no longer so, in English (for the staff page). */
export async function pendingMeetingUpdate({
  actor,
  meetingId,
}: {
  actor: StaffUser;
  meetingId: string;
}): Promise<{ changes: string[]; recipients: number }> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const meeting = await loadInvitationMeeting(db, meetingId);
  if (!meeting) return { changes: [], recipients: 0 };
  const [row] = await db
    .select({ n: count() })
    .from(invitations)
    .where(
      and(eq(invitations.meetingId, meetingId), ne(invitations.status, 'revoked'), ne(invitations.status, 'declined')),
    );
  return { changes: changesSinceAnnounced(meeting, 'en'), recipients: row?.n ?? 0 };
}

/**
 * Tells every invitee who has not declined (or been revoked) what changed, with the calendar entry at a higher
 * SEQUENCE. Clients treat PUBLISH updates unevenly, so the email says in words what changed.
 */
export async function sendMeetingUpdate(actor: StaffUser, meetingId: string): Promise<InvitationChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const meeting = await loadInvitationMeeting(tx, meetingId, true);
    if (!meeting) return { ok: false, reason: 'notFound' } as const;
    if (!changesSinceAnnounced(meeting, 'en').length) return { ok: false, reason: 'nothingChanged' } as const;
    const updated = { ...meeting, calendarSequence: meeting.calendarSequence + 1 };
    const rows = await tx
      .select({ invitation: invitations, name: contacts.name })
      .from(invitations)
      .innerJoin(contacts, eq(contacts.id, invitations.contactId))
      .where(
        and(
          eq(invitations.meetingId, meetingId),
          ne(invitations.status, 'revoked'),
          ne(invitations.status, 'declined'),
        ),
      );
    await queueMessages(
      tx,
      composeMessages(
        updated,
        'update',
        rows.map((r) => ({ ...r.invitation, name: r.name })),
      ),
    );
    await tx
      .update(meetings)
      .set({ calendarSequence: updated.calendarSequence, announced: announcedOf(meeting), updatedAt: sql`now()` })
      .where(eq(meetings.id, meetingId));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'meeting.update_sent',
      entityType: 'meeting',
      entityId: meetingId,
      after: { recipients: rows.length, sequence: updated.calendarSequence },
    });
    return { ok: true } as const;
  });
}

// ── The personal link ────────────────────────────────────────────────────────────────────────────────────────────

export type LinkState = 'open' | 'answered-closed' | 'unknown' | 'revoked' | 'expired' | 'superseded';

export type OpenedInvitation = {
  state: 'open' | 'closed';
  invitation: Pick<Invitation, 'id' | 'role' | 'status' | 'language' | 'declineReason' | 'answeredAt' | 'email'>;
  name: string;
  meeting: LoadedMeeting;
  answerUntil: Date;
  /** The link version the token carries. */
  version: number;
  registration: OwnRegistration | null;
  /** Whom this invitee was proposed to replace (a declined delegate's substitute), by name. */
  substituteFor: string | null;
  agenda: { id: string; startsAt: Date; endsAt: Date; titleEn: string; titleRu: string; room: string | null }[];
};

export type LinkLookup =
  { ok: true; opened: OpenedInvitation } | { ok: false; reason: 'unknown' | 'revoked' | 'expired' | 'superseded' };

/**
 * What a personal link opens. Reading changes nothing (mail scanners open links first). Answers are taken until the
 * registration deadline (or the start, without one); the page stays readable until the meeting ends.
 */
export async function openInvitationLink(
  token: string,
  now = new Date(),
  { withAgenda = true } = {},
): Promise<LinkLookup> {
  const parts = readInvitationToken(authSecret(), token);
  if (!parts) return { ok: false, reason: 'unknown' };
  const db = await getDb();
  // One query for the invitation, its person, meeting, council and registration: this page is what delegates open.
  const [row] = await db
    .select({
      invitation: invitations,
      name: currentNameOfContact,
      registration: registrations,
      meeting: meetings,
      councilNameEn: councils.nameEn,
      councilNameRu: councils.nameRu,
      secretariat: secretariatColumns,
      substituteFor: sql<
        string | null
      >`(select c.name from invitations o join contacts c on c.id = o.contact_id where o.id = ${invitations.substituteForInvitationId})`,
    })
    .from(invitations)
    .innerJoin(contacts, eq(contacts.id, invitations.contactId))
    .innerJoin(meetings, eq(meetings.id, invitations.meetingId))
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .leftJoin(organisations, eq(organisations.id, councils.secretariatOrganisationId))
    .leftJoin(registrations, eq(registrations.invitationId, invitations.id))
    .where(eq(invitations.id, parts.invitationId));
  if (!row) return { ok: false, reason: 'unknown' };
  if (parts.version > row.invitation.linkVersion) return { ok: false, reason: 'unknown' };
  if (row.invitation.status === 'revoked') return { ok: false, reason: 'revoked' };
  if (parts.version < row.invitation.linkVersion) return { ok: false, reason: 'superseded' };
  const meeting: LoadedMeeting = {
    ...row.meeting,
    councilNameEn: row.councilNameEn,
    councilNameRu: row.councilNameRu,
    secretariat: row.secretariat,
  };
  if (meeting.endsAt <= now) return { ok: false, reason: 'expired' };
  const until = answerUntil(meeting);
  const agenda =
    withAgenda && meeting.agendaPublished
      ? await db
          .select({
            id: agendaItems.id,
            startsAt: agendaItems.startsAt,
            endsAt: agendaItems.endsAt,
            titleEn: agendaItems.titleEn,
            titleRu: agendaItems.titleRu,
            room: agendaItems.room,
          })
          .from(agendaItems)
          .where(eq(agendaItems.meetingId, meeting.id))
          .orderBy(asc(agendaItems.position), asc(agendaItems.startsAt))
      : [];
  const state = now < until && ANSWERABLE_STATUSES.includes(meeting.status) ? 'open' : 'closed';
  const registration = row.registration ? await ownRegistration(db, row.registration) : null;
  return {
    ok: true,
    opened: {
      state,
      invitation: row.invitation,
      name: row.name,
      meeting,
      answerUntil: until,
      agenda,
      version: parts.version,
      registration,
      substituteFor: row.substituteFor,
    },
  };
}

export type AnswerResult = { ok: true } | { ok: false; reason: 'invalid' | 'closed' };

/** The invitee's answer, through their link: accepted, or declined with an optional reason. */
export async function answerInvitation(
  token: string,
  answer: { accept: true } | { accept: false; reason: string | null; substitute?: SubstituteProposal | null },
  now = new Date(),
): Promise<AnswerResult> {
  const lookup = await openInvitationLink(token, now);
  if (!lookup.ok) return { ok: false, reason: 'invalid' };
  if (lookup.opened.state !== 'open') return { ok: false, reason: 'closed' };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const id = lookup.opened.invitation.id;
    // Meeting first, then invitation: the order every seat-changing transaction locks in (db/registrations.ts).
    const meeting = await loadInvitationMeeting(tx, lookup.opened.meeting.id, true);
    const [before] = await tx.select().from(invitations).where(eq(invitations.id, id)).for('update');
    // Looked at again under the lock: a re-issue or a revocation may have landed since the link was read.
    if (!before || before.status === 'revoked' || before.linkVersion !== lookup.opened.version)
      return { ok: false, reason: 'invalid' } as const;
    const status = answer.accept ? 'accepted' : 'declined';
    await tx
      .update(invitations)
      .set({ status, declineReason: answer.accept ? null : answer.reason, answeredAt: now, updatedAt: sql`now()` })
      .where(eq(invitations.id, id));
    // The invitee acts through the link: the log names the invitation's address, never the token.
    await recordAudit(tx, {
      actor: { id: null, email: before.email },
      action: `invitation.${status}`,
      entityType: 'invitation',
      entityId: id,
      before: { status: before.status },
      after: { status, declineReason: answer.accept ? null : answer.reason },
    });
    if (!answer.accept && answer.substitute) await recordSubstituteProposal(tx, id, answer.substitute);
    // Declining after registering gives the seat up.
    if (!answer.accept && meeting)
      await endRegistration(tx, meeting, before, now, {
        notify: true,
        actor: { id: null, email: before.email },
        why: 'the invitation was declined',
      });
    return { ok: true } as const;
  });
}

/** Two invitations of merged contacts to one meeting become one: the one with an answer wins, else the kept one. */
export async function moveInvitations(
  tx: DbExecutor,
  { keepId, mergeId }: { keepId: string; mergeId: string },
): Promise<number> {
  const rank = (s: InvitationStatus) => ({ accepted: 3, declined: 2, invited: 1, revoked: 0 })[s];
  const theirs = await tx.select().from(invitations).where(eq(invitations.contactId, mergeId));
  let moved = 0;
  for (const invitation of theirs) {
    const [ours] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.contactId, keepId), eq(invitations.meetingId, invitation.meetingId)));
    if (!ours) {
      await tx
        .update(invitations)
        .set({ contactId: keepId, updatedAt: sql`now()` })
        .where(eq(invitations.id, invitation.id));
    } else if (rank(invitation.status) > rank(ours.status)) {
      await withdrawQueuedMail(tx, [ours.id], 'merged into another invitation');
      await tx.delete(invitations).where(eq(invitations.id, ours.id));
      await tx
        .update(invitations)
        .set({ contactId: keepId, updatedAt: sql`now()` })
        .where(eq(invitations.id, invitation.id));
    } else {
      await withdrawQueuedMail(tx, [invitation.id], 'merged into another invitation');
      await tx.delete(invitations).where(eq(invitations.id, invitation.id));
    }
    moved++;
  }
  return moved;
}

export async function getMeetingInvitationSettings({ actor, meetingId }: { actor: StaffUser; meetingId: string }) {
  assertRole(actor, 'viewer');
  const db = await getDb();
  return loadInvitationMeeting(db, meetingId);
}

export type InvitationTexts = {
  invitationTextEn: string | null;
  invitationTextRu: string | null;
  reminderTextEn: string | null;
  reminderTextRu: string | null;
  autoReminderDays: number | null;
};

export async function saveInvitationTexts(
  actor: StaffUser,
  meetingId: string,
  texts: InvitationTexts,
): Promise<{ ok: boolean }> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(meetings).where(eq(meetings.id, meetingId)).for('update');
    if (!before) return { ok: false };
    await tx
      .update(meetings)
      .set({
        ...texts,
        autoReminderSentAt: texts.autoReminderDays === before.autoReminderDays ? before.autoReminderSentAt : null,
        updatedAt: sql`now()`,
      })
      .where(eq(meetings.id, meetingId));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'meeting.invitation_texts_saved',
      entityType: 'meeting',
      entityId: meetingId,
      after: texts,
    });
    return { ok: true };
  });
}
