import 'server-only';
import { and, asc, desc, eq, inArray, notInArray, or, sql } from 'drizzle-orm';
import { assertRole, type StaffUser } from '@/lib/auth/roles';
import { encryptJson } from '@/lib/data-key';
import type { RegistrationStatus } from '@/lib/domain';
import type { ChangedField } from '@/lib/mail/registration-email';
import { REGISTRATION_FIELDS, registrationDetails, type RegistrationInput } from '@/lib/schemas/registration';
import { actorOf, recordAudit } from './audit';
import { getDb, type DbExecutor } from './client';
import { ANSWERABLE_STATUSES, type LoadedMeeting } from './invitation-mail';
import {
  ACTIVE_REGISTRATION,
  lapseOffers,
  lockMeeting,
  placeRegistration,
  queueRegistrationEmail,
  settleSeats,
  waitlistPlace,
  withoutVisa,
} from './registrations';
import { contacts, invitations, organisations, registrationNotes, registrations, users } from './schema';

// The secretariat acting on a registration: registering someone on their behalf (after a phone call), correcting,
// cancelling, giving a seat from the waiting list, and internal notes. Each runs as the delegate's own changes do
// (db/registrations.ts): meeting row locked FOR UPDATE, then the invitation, then the registration; each is audited
// and, where it changes what the delegate was told, queues an email in the delegate's language in the same
// transaction. Editors and admins only.

type Refused<R extends string> = { ok: false; reason: R };

/** Locks meeting then invitation (in that order, as the delegate's path does); null when either is not there. */
async function lockInvitation(tx: DbExecutor, meetingId: string, invitationId: string) {
  const meeting = await lockMeeting(tx, meetingId);
  if (!meeting) return null;
  const [invitation] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.meetingId, meetingId)))
    .for('update');
  if (!invitation) return null;
  const [registration] = await tx.select().from(registrations).where(eq(registrations.invitationId, invitationId));
  return { meeting, invitation, registration: registration ?? null };
}

/**
 * The same checks the delegate's form meets in the data layer: a hybrid meeting's attendance, visa details only where
 * asked, valid long enough.
 */
function visaRefusal(meeting: LoadedMeeting, input: RegistrationInput) {
  if (meeting.format === 'hybrid' && !input.attendance) return 'attendance' as const;
  if (input.visa && !meeting.visaSupport) return 'visaNotAsked' as const;
  if (input.visa && new Date(`${input.visa.passportExpiry}T23:59:59Z`) <= meeting.endsAt)
    return 'passportExpiry' as const;
  return null;
}

const visaColumns = (meeting: LoadedMeeting, input: RegistrationInput, invitationId: string) => ({
  ...(meeting.visaSupport && input.visa ? { visaData: encryptJson(input.visa, invitationId), visaPurgedAt: null } : {}),
  ...(meeting.visaSupport ? {} : { visaData: null }),
});

export type Invitee = {
  invitationId: string;
  name: string;
  email: string;
  organisation: string | null;
  invitationStatus: string;
  registrationStatus: RegistrationStatus | null;
};

/** Invitees who hold no seat and no place in the queue: whom staff may register on their behalf. */
export async function listUnregisteredInvitees({
  actor,
  meetingId,
}: {
  actor: StaffUser;
  meetingId: string;
}): Promise<Invitee[]> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  return db
    .select({
      invitationId: invitations.id,
      name: contacts.name,
      email: invitations.email,
      organisation: sql<string | null>`coalesce(${organisations.acronym}, ${organisations.nameEn})`,
      invitationStatus: invitations.status,
      registrationStatus: registrations.status,
    })
    .from(invitations)
    .innerJoin(contacts, eq(contacts.id, invitations.contactId))
    .leftJoin(organisations, eq(organisations.id, contacts.organisationId))
    .leftJoin(registrations, eq(registrations.invitationId, invitations.id))
    .where(
      and(
        eq(invitations.meetingId, meetingId),
        sql`${invitations.status} <> 'revoked'`,
        or(sql`${registrations.status} is null`, notInArray(registrations.status, ACTIVE_REGISTRATION)),
      ),
    )
    .orderBy(asc(contacts.sortKey));
}

/** What the registration form starts from for someone registered on their behalf: their directory entry. */
export async function inviteeDefaults({
  actor,
  meetingId,
  invitationId,
}: {
  actor: StaffUser;
  meetingId: string;
  invitationId: string;
}) {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const [row] = await db
    .select({
      name: contacts.name,
      nameLatin: contacts.nameLatin,
      title: contacts.title,
      phone: contacts.phone,
      country: sql<string | null>`coalesce(${contacts.country}, ${organisations.country})`,
      organisation: organisations.nameEn,
      email: invitations.email,
    })
    .from(invitations)
    .innerJoin(contacts, eq(contacts.id, invitations.contactId))
    .leftJoin(organisations, eq(organisations.id, contacts.organisationId))
    .where(and(eq(invitations.id, invitationId), eq(invitations.meetingId, meetingId)));
  if (!row) return null;
  return {
    email: row.email,
    defaults: {
      passportName: row.nameLatin ?? (/^[A-Za-z .,'-]+$/.test(row.name) ? row.name : ''),
      displayName: row.name,
      title: row.title ?? '',
      organisationName: row.organisation ?? '',
      country: row.country ?? '',
      phone: row.phone ?? '',
    },
  };
}

export type OnBehalfResult =
  | { ok: true; outcome: 'registered' }
  | { ok: true; outcome: 'waitlisted'; place: number }
  | Refused<'notFound' | 'revoked' | 'already' | 'closed' | 'visaNotAsked' | 'passportExpiry' | 'attendance'>;

/**
 * Registers an invitee as they asked (by phone, by email): the delegate's own rules for seats and the waiting list,
 * the registration deadline excepted — the secretariat may still take someone in until the meeting starts.
 */
export async function registerOnBehalf(
  actor: StaffUser,
  { meetingId, invitationId, input }: { meetingId: string; invitationId: string; input: RegistrationInput },
  now = new Date(),
): Promise<OnBehalfResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const found = await lockInvitation(tx, meetingId, invitationId);
    if (!found) return { ok: false, reason: 'notFound' } as const;
    const { meeting, invitation, registration: existing } = found;
    if (invitation.status === 'revoked') return { ok: false, reason: 'revoked' } as const;
    if (existing && ACTIVE_REGISTRATION.includes(existing.status)) return { ok: false, reason: 'already' } as const;
    if (now >= meeting.startsAt || !ANSWERABLE_STATUSES.includes(meeting.status))
      return { ok: false, reason: 'closed' } as const;
    const visa = visaRefusal(meeting, input);
    if (visa) return { ok: false, reason: visa } as const;

    const held = await settleSeats(tx, meeting, now);
    // The consent is given to staff by the delegate, who ticked it on the staff form's word.
    const { saved, status, seat } = await placeRegistration(tx, {
      meeting,
      invitation,
      held,
      fields: {
        ...registrationDetails(input),
        gender: input.gender ?? 'prefer_not_to_say',
        attendance: meeting.format === 'hybrid' ? input.attendance : null,
        ...visaColumns(meeting, input, invitation.id),
      },
      now,
    });
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: `registration.${status}`,
      entityType: 'invitation',
      entityId: invitation.id,
      after: { ...withoutVisa(input), onBehalf: true },
    });
    if (seat) {
      await queueRegistrationEmail(tx, meeting, invitation, saved, 'registered', { byStaff: true });
      return { ok: true, outcome: 'registered' } as const;
    }
    const place = await waitlistPlace(tx, saved);
    await queueRegistrationEmail(tx, meeting, invitation, saved, 'waitlisted', { place, byStaff: true });
    return { ok: true, outcome: 'waitlisted', place } as const;
  });
}

export type CorrectionResult =
  | { ok: true; changed: ChangedField[] }
  | Refused<'notFound' | 'notActive' | 'ended' | 'visaNotAsked' | 'passportExpiry' | 'attendance'>;

/**
 * Corrects an active registration's fields. Visa details are replaced only when new ones are given (staff never
 * see them in the form); consent to the processing stays as the delegate gave it. A registered delegate is told
 * what changed (field names, never the visa values); the waiting list's emails carry no details to correct.
 */
export async function correctRegistration(
  actor: StaffUser,
  { meetingId, invitationId, input }: { meetingId: string; invitationId: string; input: RegistrationInput },
  now = new Date(),
): Promise<CorrectionResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const found = await lockInvitation(tx, meetingId, invitationId);
    if (!found?.registration) return { ok: false, reason: 'notFound' } as const;
    const { meeting, invitation, registration: current } = found;
    if (!ACTIVE_REGISTRATION.includes(current.status)) return { ok: false, reason: 'notActive' } as const;
    if (now >= meeting.endsAt) return { ok: false, reason: 'ended' } as const;
    const visa = visaRefusal(meeting, input);
    if (visa) return { ok: false, reason: visa } as const;

    const changedFields = REGISTRATION_FIELDS.filter((key) => current[key] !== input[key]);
    const changed: ChangedField[] = [...changedFields, ...(input.visa ? (['visa'] as const) : [])];
    // A changed answer on gender is saved quietly: never named in the audit log or the delegate's email.
    if (input.gender && current.gender !== input.gender)
      await tx.update(registrations).set({ gender: input.gender }).where(eq(registrations.invitationId, invitation.id));
    if (!changed.length) return { ok: true, changed } as const;
    await tx
      .update(registrations)
      .set({
        ...registrationDetails(input),
        ...(input.visa ? visaColumns(meeting, input, invitation.id) : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(registrations.invitationId, invitation.id));
    const pickChanged = (source: Record<string, unknown>) =>
      Object.fromEntries(changedFields.map((key) => [key, source[key]]));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'registration.corrected',
      entityType: 'invitation',
      entityId: invitation.id,
      before: pickChanged(current),
      after: { ...pickChanged(input), ...(input.visa ? { visa: 'replaced' } : {}) },
    });
    if (current.status === 'registered')
      await queueRegistrationEmail(tx, meeting, invitation, registrationDetails(input), 'changed', {
        byStaff: true,
        changes: changed,
      });
    return { ok: true, changed } as const;
  });
}

export type StaffCancelResult = { ok: true } | Refused<'notFound' | 'notActive' | 'started'>;

/** Cancels a registration for the delegate (they asked by phone, or will not come): the seat goes as usual. */
export async function cancelOnBehalf(
  actor: StaffUser,
  { meetingId, invitationId }: { meetingId: string; invitationId: string },
  now = new Date(),
): Promise<StaffCancelResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const found = await lockInvitation(tx, meetingId, invitationId);
    if (!found?.registration) return { ok: false, reason: 'notFound' } as const;
    const { meeting, invitation } = found;
    if (now >= meeting.startsAt) return { ok: false, reason: 'started' } as const;
    const [cancelled] = await tx
      .update(registrations)
      .set({ status: 'cancelled', cancelledAt: now, offerExpiresAt: null, updatedAt: sql`now()` })
      .where(and(eq(registrations.invitationId, invitation.id), inArray(registrations.status, ACTIVE_REGISTRATION)))
      .returning();
    if (!cancelled) return { ok: false, reason: 'notActive' } as const;
    await queueRegistrationEmail(tx, meeting, invitation, cancelled, 'cancelled', { byStaff: true });
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'registration.cancelled',
      entityType: 'invitation',
      entityId: invitation.id,
      before: { status: found.registration.status },
      after: { why: 'cancelled by the secretariat' },
    });
    // The freed seat is offered to the first on the waiting list, as when the delegate cancels.
    await settleSeats(tx, meeting, now);
    return { ok: true } as const;
  });
}

export type PromoteResult =
  { ok: true; withdrewOfferFrom: string | null } | Refused<'notFound' | 'notWaiting' | 'full' | 'started'>;

/**
 * Gives the person a seat from the waiting list, chosen by staff instead of the next in line. A seat is free when
 * fewer than the capacity are registered: truly free, or held only by an offer made automatically and not yet taken.
 * In that second case the offer goes back (to the last in the queue's order among those offered), and its holder
 * keeps their place on the list and is told. Refused when every seat is taken.
 */
export async function promoteFromWaitlist(
  actor: StaffUser,
  { meetingId, invitationId }: { meetingId: string; invitationId: string },
  now = new Date(),
): Promise<PromoteResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const found = await lockInvitation(tx, meetingId, invitationId);
    if (!found?.registration) return { ok: false, reason: 'notFound' } as const;
    const { meeting, invitation } = found;
    if (now >= meeting.startsAt) return { ok: false, reason: 'started' } as const;
    // Expired offers go first; a free seat is not offered automatically before staff have chosen.
    const held = meeting.capacity === null ? 0 : await lapseOffers(tx, meeting, now);
    const [current] = await tx.select().from(registrations).where(eq(registrations.invitationId, invitation.id));
    if (!current || (current.status !== 'waitlisted' && current.status !== 'offered'))
      return { ok: false, reason: 'notWaiting' } as const;

    let withdrewOfferFrom: string | null = null;
    if (meeting.capacity !== null && current.status === 'waitlisted' && held >= meeting.capacity) {
      const [offer] = await tx
        .select({ registration: registrations, invitation: invitations })
        .from(registrations)
        .innerJoin(invitations, eq(invitations.id, registrations.invitationId))
        .where(and(eq(registrations.meetingId, meeting.id), eq(registrations.status, 'offered')))
        .orderBy(desc(registrations.waitlistedAt), desc(registrations.invitationId))
        .limit(1);
      if (!offer) return { ok: false, reason: 'full' } as const;
      // Back to the list at the place they had: waitlistedAt was kept when the seat was offered.
      await tx
        .update(registrations)
        .set({ status: 'waitlisted', offerExpiresAt: null, updatedAt: sql`now()` })
        .where(eq(registrations.invitationId, offer.invitation.id));
      const place = await waitlistPlace(tx, offer.registration);
      await queueRegistrationEmail(tx, meeting, offer.invitation, offer.registration, 'withdrawn', { place });
      await recordAudit(tx, {
        actor: actorOf(actor),
        action: 'registration.offer_withdrawn',
        entityType: 'invitation',
        entityId: offer.invitation.id,
        after: { seatGivenTo: invitation.id },
      });
      withdrewOfferFrom = offer.invitation.id;
    }
    const [promoted] = await tx
      .update(registrations)
      .set({ status: 'registered', registeredAt: now, offerExpiresAt: null, updatedAt: sql`now()` })
      .where(eq(registrations.invitationId, invitation.id))
      .returning();
    await queueRegistrationEmail(tx, meeting, invitation, promoted!, 'promoted');
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'registration.promoted',
      entityType: 'invitation',
      entityId: invitation.id,
      before: { status: current.status },
      after: { status: 'registered' },
    });
    return { ok: true, withdrewOfferFrom } as const;
  });
}

export type RegistrationNote = { id: string; body: string; author: string | null; at: Date };

/** Internal notes, newest first, with their author's name (or address). Never shown to the delegate. */
export async function listRegistrationNotes({
  actor,
  invitationId,
}: {
  actor: StaffUser;
  invitationId: string;
}): Promise<RegistrationNote[]> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  return db
    .select({
      id: registrationNotes.id,
      body: registrationNotes.body,
      author: sql<string | null>`coalesce(nullif(${users.name}, ''), ${users.email})`,
      at: registrationNotes.createdAt,
    })
    .from(registrationNotes)
    .leftJoin(users, eq(users.id, registrationNotes.authorId))
    .where(eq(registrationNotes.invitationId, invitationId))
    .orderBy(desc(registrationNotes.createdAt), desc(registrationNotes.id));
}

/** Adds an internal note (funding, travel booked). The audit log records that one was added, not its text. */
export async function addRegistrationNote(
  actor: StaffUser,
  { meetingId, invitationId, body }: { meetingId: string; invitationId: string; body: string },
): Promise<{ ok: true; id: string } | Refused<'notFound'>> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const found = await lockInvitation(tx, meetingId, invitationId);
    if (!found?.registration) return { ok: false, reason: 'notFound' } as const;
    const [note] = await tx
      .insert(registrationNotes)
      .values({ invitationId, body, authorId: actor.id })
      .returning({ id: registrationNotes.id });
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'registration.note_added',
      entityType: 'invitation',
      entityId: invitationId,
      after: { noteId: note!.id },
    });
    return { ok: true, id: note!.id } as const;
  });
}
