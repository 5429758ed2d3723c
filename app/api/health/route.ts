import { checkDatabase } from '@/db/lifecycle';
import { outboxHealth } from '@/db/outbox';
import packageJson from '@/package.json';
import { logger } from '@/lib/log';

export const dynamic = 'force-dynamic';

/**
 * For load balancers and the test harness: 200 when the app can query its database, 503 when it cannot. For an
 * operator, the mail outbox too: messages waiting (queued or being sent), the oldest one's age in seconds, and the
 * last heartbeat of any outbox worker (none yet: null). A growing backlog with an old heartbeat means no worker runs.
 */
export async function GET() {
  try {
    const database = await checkDatabase();
    const outbox = await outboxHealth();
    return Response.json(
      {
        status: 'ok',
        app: { name: packageJson.name, version: packageJson.version },
        database: { status: 'ok', ...database },
        outbox,
      },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  } catch (error) {
    logger.error({ err: error }, 'health: database check failed');
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
