import 'server-only';
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { assertRole, type StaffUser } from '@/lib/auth/roles';
import { parseCourtesyTitle, parseGrammaticalGender } from '@/lib/courtesy';
import { decryptJson } from '@/lib/data-key';
import { renderDocument } from '@/lib/documents/index';
import { meetingPlace, signatureLine } from '@/lib/mail/invitation-email';
import { letterDates } from '@/lib/note-verbale';
import type { VisaDetails } from '@/lib/schemas/registration';
import { visaLetterModel } from '@/lib/visa-letter';
import { actorOf, recordAudit } from './audit';
import { getDb } from './client';
import { loadInvitationMeeting } from './invitation-mail';
import { contacts, councils, invitations, registrations, visaLetters } from './schema';

// Visa support letters: admins only. A letter is written on request and never stored — it carries passport details,
// decrypted here only while it is made. The register keeps who issued which letter and when; the audit log records
// each generation, with no decrypted value in it.

export type VisaRequest = {
  invitationId: string;
  displayName: string;
  passportName: string;
  nationality: string | null;
  language: 'en' | 'ru';
  lastIssuedAt: Date | null;
  lastIssuedBy: string | null;
  letters: number;
};

/** The meeting's registered participants who asked for visa support, with the letters issued to each. */
export async function listVisaRequests({
  actor,
  meetingId,
}: {
  actor: StaffUser;
  meetingId: string;
}): Promise<VisaRequest[]> {
  assertRole(actor, 'admin');
  const db = await getDb();
  const rows = await db
    .select({
      invitationId: registrations.invitationId,
      displayName: registrations.displayName,
      passportName: registrations.passportName,
      visaData: registrations.visaData,
      language: invitations.language,
      letters: sql<number>`(select count(*)::int from ${visaLetters} v where v.invitation_id = ${registrations.invitationId})`,
      lastIssuedAt: sql<Date | null>`(select max(v.issued_at) from ${visaLetters} v where v.invitation_id = ${registrations.invitationId})`,
      lastIssuedBy: sql<
        string | null
      >`(select v.issued_by_email from ${visaLetters} v where v.invitation_id = ${registrations.invitationId} order by v.issued_at desc limit 1)`,
    })
    .from(registrations)
    .innerJoin(invitations, eq(invitations.id, registrations.invitationId))
    .where(
      and(
        eq(registrations.meetingId, meetingId),
        eq(registrations.status, 'registered'),
        isNotNull(registrations.visaData),
      ),
    )
    .orderBy(registrations.passportName);
  if (rows.length)
    await recordAudit(db, {
      actor: actorOf(actor),
      action: 'visa_requests.listed',
      entityType: 'meeting',
      entityId: meetingId,
      after: { count: rows.length },
    });
  return rows.map(({ visaData, lastIssuedAt, ...row }) => ({
    ...row,
    // Only the nationality leaves this function: the list says who needs a visa from where, and no more.
    nationality: visaData ? decryptJson<VisaDetails>(visaData, row.invitationId).nationality : null,
    lastIssuedAt: lastIssuedAt ? new Date(lastIssuedAt) : null,
  }));
}

export type VisaLetterEntry = {
  id: string;
  passportName: string;
  language: 'en' | 'ru';
  issuedAt: Date;
  issuedByEmail: string | null;
};

/** The register: every letter issued for the meeting, newest first. */
export async function listVisaLetters({
  actor,
  meetingId,
}: {
  actor: StaffUser;
  meetingId: string;
}): Promise<VisaLetterEntry[]> {
  assertRole(actor, 'admin');
  const db = await getDb();
  return db
    .select({
      id: visaLetters.id,
      passportName: registrations.passportName,
      language: visaLetters.language,
      issuedAt: visaLetters.issuedAt,
      issuedByEmail: visaLetters.issuedByEmail,
    })
    .from(visaLetters)
    .innerJoin(registrations, eq(registrations.invitationId, visaLetters.invitationId))
    .where(eq(visaLetters.meetingId, meetingId))
    .orderBy(desc(visaLetters.issuedAt));
}

/**
 * Writes one participant's letter (DOCX and PDF) and records its issue. Null when the person is not a registered
 * participant of the meeting with visa details on file.
 */
export async function generateVisaLetter({
  actor,
  meetingId,
  invitationId,
  language,
  now = new Date(),
}: {
  actor: StaffUser;
  meetingId: string;
  invitationId: string;
  language: 'en' | 'ru';
  now?: Date;
}): Promise<{ docx: Buffer; pdf: Buffer; fileName: string } | null> {
  assertRole(actor, 'admin');
  const db = await getDb();
  const meeting = await loadInvitationMeeting(db, meetingId);
  if (!meeting) return null;
  const [row] = await db
    .select({
      registration: {
        passportName: registrations.passportName,
        displayName: registrations.displayName,
        visaData: registrations.visaData,
        arrivalDate: registrations.arrivalDate,
        departureDate: registrations.departureDate,
      },
      courtesyTitle: contacts.courtesyTitle,
      grammaticalGender: contacts.grammaticalGender,
      placeEn: councils.notePlaceEn,
      placeRu: councils.notePlaceRu,
    })
    .from(registrations)
    .innerJoin(invitations, eq(invitations.id, registrations.invitationId))
    .leftJoin(contacts, eq(contacts.id, invitations.contactId))
    .innerJoin(councils, eq(councils.id, meeting.councilId))
    .where(
      and(
        eq(registrations.invitationId, invitationId),
        eq(registrations.meetingId, meetingId),
        eq(registrations.status, 'registered'),
        isNotNull(registrations.visaData),
      ),
    );
  if (!row?.registration.visaData) return null;
  const { registration } = row;
  const title = parseCourtesyTitle(row.courtesyTitle);
  const gender = parseGrammaticalGender(row.grammaticalGender);
  const model = visaLetterModel({
    language,
    secretariat: signatureLine(meeting, language),
    place: language === 'ru' ? row.placeRu : row.placeEn,
    date: now,
    timeZone: meeting.timeZone,
    hostCountry: meeting.country,
    person: {
      name: registration.displayName,
      passportName: registration.passportName,
      courtesyTitle: title === 'invalid' ? null : title,
      grammaticalGender: gender === 'invalid' ? null : gender,
    },
    visa: decryptJson<VisaDetails>(registration.visaData!, invitationId),
    meeting: {
      title: language === 'ru' ? meeting.titleRu : meeting.titleEn,
      dates: letterDates(meeting.startsAt, meeting.endsAt, meeting.timeZone, language),
      venue: meetingPlace(meeting, language),
    },
    stay:
      registration.arrivalDate && registration.departureDate
        ? { from: registration.arrivalDate, to: registration.departureDate }
        : null,
  });
  const { docx, pdf } = await renderDocument(model);
  await db.transaction(async (tx) => {
    await tx.insert(visaLetters).values({
      meetingId,
      invitationId,
      language,
      issuedAt: now,
      issuedById: actor.id,
      issuedByEmail: actor.email,
    });
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'visa_letter.issued',
      entityType: 'invitation',
      entityId: invitationId,
      after: { meetingId, language },
    });
  });
  const safeName = registration.passportName.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return { docx, pdf, fileName: `visa-letter-${safeName}-${language}` };
}
