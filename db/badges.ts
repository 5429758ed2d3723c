import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { assertRole, type StaffUser } from '@/lib/auth/roles';
import { countryName } from '@/lib/countries';
import { formatDateTimeRange } from '@/lib/datetime';
import { renderBadges, type Badge, type BadgeLayout, type BadgeRole } from '@/lib/documents/badges';
import type { DocumentLanguage } from '@/lib/documents/model';
import { organisationName } from '@/lib/organisation-label';
import { hasCyrillic } from '@/lib/transliterate';
import { actorOf, recordAudit } from './audit';
import { getDb, type DbExecutor } from './client';
import { badgeCodes, contacts, councils, invitations, meetings, organisations, registrations } from './schema';

// Badges and the check-in codes their QR codes carry. A code is 18 random bytes (144 bits) in base64url; only its
// SHA-256 is kept, so the database alone cannot make a badge. Printing a badge always issues a new code and revokes
// the person's previous one: a code cannot be read back to print it again, and a lost badge must stop working.

/** What a badge's QR code carries. */
export function newBadgeCode(): string {
  return randomBytes(18).toString('base64url');
}

export function badgeCodeHash(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}

export type BadgeSelection = { kind: 'all' } | { kind: 'unprinted' } | { kind: 'one'; invitationId: string };

type BadgePerson = {
  invitationId: string;
  language: DocumentLanguage;
  role: BadgeRole;
  passportName: string;
  displayName: string;
  organisationName: string;
  organisation: {
    nameEn: string;
    nameRu: string | null;
    acronym: string | null;
    acronymRu: string | null;
    type: string;
    country: string | null;
  } | null;
};

/** The name in the badge's script: Russian badges keep a Cyrillic spelling where the person gave one. */
export function badgeName(person: { language: DocumentLanguage; passportName: string; displayName: string }) {
  if (person.language === 'ru' && hasCyrillic(person.displayName)) return person.displayName;
  return person.passportName.trim() || person.displayName;
}

/** A State's delegate carries the State's UN name; anyone else their organisation, in the badge's language. */
export function badgeAffiliation(person: BadgePerson): string {
  const org = person.organisation;
  if (org && (org.type === 'government' || org.type === 'diplomatic_mission') && org.country)
    return countryName(org.country, person.language);
  if (org) return organisationName(org, person.language);
  return person.organisationName;
}

/** The meeting's lines on every badge, in both languages. */
function badgeMeeting(meeting: { titleEn: string; titleRu: string; startsAt: Date; endsAt: Date; timeZone: string }) {
  return {
    title: { en: meeting.titleEn, ru: meeting.titleRu },
    dates: {
      en: formatDateTimeRange(meeting.startsAt, meeting.endsAt, meeting.timeZone, 'en'),
      ru: formatDateTimeRange(meeting.startsAt, meeting.endsAt, meeting.timeZone, 'ru'),
    },
  };
}

async function badgePeople(tx: DbExecutor, meetingId: string, secretariatId: string | null, selection: BadgeSelection) {
  const rows = await tx
    .select({
      invitationId: registrations.invitationId,
      language: invitations.language,
      invitationRole: invitations.role,
      organisationId: contacts.organisationId,
      passportName: registrations.passportName,
      displayName: registrations.displayName,
      organisationName: registrations.organisationName,
      orgNameEn: organisations.nameEn,
      orgNameRu: organisations.nameRu,
      orgAcronym: organisations.acronym,
      orgAcronymRu: organisations.acronymRu,
      orgType: organisations.type,
      orgCountry: organisations.country,
      sortKey: contacts.sortKey,
    })
    .from(registrations)
    .innerJoin(invitations, eq(invitations.id, registrations.invitationId))
    .innerJoin(contacts, eq(contacts.id, invitations.contactId))
    .leftJoin(organisations, eq(organisations.id, contacts.organisationId))
    .where(
      and(
        eq(registrations.meetingId, meetingId),
        eq(registrations.status, 'registered'),
        isNull(registrations.erasedAt),
        selection.kind === 'one' ? eq(registrations.invitationId, selection.invitationId) : undefined,
        selection.kind === 'unprinted'
          ? sql`not exists (select 1 from ${badgeCodes} where ${badgeCodes.invitationId} = ${registrations.invitationId}
              and ${badgeCodes.revokedAt} is null and ${badgeCodes.printedAt} is not null)`
          : undefined,
      ),
    )
    .orderBy(asc(contacts.sortKey), asc(registrations.invitationId));
  return rows.map((r): BadgePerson => ({
    invitationId: r.invitationId,
    language: r.language,
    role: secretariatId && r.organisationId === secretariatId ? 'staff' : r.invitationRole,
    passportName: r.passportName,
    displayName: r.displayName,
    organisationName: r.organisationName,
    organisation:
      r.orgNameEn !== null && r.orgType !== null
        ? {
            nameEn: r.orgNameEn,
            nameRu: r.orgNameRu,
            acronym: r.orgAcronym,
            acronymRu: r.orgAcronymRu,
            type: r.orgType,
            country: r.orgCountry,
          }
        : null,
  }));
}

export type PrintedBadges = { pdf: Buffer; count: number; fileName: string };

/**
 * Prints badges: every registered participant, those whose current badge was never printed, or one person. Each
 * printed person gets a new code, and their previous one is revoked in the same transaction. Editors and admins.
 * Null when the meeting, or the one person as a registered participant of it, is not there.
 */
export async function printBadges({
  actor,
  meetingId,
  selection,
  layout,
  now = new Date(),
}: {
  actor: StaffUser;
  meetingId: string;
  selection: BadgeSelection;
  layout: BadgeLayout;
  now?: Date;
}): Promise<PrintedBadges | null> {
  assertRole(actor, 'editor');
  const db = await getDb();
  const issued = await db.transaction(async (tx) => {
    // Two staff printing at once would otherwise both revoke and both issue: the meeting's row orders them.
    const [meeting] = await tx
      .select({
        id: meetings.id,
        titleEn: meetings.titleEn,
        titleRu: meetings.titleRu,
        startsAt: meetings.startsAt,
        endsAt: meetings.endsAt,
        timeZone: meetings.timeZone,
        secretariatId: councils.secretariatOrganisationId,
      })
      .from(meetings)
      .innerJoin(councils, eq(councils.id, meetings.councilId))
      .where(eq(meetings.id, meetingId))
      .for('update', { of: meetings });
    if (!meeting) return null;
    const people = await badgePeople(tx, meetingId, meeting.secretariatId, selection);
    if (selection.kind === 'one' && people.length === 0) return null;
    const codes = people.map(() => newBadgeCode());
    const ids = people.map((p) => p.invitationId);
    // In slices: one statement's parameters stay well under PostgreSQL's 65,535 whatever the meeting's size.
    for (let i = 0; i < ids.length; i += 1000) {
      const slice = ids.slice(i, i + 1000);
      await tx
        .update(badgeCodes)
        .set({ revokedAt: now })
        .where(and(inArray(badgeCodes.invitationId, slice), isNull(badgeCodes.revokedAt)));
      await tx.insert(badgeCodes).values(
        slice.map((invitationId, j) => ({
          invitationId,
          meetingId,
          codeHash: badgeCodeHash(codes[i + j]!),
          createdAt: now,
          printedAt: now,
        })),
      );
    }
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: selection.kind === 'one' ? 'badge.printed' : 'badges.printed',
      entityType: selection.kind === 'one' ? 'invitation' : 'meeting',
      entityId: selection.kind === 'one' ? selection.invitationId : meetingId,
      after: { selection: selection.kind, layout, count: people.length },
    });
    return { meeting, people, codes };
  });
  if (!issued) return null;
  const badges: Badge[] = issued.people.map((person, i) => ({
    language: person.language,
    name: badgeName(person),
    affiliation: badgeAffiliation(person),
    role: person.role,
    code: issued.codes[i]!,
  }));
  const pdf = await renderBadges({ meeting: badgeMeeting(issued.meeting), badges, layout });
  return {
    pdf,
    count: badges.length,
    fileName: `badges-${selection.kind}-${layout}-${now.toISOString().slice(0, 10)}`,
  };
}

/** When each participant's current badge was printed (people without one are absent). */
export async function badgePrintTimes({
  actor,
  meetingId,
}: {
  actor: StaffUser;
  meetingId: string;
}): Promise<Map<string, Date>> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const rows = await db
    .select({ invitationId: badgeCodes.invitationId, printedAt: badgeCodes.printedAt })
    .from(badgeCodes)
    .where(and(eq(badgeCodes.meetingId, meetingId), isNull(badgeCodes.revokedAt)));
  return new Map(rows.flatMap((r) => (r.printedAt ? [[r.invitationId, r.printedAt] as const] : [])));
}
