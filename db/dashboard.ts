import 'server-only';
import { and, asc, desc, eq, gte, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { assertRole, roleAtLeast, type StaffUser } from '@/lib/auth/roles';
import { calendarDateIn } from '@/lib/datetime';
import type { MeetingFormat, MeetingKind, MeetingStatus } from '@/lib/domain';
import { getDb } from './client';
import { contactImports, invitations, meetings, registrations, summaries, users } from './schema';

// What needs attention, on the staff dashboard. Each meeting's figures come from two grouped queries over all the
// upcoming meetings at once (invitations, registrations), not one round trip per meeting: at 1,000 invitations per
// meeting they read the (meeting_id, status) indexes, and an invitation's latest email through its own index.

export type MeetingFigures = {
  id: string;
  titleEn: string;
  kind: MeetingKind;
  format: MeetingFormat;
  status: MeetingStatus;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  cityEn: string | null;
  country: string | null;
  /** Every invitation but revoked ones. */
  invited: number;
  /** Accepted or declined (anything but no answer and revoked). */
  answered: number;
  /** No answer yet. */
  unanswered: number;
  registered: number;
  /** On the waiting list (not counting those offered a seat). */
  waiting: number;
  /** capacity − registered − offers still open; null: the meeting has no limit. */
  seatsLeft: number | null;
  /** Invitations whose latest email failed. */
  failedEmails: number;
  /**
   * Calendar days, in the venue's zone, from today to the registration deadline's day (0: it closes today); 'closed'
   * once it has passed; null: no deadline.
   */
  deadline: { daysLeft: number; at: Date } | 'closed' | null;
};

export type ReviewItem = { id: string; headlineEn: string; meetingTitle: string; submittedAt: Date | null };
export type ImportInProgress = {
  id: string;
  fileName: string;
  status: 'previewing' | 'applying';
  startedBy: string | null;
  createdAt: Date;
  rows: number;
  rowsDone: number;
};

export type Dashboard = {
  meetings: MeetingFigures[];
  /** Summaries in review that this staff member may publish (not their own submission); editors and admins only. */
  toReview: ReviewItem[] | null;
  /** Contact imports not finished; null for viewers, who cannot open imports. */
  imports: ImportInProgress[] | null;
};

const dayNumber = (instant: Date, zone: string) => {
  const { year, month, day } = calendarDateIn(instant, zone);
  return Date.UTC(year, month - 1, day) / 86_400_000;
};

/** Days to a deadline as the venue's calendar counts them. */
export function deadlineFigure(deadline: Date | null, zone: string, now: Date): MeetingFigures['deadline'] {
  if (!deadline) return null;
  if (deadline.getTime() <= now.getTime()) return 'closed';
  return { daysLeft: dayNumber(deadline, zone) - dayNumber(now, zone), at: deadline };
}

export async function getDashboard({ actor, now = new Date() }: { actor: StaffUser; now?: Date }): Promise<Dashboard> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const canEdit = roleAtLeast(actor.role, 'editor');

  const upcoming = await db
    .select({
      id: meetings.id,
      titleEn: meetings.titleEn,
      kind: meetings.kind,
      format: meetings.format,
      status: meetings.status,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      timeZone: meetings.timeZone,
      cityEn: meetings.cityEn,
      country: meetings.country,
      capacity: meetings.capacity,
      registrationDeadline: meetings.registrationDeadline,
    })
    .from(meetings)
    .where(and(gte(meetings.endsAt, now), ne(meetings.status, 'cancelled')))
    .orderBy(asc(meetings.startsAt));
  const ids = upcoming.map((m) => m.id);

  // The latest email of an invitation decides its delivery state, as on the invitations page.
  const latestFailed = sql`(select o.status from outbox_messages o where o.invitation_id = ${invitations.id} order by o.created_at desc limit 1) = 'failed'`;
  const [invitationCounts, registrationCounts, toReview, imports] = await Promise.all([
    ids.length
      ? db
          .select({
            meetingId: invitations.meetingId,
            invited: sql<number>`count(*) filter (where ${invitations.status} <> 'revoked')::int`,
            answered: sql<number>`count(*) filter (where ${invitations.status} in ('accepted', 'declined'))::int`,
            unanswered: sql<number>`count(*) filter (where ${invitations.status} = 'invited')::int`,
            failedEmails: sql<number>`count(*) filter (where ${latestFailed})::int`,
          })
          .from(invitations)
          .where(inArray(invitations.meetingId, ids))
          .groupBy(invitations.meetingId)
      : [],
    ids.length
      ? db
          .select({
            meetingId: registrations.meetingId,
            registered: sql<number>`count(*) filter (where ${registrations.status} = 'registered')::int`,
            waiting: sql<number>`count(*) filter (where ${registrations.status} = 'waitlisted')::int`,
            liveOffers: sql<number>`count(*) filter (where ${registrations.status} = 'offered' and ${registrations.offerExpiresAt} > ${now.toISOString()}::timestamptz)::int`,
          })
          .from(registrations)
          .where(inArray(registrations.meetingId, ids))
          .groupBy(registrations.meetingId)
      : [],
    canEdit
      ? db
          .select({
            id: summaries.id,
            headlineEn: summaries.headlineEn,
            meetingTitle: meetings.titleEn,
            submittedAt: summaries.submittedAt,
          })
          .from(summaries)
          .innerJoin(meetings, eq(meetings.id, summaries.meetingId))
          .where(
            and(
              eq(summaries.status, 'in_review'),
              // Four eyes: the submitter cannot publish their own (db/summary-workflow.ts).
              or(isNull(summaries.submittedById), ne(summaries.submittedById, actor.id)),
            ),
          )
          .orderBy(asc(summaries.submittedAt))
      : null,
    canEdit
      ? db
          .select({
            id: contactImports.id,
            fileName: contactImports.fileName,
            status: sql<'previewing' | 'applying'>`${contactImports.status}`,
            startedBy: sql<string | null>`coalesce(${users.name}, ${contactImports.createdByEmail})`,
            createdAt: contactImports.createdAt,
            rows: sql<number>`jsonb_array_length(${contactImports.rows})`,
            rowsDone: contactImports.rowsDone,
          })
          .from(contactImports)
          .leftJoin(users, eq(users.id, contactImports.createdBy))
          .where(inArray(contactImports.status, ['previewing', 'applying']))
          .orderBy(desc(contactImports.createdAt))
      : null,
  ]);

  const byInvitation = new Map(invitationCounts.map((c) => [c.meetingId, c]));
  const byRegistration = new Map(registrationCounts.map((c) => [c.meetingId, c]));
  return {
    meetings: upcoming.map(({ capacity, registrationDeadline, ...meeting }) => {
      const i = byInvitation.get(meeting.id);
      const r = byRegistration.get(meeting.id);
      const registered = r?.registered ?? 0;
      return {
        ...meeting,
        invited: i?.invited ?? 0,
        answered: i?.answered ?? 0,
        unanswered: i?.unanswered ?? 0,
        failedEmails: i?.failedEmails ?? 0,
        registered,
        waiting: r?.waiting ?? 0,
        seatsLeft: capacity === null ? null : Math.max(0, capacity - registered - (r?.liveOffers ?? 0)),
        deadline: deadlineFigure(registrationDeadline, meeting.timeZone, now),
      };
    }),
    toReview,
    imports,
  };
}
