import { checkDatabase } from '@/db/lifecycle';
import packageJson from '@/package.json';

export const dynamic = 'force-dynamic';

/** For load balancers and the test harness: 200 when the app can query its database, 503 when it cannot. */
export async function GET() {
  try {
    const database = await checkDatabase();
    return Response.json(
      {
        status: 'ok',
        app: { name: packageJson.name, version: packageJson.version },
        database: { status: 'ok', ...database },
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
