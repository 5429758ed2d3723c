import 'server-only';
import { and, eq, like, ne, or, sql } from 'drizzle-orm';
import { freeMeetingSlug, MEETING_SLUG, meetingSlugBase, venueYear } from '@/lib/meeting-slug';
import type { DbExecutor } from './client';
import { meetingSlugs, meetings } from './schema';

// Writing and resolving meetings' public addresses (/meetings/<slug>). A slug is unique among current and earlier
// slugs alike, so an old address never points at two meetings.

// Transaction-scoped: two meetings given the same title at the same instant (on any instance) take turns choosing, so
// the second sees the first's slug and takes -2 instead of failing on the unique index. One lock for every slug, not
// one per base: "x" may become "x-2", which is also the base of a title like "X 2". Slugs are chosen rarely.
const SLUG_CHOICE_LOCK = 7_310_224_003;

/**
 * The slugs `base` or `base-N` already used, by other meetings (or by `meetingId`'s own current row, excluded); holds
 * the slugs' lock until the caller's transaction ends, so the slug it then picks stays free.
 */
async function takenLike(executor: DbExecutor, base: string, meetingId?: string): Promise<Set<string>> {
  await executor.execute(sql`select pg_advisory_xact_lock(${SLUG_CHOICE_LOCK})`);
  const near = (column: typeof meetings.slug | typeof meetingSlugs.slug) =>
    or(eq(column, base), like(column, `${base}-%`));
  const [current, earlier] = await Promise.all([
    executor
      .select({ slug: meetings.slug })
      .from(meetings)
      .where(and(near(meetings.slug), meetingId ? ne(meetings.id, meetingId) : undefined)),
    executor
      .select({ slug: meetingSlugs.slug })
      .from(meetingSlugs)
      .where(and(near(meetingSlugs.slug), meetingId ? ne(meetingSlugs.meetingId, meetingId) : undefined)),
  ]);
  return new Set([...current, ...earlier].map((r) => r.slug).filter((s): s is string => s !== null));
}

/** A free slug for a new meeting with this English title, starting then at that venue. */
export async function newMeetingSlug(
  executor: DbExecutor,
  meeting: { titleEn: string; startsAt: Date; timeZone: string },
): Promise<string> {
  const base = meetingSlugBase(meeting.titleEn, venueYear(meeting.startsAt, meeting.timeZone));
  return freeMeetingSlug(base, await takenLike(executor, base));
}

/**
 * After a change to a meeting that is still a draft: its slug follows the English title and year. The slug it had is
 * kept as an earlier one (redirecting); going back to an earlier slug of its own takes it out of that list. A meeting
 * that is public keeps its slug whatever changes. Returns the slug now in force.
 */
export async function followTitle(
  executor: DbExecutor,
  meeting: { id: string; slug: string | null; status: string; titleEn: string; startsAt: Date; timeZone: string },
): Promise<string | null> {
  if (meeting.status !== 'draft') return meeting.slug;
  const base = meetingSlugBase(meeting.titleEn, venueYear(meeting.startsAt, meeting.timeZone));
  // Already this title's slug (perhaps with -2 because another meeting had it first): nothing to change.
  if (meeting.slug && (meeting.slug === base || new RegExp(`^${base}-[0-9]+$`).test(meeting.slug))) return meeting.slug;
  const slug = freeMeetingSlug(base, await takenLike(executor, base, meeting.id));
  await executor.delete(meetingSlugs).where(and(eq(meetingSlugs.slug, slug), eq(meetingSlugs.meetingId, meeting.id)));
  if (meeting.slug)
    await executor.insert(meetingSlugs).values({ slug: meeting.slug, meetingId: meeting.id }).onConflictDoNothing();
  await executor.update(meetings).set({ slug }).where(eq(meetings.id, meeting.id));
  return slug;
}

export type SlugLookup = { found: 'current'; meetingId: string } | { found: 'earlier'; slug: string } | null;

/**
 * Which public meeting an address names: the meeting whose slug it is, or the current slug of the meeting it used to
 * name. Drafts are not public: their slugs, current or earlier, name nothing.
 */
export async function resolvePublicSlug(executor: DbExecutor, slug: string): Promise<SlugLookup> {
  if (!MEETING_SLUG.test(slug) || slug.length > 120) return null;
  const [current] = await executor
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.slug, slug), ne(meetings.status, 'draft')));
  if (current) return { found: 'current', meetingId: current.id };
  const [earlier] = await executor
    .select({ slug: meetings.slug })
    .from(meetingSlugs)
    .innerJoin(meetings, eq(meetings.id, meetingSlugs.meetingId))
    .where(and(eq(meetingSlugs.slug, slug), ne(meetings.status, 'draft')));
  return earlier?.slug ? { found: 'earlier', slug: earlier.slug } : null;
}
