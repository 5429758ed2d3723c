import 'server-only';
import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import { assertRole, type StaffUser } from '@/lib/auth/roles';
import { authSecret } from '@/lib/auth/secret';
import type {
  ContactLanguage,
  InvitationRole,
  InvitationStatus,
  OrganisationType,
  OutboxStatus,
  RegistrationStatus,
} from '@/lib/domain';
import { readInvitationToken } from '@/lib/invitation-token';
import type { RecipientSelection } from '@/lib/schemas/invitation-selection';
import { actorOf, recordAudit } from './audit';
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

export type InvitationRow = {
  id: string;
  contactId: string;
  name: string;
  email: string;
  language: ContactLanguage;
  role: InvitationRole;
  status: InvitationStatus;
  declineReason: string | null;
  answeredAt: Date | null;
  lastSentAt: Date | null;
  country: string | null;
  organisation: string | null;
  organisationType: OrganisationType | null;
  delivery: OutboxStatus | null;
  deliveryError: string | null;
  registration: RegistrationStatus | null;
};

const latestMessage = (column: 'status' | 'last_error') =>
  sql.raw(
    `(select o.${column} from outbox_messages o where o.invitation_id = invitations.id order by o.created_at desc limit 1)`,
  );

export async function listInvitations({
  actor,
  meetingId,
}: {
  actor: StaffUser;
  meetingId: string;
}): Promise<InvitationRow[]> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  return db
    .select({
      id: invitations.id,
      contactId: invitations.contactId,
      name: contacts.name,
      email: invitations.email,
      language: invitations.language,
      role: invitations.role,
      status: invitations.status,
      declineReason: invitations.declineReason,
      answeredAt: invitations.answeredAt,
      lastSentAt: invitations.lastSentAt,
      country: contacts.country,
      organisation: sql<string | null>`coalesce(${organisations.acronym}, ${organisations.nameEn})`,
      organisationType: organisations.type,
      delivery: sql<OutboxStatus | null>`${latestMessage('status')}`,
      deliveryError: sql<string | null>`${latestMessage('last_error')}`,
      registration: registrations.status,
    })
    .from(invitations)
    .innerJoin(contacts, eq(contacts.id, invitations.contactId))
    .leftJoin(organisations, eq(organisations.id, contacts.organisationId))
    .leftJoin(registrations, eq(registrations.invitationId, invitations.id))
    .where(eq(invitations.meetingId, meetingId))
    .orderBy(asc(contacts.sortKey), asc(invitations.id));
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
  | { ok: true }
  | { ok: false; reason: 'notFound' | 'revoked' | 'countChanged' | 'nothingChanged' | 'closed'; count?: number };

async function lockInvitation(tx: DbExecutor, id: string) {
  const [row] = await tx
    .select({ invitation: invitations, name: contacts.name, currentEmail: contacts.email })
    .from(invitations)
    .innerJoin(contacts, eq(contacts.id, invitations.contactId))
    .where(eq(invitations.id, id))
    .for('update', { of: invitations });
  return row ?? null;
}

/**
 * The address an invitation goes to is the one it was sent to, unless staff have corrected the contact's address
 * since (a typo that bounced): then resending or re-issuing moves the invitation to the corrected address.
 */
async function currentAddress(tx: DbExecutor, row: NonNullable<Awaited<ReturnType<typeof lockInvitation>>>) {
  if (row.currentEmail === row.invitation.email) return row.invitation;
  const [moved] = await tx
    .update(invitations)
    .set({ email: row.currentEmail, updatedAt: sql`now()` })
    .where(eq(invitations.id, row.invitation.id))
    .returning();
  return moved!;
}

/** Sends the invitation again with the same link (it was lost, or went to spam). */
export async function resendInvitation(actor: StaffUser, id: string): Promise<InvitationChangeResult> {
  return changeInvitation(actor, id, 'invitation.resent', async (tx, row, meeting) => {
    const invitation = await currentAddress(tx, row);
    await queueMessages(tx, composeMessages(meeting, 'invitation', [{ ...invitation, name: row.name }]));
  });
}

/** A new link for the invitation, sent by email; the old link stops working and says a newer one was sent. */
export async function reissueInvitation(actor: StaffUser, id: string): Promise<InvitationChangeResult> {
  return changeInvitation(actor, id, 'invitation.reissued', async (tx, row, meeting) => {
    await withdrawQueuedMail(tx, [id], 'a new link was issued');
    await currentAddress(tx, row);
    const [updated] = await tx
      .update(invitations)
      .set({ linkVersion: sql`${invitations.linkVersion} + 1`, updatedAt: sql`now()` })
      .where(eq(invitations.id, id))
      .returning();
    await queueMessages(tx, composeMessages(meeting, 'invitation', [{ ...updated!, name: row.name }]));
  });
}

/** Withdraws the invitation: its link stops working at once. */
export async function revokeInvitation(actor: StaffUser, id: string): Promise<InvitationChangeResult> {
  return changeInvitation(actor, id, 'invitation.revoked', async (tx, row, meeting) => {
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
  });
}

async function changeInvitation(
  actor: StaffUser,
  id: string,
  action: string,
  change: (
    tx: DbExecutor,
    row: NonNullable<Awaited<ReturnType<typeof lockInvitation>>>,
    meeting: NonNullable<Awaited<ReturnType<typeof loadInvitationMeeting>>>,
  ) => Promise<void>,
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
    const row = await lockInvitation(tx, id);
    if (!row || !meeting) return { ok: false, reason: 'notFound' } as const;
    if (row.invitation.status === 'revoked') return { ok: false, reason: 'revoked' } as const;
    await change(tx, row, meeting);
    await recordAudit(tx, {
      actor: actorOf(actor),
      action,
      entityType: 'invitation',
      entityId: id,
      before: { status: row.invitation.status, linkVersion: row.invitation.linkVersion, email: row.invitation.email },
    });
    return { ok: true } as const;
  });
}

export async function countUnanswered({ actor, meetingId }: { actor: StaffUser; meetingId: string }): Promise<number> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(invitations).where(unanswered(meetingId));
  return row?.n ?? 0;
}

/** Reminds everyone who has not answered; `confirmedCount` is the number staff confirmed. */
export async function remindUnanswered(
  actor: StaffUser,
  meetingId: string,
  confirmedCount: number,
): Promise<InvitationChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction((tx) => remind(tx, meetingId, actorOf(actor), confirmedCount));
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
