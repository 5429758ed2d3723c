import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from './client';
import { hitRateLimit } from './rate-limits';
import { rateLimits } from './schema';

describe(`rate limits in the database (${process.env.TEST_DATABASE_KIND})`, () => {
  it('allows up to the limit in a window and refuses the next hit, with the time left', async () => {
    const rule = { key: 'test:a', limit: 3, windowSeconds: 600 };
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hitRateLimit(rule));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]!.retryAfterSeconds).toBeGreaterThan(590);
    expect(results[3]!.retryAfterSeconds).toBeLessThanOrEqual(600);
    // Another key has its own count.
    expect((await hitRateLimit({ ...rule, key: 'test:b' })).allowed).toBe(true);
  });

  it('counts concurrent hits exactly', async () => {
    const rule = { key: 'test:concurrent', limit: 10, windowSeconds: 600 };
    const results = await Promise.all(Array.from({ length: 25 }, () => hitRateLimit(rule)));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
  });

  it('starts a new window once the old one has passed', async () => {
    const rule = { key: 'test:window', limit: 1, windowSeconds: 60 };
    expect((await hitRateLimit(rule)).allowed).toBe(true);
    expect((await hitRateLimit(rule)).allowed).toBe(false);
    const db = await getDb();
    await db
      .update(rateLimits)
      .set({ windowStartedAt: sql`now() - interval '61 seconds'` })
      .where(eq(rateLimits.key, rule.key));
    expect((await hitRateLimit(rule)).allowed).toBe(true);
  });
});
