import { sql } from 'drizzle-orm';
import type { SummaryDraft } from '@/lib/summary/draft';
import type { ChangedField, RegistrationEmailKind } from '@/lib/mail/registration-email';
import type { CourtesyTitle, GrammaticalGender } from '@/lib/courtesy';
import type { NoteVerbaleContent } from '@/lib/note-verbale';
import type { DocumentModel } from '@/lib/documents/model';
import {
  MEETING_DOCUMENT_KINDS,
  type DocumentLanguage,
  type DocumentVisibility,
  type MeetingDocumentKind,
} from '@/lib/meeting-documents';
import {
  ATTENDANCE_MODES,
  MEETING_FORMATS,
  MEETING_KINDS,
  MEETING_STATUSES,
  ORGANISATION_ROLES,
  ORGANISATION_TYPES,
  AGENDA_ITEM_KINDS,
  AGENDA_PERSON_ROLES,
  CONTACT_LANGUAGES,
  INVITATION_ROLES,
  INVITATION_STATUSES,
  REGISTRATION_STATUSES,
  OUTBOX_STATUSES,
  ROSTER_ROLES,
  STAFF_ROLES,
  SUMMARY_STATUSES,
  DELEGATION_KINDS,
  DELEGATION_MEMBER_STATUSES,
  SUBSTITUTION_STATUSES,
} from '@/lib/domain';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

// Column names are snake_case in SQL (drizzle `casing: 'snake_case'` in db/client.ts and drizzle.config.ts).

export const meetingKind = pgEnum('meeting_kind', MEETING_KINDS);
export const attendanceMode = pgEnum('attendance_mode', ATTENDANCE_MODES);
export const meetingFormat = pgEnum('meeting_format', MEETING_FORMATS);
export const meetingStatus = pgEnum('meeting_status', MEETING_STATUSES);
export const organisationType = pgEnum('organisation_type', ORGANISATION_TYPES);
export const organisationRole = pgEnum('organisation_role', ORGANISATION_ROLES);

const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};

export const councils = pgTable('councils', {
  id: uuid().primaryKey().defaultRandom(),
  nameEn: text().notNull(),
  nameRu: text().notNull(),
  mandateEn: text().notNull().default(''),
  mandateRu: text().notNull().default(''),
  secretariatOrganisationId: uuid().references((): AnyPgColumn => organisations.id, { onDelete: 'set null' }),
  // Where delegates and the public write to the secretariat: shown on public pages and every email's Reply-To.
  contactEmail: text(),
  // Notes verbales: the reference prefix ("RCCA" gives RCCA/2027/017; null: the secretariat's acronym) and the place
  // each note is dated at, in both languages (null: no place).
  noteReferencePrefix: text(),
  notePlaceEn: text(),
  notePlaceRu: text(),
  ...timestamps,
});

export const organisations = pgTable(
  'organisations',
  {
    id: uuid().primaryKey().defaultRandom(),
    nameEn: text().notNull(),
    nameRu: text(),
    acronym: text(),
    // The acronym Russian texts use (ООН, ОБСЕ); null: staff have not given one, and Russian texts use `acronym`.
    acronymRu: text(),
    type: organisationType().notNull(),
    // ISO 3166-1 alpha-2; null for international bodies.
    country: text(),
    // A department belongs to its ministry.
    parentId: uuid().references((): AnyPgColumn => organisations.id, { onDelete: 'set null' }),
    website: text(),
    notes: text().notNull().default(''),
    // lib/transliterate searchKey() of the names and acronym, kept up to date by every write (db/organisations.ts).
    searchKey: text().notNull().default(''),
    ...timestamps,
  },
  (t) => [
    check('organisations_country_iso2', sql`${t.country} ~ '^[A-Z]{2}$'`),
    check('organisations_not_own_parent', sql`${t.parentId} <> ${t.id}`),
    index('organisations_acronym_idx').on(t.acronym),
    index('organisations_parent_idx').on(t.parentId),
    index('organisations_search_idx').using('gin', t.searchKey.op('gin_trgm_ops')),
    index('organisations_name_idx').on(t.nameEn),
  ],
);

export type AnnouncedMeeting = {
  startsAt: string;
  endsAt: string;
  format: string;
  venueEn: string | null;
  venueRu: string | null;
  cityEn: string | null;
  cityRu: string | null;
  country: string | null;
  meetingLink: string | null;
  registrationDeadline: string | null;
  /** Absent in snapshots taken before it was recorded. */
  status?: string;
};

export const meetings = pgTable(
  'meetings',
  {
    id: uuid().primaryKey().defaultRandom(),
    councilId: uuid()
      .notNull()
      .references(() => councils.id, { onDelete: 'restrict' }),
    kind: meetingKind().notNull(),
    titleEn: text().notNull(),
    titleRu: text().notNull(),
    // Instants; the venue's IANA zone says how to show them.
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    timeZone: text().notNull(),
    format: meetingFormat().notNull(),
    cityEn: text(),
    cityRu: text(),
    // The city after «в», declined («в Ташкенте»); null: lib/summary/draft.ts knows the five capitals.
    cityRuLocative: text(),
    country: text(),
    venueEn: text(),
    venueRu: text(),
    objectivesEn: text().notNull().default(''),
    objectivesRu: text().notNull().default(''),
    // For online and hybrid meetings.
    meetingLink: text(),
    capacity: integer(),
    registrationDeadline: timestamp({ withTimezone: true }),
    status: meetingStatus().notNull().default('draft'),
    // Shown to delegates once published; until then the agenda is the secretariat's working copy.
    agendaPublished: boolean().notNull().default(false),
    workingGroupId: uuid().references((): AnyPgColumn => workingGroups.id, { onDelete: 'set null' }),
    // The invitation and reminder texts staff wrote for this meeting (null: the default text); see lib/invitation-template.
    invitationTextEn: text(),
    invitationTextRu: text(),
    reminderTextEn: text(),
    reminderTextRu: text(),
    // The body of the meeting's notes verbales, with placeholders (null: the standard text); see lib/note-verbale.
    noteTextEn: text(),
    noteTextRu: text(),
    // SEQUENCE of the meeting's calendar event: raised when its time or place changes, so calendars take the update.
    calendarSequence: integer().notNull().default(0),
    // Remind those who have not answered this many days before the registration deadline (null: no automatic reminder).
    autoReminderDays: integer(),
    autoReminderSentAt: timestamp({ withTimezone: true }),
    // Delegates are asked for passport details for a visa-support letter (stored encrypted; see lib/data-key).
    visaSupport: boolean().notNull().default(false),
    // How long a seat offered to the first on the waiting list stays offered (never past the start).
    waitlistOfferHours: integer().notNull().default(48),
    // Nominations made by delegations' focal points wait for staff's approval before their invitations go out.
    approveNominations: boolean().notNull().default(false),
    // When, where and until when invitees were last told (by the invitation or the last update): an update email
    // says what changed since.
    announced: jsonb().$type<AnnouncedMeeting>(),
    // The public page's address, /meetings/<slug>: from the English title and year (lib/meeting-slug), kept once the
    // meeting is public; while a draft it follows the title. A row inserted without one gets one from the database
    // (meetings_fill_slug, drizzle/0022): never null in practice.
    slug: text().unique(),
    ...timestamps,
  },
  (t) => [
    check('meetings_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(${t.slug}) <= 120`),
    check('meetings_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check('meetings_capacity_positive', sql`${t.capacity} > 0`),
    check('meetings_deadline_before_start', sql`${t.registrationDeadline} <= ${t.startsAt}`),
    check('meetings_country_iso2', sql`${t.country} ~ '^[A-Z]{2}$'`),
    check('meetings_auto_reminder_days', sql`${t.autoReminderDays} between 1 and 60`),
    check('meetings_waitlist_offer_hours', sql`${t.waitlistOfferHours} between 1 and 336`),
    index('meetings_council_starts_idx').on(t.councilId, t.startsAt),
  ],
);

/** A meeting's earlier public addresses: each redirects (308) to the current one, so no shared link dies. */
export const meetingSlugs = pgTable(
  'meeting_slugs',
  {
    slug: text().primaryKey(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meeting_slugs_meeting_idx').on(t.meetingId)],
);

export const meetingOrganisations = pgTable(
  'meeting_organisations',
  {
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    role: organisationRole().notNull(),
    // Display order on the meeting's pages (lowest first).
    position: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.organisationId] }),
    index('meeting_organisations_organisation_idx').on(t.organisationId),
  ],
);

// ── Contacts, working groups and the roster ──────────────────────────────────────────────────────────────────────

export const contactLanguage = pgEnum('contact_language', CONTACT_LANGUAGES);
export const rosterRole = pgEnum('roster_role', ROSTER_ROLES);

/** A person in the directory. */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid().primaryKey().defaultRandom(),
    // As the source wrote it, in whatever script.
    name: text().notNull(),
    // As on the person's passport, for badges; null when not known (pages then show a transliteration).
    nameLatin: text(),
    // A position ("Counsellor"); the courtesy title (Mr., Ms., …) is courtesyTitle.
    title: text(),
    // UN style, with full stops (lib/courtesy); null: none known, and greetings are neutral.
    courtesyTitle: text().$type<CourtesyTitle>(),
    // For Russian greetings only («Уважаемая госпожа…»): a form of address, never used for statistics.
    grammaticalGender: text().$type<GrammaticalGender>(),
    // Always stored trimmed and lower-cased.
    email: text().notNull(),
    phone: text(),
    organisationId: uuid().references(() => organisations.id, { onDelete: 'set null' }),
    country: text(),
    language: contactLanguage().notNull().default('en'),
    // Lower-case labels such as "focal point", "expert", "media".
    tags: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    notes: text().notNull().default(''),
    // Where the contact came from: typed in, or which import.
    source: text().notNull().default(''),
    // lib/transliterate searchKey() of name, Latin name and email; sortKey is the Latin name, lower-case. Both kept up
    // to date by every write (db/contacts.ts, db/contact-import.ts).
    searchKey: text().notNull().default(''),
    sortKey: text().notNull().default(''),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('contacts_email_unique').on(t.email),
    check('contacts_country_iso2', sql`${t.country} ~ '^[A-Z]{2}$'`),
    check('contacts_courtesy_title', sql`${t.courtesyTitle} in ('Mr.', 'Ms.', 'Dr.', 'Prof.', 'H.E.')`),
    check('contacts_grammatical_gender', sql`${t.grammaticalGender} in ('masculine', 'feminine')`),
    index('contacts_organisation_idx').on(t.organisationId),
    index('contacts_search_idx').using('gin', t.searchKey.op('gin_trgm_ops')),
    // The people picker's "starts with" (db/contact-queries.ts): byte order, whatever the database's collation.
    index('contacts_search_prefix_idx').on(t.searchKey.op('text_pattern_ops')),
    index('contacts_sort_idx').on(t.sortKey, t.id),
    index('contacts_tags_idx').using('gin', t.tags),
    index('contacts_country_idx').on(t.country, t.sortKey),
  ],
);

export const contactImportStatus = pgEnum('contact_import_status', ['previewing', 'applying', 'done', 'cancelled']);

/**
 * An uploaded contacts file, from preview to import. The rows are kept so the preview, the column mapping and the
 * import itself all read the same cells; the import runs in chunks, each its own transaction, so any app instance can
 * pick it up where another left off (each chunk holds the import's row lock: SELECT … FOR UPDATE SKIP LOCKED).
 */
export const contactImports = pgTable(
  'contact_imports',
  {
    id: uuid().primaryKey().defaultRandom(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdByEmail: text(),
    fileName: text().notNull(),
    encoding: text().notNull(),
    delimiter: text().notNull(),
    headers: jsonb().$type<string[]>().notNull(),
    // Every row after the header, as cells.
    rows: jsonb().$type<string[][]>().notNull(),
    // The line a spreadsheet shows each row on (blank rows skipped in `rows` still count); null for imports uploaded
    // before it was kept, whose rows are numbered from 2.
    rowLines: jsonb().$type<number[]>(),
    // Column index → field name or null (ignored).
    mapping: jsonb().$type<(string | null)[]>().notNull(),
    mappingConfirmed: boolean().notNull().default(false),
    // New-organisation key → id of an existing organisation staff chose instead of creating one.
    organisationChoices: jsonb().$type<Record<string, string>>().notNull().default({}),
    // New-organisation key → id of the organisation the import created or chose (filled when the import starts).
    organisationIds: jsonb().$type<Record<string, string>>().notNull().default({}),
    status: contactImportStatus().notNull().default('previewing'),
    // A roster import: every row also joins this council's roster, with the term its roster columns give.
    rosterCouncilId: uuid().references((): AnyPgColumn => councils.id, { onDelete: 'set null' }),
    rowsDone: integer().notNull().default(0),
    counts: jsonb().$type<Record<string, number>>().notNull().default({}),
    finishedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('contact_imports_created_idx').on(t.createdAt)],
);

export const workingGroups = pgTable(
  'working_groups',
  {
    id: uuid().primaryKey().defaultRandom(),
    councilId: uuid()
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    nameEn: text().notNull(),
    nameRu: text().notNull(),
    ...timestamps,
  },
  (t) => [index('working_groups_council_idx').on(t.councilId)],
);

/** A term on a council's roster: who, nominated by whom, in what role, from when to when. */
export const councilMembers = pgTable(
  'council_members',
  {
    id: uuid().primaryKey().defaultRandom(),
    councilId: uuid()
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    contactId: uuid()
      .notNull()
      .references(() => contacts.id, { onDelete: 'restrict' }),
    role: rosterRole().notNull(),
    nominatedByCountry: text(),
    nominatedByOrganisationId: uuid().references(() => organisations.id, { onDelete: 'set null' }),
    termFrom: date({ mode: 'string' }).notNull(),
    // Null: the term is open-ended.
    termTo: date({ mode: 'string' }),
    ...timestamps,
  },
  (t) => [
    check('council_members_term_order', sql`${t.termTo} >= ${t.termFrom}`),
    check('council_members_nominated_country_iso2', sql`${t.nominatedByCountry} ~ '^[A-Z]{2}$'`),
    index('council_members_council_idx').on(t.councilId, t.termFrom),
    index('council_members_contact_idx').on(t.contactId),
  ],
);

export const workingGroupMembers = pgTable(
  'working_group_members',
  {
    workingGroupId: uuid()
      .notNull()
      .references(() => workingGroups.id, { onDelete: 'cascade' }),
    memberId: uuid()
      .notNull()
      .references(() => councilMembers.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.workingGroupId, t.memberId] }),
    index('working_group_members_member_idx').on(t.memberId),
  ],
);

// ── Agenda ───────────────────────────────────────────────────────────────────────────────────────────────────────

export const agendaItemKind = pgEnum('agenda_item_kind', AGENDA_ITEM_KINDS);
export const agendaPersonRole = pgEnum('agenda_person_role', AGENDA_PERSON_ROLES);

export const agendaItems = pgTable(
  'agenda_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    kind: agendaItemKind().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    titleEn: text().notNull(),
    titleRu: text().notNull(),
    descriptionEn: text().notNull().default(''),
    descriptionRu: text().notNull().default(''),
    room: text(),
    // The room's name on Russian pages; null: the English name stands in.
    roomRu: text(),
    // Order on the timetable (lowest first).
    position: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [
    check('agenda_items_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    index('agenda_items_meeting_idx').on(t.meetingId, t.position),
  ],
);

/** Speakers and moderators of an item, and the participant list of a side meeting. */
export const agendaItemPeople = pgTable(
  'agenda_item_people',
  {
    agendaItemId: uuid()
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    contactId: uuid()
      .notNull()
      .references(() => contacts.id, { onDelete: 'restrict' }),
    role: agendaPersonRole().notNull(),
    // The order staff chose within the role (speaking order), lowest first; rows from before it existed are 0.
    position: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.agendaItemId, t.contactId, t.role] }),
    index('agenda_item_people_contact_idx').on(t.contactId),
  ],
);

// ── Invitations ──────────────────────────────────────────────────────────────────────────────────────────────────

export const invitationRole = pgEnum('invitation_role', INVITATION_ROLES);
export const invitationStatus = pgEnum('invitation_status', INVITATION_STATUSES);

/** A contact asked to a meeting. The personal link is derived from id and linkVersion (lib/invitation-token). */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid().primaryKey().defaultRandom(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    contactId: uuid()
      .notNull()
      .references(() => contacts.id, { onDelete: 'restrict' }),
    role: invitationRole().notNull(),
    // The address the invitation went to, locked to it: a later change of the contact's address does not move it.
    email: text().notNull(),
    language: contactLanguage().notNull(),
    status: invitationStatus().notNull().default('invited'),
    // Raised by re-issuing: links of older versions stop working.
    linkVersion: integer().notNull().default(1),
    answeredAt: timestamp({ withTimezone: true }),
    declineReason: text(),
    lastSentAt: timestamp({ withTimezone: true }),
    // Added to the meeting's calendarSequence in this invitee's calendar files: raised by each registration email,
    // so every file this invitee receives (invitation, update, registration) carries a higher SEQUENCE than the last.
    calendarRevision: integer().notNull().default(0),
    // Set by the statement that claims an invitation for a reminder (db/invitation-mail.ts remind()): the claim and
    // the queued reminder commit together, so two presses, on any number of instances, remind each person once.
    lastRemindedAt: timestamp({ withTimezone: true }),
    // The invitation of the delegate who declined and proposed this invitee in their place (db/delegations.ts).
    substituteForInvitationId: uuid().references((): AnyPgColumn => invitations.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('invitations_meeting_contact_unique').on(t.meetingId, t.contactId),
    index('invitations_contact_idx').on(t.contactId),
    index('invitations_meeting_status_idx').on(t.meetingId, t.status),
  ],
);

export type Invitation = typeof invitations.$inferSelect;

export const registrationStatus = pgEnum('registration_status', REGISTRATION_STATUSES);

/** Visa-support details, as stored encrypted in registrations.visaData. */
export type { VisaDetails } from '@/lib/schemas/registration';

/**
 * What a delegate filled in behind their invitation link: one per invitation. The seat it holds (or its place on the
 * waiting list) is decided under the meeting's row lock (db/registrations.ts), so capacity holds under any
 * concurrency.
 */
export const registrations = pgTable(
  'registrations',
  {
    invitationId: uuid()
      .primaryKey()
      .references(() => invitations.id, { onDelete: 'cascade' }),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    status: registrationStatus().notNull(),
    // As in the passport, Latin script.
    passportName: text().notNull(),
    // As the person usually writes it.
    displayName: text().notNull(),
    title: text().notNull().default(''),
    organisationName: text().notNull(),
    country: text().notNull(),
    phone: text().notNull().default(''),
    arrivalDate: date({ mode: 'string' }),
    departureDate: date({ mode: 'string' }),
    accessibilityNeeds: text().notNull().default(''),
    dietaryNeeds: text().notNull().default(''),
    listConsent: boolean().notNull().default(false),
    // In person or online, for a hybrid meeting; null for the other formats.
    attendance: attendanceMode(),
    dataConsentAt: timestamp({ withTimezone: true }).notNull(),
    // VisaDetails as JSON, AES-256-GCM under the data key; null when not asked for, or purged after the meeting.
    visaData: text(),
    visaPurgedAt: timestamp({ withTimezone: true }),
    // Order of the waiting list.
    waitlistedAt: timestamp({ withTimezone: true }),
    offerExpiresAt: timestamp({ withTimezone: true }),
    registeredAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    // Set when the person's data was erased on request: the row stays so the meeting's counts do.
    erasedAt: timestamp({ withTimezone: true }),
    // Registered at the door on the day (db/check-in.ts), not through an invitation sent beforehand.
    walkIn: boolean().notNull().default(false),
    // A statistical question, only ever shown aggregated; never taken from or used as the grammatical gender.
    gender: text().notNull().default('prefer_not_to_say'),
    ...timestamps,
  },
  (t) => [
    check('registrations_gender', sql`${t.gender} in ('female', 'male', 'other', 'prefer_not_to_say')`),
    index('registrations_meeting_status_idx').on(t.meetingId, t.status, t.waitlistedAt),
    check('registrations_country_iso2', sql`${t.country} ~ '^[A-Z]{2}$'`),
    check('registrations_stay', sql`${t.departureDate} >= ${t.arrivalDate}`),
  ],
);

export type Registration = typeof registrations.$inferSelect;

// Staff's own notes on a registration (funding, travel booked): never shown to the delegate, never in an email.
export const registrationNotes = pgTable(
  'registration_notes',
  {
    id: uuid().primaryKey().defaultRandom(),
    invitationId: uuid()
      .notNull()
      .references(() => registrations.invitationId, { onDelete: 'cascade' }),
    body: text().notNull(),
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('registration_notes_invitation_idx').on(t.invitationId, t.createdAt)],
);

export type AgendaItem = typeof agendaItems.$inferSelect;
export type { AgendaItemKind, AgendaPersonRole } from '@/lib/domain';

export type Contact = typeof contacts.$inferSelect;
export type ContactImport = typeof contactImports.$inferSelect;
export type WorkingGroup = typeof workingGroups.$inferSelect;
export type CouncilMember = typeof councilMembers.$inferSelect;
export type { RosterRole, ContactLanguage } from '@/lib/domain';

export type Council = typeof councils.$inferSelect;
export type Meeting = typeof meetings.$inferSelect;
export type NewMeeting = typeof meetings.$inferInsert;
export type Organisation = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;
export type { MeetingFormat, MeetingKind, MeetingStatus, OrganisationRole, OrganisationType } from '@/lib/domain';

// ── Staff and sign-in ────────────────────────────────────────────────────────────────────────────────────────────
// Auth.js (Drizzle adapter, database sessions) reads and writes users, accounts, sessions and verification tokens
// through the property names below; the SQL names are ours.

export const staffRole = pgEnum('staff_role', STAFF_ROLES);

export const users = pgTable('users', {
  id: uuid().primaryKey().defaultRandom(),
  name: text(),
  // Always stored trimmed and lower-cased.
  email: text().notNull().unique(),
  emailVerified: timestamp({ withTimezone: true, mode: 'date' }),
  image: text(),
  role: staffRole().notNull().default('viewer'),
  active: boolean().notNull().default(true),
  // The staff member's own IANA zone: staff pages show times in it too, where it differs from the venue's.
  timeZone: text(),
  ...timestamps,
});

export const accounts = pgTable(
  'accounts',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text().notNull(),
    provider: text().notNull(),
    providerAccountId: text().notNull(),
    refresh_token: text(),
    access_token: text(),
    expires_at: integer(),
    token_type: text(),
    scope: text(),
    id_token: text(),
    session_state: text(),
    // OpenID Connect: the `iss` that asserted `providerAccountId` (its `sub`). A subject is unique only within its
    // issuer, so sign-in matches the pair (services/auth/oidc.ts).
    issuer: text(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = pgTable(
  'sessions',
  {
    sessionToken: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expires: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const verificationTokens = pgTable(
  'verification_tokens',
  {
    identifier: text().notNull(),
    // Auth.js stores a hash of the token, never the token itself.
    token: text().notNull(),
    expires: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/** One-time links that let a newcomer become an admin (printed in the terminal, never emailed). */
export const adminSetupTokens = pgTable('admin_setup_tokens', {
  tokenHash: text().primaryKey(),
  // Set by `npm run admin:create -- email`; null for the first-admin link, where the newcomer gives their address.
  email: text(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  usedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Fixed-window counters shared by every app instance (sign-in requests per address and per client). */
export const rateLimits = pgTable('rate_limits', {
  key: text().primaryKey(),
  windowStartedAt: timestamp({ withTimezone: true }).notNull(),
  count: integer().notNull(),
});

// ── Mail outbox ──────────────────────────────────────────────────────────────────────────────────────────────────

export const outboxStatus = pgEnum('outbox_status', OUTBOX_STATUSES);

export type MailAttachment = { filename: string; contentType: string; contentBase64: string };

/**
 * A message written when it is sent (db/invitation-mail.ts renderQueuedMail), from its invitation as it then stands:
 * a bulk send queues thousands of these in one short transaction. `changes`: what an update says changed, in the
 * recipient's language, settled when it was queued.
 */
export type MailTemplate =
  | { name: 'invitation'; kind: 'invitation' | 'reminder' | 'update'; changes: string[] }
  // A registration's email: the calendar SEQUENCE, waiting-list place and offer expiry as they were when it was queued.
  | {
      name: 'registration';
      kind: RegistrationEmailKind;
      sequence: number;
      place?: number;
      offerUntil?: string;
      // The secretariat's own step, and what its correction changed.
      byStaff?: boolean;
      changes?: ChangedField[];
    };

export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid().primaryKey().defaultRandom(),
    // Stable across retries, so a message sent twice after a crash is recognisably the same message.
    messageId: text().notNull().unique(),
    kind: text().notNull(),
    toAddress: text().notNull(),
    toName: text(),
    fromAddress: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    htmlBody: text(),
    attachments: jsonb().$type<MailAttachment[]>().notNull().default([]),
    // Set for a message rendered at send time: its bodies are empty until then (and stored, links removed, once sent).
    template: jsonb().$type<MailTemplate>(),
    // Personal or sign-in links in the body: only admins may read the message while they are live, and they are
    // removed from the stored body once the message is delivered.
    secretLinks: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // The invitation a message belongs to (invitation, reminder, update), so its delivery shows on the invitation.
    invitationId: uuid().references((): AnyPgColumn => invitations.id, { onDelete: 'set null' }),
    status: outboxStatus().notNull().default('queued'),
    attempts: integer().notNull().default(0),
    lastError: text(),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp({ withTimezone: true }),
    lockedBy: text(),
    sentAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_created_idx').on(t.createdAt),
    index('outbox_invitation_idx').on(t.invitationId, t.createdAt),
  ],
);

// Each outbox worker's last sign of life (services/mail/worker.ts), which /api/health reports: a queue that grows while
// no worker has beaten lately needs an operator.
export const outboxWorkers = pgTable('outbox_workers', {
  id: text().primaryKey(),
  startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lastBeatAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

// ── Audit log ────────────────────────────────────────────────────────────────────────────────────────────────────

export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid().primaryKey().defaultRandom(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    // Kept as written at the time: the actor's address may change later.
    actorEmail: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
  },
  (t) => [index('audit_entity_idx').on(t.entityType, t.entityId, t.at), index('audit_at_idx').on(t.at)],
);

// ── Summaries ────────────────────────────────────────────────────────────────────────────────────────────────────

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  // PGlite hands back a Uint8Array, postgres-js a Buffer.
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const summaryStatus = pgEnum('summary_status', SUMMARY_STATUSES);

/** The text fields of a summary, in both languages: what a draft holds and a version keeps. */
export type SummaryText = SummaryDraft;

/**
 * The news item about a meeting (one per meeting). Its text is edited here; every save also writes a row of
 * summary_versions. Published text is what the public pages show; it cannot change while published (unpublish to
 * edit), so what the second editor approved is what stays online.
 */
export const summaries = pgTable(
  'summaries',
  {
    id: uuid().primaryKey().defaultRandom(),
    meetingId: uuid()
      .notNull()
      .unique()
      .references(() => meetings.id, { onDelete: 'restrict' }),
    slug: text().notNull().unique(),
    status: summaryStatus().notNull().default('draft'),
    headlineEn: text().notNull(),
    headlineRu: text().notNull(),
    leadEn: text().notNull(),
    leadRu: text().notNull(),
    // Markdown; rendered and sanitised when shown (lib/markdown.ts).
    bodyEn: text().notNull(),
    bodyRu: text().notNull(),
    // The number of the last version saved: a save names the version it started from, so two editors cannot
    // overwrite each other unknowingly.
    version: integer().notNull().default(1),
    submittedById: uuid().references(() => users.id, { onDelete: 'set null' }),
    submittedAt: timestamp({ withTimezone: true }),
    publishedById: uuid().references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp({ withTimezone: true }),
    // The dateline keeps the first publication; a later republication is the modification date.
    firstPublishedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    check('summaries_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(${t.slug}) <= 120`),
    index('summaries_published_idx').on(t.status, t.publishedAt),
  ],
);

export const summaryVersions = pgTable(
  'summary_versions',
  {
    summaryId: uuid()
      .notNull()
      .references(() => summaries.id, { onDelete: 'cascade' }),
    number: integer().notNull(),
    text: jsonb().$type<SummaryText>().notNull(),
    savedById: uuid().references(() => users.id, { onDelete: 'set null' }),
    // Kept as written at the time, like the audit log.
    savedByEmail: text(),
    // What the save was: 'drafted from data', 'edited', 'restored version 3' …
    note: text().notNull().default(''),
    savedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.summaryId, t.number] })],
);

/** Photos of a summary. The image bytes live in PostgreSQL, so every app instance serves the same files. */
export const summaryPhotos = pgTable(
  'summary_photos',
  {
    id: uuid().primaryKey().defaultRandom(),
    summaryId: uuid()
      .notNull()
      .references(() => summaries.id, { onDelete: 'cascade' }),
    position: integer().notNull().default(0),
    altEn: text().notNull(),
    altRu: text().notNull(),
    credit: text().notNull(),
    // Re-encoded on upload (metadata such as GPS position dropped): image/jpeg or image/webp.
    contentType: text().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    byteSize: integer().notNull(),
    sha256: text().notNull(),
    // The bytes in this row, or (when S3 storage is configured) in the file store.
    data: bytea(),
    storedFileId: uuid().references(() => storedFiles.id, { onDelete: 'restrict' }),
    uploadedById: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('summary_photos_summary_idx').on(t.summaryId, t.position),
    check('summary_photos_bytes_somewhere', sql`(${t.data} is null) <> (${t.storedFileId} is null)`),
  ],
);

// ── Notes verbales and visa support letters ──────────────────────────────────────────────────────────────────────

/**
 * The last reference number given per prefix and year: the next one is taken with UPDATE … RETURNING, which holds the
 * row's lock until the note's transaction ends, so numbers are unique and gapless under any concurrency.
 */
export const noteReferenceCounters = pgTable(
  'note_reference_counters',
  {
    prefix: text().notNull(),
    year: integer().notNull(),
    lastNumber: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.year] })],
);

/**
 * The register of notes verbales. A note's file is written again on request from `content`, the inputs it was made
 * from (filled in, in its language), so the register keeps the note as issued even after the template changes.
 */
export const notesVerbales = pgTable(
  'notes_verbales',
  {
    id: uuid().primaryKey().defaultRandom(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    // The delegation the note invites, where there is one (a note staff issue by hand has none).
    delegationId: uuid().references((): AnyPgColumn => delegations.id, { onDelete: 'set null' }),
    reference: text().notNull().unique(),
    prefix: text().notNull(),
    year: integer().notNull(),
    number: integer().notNull(),
    language: contactLanguage().notNull(),
    addressee: text().notNull(),
    content: jsonb().$type<NoteVerbaleContent>().notNull(),
    issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    issuedById: uuid().references(() => users.id, { onDelete: 'set null' }),
    issuedByEmail: text(),
  },
  (t) => [
    uniqueIndex('notes_verbales_number_unique').on(t.prefix, t.year, t.number),
    index('notes_verbales_meeting_idx').on(t.meetingId, t.issuedAt),
  ],
);

/**
 * Who issued which visa support letter, and when. The letter itself is never stored: it holds passport details, and
 * is written again from the encrypted registration whenever an admin asks.
 */
export const visaLetters = pgTable(
  'visa_letters',
  {
    id: uuid().primaryKey().defaultRandom(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    invitationId: uuid()
      .notNull()
      .references(() => invitations.id, { onDelete: 'cascade' }),
    language: contactLanguage().notNull(),
    issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    issuedById: uuid().references(() => users.id, { onDelete: 'set null' }),
    issuedByEmail: text(),
  },
  (t) => [
    index('visa_letters_meeting_idx').on(t.meetingId, t.issuedAt),
    index('visa_letters_invitation_idx').on(t.invitationId),
  ],
);

export type NoteVerbale = typeof notesVerbales.$inferSelect;
export type VisaLetter = typeof visaLetters.$inferSelect;

export type Summary = typeof summaries.$inferSelect;
export type SummaryVersion = typeof summaryVersions.$inferSelect;
export type SummaryPhoto = typeof summaryPhotos.$inferSelect;

export type { OutboxStatus, StaffRole } from '@/lib/domain';
export type User = typeof users.$inferSelect;
export type OutboxMessage = typeof outboxMessages.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;

// ── Delegations ──────────────────────────────────────────────────────────────────────────────────────────────────

export const delegationKind = pgEnum('delegation_kind', DELEGATION_KINDS);
export const delegationMemberStatus = pgEnum('delegation_member_status', DELEGATION_MEMBER_STATUSES);
export const substitutionStatus = pgEnum('substitution_status', SUBSTITUTION_STATUSES);

/**
 * A state or an organisation invited to a meeting through its focal point, who nominates up to `quota` members
 * behind the delegation link. The link is derived like an invitation's (lib/delegation-token.ts), never stored:
 * `linkVersion` is raised by re-issuing, `linkRevokedAt` kills it.
 */
export const delegations = pgTable(
  'delegations',
  {
    id: uuid().primaryKey().defaultRandom(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    kind: delegationKind().notNull(),
    countryCode: text(),
    organisationId: uuid().references(() => organisations.id, { onDelete: 'restrict' }),
    focalPointContactId: uuid()
      .notNull()
      .references(() => contacts.id, { onDelete: 'restrict' }),
    quota: integer().notNull(),
    nominationDeadline: timestamp({ withTimezone: true }),
    // As the note verbale names the addressee: English, and Russian in the dative («Министерству иностранных дел …»).
    addresseeEn: text().notNull(),
    addresseeRu: text().notNull(),
    // The focal point's language: their email, and the note verbale.
    language: contactLanguage().notNull(),
    linkVersion: integer().notNull().default(1),
    linkRevokedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    check('delegations_quota_positive', sql`${t.quota} between 1 and 100`),
    check('delegations_country_iso2', sql`${t.countryCode} ~ '^[A-Z]{2}$'`),
    check(
      'delegations_kind_target',
      sql`(${t.kind} = 'state' and ${t.countryCode} is not null and ${t.organisationId} is null) or (${t.kind} = 'organisation' and ${t.organisationId} is not null and ${t.countryCode} is null)`,
    ),
    uniqueIndex('delegations_meeting_country_unique').on(t.meetingId, t.countryCode),
    uniqueIndex('delegations_meeting_organisation_unique').on(t.meetingId, t.organisationId),
    index('delegations_focal_point_idx').on(t.focalPointContactId),
  ],
);

/** A place of a delegation's quota, held by one nominee; a replacement is a new row, the old one `replaced`. */
export const delegationMembers = pgTable(
  'delegation_members',
  {
    id: uuid().primaryKey().defaultRandom(),
    delegationId: uuid()
      .notNull()
      .references(() => delegations.id, { onDelete: 'cascade' }),
    contactId: uuid()
      .notNull()
      .references(() => contacts.id, { onDelete: 'restrict' }),
    // Null while the nomination waits for approval (or was rejected).
    invitationId: uuid().references(() => invitations.id, { onDelete: 'set null' }),
    status: delegationMemberStatus().notNull(),
    // As the focal point gave them: courtesy title (Mr., Ms., …), names, position, address, language.
    title: text().notNull().default(''),
    passportName: text().notNull(),
    displayName: text().notNull(),
    position: text().notNull().default(''),
    email: text().notNull(),
    language: contactLanguage().notNull(),
    head: boolean().notNull().default(false),
    // Where staff placed the member in the delegation's entry of the list of participants (lowest first; the head
    // of delegation comes first whatever this says); null: by name.
    listOrder: integer(),
    replacesMemberId: uuid().references((): AnyPgColumn => delegationMembers.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    index('delegation_members_delegation_idx').on(t.delegationId, t.status),
    index('delegation_members_invitation_idx').on(t.invitationId),
  ],
);

/** A declining delegate's proposal of someone to take their place: the focal point decides, or staff without one. */
export const substitutionProposals = pgTable(
  'substitution_proposals',
  {
    id: uuid().primaryKey().defaultRandom(),
    invitationId: uuid()
      .notNull()
      .references(() => invitations.id, { onDelete: 'cascade' }),
    // The delegation the declining delegate belongs to, if any: its focal point decides.
    delegationId: uuid().references(() => delegations.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    email: text().notNull(),
    position: text().notNull().default(''),
    language: contactLanguage().notNull(),
    status: substitutionStatus().notNull().default('proposed'),
    decidedAt: timestamp({ withTimezone: true }),
    decidedBy: text(),
    substituteInvitationId: uuid().references(() => invitations.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    index('substitution_proposals_invitation_idx').on(t.invitationId),
    index('substitution_proposals_delegation_idx').on(t.delegationId, t.status),
  ],
);

export type Delegation = typeof delegations.$inferSelect;
export type DelegationMember = typeof delegationMembers.$inferSelect;
export type SubstitutionProposal = typeof substitutionProposals.$inferSelect;

// ── The meeting day ──────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The check-in codes a badge's QR carries: one current per registration, older ones kept revoked so a lost badge is
 * refused as revoked rather than unknown. Only the SHA-256 of a code is stored; the code itself exists on paper.
 */
export const badgeCodes = pgTable(
  'badge_codes',
  {
    id: uuid().primaryKey().defaultRandom(),
    invitationId: uuid()
      .notNull()
      .references(() => registrations.invitationId, { onDelete: 'cascade' }),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    printedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('badge_codes_hash_unique').on(t.codeHash),
    uniqueIndex('badge_codes_current_unique')
      .on(t.invitationId)
      .where(sql`${t.revokedAt} is null`),
    index('badge_codes_meeting_idx').on(t.meetingId),
  ],
);

export type BadgeCode = typeof badgeCodes.$inferSelect;

/**
 * A person checked in at the door on one day of the meeting (the venue's calendar day). At most one live check-in
 * per person and day, whatever the number of scanners; the device's own key makes an offline scan, sent again after
 * a reconnect, land once.
 */
export const checkIns = pgTable(
  'check_ins',
  {
    id: uuid().primaryKey().defaultRandom(),
    invitationId: uuid()
      .notNull()
      .references(() => registrations.invitationId, { onDelete: 'cascade' }),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    // The venue's calendar day, in the meeting's time zone.
    day: date({ mode: 'string' }).notNull(),
    checkedInAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    checkedInBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    badgeCodeId: uuid().references(() => badgeCodes.id, { onDelete: 'set null' }),
    // Made by the scanning device for each scan; a repeated send of the same scan finds its first answer.
    deviceKey: text(),
    undoneAt: timestamp({ withTimezone: true }),
    undoneBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('check_ins_person_day_unique')
      .on(t.invitationId, t.day)
      .where(sql`${t.undoneAt} is null`),
    uniqueIndex('check_ins_device_key_unique').on(t.deviceKey),
    index('check_ins_meeting_day_idx').on(t.meetingId, t.day),
  ],
);

export type CheckIn = typeof checkIns.$inferSelect;

// ── Stored files and meeting documents ───────────────────────────────────────────────────────────────────────────

/**
 * A file kept by lib/storage: its bytes are either chunks in stored_file_chunks (the default, so every instance sees
 * every file) or one object in S3-compatible storage under `objectKey`. `completedAt` is set once every byte is in:
 * an upload cut short leaves a row without it, which no reader serves.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid().primaryKey().defaultRandom(),
    backend: text().$type<'db' | 's3'>().notNull(),
    objectKey: text(),
    contentType: text().notNull(),
    byteSize: bigint({ mode: 'number' }).notNull().default(0),
    chunkSize: integer().notNull(),
    sha256: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp({ withTimezone: true }),
  },
  (t) => [check('stored_files_backend', sql`${t.backend} in ('db', 's3')`)],
);

export const storedFileChunks = pgTable(
  'stored_file_chunks',
  {
    fileId: uuid()
      .notNull()
      .references(() => storedFiles.id, { onDelete: 'cascade' }),
    seq: integer().notNull(),
    data: bytea().notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.seq] })],
);

/** A document of a meeting (concept note, programme …): its files are in meeting_document_files. */
export const meetingDocuments = pgTable(
  'meeting_documents',
  {
    id: uuid().primaryKey().defaultRandom(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    kind: text().$type<MeetingDocumentKind>().notNull(),
    visibility: text().$type<DocumentVisibility>().notNull(),
    position: integer().notNull().default(0),
    // Optional: without one, the document is named by its kind.
    titleEn: text().notNull().default(''),
    titleRu: text().notNull().default(''),
    createdById: uuid().references(() => users.id, { onDelete: 'set null' }),
    withdrawnAt: timestamp({ withTimezone: true }),
    withdrawnById: uuid().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    index('meeting_documents_meeting_idx').on(t.meetingId, t.position),
    check('meeting_documents_kind', sql.raw(`kind in (${MEETING_DOCUMENT_KINDS.map((k) => `'${k}'`).join(', ')})`)),
    check('meeting_documents_visibility', sql`${t.visibility} in ('staff', 'delegates', 'public')`),
  ],
);

/**
 * One uploaded file of a document in one language. Replacing a file adds a row with the next version number and
 * marks the previous one superseded: the earlier versions stay listed, and exactly one is current per language.
 */
export const meetingDocumentFiles = pgTable(
  'meeting_document_files',
  {
    id: uuid().primaryKey().defaultRandom(),
    documentId: uuid()
      .notNull()
      .references(() => meetingDocuments.id, { onDelete: 'cascade' }),
    language: text().$type<DocumentLanguage>().notNull(),
    version: integer().notNull(),
    storedFileId: uuid()
      .notNull()
      .references(() => storedFiles.id, { onDelete: 'restrict' }),
    // Sanitised on upload; what the download is named.
    fileName: text().notNull(),
    contentType: text().notNull(),
    byteSize: bigint({ mode: 'number' }).notNull(),
    sha256: text().notNull(),
    uploadedById: uuid().references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    supersededAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('meeting_document_files_version_unique').on(t.documentId, t.language, t.version),
    uniqueIndex('meeting_document_files_current_unique')
      .on(t.documentId, t.language)
      .where(sql`${t.supersededAt} is null`),
    check('meeting_document_files_language', sql`${t.language} in ('en', 'ru', 'both')`),
  ],
);

export type MeetingDocument = typeof meetingDocuments.$inferSelect;
export type MeetingDocumentFile = typeof meetingDocumentFiles.$inferSelect;

// ── The list of participants ─────────────────────────────────────────────────────────────────────────────────────

/**
 * A version of the list of participants staff released to the registered delegates: the documents' models in both
 * languages as they were at the release (lib/participant-list.ts), so the files are written again exactly as
 * released however registrations change afterwards. The newest release of a meeting is the one delegates see.
 */
export const participantListReleases = pgTable(
  'participant_list_releases',
  {
    id: uuid().primaryKey().defaultRandom(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    // Who the list counts: those registered, or (after the meeting, once check-ins exist) those who attended.
    basis: text().$type<'registered' | 'attended'>().notNull(),
    entries: integer().notNull(),
    modelEn: jsonb().$type<DocumentModel>().notNull(),
    modelRu: jsonb().$type<DocumentModel>().notNull(),
    releasedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    releasedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    check('participant_list_releases_basis', sql`${t.basis} in ('registered', 'attended')`),
    index('participant_list_releases_meeting_idx').on(t.meetingId, t.releasedAt),
  ],
);

export type ParticipantListRelease = typeof participantListReleases.$inferSelect;
