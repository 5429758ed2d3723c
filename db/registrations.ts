import 'server-only';
import { and, asc, count, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { authSecret } from '@/lib/auth/secret';
import { encryptJson } from '@/lib/data-key';
import type { RegistrationStatus } from '@/lib/domain';
import { env, mailDomain } from '@/lib/env';
import { readInvitationToken } from '@/lib/invitation-token';
import { REGISTRATION_FIELDS, registrationDetails, type RegistrationInput } from '@/lib/schemas/registration';
import { registrationSubject, type ChangedField, type RegistrationEmailKind } from '@/lib/mail/registration-email';
import { recordAudit } from './audit';
import { getDb, type DbExecutor } from './client';
import { ANSWERABLE_STATUSES, answerUntil, loadInvitationMeeting, type LoadedMeeting } from './invitation-mail';
import { invitations, meetings, outboxMessages, registrations, type Invitation, type Registration } from './schema';

// Registration behind the personal link: no account, the link is the key. Every change that can take or free a seat
// runs with the meeting's row locked (SELECT … FOR UPDATE), in the order meeting → invitation → registration, so
// registrations for one meeting are serialised in PostgreSQL and capacity holds whatever the concurrency and however
// many app instances there are. No role checks here: the link is checked; staff functions are in db/participants.ts.

/** Statuses that hold a seat or a place in the queue for one. */
export const ACTIVE_REGISTRATION: RegistrationStatus[] = ['registered', 'waitlisted', 'offered'];
/** Statuses that count against capacity: an offered seat is held until the offer expires. */
export const HOLDING_SEAT: RegistrationStatus[] = ['registered', 'offered'];

type LockedMeeting = LoadedMeeting;

export async function lockMeeting(tx: DbExecutor, meetingId: string) {
  return loadInvitationMeeting(tx, meetingId, true);
}

type LinkedInvitation = Invitation;

/** Opens the link inside a transaction, locking meeting then invitation. */
async function lockLink(tx: DbExecutor, token: string) {
  const parts = readInvitationToken(authSecret(), token);
  if (!parts) return null;
  const [found] = await tx
    .select({ meetingId: invitations.meetingId })
    .from(invitations)
    .where(eq(invitations.id, parts.invitationId));
  if (!found) return null;
  const meeting = await lockMeeting(tx, found.meetingId);
  const [invitation] = await tx.select().from(invitations).where(eq(invitations.id, parts.invitationId)).for('update');
  if (!meeting || !invitation || invitation.status === 'revoked' || invitation.linkVersion !== parts.version)
    return null;
  const [registration] = await tx.select().from(registrations).where(eq(registrations.invitationId, invitation.id));
  return { meeting, invitation, registration: registration ?? null };
}

/** 1-based place on the meeting's waiting list. */
export async function waitlistPlace(
  executor: DbExecutor,
  registration: Pick<Registration, 'meetingId' | 'invitationId'>,
): Promise<number> {
  const [row] = await executor
    .select({ n: count() })
    .from(registrations)
    .where(
      and(
        eq(registrations.meetingId, registration.meetingId),
        eq(registrations.status, 'waitlisted'),
        // Compared in SQL: the stored microseconds, not a millisecond Date that went through JavaScript.
        sql`(${registrations.waitlistedAt}, ${registrations.invitationId}) <= (select r.waitlisted_at, r.invitation_id from registrations r where r.invitation_id = ${registration.invitationId})`,
      ),
    );
  return row!.n;
}

/** Queues one of the registration's emails; its body is written when it is sent (renderQueuedMail). */
export async function queueRegistrationEmail(
  tx: DbExecutor,
  meeting: LockedMeeting,
  invitation: Pick<Invitation, 'id' | 'language' | 'email'>,
  registration: Pick<Registration, 'displayName'>,
  kind: RegistrationEmailKind,
  extra: { place?: number; offerUntil?: Date; byStaff?: boolean; changes?: ChangedField[] } = {},
) {
  let sequence = meeting.calendarSequence;
  if (kind === 'registered' || kind === 'changed' || kind === 'cancelled' || kind === 'promoted') {
    // Each calendar file this invitee receives must carry a higher SEQUENCE than the one before.
    const [raised] = await tx
      .update(invitations)
      .set({ calendarRevision: sql`${invitations.calendarRevision} + 1` })
      .where(eq(invitations.id, invitation.id))
      .returning({ revision: invitations.calendarRevision });
    sequence += raised!.revision;
  }
  const id = crypto.randomUUID();
  await tx.insert(outboxMessages).values({
    id,
    messageId: `<${id}@${mailDomain()}>`,
    kind: `registration.${kind}`,
    toAddress: invitation.email,
    toName: registration.displayName,
    fromAddress: env().MAIL_FROM,
    subject: registrationSubject(kind, meeting, invitation.language),
    textBody: '',
    template: {
      name: 'registration',
      kind,
      sequence,
      place: extra.place,
      offerUntil: extra.offerUntil?.toISOString(),
      ...(extra.byStaff ? { byStaff: true } : {}),
      ...(extra.changes?.length ? { changes: extra.changes } : {}),
    },
    invitationId: invitation.id,
    status: env().SMTP_URL ? 'queued' : 'captured',
  });
}

const system = { id: null, email: null };

/**
 * Lapses offers that expired, then offers free seats to the first on the waiting list (each by email, held for the
 * meeting's offer time but never past its start). The meeting's row must be locked by the caller. Returns the seats
 * then held (registered or offered), or null for a meeting without a limit.
 */
export async function settleSeats(tx: DbExecutor, meeting: LockedMeeting, now: Date): Promise<number | null> {
  if (meeting.capacity === null) return null;
  const held = await lapseOffers(tx, meeting, now);
  if (now >= meeting.startsAt || !ANSWERABLE_STATUSES.includes(meeting.status)) return held;
  const free = meeting.capacity - held;
  if (free <= 0) return held;
  const next = await tx
    .select({ registration: registrations, invitation: invitations })
    .from(registrations)
    .innerJoin(invitations, eq(invitations.id, registrations.invitationId))
    .where(and(eq(registrations.meetingId, meeting.id), eq(registrations.status, 'waitlisted')))
    .orderBy(asc(registrations.waitlistedAt), asc(registrations.invitationId))
    .limit(free);
  const until = new Date(Math.min(now.getTime() + meeting.waitlistOfferHours * 3600_000, meeting.startsAt.getTime()));
  for (const { registration, invitation } of next) {
    await tx
      .update(registrations)
      .set({ status: 'offered', offerExpiresAt: until, updatedAt: sql`now()` })
      .where(eq(registrations.invitationId, registration.invitationId));
    await queueRegistrationEmail(tx, meeting, invitation, registration, 'offered', { offerUntil: until });
    await recordAudit(tx, {
      actor: system,
      action: 'registration.offered',
      entityType: 'invitation',
      entityId: invitation.id,
      after: { offerExpiresAt: until },
    });
  }
  return held + next.length;
}

/**
 * Lapses offers that expired and returns the seats then held (registered or offered). The meeting's row must be
 * locked by the caller. Staff giving a seat from the waiting list start here rather than at settleSeats, which
 * would offer a free seat to the next in line before they could choose.
 */
export async function lapseOffers(tx: DbExecutor, meeting: LockedMeeting, now: Date): Promise<number> {
  const lapsed = await tx
    .update(registrations)
    .set({ status: 'lapsed', updatedAt: sql`now()` })
    .where(
      and(
        eq(registrations.meetingId, meeting.id),
        eq(registrations.status, 'offered'),
        lte(registrations.offerExpiresAt, now),
      ),
    )
    .returning({ invitationId: registrations.invitationId });
  for (const { invitationId } of lapsed) {
    await recordAudit(tx, {
      actor: system,
      action: 'registration.offer_lapsed',
      entityType: 'invitation',
      entityId: invitationId,
    });
  }
  const [held] = await tx
    .select({ n: count() })
    .from(registrations)
    .where(and(eq(registrations.meetingId, meeting.id), inArray(registrations.status, HOLDING_SEAT)));
  return held!.n;
}

export type RegistrationResult =
  | { ok: true; outcome: 'registered' | 'changed' | 'unchanged'; email: string }
  | { ok: true; outcome: 'waitlisted'; place: number; email: string }
  | { ok: false; reason: 'invalid' | 'closed' | 'visaNotAsked' | 'passportExpiry' | 'attendance' };

/**
 * Everything but the visa details and the answer on gender (only ever counted in aggregate): what the audit log and
 * the delegate's own page may show.
 */
export const withoutVisa = ({ visa, ...rest }: RegistrationInput) => ({
  ...registrationDetails(rest),
  visa: visa ? 'provided' : undefined,
});

type PlacedFields = Omit<
  typeof registrations.$inferInsert,
  | 'invitationId'
  | 'meetingId'
  | 'status'
  | 'dataConsentAt'
  | 'registeredAt'
  | 'waitlistedAt'
  | 'offerExpiresAt'
  | 'cancelledAt'
>;

/**
 * Saves a new (or renewed) registration under the meeting's lock, by the delegate or by staff for them: a seat if the
 * capacity has one after the `held` (null: no limit), else the end of the waiting list; and the invitation accepted,
 * as registering is the acceptance (or a change of mind after declining).
 */
export async function placeRegistration(
  tx: DbExecutor,
  {
    meeting,
    invitation,
    held,
    fields,
    now,
  }: {
    meeting: { id: string; capacity: number | null };
    invitation: { id: string; status: string };
    held: number | null;
    fields: PlacedFields;
    now: Date;
  },
) {
  const seat = held === null || meeting.capacity === null || held < meeting.capacity;
  const status: RegistrationStatus = seat ? 'registered' : 'waitlisted';
  const row = {
    ...fields,
    status,
    dataConsentAt: now,
    registeredAt: seat ? now : null,
    // The list's order is the order of arrival under the lock (the database's clock, not the caller's `now`).
    waitlistedAt: seat ? null : sql`clock_timestamp()`,
    offerExpiresAt: null,
    cancelledAt: null,
  };
  const [saved] = await tx
    .insert(registrations)
    .values({ invitationId: invitation.id, meetingId: meeting.id, ...row })
    .onConflictDoUpdate({ target: registrations.invitationId, set: { ...row, updatedAt: sql`now()` } })
    .returning();
  if (invitation.status !== 'accepted') {
    await tx
      .update(invitations)
      .set({ status: 'accepted', declineReason: null, answeredAt: now, updatedAt: sql`now()` })
      .where(eq(invitations.id, invitation.id));
  }
  return { saved: saved!, status, seat };
}

/**
 * A registration through the personal link: a new one takes a seat, or a place on the waiting list when the meeting
 * is full; an active one is changed in place. Submitting the same form twice (a flaky connection) leaves one
 * registration and sends one email.
 */
export async function submitRegistration(
  token: string,
  input: RegistrationInput,
  now = new Date(),
): Promise<RegistrationResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const link = await lockLink(tx, token);
    if (!link) return { ok: false, reason: 'invalid' } as const;
    const { meeting, invitation, registration: existing } = link;
    if (now >= answerUntil(meeting) || !ANSWERABLE_STATUSES.includes(meeting.status))
      return { ok: false, reason: 'closed' } as const;
    if (input.visa && !meeting.visaSupport) return { ok: false, reason: 'visaNotAsked' } as const;
    // A hybrid meeting asks each registrant how they take part; the other formats keep nothing.
    if (meeting.format === 'hybrid' && !input.attendance) return { ok: false, reason: 'attendance' } as const;
    const details = {
      ...registrationDetails(input),
      attendance: meeting.format === 'hybrid' ? input.attendance : null,
    };
    // A visa is issued for a passport valid beyond the stay.
    if (input.visa && new Date(`${input.visa.passportExpiry}T23:59:59Z`) <= meeting.endsAt)
      return { ok: false, reason: 'passportExpiry' } as const;
    const held = await settleSeats(tx, meeting, now);
    const [current] = existing
      ? await tx.select().from(registrations).where(eq(registrations.invitationId, invitation.id))
      : [null];
    const fields = {
      ...details,
      ...(input.gender ? { gender: input.gender } : {}),
      ...(meeting.visaSupport && input.visa
        ? { visaData: encryptJson(input.visa, invitation.id), visaPurgedAt: null }
        : {}),
      ...(meeting.visaSupport ? {} : { visaData: null }),
    };
    const actor = { id: null, email: invitation.email };

    if (current && ACTIVE_REGISTRATION.includes(current.status)) {
      const same =
        REGISTRATION_FIELDS.every((key) => current[key] === details[key]) &&
        (!input.gender || current.gender === input.gender) &&
        !input.visa;
      if (same) return { ok: true, outcome: 'unchanged', email: invitation.email } as const;
      await tx
        .update(registrations)
        .set({ ...fields, updatedAt: sql`now()` })
        .where(eq(registrations.invitationId, invitation.id));
      if (current.status === 'registered') await queueRegistrationEmail(tx, meeting, invitation, fields, 'changed');
      await recordAudit(tx, {
        actor,
        action: 'registration.changed',
        entityType: 'invitation',
        entityId: invitation.id,
        after: { ...withoutVisa(input), attendance: details.attendance },
      });
      return { ok: true, outcome: 'changed', email: invitation.email } as const;
    }

    const { saved, status, seat } = await placeRegistration(tx, { meeting, invitation, held, fields, now });
    await recordAudit(tx, {
      actor,
      action: `registration.${status}`,
      entityType: 'invitation',
      entityId: invitation.id,
      after: { ...withoutVisa(input), attendance: details.attendance },
    });
    if (seat) {
      await queueRegistrationEmail(tx, meeting, invitation, saved, 'registered');
      return { ok: true, outcome: 'registered', email: invitation.email } as const;
    }
    const place = await waitlistPlace(tx, saved);
    await queueRegistrationEmail(tx, meeting, invitation, saved, 'waitlisted', { place });
    return { ok: true, outcome: 'waitlisted', place, email: invitation.email } as const;
  });
}

/**
 * Ends an active registration (cancelled by the delegate, declined, or with a revoked invitation) and offers the
 * freed seat. The meeting and invitation rows must be locked by the caller.
 */
export async function endRegistration(
  tx: DbExecutor,
  meeting: LockedMeeting,
  invitation: LinkedInvitation,
  now: Date,
  { notify, actor, why }: { notify: boolean; actor: { id: string | null; email: string | null }; why: string },
): Promise<boolean> {
  const [current] = await tx
    .update(registrations)
    .set({ status: 'cancelled', cancelledAt: now, offerExpiresAt: null, updatedAt: sql`now()` })
    .where(and(eq(registrations.invitationId, invitation.id), inArray(registrations.status, ACTIVE_REGISTRATION)))
    .returning();
  if (!current) return false;
  if (notify) await queueRegistrationEmail(tx, meeting, invitation, current, 'cancelled');
  await recordAudit(tx, {
    actor,
    action: 'registration.cancelled',
    entityType: 'invitation',
    entityId: invitation.id,
    after: { why },
  });
  await settleSeats(tx, meeting, now);
  return true;
}

export type CancelResult = { ok: true } | { ok: false; reason: 'invalid' | 'started' | 'nothing' };

/** The delegate cancels: possible until the meeting starts (after the registration deadline too). */
export async function cancelRegistration(token: string, now = new Date()): Promise<CancelResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const link = await lockLink(tx, token);
    if (!link) return { ok: false, reason: 'invalid' } as const;
    if (now >= link.meeting.startsAt) return { ok: false, reason: 'started' } as const;
    const ended = await endRegistration(tx, link.meeting, link.invitation, now, {
      notify: true,
      actor: { id: null, email: link.invitation.email },
      why: 'cancelled by the delegate',
    });
    return ended ? ({ ok: true } as const) : ({ ok: false, reason: 'nothing' } as const);
  });
}

export type OfferResult = { ok: true } | { ok: false; reason: 'invalid' | 'gone' };

/** Takes a seat offered from the waiting list: possible until the offer expires, even after the deadline. */
export async function takeOfferedSeat(token: string, now = new Date()): Promise<OfferResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const link = await lockLink(tx, token);
    if (!link) return { ok: false, reason: 'invalid' } as const;
    await settleSeats(tx, link.meeting, now);
    const [taken] = await tx
      .update(registrations)
      .set({ status: 'registered', registeredAt: now, offerExpiresAt: null, updatedAt: sql`now()` })
      .where(
        and(
          eq(registrations.invitationId, link.invitation.id),
          eq(registrations.status, 'offered'),
          sql`${registrations.offerExpiresAt} > ${now.toISOString()}::timestamptz`,
        ),
      )
      .returning();
    if (!taken) return { ok: false, reason: 'gone' } as const;
    await queueRegistrationEmail(tx, link.meeting, link.invitation, taken, 'registered');
    await recordAudit(tx, {
      actor: { id: null, email: link.invitation.email },
      action: 'registration.offer_taken',
      entityType: 'invitation',
      entityId: link.invitation.id,
    });
    return { ok: true } as const;
  });
}

/** What the delegate's page shows of their registration: never the visa details, only whether they are on file. */
export type OwnRegistration = Omit<Registration, 'visaData'> & { hasVisaDetails: boolean; place: number | null };

export async function ownRegistration(executor: DbExecutor, row: Registration): Promise<OwnRegistration> {
  const { visaData, ...rest } = row;
  return {
    ...rest,
    hasVisaDetails: visaData !== null,
    place: row.status === 'waitlisted' ? await waitlistPlace(executor, row) : null,
  };
}

// ── Housekeeping (any instance, any number of times: each step is idempotent or serialised by row locks) ───────────

/** Visa details are kept until 30 days after the meeting ends. */
export const VISA_RETENTION_DAYS = 30;

export async function purgeVisaDetails(now = new Date()): Promise<number> {
  const db = await getDb();
  const cutoff = new Date(now.getTime() - VISA_RETENTION_DAYS * 24 * 3600_000).toISOString();
  return db.transaction(async (tx) => {
    const purged = await tx
      .update(registrations)
      .set({ visaData: null, visaPurgedAt: now, updatedAt: sql`now()` })
      .where(
        and(
          isNotNull(registrations.visaData),
          sql`${registrations.meetingId} in (select ${meetings.id} from ${meetings} where ${meetings.endsAt} < ${cutoff}::timestamptz)`,
        ),
      )
      .returning({ invitationId: registrations.invitationId, meetingId: registrations.meetingId });
    const byMeeting = new Map<string, number>();
    for (const p of purged) byMeeting.set(p.meetingId, (byMeeting.get(p.meetingId) ?? 0) + 1);
    for (const [meetingId, n] of byMeeting) {
      await recordAudit(tx, {
        actor: system,
        action: 'registration.visa_purged',
        entityType: 'meeting',
        entityId: meetingId,
        after: { registrations: n },
      });
    }
    return purged.length;
  });
}

/** Lapses expired offers and offers freed seats (or seats added by raising capacity) in every meeting that has a queue. */
export async function settleWaitingLists(now = new Date()): Promise<void> {
  const db = await getDb();
  const queued = await db
    .selectDistinct({ meetingId: registrations.meetingId })
    .from(registrations)
    .innerJoin(meetings, eq(meetings.id, registrations.meetingId))
    .where(
      and(
        inArray(registrations.status, ['waitlisted', 'offered']),
        sql`${meetings.endsAt} > ${now.toISOString()}::timestamptz`,
      ),
    );
  for (const { meetingId } of queued) {
    await db.transaction(async (tx) => {
      const meeting = await lockMeeting(tx, meetingId);
      if (meeting) await settleSeats(tx, meeting, now);
    });
  }
}
