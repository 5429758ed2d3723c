import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { assertRole, type StaffUser } from '@/lib/auth/roles';
import type { SummaryStatus } from '@/lib/domain';
import type { PhotoInfo } from '@/lib/summary/public';
import { getDb } from './client';
import { meetings, summaries, type Summary, summaryVersions, users } from './schema';
import { loadPhotos } from './summary-photos';

// Summaries as staff read them: one with its meeting and photos, the list, and the saved versions.

export type StaffSummary = Summary & {
  meeting: {
    id: string;
    titleEn: string;
    status: string;
    timeZone: string;
    startsAt: Date;
    cityEn: string | null;
    cityRu: string | null;
  };
  photos: PhotoInfo[];
  submittedByEmail: string | null;
  publishedByEmail: string | null;
};

export async function getSummary({ actor, id }: { actor: StaffUser; id: string }): Promise<StaffSummary | null> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const submitter = sql<string | null>`(select email from ${users} where ${users.id} = ${summaries.submittedById})`;
  const publisher = sql<string | null>`(select email from ${users} where ${users.id} = ${summaries.publishedById})`;
  const [row] = await db
    .select({
      summary: summaries,
      meeting: {
        id: meetings.id,
        titleEn: meetings.titleEn,
        status: meetings.status,
        timeZone: meetings.timeZone,
        startsAt: meetings.startsAt,
        cityEn: meetings.cityEn,
        cityRu: meetings.cityRu,
      },
      submittedByEmail: submitter,
      publishedByEmail: publisher,
    })
    .from(summaries)
    .innerJoin(meetings, eq(meetings.id, summaries.meetingId))
    .where(eq(summaries.id, id));
  if (!row) return null;
  return {
    ...row.summary,
    meeting: row.meeting,
    photos: await loadPhotos(db, [id]),
    submittedByEmail: row.submittedByEmail,
    publishedByEmail: row.publishedByEmail,
  };
}

export async function getMeetingSummaryId({
  actor,
  meetingId,
}: {
  actor: StaffUser;
  meetingId: string;
}): Promise<{ id: string; status: Summary['status'] } | null> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const [row] = await db
    .select({ id: summaries.id, status: summaries.status })
    .from(summaries)
    .where(eq(summaries.meetingId, meetingId));
  return row ?? null;
}

export async function listStaffSummaries({ actor, status }: { actor: StaffUser; status?: SummaryStatus }) {
  assertRole(actor, 'viewer');
  const db = await getDb();
  return db
    .select({
      id: summaries.id,
      headlineEn: summaries.headlineEn,
      status: summaries.status,
      slug: summaries.slug,
      version: summaries.version,
      updatedAt: summaries.updatedAt,
      publishedAt: summaries.publishedAt,
      meetingTitle: meetings.titleEn,
      meetingStartsAt: meetings.startsAt,
      meetingTimeZone: meetings.timeZone,
    })
    .from(summaries)
    .innerJoin(meetings, eq(meetings.id, summaries.meetingId))
    .where(status ? eq(summaries.status, status) : undefined)
    .orderBy(desc(meetings.startsAt));
}

export async function listVersions({ actor, summaryId }: { actor: StaffUser; summaryId: string }) {
  assertRole(actor, 'viewer');
  const db = await getDb();
  return db
    .select({
      number: summaryVersions.number,
      savedByEmail: summaryVersions.savedByEmail,
      note: summaryVersions.note,
      savedAt: summaryVersions.savedAt,
    })
    .from(summaryVersions)
    .where(eq(summaryVersions.summaryId, summaryId))
    .orderBy(desc(summaryVersions.number));
}

export async function getVersionTexts({
  actor,
  summaryId,
  numbers,
}: {
  actor: StaffUser;
  summaryId: string;
  numbers: number[];
}) {
  assertRole(actor, 'viewer');
  const db = await getDb();
  return db
    .select()
    .from(summaryVersions)
    .where(and(eq(summaryVersions.summaryId, summaryId), inArray(summaryVersions.number, numbers)));
}
