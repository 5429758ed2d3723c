import 'server-only';
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { assertRole, type StaffUser } from '@/lib/auth/roles';
import { decryptJson } from '@/lib/data-key';
import type { AttendanceMode, InvitationRole, OrganisationType, RegistrationStatus } from '@/lib/domain';
import { REGISTRATION_FIELDS, type RegistrationDetails, type RegistrationField } from '@/lib/schemas/registration';
import { actorOf, recordAudit } from './audit';
import { getDb } from './client';
import { waitlistPlace } from './registrations';
import {
  auditLog,
  contactImports,
  contacts,
  councilMembers,
  invitations,
  meetings,
  organisations,
  outboxMessages,
  registrationNotes,
  registrations,
  type VisaDetails,
} from './schema';

// The secretariat's side of registration: who is coming, the counts, the list as CSV, and — for admins — the
// visa-support details (each view logged), a person's data as JSON, and erasure on request.

export type ParticipantFilters = { status?: RegistrationStatus; country?: string; organisationType?: OrganisationType };

export type ParticipantRow = {
  invitationId: string;
  contactId: string;
  displayName: string;
  passportName: string;
  title: string;
  organisationName: string;
  organisationType: OrganisationType | null;
  country: string;
  email: string;
  phone: string;
  status: RegistrationStatus;
  role: InvitationRole;
  /** In person or online (hybrid meetings). */
  attendance: AttendanceMode | null;
  /** When the person first registered (a later change does not move it). */
  registeredOn: Date;
  arrivalDate: string | null;
  departureDate: string | null;
  accessibilityNeeds: string;
  dietaryNeeds: string;
  listConsent: boolean;
  registeredAt: Date | null;
  waitlistedAt: Date | null;
  offerExpiresAt: Date | null;
  hasVisaDetails: boolean;
  erased: boolean;
};

const participantColumns = {
  invitationId: registrations.invitationId,
  contactId: invitations.contactId,
  displayName: registrations.displayName,
  passportName: registrations.passportName,
  title: registrations.title,
  organisationName: registrations.organisationName,
  organisationType: organisations.type,
  country: registrations.country,
  email: invitations.email,
  phone: registrations.phone,
  status: registrations.status,
  role: invitations.role,
  attendance: registrations.attendance,
  registeredOn: registrations.createdAt,
  arrivalDate: registrations.arrivalDate,
  departureDate: registrations.departureDate,
  accessibilityNeeds: registrations.accessibilityNeeds,
  dietaryNeeds: registrations.dietaryNeeds,
  listConsent: registrations.listConsent,
  registeredAt: registrations.registeredAt,
  waitlistedAt: registrations.waitlistedAt,
  offerExpiresAt: registrations.offerExpiresAt,
  hasVisaDetails: sql<boolean>`${registrations.visaData} is not null`,
  erased: sql<boolean>`${registrations.erasedAt} is not null`,
};

function filterConditions(meetingId: string, filters: ParticipantFilters): SQL | undefined {
  return and(
    eq(registrations.meetingId, meetingId),
    filters.status ? eq(registrations.status, filters.status) : undefined,
    filters.country ? eq(registrations.country, filters.country) : undefined,
    filters.organisationType ? eq(organisations.type, filters.organisationType) : undefined,
  );
}

const participantsQuery = (db: Awaited<ReturnType<typeof getDb>>, where: SQL | undefined) =>
  db
    .select(participantColumns)
    .from(registrations)
    .innerJoin(invitations, eq(invitations.id, registrations.invitationId))
    .innerJoin(contacts, eq(contacts.id, invitations.contactId))
    .leftJoin(organisations, eq(organisations.id, contacts.organisationId))
    .where(where);

/** Registrations of a meeting: registered first (by name), then the waiting list in its order, then the rest. */
export async function listParticipants({
  actor,
  meetingId,
  filters = {},
}: {
  actor: StaffUser;
  meetingId: string;
  filters?: ParticipantFilters;
}): Promise<ParticipantRow[]> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  return participantsQuery(db, filterConditions(meetingId, filters)).orderBy(
    sql`case ${registrations.status} when 'registered' then 0 when 'offered' then 1 when 'waitlisted' then 2 else 3 end`,
    asc(registrations.waitlistedAt),
    asc(contacts.sortKey),
  );
}

export type ParticipantCounts = {
  byStatus: Record<RegistrationStatus, number>;
  /** Registered participants only. */
  byCountry: { country: string; n: number }[];
  byOrganisationType: { type: OrganisationType | null; n: number }[];
};

export async function countParticipants({
  actor,
  meetingId,
}: {
  actor: StaffUser;
  meetingId: string;
}): Promise<ParticipantCounts> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const n = sql<number>`count(*)::int`;
  const [statuses, countries, types] = await Promise.all([
    db
      .select({ status: registrations.status, n })
      .from(registrations)
      .where(eq(registrations.meetingId, meetingId))
      .groupBy(registrations.status),
    db
      .select({ country: registrations.country, n })
      .from(registrations)
      .where(and(eq(registrations.meetingId, meetingId), eq(registrations.status, 'registered')))
      .groupBy(registrations.country)
      .orderBy(sql`count(*) desc`, asc(registrations.country)),
    db
      .select({ type: organisations.type, n })
      .from(registrations)
      .innerJoin(invitations, eq(invitations.id, registrations.invitationId))
      .innerJoin(contacts, eq(contacts.id, invitations.contactId))
      .leftJoin(organisations, eq(organisations.id, contacts.organisationId))
      .where(and(eq(registrations.meetingId, meetingId), eq(registrations.status, 'registered')))
      .groupBy(organisations.type)
      .orderBy(sql`count(*) desc`),
  ]);
  const byStatus: Record<RegistrationStatus, number> = {
    registered: 0,
    waitlisted: 0,
    offered: 0,
    lapsed: 0,
    cancelled: 0,
  };
  for (const s of statuses) byStatus[s.status] = s.n;
  return { byStatus, byCountry: countries, byOrganisationType: types };
}

export async function getParticipant({
  actor,
  meetingId,
  invitationId,
}: {
  actor: StaffUser;
  meetingId: string;
  invitationId: string;
}): Promise<(ParticipantRow & { place: number | null; language: string }) | null> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const [row] = await db
    .select({ ...participantColumns, language: invitations.language })
    .from(registrations)
    .innerJoin(invitations, eq(invitations.id, registrations.invitationId))
    .innerJoin(contacts, eq(contacts.id, invitations.contactId))
    .leftJoin(organisations, eq(organisations.id, contacts.organisationId))
    .where(and(eq(registrations.meetingId, meetingId), eq(registrations.invitationId, invitationId)));
  if (!row) return null;
  return { ...row, place: row.status === 'waitlisted' ? await waitlistPlace(db, { meetingId, invitationId }) : null };
}

/** Admins only; every reading is written to the audit log (who, when, whose — never the values). */
export async function revealVisaDetails(actor: StaffUser, invitationId: string): Promise<VisaDetails | null> {
  assertRole(actor, 'admin');
  const db = await getDb();
  const [row] = await db
    .select({ visaData: registrations.visaData })
    .from(registrations)
    .where(eq(registrations.invitationId, invitationId));
  if (!row?.visaData) return null;
  const details = decryptJson<VisaDetails>(row.visaData, invitationId);
  await recordAudit(db, {
    actor: actorOf(actor),
    action: 'registration.visa_viewed',
    entityType: 'invitation',
    entityId: invitationId,
  });
  return details;
}

// ── A person's data: all of it, or none of it ────────────────────────────────────────────────────────────────────

/** Everything held about a contact, as one JSON document (admins only; the export itself is logged). */
export async function exportPersonData(actor: StaffUser, contactId: string) {
  assertRole(actor, 'admin');
  const db = await getDb();
  const [contact] = await db.select().from(contacts).where(eq(contacts.id, contactId));
  if (!contact) return null;
  const [organisation] = contact.organisationId
    ? await db.select().from(organisations).where(eq(organisations.id, contact.organisationId))
    : [];
  const invited = await db
    .select({ invitation: invitations, meetingTitle: meetings.titleEn, registration: registrations })
    .from(invitations)
    .innerJoin(meetings, eq(meetings.id, invitations.meetingId))
    .leftJoin(registrations, eq(registrations.invitationId, invitations.id))
    .where(eq(invitations.contactId, contactId));
  const invitationIds = invited.map((i) => i.invitation.id);
  const roster = await db.select().from(councilMembers).where(eq(councilMembers.contactId, contactId));
  const notes = invitationIds.length
    ? await db
        .select({
          invitationId: registrationNotes.invitationId,
          at: registrationNotes.createdAt,
          note: registrationNotes.body,
        })
        .from(registrationNotes)
        .where(inArray(registrationNotes.invitationId, invitationIds))
    : [];
  const mail = await db
    .select({
      at: outboxMessages.createdAt,
      kind: outboxMessages.kind,
      to: outboxMessages.toAddress,
      subject: outboxMessages.subject,
      status: outboxMessages.status,
      text: outboxMessages.textBody,
    })
    .from(outboxMessages)
    .where(
      or(
        eq(outboxMessages.toAddress, contact.email),
        invitationIds.length ? inArray(outboxMessages.invitationId, invitationIds) : undefined,
      ),
    );
  const audit = await db
    .select({
      at: auditLog.at,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      by: auditLog.actorEmail,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(inArray(auditLog.entityId, [contactId, ...invitationIds]));
  await recordAudit(db, {
    actor: actorOf(actor),
    action: 'contact.data_exported',
    entityType: 'contact',
    entityId: contactId,
  });
  // The search and sort keys are derived from the name: not data of their own.
  const person = Object.fromEntries(
    Object.entries(contact).filter(([key]) => key !== 'searchKey' && key !== 'sortKey'),
  );
  return {
    exportedAt: new Date().toISOString(),
    contact: person,
    organisation: organisation
      ? {
          name: organisation.nameEn,
          nameRu: organisation.nameRu,
          acronym: organisation.acronym,
          acronymRu: organisation.acronymRu,
          country: organisation.country,
        }
      : null,
    councilMemberships: roster,
    invitations: invited.map(({ invitation, meetingTitle, registration }) => ({
      meeting: meetingTitle,
      role: invitation.role,
      email: invitation.email,
      language: invitation.language,
      status: invitation.status,
      answeredAt: invitation.answeredAt,
      declineReason: invitation.declineReason,
      registration: registration
        ? {
            ...Object.fromEntries(Object.entries(registration).filter(([key]) => key !== 'visaData')),
            visa: registration.visaData ? decryptJson<VisaDetails>(registration.visaData, invitation.id) : null,
            staffNotes: notes.filter((n) => n.invitationId === invitation.id).map(({ at, note }) => ({ at, note })),
          }
        : null,
    })),
    emails: mail,
    auditLog: audit,
  };
}

export const ERASED = '[erased]';

/** Kept when a person is erased: the meeting's counts are by organisation and country. */
const KEPT_ON_ERASURE: readonly RegistrationField[] = ['organisationName', 'country'];

/**
 * A registration's fields as erasure leaves them: each back to its column's default, else null, else (a required
 * field with no default, such as a name) ERASED. Derived from the schema, so a field added later is erased too.
 */
function erasedRegistration(): Partial<RegistrationDetails> {
  return Object.fromEntries(
    REGISTRATION_FIELDS.filter((field) => !KEPT_ON_ERASURE.includes(field)).map((field) => {
      const column = registrations[field];
      return [field, column.hasDefault ? column.default : column.notNull ? ERASED : null];
    }),
  );
}

/** A copy of an audit value with every string that names the person replaced (or every value, for `all`). */
function scrub(value: unknown, needles: string[], all: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => scrub(v, needles, all));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keepKey(k) ? v : scrub(v, needles, all)]));
  if (typeof value === 'string') return all || needles.some((n) => value.toLowerCase().includes(n)) ? ERASED : value;
  return value;
}
// Facts about the record, not the person: kept so the history still says what happened.
const keepKey = (key: string) =>
  /^(status|role|language|meetingId|organisationId|country|action|counts?|recipients|sequence|why|linkVersion|registrations)$/.test(
    key,
  );

/**
 * Erasure on request: the person's data is removed everywhere it is held — directory, invitations, registrations,
 * emails, audit log entries (rewritten with the values redacted), import files — while the rows that make up the
 * meetings' counts stay, anonymous (their country and organisation kept). One transaction: all or nothing.
 */
export async function erasePerson(actor: StaffUser, contactId: string): Promise<{ ok: boolean }> {
  assertRole(actor, 'admin');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [contact] = await tx.select().from(contacts).where(eq(contacts.id, contactId)).for('update');
    if (!contact) return { ok: false };
    const placeholder = `erased-${contactId}@erased.invalid`;
    const invited = await tx
      .select({ id: invitations.id, email: invitations.email })
      .from(invitations)
      .where(eq(invitations.contactId, contactId));
    const invitationIds = invited.map((i) => i.id);
    const [registered] = invitationIds.length
      ? await tx
          .select({
            names: sql<string[]>`array_agg(${registrations.displayName}) || array_agg(${registrations.passportName})`,
          })
          .from(registrations)
          .where(inArray(registrations.invitationId, invitationIds))
      : [{ names: [] as string[] }];
    const needles = [
      ...new Set(
        [contact.email, contact.name, contact.nameLatin, ...invited.map((i) => i.email), ...(registered?.names ?? [])]
          .filter((v): v is string => !!v && v.length >= 3)
          .map((v) => v.toLowerCase()),
      ),
    ];

    await tx
      .update(contacts)
      .set({
        name: 'Erased person',
        nameLatin: null,
        title: null,
        email: placeholder,
        phone: null,
        tags: [],
        notes: '',
        source: 'erased on request',
        searchKey: '',
        sortKey: '~erased',
        updatedAt: sql`now()`,
      })
      .where(eq(contacts.id, contactId));
    if (invitationIds.length) {
      await tx
        .update(invitations)
        .set({ email: placeholder, declineReason: null, updatedAt: sql`now()` })
        .where(inArray(invitations.id, invitationIds));
      await tx
        .update(registrations)
        .set({
          ...erasedRegistration(),
          // The answer on gender is the person's too: erased like the rest, so it leaves the totals.
          gender: 'prefer_not_to_say',
          visaData: null,
          erasedAt: sql`now()`,
          updatedAt: sql`now()`,
        })
        .where(inArray(registrations.invitationId, invitationIds));
      // Staff's notes are about the person: nothing of them is kept.
      await tx.delete(registrationNotes).where(inArray(registrationNotes.invitationId, invitationIds));
    }
    const addresses = [contact.email, ...invited.map((i) => i.email)];
    await tx
      .update(outboxMessages)
      .set({
        toAddress: placeholder,
        toName: null,
        subject: ERASED,
        textBody: ERASED,
        htmlBody: null,
        attachments: [],
        template: null,
        secretLinks: [],
        updatedAt: sql`now()`,
      })
      .where(
        or(
          inArray(outboxMessages.toAddress, addresses),
          invitationIds.length ? inArray(outboxMessages.invitationId, invitationIds) : undefined,
        ),
      );

    // Audit entries about the person lose every value; any other entry that names them loses those strings.
    const about = new Set([contactId, ...invitationIds]);
    const pattern = needles.map((n) => `%${n.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const entries = await tx
      .select()
      .from(auditLog)
      .where(
        or(
          inArray(auditLog.entityId, [...about]),
          inArray(auditLog.actorEmail, addresses),
          ...pattern.map(
            (p) =>
              sql`lower(coalesce(${auditLog.before}::text, '') || ' ' || coalesce(${auditLog.after}::text, '')) like ${p}`,
          ),
        ),
      );
    for (const entry of entries) {
      const all = about.has(entry.entityId ?? '');
      await tx
        .update(auditLog)
        .set({
          before: scrub(entry.before, needles, all),
          after: scrub(entry.after, needles, all),
          actorEmail: entry.actorEmail && addresses.includes(entry.actorEmail) ? ERASED : entry.actorEmail,
        })
        .where(eq(auditLog.id, entry.id));
    }
    // Uploaded contact files keep their rows for the import's history: the person's cells go.
    const files = await tx
      .select({ id: contactImports.id, rows: contactImports.rows })
      .from(contactImports)
      .where(or(...pattern.map((p) => sql`lower(${contactImports.rows}::text) like ${p}`)));
    for (const file of files) {
      if (!file.rows.some((row) => row.some((cell) => needles.some((n) => cell.toLowerCase().includes(n))))) continue;
      const rows = file.rows.map((row) =>
        row.some((cell) => needles.some((n) => cell.toLowerCase().includes(n))) ? row.map(() => ERASED) : row,
      );
      await tx.update(contactImports).set({ rows }).where(eq(contactImports.id, file.id));
    }
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'contact.erased',
      entityType: 'contact',
      entityId: contactId,
      after: { invitations: invitationIds.length },
    });
    return { ok: true };
  });
}
