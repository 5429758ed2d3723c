import { sql } from 'drizzle-orm';
import { getDatabase } from '@/db/client';
import packageJson from '@/package.json';

export const dynamic = 'force-dynamic';

/** For load balancers and the test harness: 200 when the app can query its database, 503 when it cannot. */
export async function GET() {
  const started = performance.now();
  try {
    const database = await getDatabase();
    await database.db.execute(sql`select 1`);
    return Response.json(
      {
        status: 'ok',
        app: { name: packageJson.name, version: packageJson.version },
        database: { status: 'ok', kind: database.kind, latencyMs: Math.round((performance.now() - started) * 10) / 10 },
      },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  } catch (error) {
    console.error('[health] database check failed', error);
    return Response.json(
      {
        status: 'error',
        app: { name: packageJson.name, version: packageJson.version },
        database: { status: 'error' },
      },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    );
  }
}
