import 'server-only';
import { and, asc, desc, eq, gte, lt, ne } from 'drizzle-orm';
import { requireStaff } from '@/lib/auth/staff';
import { getDb } from './client';
import { councils, meetingOrganisations, meetings, organisations } from './schema';
import type { Council, Meeting, Organisation, OrganisationRole } from './schema';

export type MeetingListItem = Pick<
  Meeting,
  'id' | 'kind' | 'titleEn' | 'titleRu' | 'startsAt' | 'endsAt' | 'timeZone' | 'format' | 'cityEn' | 'cityRu' | 'country' | 'status'
>;

const meetingListColumns = {
  id: meetings.id,
  kind: meetings.kind,
  titleEn: meetings.titleEn,
  titleRu: meetings.titleRu,
  startsAt: meetings.startsAt,
  endsAt: meetings.endsAt,
  timeZone: meetings.timeZone,
  format: meetings.format,
  cityEn: meetings.cityEn,
  cityRu: meetings.cityRu,
  country: meetings.country,
  status: meetings.status,
};

/**
 * Meetings split at `now`: upcoming (not yet ended, soonest first; a meeting in progress counts as upcoming) and
 * past (most recent first). Drafts are left out when `publicOnly`: they are the secretariat's working copies.
 */
async function listMeetingsByTime({
  now = new Date(),
  councilId,
  publicOnly = false,
}: {
  now?: Date;
  councilId?: string;
  publicOnly?: boolean;
} = {}): Promise<{ upcoming: MeetingListItem[]; past: MeetingListItem[] }> {
  const db = await getDb();
  const byCouncil = and(
    councilId ? eq(meetings.councilId, councilId) : undefined,
    publicOnly ? ne(meetings.status, 'draft') : undefined,
  );
  const [upcoming, past] = await Promise.all([
    db
      .select(meetingListColumns)
      .from(meetings)
      .where(and(byCouncil, gte(meetings.endsAt, now)))
      .orderBy(asc(meetings.startsAt)),
    db
      .select(meetingListColumns)
      .from(meetings)
      .where(and(byCouncil, lt(meetings.endsAt, now)))
      .orderBy(desc(meetings.startsAt)),
  ]);
  return { upcoming, past };
}

/** What the public may see: every meeting but drafts. */
export function listPublicMeetings(options: { now?: Date; councilId?: string } = {}) {
  return listMeetingsByTime({ ...options, publicOnly: true });
}

export async function listStaffMeetings(options: { now?: Date; councilId?: string } = {}) {
  await requireStaff('viewer');
  return listMeetingsByTime(options);
}

export type MeetingOrganisation = Pick<Organisation, 'id' | 'nameEn' | 'nameRu' | 'acronym' | 'type' | 'country'> & {
  role: OrganisationRole;
};

export type MeetingDetail = Meeting & {
  council: Pick<Council, 'id' | 'nameEn' | 'nameRu'>;
  organisations: MeetingOrganisation[];
};

const ROLE_ORDER: Record<OrganisationRole, number> = { organiser: 0, co_organiser: 1, partner: 2, participating: 3 };

export async function getMeeting({ id }: { id: string }): Promise<MeetingDetail | null> {
  await requireStaff('viewer');
  const db = await getDb();
  const [row] = await db
    .select({ meeting: meetings, council: { id: councils.id, nameEn: councils.nameEn, nameRu: councils.nameRu } })
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(eq(meetings.id, id));
  if (!row) return null;
  const linked = await db
    .select({
      id: organisations.id,
      nameEn: organisations.nameEn,
      nameRu: organisations.nameRu,
      acronym: organisations.acronym,
      type: organisations.type,
      country: organisations.country,
      role: meetingOrganisations.role,
    })
    .from(meetingOrganisations)
    .innerJoin(organisations, eq(organisations.id, meetingOrganisations.organisationId))
    .where(eq(meetingOrganisations.meetingId, id))
    .orderBy(asc(organisations.nameEn));
  linked.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
  return { ...row.meeting, council: row.council, organisations: linked };
}
