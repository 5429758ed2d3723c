import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Column names are snake_case in SQL (drizzle `casing: 'snake_case'` in db/client.ts and drizzle.config.ts).

export const meetingKind = pgEnum('meeting_kind', ['plenary', 'working_group', 'briefing', 'side_event']);
export const meetingFormat = pgEnum('meeting_format', ['in_person', 'hybrid', 'online']);
export const meetingStatus = pgEnum('meeting_status', [
  'draft',
  'planned',
  'invitations_open',
  'registration_closed',
  'held',
  'summary_published',
  'cancelled',
]);
export const organisationType = pgEnum('organisation_type', [
  'un_entity',
  'government',
  'regional_organisation',
  'international_organisation',
  'civil_society',
  'academic',
  'diplomatic_mission',
  'media',
  'other',
]);
export const organisationRole = pgEnum('organisation_role', ['organiser', 'co_organiser', 'partner', 'participating']);

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
  ...timestamps,
});

export const organisations = pgTable(
  'organisations',
  {
    id: uuid().primaryKey().defaultRandom(),
    nameEn: text().notNull(),
    nameRu: text(),
    acronym: text(),
    type: organisationType().notNull(),
    // ISO 3166-1 alpha-2; null for international bodies.
    country: text(),
    ...timestamps,
  },
  (t) => [
    check('organisations_country_iso2', sql`${t.country} ~ '^[A-Z]{2}$'`),
    index('organisations_acronym_idx').on(t.acronym),
  ],
);

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
    country: text(),
    venueEn: text(),
    venueRu: text(),
    status: meetingStatus().notNull().default('draft'),
    ...timestamps,
  },
  (t) => [
    check('meetings_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check('meetings_country_iso2', sql`${t.country} ~ '^[A-Z]{2}$'`),
    index('meetings_council_starts_idx').on(t.councilId, t.startsAt),
  ],
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
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.organisationId] }),
    index('meeting_organisations_organisation_idx').on(t.organisationId),
  ],
);

export type Council = typeof councils.$inferSelect;
export type Meeting = typeof meetings.$inferSelect;
export type NewMeeting = typeof meetings.$inferInsert;
export type Organisation = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;
export type MeetingKind = (typeof meetingKind.enumValues)[number];
export type MeetingFormat = (typeof meetingFormat.enumValues)[number];
export type MeetingStatus = (typeof meetingStatus.enumValues)[number];
export type OrganisationType = (typeof organisationType.enumValues)[number];
export type OrganisationRole = (typeof organisationRole.enumValues)[number];
