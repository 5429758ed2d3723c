import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from './client';
import { rateLimits } from './schema';

/**
 * Counts one hit against `key` in a fixed window and says whether it is within `limit`. One statement (an upsert),
 * so concurrent hits from any number of app instances are counted exactly.
 */
export async function hitRateLimit({
  key,
  limit,
  windowSeconds,
}: {
  key: string;
  limit: number;
  windowSeconds: number;
}): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const db = await getDb();
  const expired = sql`${rateLimits.windowStartedAt} <= now() - make_interval(secs => ${windowSeconds})`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStartedAt: sql`now()`, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStartedAt: sql`case when ${expired} then now() else ${rateLimits.windowStartedAt} end`,
      },
    })
    .returning({
      count: rateLimits.count,
      retryAfter: sql<number>`greatest(1, ceil(extract(epoch from (${rateLimits.windowStartedAt} + make_interval(secs => ${windowSeconds}) - now()))))::int`,
    });
  // Old windows are dead weight; sweep them now and then rather than on every hit.
  if (Math.random() < 0.01) {
    await db.delete(rateLimits).where(sql`${rateLimits.windowStartedAt} < now() - interval '1 day'`);
  }
  return { allowed: (row?.count ?? 0) <= limit, retryAfterSeconds: row?.retryAfter ?? windowSeconds };
}
