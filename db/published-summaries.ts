import 'server-only';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { PublishedSummary } from '@/lib/summary/public';
import { getDb } from './client';
import { meetings, summaries } from './schema';
import { loadPhotos } from './summary-photos';

// Published summaries, for the public news pages, feeds and sitemap: no sign-in, drafts never.

const publishedColumns = {
  id: summaries.id,
  slug: summaries.slug,
  headlineEn: summaries.headlineEn,
  headlineRu: summaries.headlineRu,
  leadEn: summaries.leadEn,
  leadRu: summaries.leadRu,
  bodyEn: summaries.bodyEn,
  bodyRu: summaries.bodyRu,
  publishedAt: sql<Date>`${summaries.publishedAt}`.mapWith(summaries.publishedAt),
  firstPublishedAt: sql<Date>`coalesce(${summaries.firstPublishedAt}, ${summaries.publishedAt})`.mapWith(
    summaries.publishedAt,
  ),
  updatedAt: summaries.updatedAt,
  meeting: {
    startsAt: meetings.startsAt,
    timeZone: meetings.timeZone,
    cityEn: meetings.cityEn,
    cityRu: meetings.cityRu,
    country: meetings.country,
    slug: meetings.slug,
  },
};

export async function getPublishedSummary(slug: string): Promise<PublishedSummary | null> {
  const db = await getDb();
  const [row] = await db
    .select(publishedColumns)
    .from(summaries)
    .innerJoin(meetings, eq(meetings.id, summaries.meetingId))
    .where(and(eq(summaries.slug, slug), eq(summaries.status, 'published')));
  if (!row) return null;
  return { ...row, photos: await loadPhotos(db, [row.id]) };
}

/** Newest first; with the total, for pagination. */
export async function listPublishedSummaries({
  page,
  pageSize,
}: {
  page: number;
  pageSize: number;
}): Promise<{ items: PublishedSummary[]; total: number }> {
  const db = await getDb();
  const published = eq(summaries.status, 'published');
  const [rows, [totalRow]] = await Promise.all([
    db
      .select(publishedColumns)
      .from(summaries)
      .innerJoin(meetings, eq(meetings.id, summaries.meetingId))
      .where(published)
      .orderBy(desc(sql`coalesce(${summaries.firstPublishedAt}, ${summaries.publishedAt})`), desc(summaries.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(summaries).where(published),
  ]);
  const photos = await loadPhotos(
    db,
    rows.map((row) => row.id),
  );
  return {
    items: rows.map((row) => ({ ...row, photos: photos.filter((p) => p.summaryId === row.id) })),
    total: totalRow?.total ?? 0,
  };
}
