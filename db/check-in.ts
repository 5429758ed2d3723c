import 'server-only';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { assertRole, type StaffUser } from '@/lib/auth/roles';
import { countryName } from '@/lib/countries';
import { formatTime, toZonedParts, zoneLabel } from '@/lib/datetime';
import type { ContactLanguage, InvitationRole, RegistrationStatus } from '@/lib/domain';
import { searchKey, toLatin } from '@/lib/transliterate';
import { actorOf, recordAudit } from './audit';
import { badgeCodeHash } from './badges';
import { getDb, type DbExecutor } from './client';
import { likePattern, matchRank } from './contact-queries';
import { contactKeys } from './directory-keys';
import { badgeCodes, checkIns, contacts, invitations, meetings, organisations, registrations, users } from './schema';

// Checking people in at the door. A person is checked in at most once per day of the meeting (the venue's calendar
// day), however many scanners read their badge at once: the partial unique index on (invitation, day) decides, and
// `insert … on conflict do nothing` turns the loser into "already checked in". Each scan carries a key its device
// made; a scan sent again (after a lost answer, or from the offline queue) finds the check-in it made the first time.

export type CheckInPerson = {
  invitationId: string;
  name: string;
  nameLatin: string;
  /** The State a delegate represents, else the organisation. */
  delegation: string;
  role: InvitationRole;
};

export type CheckInAnswer =
  | { ok: true; outcome: 'checkedIn'; checkInId: string; person: CheckInPerson; at: string; atText: string }
  | { ok: false; reason: 'unknown' }
  | { ok: false; reason: 'revoked' | 'cancelled' | 'notRegistered'; person: CheckInPerson }
  | { ok: false; reason: 'already'; person: CheckInPerson; at: string; atText: string; by: string | null };

export type CheckInTarget = { code: string } | { invitationId: string };

const personColumns = {
  invitationId: registrations.invitationId,
  meetingId: registrations.meetingId,
  name: registrations.displayName,
  nameLatin: registrations.passportName,
  organisationName: registrations.organisationName,
  orgType: organisations.type,
  orgCountry: organisations.country,
  orgName: organisations.nameEn,
  role: invitations.role,
  status: registrations.status,
  erased: sql<boolean>`${registrations.erasedAt} is not null`,
};

type PersonRow = {
  invitationId: string;
  name: string;
  nameLatin: string;
  organisationName: string;
  orgType: string | null;
  orgCountry: string | null;
  orgName: string | null;
  role: InvitationRole;
  status: RegistrationStatus;
  erased: boolean;
};

const toPerson = (row: PersonRow): CheckInPerson => ({
  invitationId: row.invitationId,
  name: row.name,
  nameLatin: row.nameLatin,
  delegation:
    (row.orgType === 'government' || row.orgType === 'diplomatic_mission') && row.orgCountry
      ? countryName(row.orgCountry, 'en')
      : (row.orgName ?? row.organisationName),
  role: row.role,
});

const personQuery = (db: DbExecutor) =>
  db
    .select(personColumns)
    .from(registrations)
    .innerJoin(invitations, eq(invitations.id, registrations.invitationId))
    .innerJoin(contacts, eq(contacts.id, invitations.contactId))
    .leftJoin(organisations, eq(organisations.id, contacts.organisationId));

/** "09:12 Tashkent time (UTC+5)": when, on the venue's clock. */
const venueTime = (at: Date, zone: string) => `${formatTime(at, zone, 'en')} ${zoneLabel(at, zone, 'en')}`;

/** The venue's calendar day of `now`, as the check_ins.day column holds it. */
export const venueDay = (now: Date, zone: string) => toZonedParts(now, zone).date;

async function meetingZone(db: DbExecutor, meetingId: string) {
  const [meeting] = await db.select({ timeZone: meetings.timeZone }).from(meetings).where(eq(meetings.id, meetingId));
  return meeting?.timeZone ?? null;
}

/** The check-in a device's key made, as the answer it first had; null when the key made none (in this meeting). */
async function replay(db: DbExecutor, meetingId: string, deviceKey: string, zone: string) {
  const [made] = await db
    .select({ id: checkIns.id, invitationId: checkIns.invitationId, at: checkIns.checkedInAt })
    .from(checkIns)
    .where(and(eq(checkIns.deviceKey, deviceKey), eq(checkIns.meetingId, meetingId)));
  if (!made) return null;
  const [row] = await personQuery(db).where(eq(registrations.invitationId, made.invitationId));
  return {
    ok: true,
    outcome: 'checkedIn',
    checkInId: made.id,
    person: toPerson(row!),
    at: made.at.toISOString(),
    atText: venueTime(made.at, zone),
  } as const;
}

/**
 * Checks a person in by their badge's code or (found by name) their invitation. Editors and admins. Answers why not
 * when it cannot: an unknown code, a revoked badge, a registration that is not (or no longer) a seat, or a check-in
 * already made today — then when and by whom.
 */
export async function checkIn({
  actor,
  meetingId,
  target,
  deviceKey = null,
  now = new Date(),
}: {
  actor: StaffUser;
  meetingId: string;
  target: CheckInTarget;
  deviceKey?: string | null;
  now?: Date;
}): Promise<CheckInAnswer> {
  assertRole(actor, 'editor');
  const db = await getDb();
  const zone = await meetingZone(db, meetingId);
  if (!zone) return { ok: false, reason: 'unknown' };
  if (deviceKey) {
    const first = await replay(db, meetingId, deviceKey, zone);
    if (first) return first;
  }

  let invitationId: string;
  let badgeCodeId: string | null = null;
  let revoked = false;
  if ('code' in target) {
    const [badge] = await db
      .select({ id: badgeCodes.id, invitationId: badgeCodes.invitationId, revokedAt: badgeCodes.revokedAt })
      .from(badgeCodes)
      .where(and(eq(badgeCodes.codeHash, badgeCodeHash(target.code)), eq(badgeCodes.meetingId, meetingId)));
    if (!badge) return { ok: false, reason: 'unknown' };
    invitationId = badge.invitationId;
    badgeCodeId = badge.id;
    revoked = badge.revokedAt !== null;
  } else {
    invitationId = target.invitationId;
  }
  const [row] = await personQuery(db).where(
    and(eq(registrations.invitationId, invitationId), eq(registrations.meetingId, meetingId)),
  );
  if (!row) return { ok: false, reason: 'unknown' };
  const person = toPerson(row);
  if (revoked) return { ok: false, reason: 'revoked', person };
  if (row.erased || row.status === 'cancelled') return { ok: false, reason: 'cancelled', person };
  if (row.status !== 'registered') return { ok: false, reason: 'notRegistered', person };

  const day = venueDay(now, zone);
  const [made] = await db
    .insert(checkIns)
    .values({ invitationId, meetingId, day, checkedInAt: now, checkedInBy: actor.id, badgeCodeId, deviceKey })
    // Either unique index may refuse it: the person's live check-in today, or this device key's earlier send.
    .onConflictDoNothing()
    .returning({ id: checkIns.id });
  if (made) {
    return {
      ok: true,
      outcome: 'checkedIn',
      checkInId: made.id,
      person,
      at: now.toISOString(),
      atText: venueTime(now, zone),
    };
  }
  if (deviceKey) {
    const first = await replay(db, meetingId, deviceKey, zone);
    if (first) return first;
  }
  const [live] = await db
    .select({ at: checkIns.checkedInAt, byName: users.name, byEmail: users.email })
    .from(checkIns)
    .leftJoin(users, eq(users.id, checkIns.checkedInBy))
    .where(and(eq(checkIns.invitationId, invitationId), eq(checkIns.day, day), isNull(checkIns.undoneAt)));
  if (!live) {
    // A device key already used for another meeting's scan: refused rather than taken for this one.
    if (deviceKey) {
      const [used] = await db.select({ id: checkIns.id }).from(checkIns).where(eq(checkIns.deviceKey, deviceKey));
      if (used) return { ok: false, reason: 'unknown' };
    }
    // Undone between the insert and this read: the conflict is gone, so the scan counts now.
    return checkIn({ actor, meetingId, target, deviceKey, now });
  }
  return {
    ok: false,
    reason: 'already',
    person,
    at: live.at.toISOString(),
    atText: venueTime(live.at, zone),
    by: live.byName || live.byEmail,
  };
}

export type UndoResult = { ok: true } | { ok: false; reason: 'notFound' };

/** Takes a check-in back (a wrong person scanned): kept, marked undone, and audited. Editors and admins. */
export async function undoCheckIn({
  actor,
  meetingId,
  checkInId,
  now = new Date(),
}: {
  actor: StaffUser;
  meetingId: string;
  checkInId: string;
  now?: Date;
}): Promise<UndoResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [undone] = await tx
      .update(checkIns)
      .set({ undoneAt: now, undoneBy: actor.id })
      .where(and(eq(checkIns.id, checkInId), eq(checkIns.meetingId, meetingId), isNull(checkIns.undoneAt)))
      .returning({ invitationId: checkIns.invitationId, day: checkIns.day, checkedInAt: checkIns.checkedInAt });
    if (!undone) return { ok: false, reason: 'notFound' } as const;
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'check_in.undone',
      entityType: 'invitation',
      entityId: undone.invitationId,
      before: { day: undone.day, checkedInAt: undone.checkedInAt.toISOString() },
    });
    return { ok: true } as const;
  });
}

export type DoorPerson = CheckInPerson & { status: RegistrationStatus; checkedInAtText: string | null };

/**
 * This meeting's people whose name (in either script), or email, holds the text: the directory's search keys
 * (lib/transliterate), so «Ёлкин» and "Yolkin" find each other. At most 20, best matches first, with whether they are
 * checked in today.
 */
export async function findDoorPeople({
  actor,
  meetingId,
  search,
  now = new Date(),
}: {
  actor: StaffUser;
  meetingId: string;
  search: string;
  now?: Date;
}): Promise<DoorPerson[]> {
  assertRole(actor, 'editor');
  const key = searchKey(search);
  if (key.trim().length < 2) return [];
  const db = await getDb();
  const zone = await meetingZone(db, meetingId);
  if (!zone) return [];
  const rows = await db
    .select({ ...personColumns, checkedInAt: checkIns.checkedInAt })
    .from(registrations)
    .innerJoin(invitations, eq(invitations.id, registrations.invitationId))
    .innerJoin(contacts, eq(contacts.id, invitations.contactId))
    .leftJoin(organisations, eq(organisations.id, contacts.organisationId))
    .leftJoin(
      checkIns,
      and(
        eq(checkIns.invitationId, registrations.invitationId),
        eq(checkIns.day, venueDay(now, zone)),
        isNull(checkIns.undoneAt),
      ),
    )
    .where(and(eq(registrations.meetingId, meetingId), sql`${contacts.searchKey} like ${likePattern(key)}`))
    .orderBy(...matchRank(contacts.searchKey, key), asc(contacts.sortKey))
    .limit(20);
  return rows.map((r) => ({
    ...toPerson(r),
    status: r.erased ? 'cancelled' : r.status,
    checkedInAtText: r.checkedInAt ? venueTime(r.checkedInAt, zone) : null,
  }));
}

export type DoorDay = {
  day: string;
  checkedIn: number;
  registered: number;
  recent: { id: string; name: string; delegation: string; atText: string; by: string | null }[];
};

/** Today at the door: how many are in, and the latest check-ins (to undo a mistake). */
export async function doorDay({
  actor,
  meetingId,
  now = new Date(),
}: {
  actor: StaffUser;
  meetingId: string;
  now?: Date;
}): Promise<DoorDay | null> {
  assertRole(actor, 'editor');
  const db = await getDb();
  const zone = await meetingZone(db, meetingId);
  if (!zone) return null;
  const day = venueDay(now, zone);
  const live = and(eq(checkIns.meetingId, meetingId), eq(checkIns.day, day), isNull(checkIns.undoneAt));
  const [[counted], [registered], recent] = await Promise.all([
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(checkIns)
      .where(live),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(registrations)
      .where(and(eq(registrations.meetingId, meetingId), eq(registrations.status, 'registered'))),
    db
      .select({
        ...personColumns,
        checkInId: checkIns.id,
        checkedInAt: checkIns.checkedInAt,
        byName: users.name,
        byEmail: users.email,
      })
      .from(checkIns)
      .innerJoin(registrations, eq(registrations.invitationId, checkIns.invitationId))
      .innerJoin(invitations, eq(invitations.id, registrations.invitationId))
      .innerJoin(contacts, eq(contacts.id, invitations.contactId))
      .leftJoin(organisations, eq(organisations.id, contacts.organisationId))
      .leftJoin(users, eq(users.id, checkIns.checkedInBy))
      .where(live)
      .orderBy(desc(checkIns.checkedInAt))
      .limit(8),
  ]);
  return {
    day,
    checkedIn: counted?.n ?? 0,
    registered: registered?.n ?? 0,
    recent: recent.map((r) => ({
      id: r.checkInId,
      name: r.name,
      delegation: toPerson(r).delegation,
      atText: venueTime(r.checkedInAt, zone),
      by: r.byName || r.byEmail,
    })),
  };
}

export type WalkInInput = {
  name: string;
  /** As in the passport; a transliteration of `name` when not given. */
  nameLatin: string;
  organisation: string;
  country: string;
  role: InvitationRole;
  language: ContactLanguage;
  listConsent: boolean;
  email: string;
};

export type WalkInResult =
  { ok: true; invitationId: string; answer: CheckInAnswer } | { ok: false; reason: 'notFound' | 'alreadyInvited' };

/**
 * Someone at the door who was never registered: the contact (or the one with that email), an invitation already
 * accepted and a registration marked as a walk-in — registered whatever the seat count, since they are in the room
 * and the room, not the form, decides — then checks them in. No email goes out. Editors and admins.
 */
export async function registerWalkIn({
  actor,
  meetingId,
  input,
  now = new Date(),
}: {
  actor: StaffUser;
  meetingId: string;
  input: WalkInInput;
  now?: Date;
}): Promise<WalkInResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  const nameLatin = input.nameLatin.trim() || toLatin(input.name);
  const created = await db.transaction(async (tx) => {
    const [meeting] = await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meetingId));
    if (!meeting) return { ok: false, reason: 'notFound' } as const;
    // Without an address the contact still needs a unique one: the reserved .invalid domain never delivers.
    const email = input.email.trim().toLowerCase() || `walk-in-${crypto.randomUUID()}@walk-in.invalid`;
    let [contact] = await tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.email, email));
    if (contact) {
      const [invited] = await tx
        .select({ id: invitations.id })
        .from(invitations)
        .where(and(eq(invitations.meetingId, meetingId), eq(invitations.contactId, contact.id)));
      if (invited) return { ok: false, reason: 'alreadyInvited' } as const;
    } else {
      [contact] = await tx
        .insert(contacts)
        .values({
          name: input.name,
          nameLatin,
          email,
          country: input.country,
          language: input.language,
          source: `Walk-in, registered at the door by ${actor.email}`,
          ...contactKeys({ name: input.name, nameLatin, email }),
        })
        .returning({ id: contacts.id });
    }
    const [invitation] = await tx
      .insert(invitations)
      .values({
        meetingId,
        contactId: contact!.id,
        role: input.role,
        email,
        language: input.language,
        status: 'accepted',
        answeredAt: now,
      })
      .returning({ id: invitations.id });
    await tx.insert(registrations).values({
      invitationId: invitation!.id,
      meetingId,
      status: 'registered',
      passportName: nameLatin,
      displayName: input.name,
      organisationName: input.organisation,
      country: input.country,
      listConsent: input.listConsent,
      dataConsentAt: now,
      registeredAt: now,
      walkIn: true,
    });
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'registration.walk_in',
      entityType: 'invitation',
      entityId: invitation!.id,
      after: { ...input, email: input.email ? email : '' },
    });
    return { ok: true, invitationId: invitation!.id } as const;
  });
  if (!created.ok) return created;
  const answer = await checkIn({ actor, meetingId, target: { invitationId: created.invitationId }, now });
  return { ok: true, invitationId: created.invitationId, answer };
}
