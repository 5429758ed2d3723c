import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { attendanceParagraph, countBy } from '@/lib/attendance';
import { assertRole, type StaffUser } from '@/lib/auth/roles';
import { countryName } from '@/lib/countries';
import { toCsv } from '@/lib/csv';
import { formatDate, formatDateTime, toZonedParts } from '@/lib/datetime';
import type { DocumentBlock, DocumentModel } from '@/lib/documents';
import {
  GENDER_LABELS,
  GENDERS,
  INVITATION_ROLE_LABELS,
  ORGANISATION_TYPE_LABELS,
  type Gender,
  type InvitationRole,
  type OrganisationType,
} from '@/lib/domain';
import { placement } from '@/lib/participant-list';
import { getDb } from './client';
import { loadInvitationMeeting, type LoadedMeeting } from './invitation-mail';
import { listPeople, secretariatId } from './participant-list';
import { checkIns, contacts, invitations, organisations, registrations } from './schema';

// The attendance record: who was checked in on each day of the meeting (live check-ins only: an undone one does not
// count), the counts by country, type of organisation and role, gender only ever as totals, who registered and did
// not come, and the attendance paragraph in both languages.

export type Attendee = {
  invitationId: string;
  name: string;
  passportName: string;
  organisationName: string;
  organisationType: OrganisationType | null;
  country: string;
  role: InvitationRole;
  walkIn: boolean;
  /** The venue's calendar days the person was checked in on. */
  days: string[];
};

export type Counts = { label: string; n: number }[];

export type AttendanceRecord = {
  meeting: LoadedMeeting;
  /** The meeting's calendar days at the venue. */
  days: { day: string; attendees: Attendee[] }[];
  attendees: Attendee[];
  byCountry: Counts;
  byOrganisationType: Counts;
  byRole: Counts;
  /** Totals only: the record never says anyone's answer. */
  byGender: { gender: Gender; label: string; n: number }[];
  /** Registered, never checked in. */
  absent: Attendee[];
  paragraph: { en: string; ru: string };
};

/** Every calendar day at the venue from the meeting's start to its end: "2026-11-30", "2026-12-01"… */
export function meetingDays(meeting: { startsAt: Date; endsAt: Date; timeZone: string }): string[] {
  const first = toZonedParts(meeting.startsAt, meeting.timeZone).date;
  // An end at midnight belongs to the day before.
  const last = toZonedParts(new Date(meeting.endsAt.getTime() - 1), meeting.timeZone).date;
  const days: string[] = [];
  for (let d = new Date(`${first}T00:00:00Z`); days.length < 60; d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.toISOString().slice(0, 10);
    days.push(day);
    if (day >= last) break;
  }
  return days;
}

export async function attendanceRecord({
  actor,
  meetingId,
}: {
  actor: StaffUser;
  meetingId: string;
}): Promise<AttendanceRecord | null> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const meeting = await loadInvitationMeeting(db, meetingId);
  if (!meeting) return null;
  const [rows, checked, represented, secretariat] = await Promise.all([
    db
      .select({
        invitationId: registrations.invitationId,
        status: registrations.status,
        displayName: registrations.displayName,
        passportName: registrations.passportName,
        organisationName: registrations.organisationName,
        organisationType: organisations.type,
        country: registrations.country,
        role: invitations.role,
        walkIn: registrations.walkIn,
        gender: registrations.gender,
        erasedAt: registrations.erasedAt,
      })
      .from(registrations)
      .innerJoin(invitations, eq(invitations.id, registrations.invitationId))
      .innerJoin(contacts, eq(contacts.id, invitations.contactId))
      .leftJoin(organisations, eq(organisations.id, contacts.organisationId))
      .where(eq(registrations.meetingId, meetingId))
      .orderBy(asc(contacts.sortKey), asc(registrations.passportName)),
    db
      .select({ invitationId: checkIns.invitationId, day: checkIns.day })
      .from(checkIns)
      .where(and(eq(checkIns.meetingId, meetingId), isNull(checkIns.undoneAt)))
      .orderBy(asc(checkIns.day)),
    listPeople(db, meetingId, 'attended', { listedOnly: false }),
    secretariatId(db, meeting.councilId),
  ]);
  const daysOf = new Map<string, string[]>();
  for (const c of checked) daysOf.set(c.invitationId, [...(daysOf.get(c.invitationId) ?? []), c.day]);
  const person = (r: (typeof rows)[number]): Attendee => ({
    invitationId: r.invitationId,
    // Erased on request: counted, never named.
    name: r.erasedAt ? '(data erased)' : r.displayName,
    passportName: r.erasedAt ? '' : r.passportName,
    organisationName: r.erasedAt ? '' : r.organisationName,
    organisationType: r.organisationType,
    country: r.country,
    role: r.role,
    walkIn: r.walkIn,
    days: daysOf.get(r.invitationId) ?? [],
  });
  const came = rows.filter((r) => daysOf.has(r.invitationId));
  const attendees = came.map(person);
  const absent = rows.filter((r) => r.status === 'registered' && !daysOf.has(r.invitationId)).map(person);
  const scheduled = meetingDays(meeting);
  // A check-in on a day outside the meeting's dates (a meeting moved after the fact) still shows.
  const allDays = [...new Set([...scheduled, ...checked.map((c) => c.day)])].sort();
  const places = represented
    .map((p) => placement(p, secretariat))
    .filter((p) => p.group !== 'secretariat')
    .map((p) => ({ group: p.group, name: p.label }));
  return {
    meeting,
    days: allDays.map((day) => ({ day, attendees: attendees.filter((a) => a.days.includes(day)) })),
    attendees,
    byCountry: countBy(attendees, (a) => countryName(a.country, 'en')),
    byOrganisationType: countBy(attendees, (a) =>
      a.organisationType ? ORGANISATION_TYPE_LABELS[a.organisationType] : 'No organisation in the directory',
    ),
    byRole: countBy(attendees, (a) => INVITATION_ROLE_LABELS[a.role]),
    byGender: GENDERS.map((gender) => ({
      gender,
      label: GENDER_LABELS[gender],
      n: came.filter((r) => r.gender === gender).length,
    })),
    absent,
    paragraph: { en: attendanceParagraph(places, 'en'), ru: attendanceParagraph(places, 'ru') },
  };
}

const dayLabel = (day: string) => formatDate(new Date(`${day}T12:00:00Z`), 'UTC', 'en');

/** The record as a document (English, as staff pages are; the paragraph in both languages). */
export function attendanceModel(record: AttendanceRecord, now: Date): DocumentModel {
  const { meeting } = record;
  const counts = (title: string, rows: Counts): DocumentBlock[] =>
    rows.length
      ? [
          { kind: 'paragraph', text: title, bold: true, align: 'left' },
          {
            kind: 'table',
            header: [title.replace(/^By /, ''), 'Attended'],
            rows: rows.map((r) => [r.label, String(r.n)]),
            widths: [80, 20],
          },
        ]
      : [];
  return {
    language: 'en',
    title: `Attendance record: ${meeting.titleEn}`,
    running: { header: `Attendance record · as of ${formatDateTime(now, meeting.timeZone, 'en')}`, pageNumbers: true },
    blocks: [
      { kind: 'heading', text: `Attendance record\n${meeting.titleEn}` },
      {
        kind: 'paragraph',
        text: `${record.attendees.length} attended (from the check-ins at the door); ${record.absent.length} registered and did not come.`,
        align: 'left',
      },
      {
        kind: 'table',
        header: ['Day', 'Attended'],
        rows: [
          ...record.days.map((d) => [dayLabel(d.day), String(d.attendees.length)]),
          ['In total (distinct people)', String(record.attendees.length)],
        ],
        widths: [80, 20],
      },
      ...counts('By country', record.byCountry),
      ...counts('By type of organisation', record.byOrganisationType),
      ...counts('By role', record.byRole),
      ...counts(
        'By gender',
        record.byGender.map((g) => ({ label: g.label, n: g.n })),
      ),
      { kind: 'paragraph', text: 'Attendance paragraph', bold: true, align: 'left' },
      { kind: 'paragraph', text: record.paragraph.en },
      { kind: 'paragraph', text: record.paragraph.ru },
      { kind: 'paragraph', text: 'Who attended', bold: true, align: 'left' },
      {
        kind: 'table',
        header: ['Name', 'Organisation', 'Country', 'Role', 'Days'],
        rows: record.attendees.map((a) => [
          a.name,
          a.organisationName,
          countryName(a.country, 'en'),
          INVITATION_ROLE_LABELS[a.role],
          a.days.map(dayLabel).join(', '),
        ]),
        widths: [26, 28, 16, 12, 18],
      },
      { kind: 'paragraph', text: 'Registered and did not come', bold: true, align: 'left' },
      record.absent.length
        ? {
            kind: 'table',
            header: ['Name', 'Organisation', 'Country', 'Role'],
            rows: record.absent.map((a) => [
              a.name,
              a.organisationName,
              countryName(a.country, 'en'),
              INVITATION_ROLE_LABELS[a.role],
            ]),
            widths: [32, 34, 18, 16],
          }
        : { kind: 'paragraph', text: 'Nobody.', align: 'left' },
    ],
  };
}

/** The record as CSV, one row per person who attended or registered: no gender (never per person). */
export function attendanceCsv(record: AttendanceRecord): string {
  const days = record.days.map((d) => d.day);
  return toCsv(
    [
      'Name',
      'Name as in passport',
      'Organisation',
      'Type of organisation',
      'Country',
      'Role',
      'Walk-in',
      'Attended',
      ...days,
    ],
    [...record.attendees, ...record.absent].map((a) => [
      a.name,
      a.passportName,
      a.organisationName,
      a.organisationType ? ORGANISATION_TYPE_LABELS[a.organisationType] : '',
      countryName(a.country, 'en'),
      INVITATION_ROLE_LABELS[a.role],
      a.walkIn ? 'yes' : 'no',
      a.days.length ? 'yes' : 'no',
      ...days.map((d) => (a.days.includes(d) ? 'yes' : 'no')),
    ]),
  );
}
