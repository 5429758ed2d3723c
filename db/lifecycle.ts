import 'server-only';
import { sql } from 'drizzle-orm';
import { closeDatabase, getDatabase, type DatabaseKind } from './client';

// Opening, checking and closing the process's database, for start-up, the health route and command-line scripts
// (which must not reach into the db client themselves).

/** Opens (migrating) and says what was opened; `created`: a new embedded database, empty but for the migrations. */
export async function openAppDatabase(): Promise<{ kind: DatabaseKind; where: string; created: boolean }> {
  const { kind, where, created } = await getDatabase();
  return { kind, where, created };
}

export async function checkDatabase(): Promise<{ kind: DatabaseKind; latencyMs: number }> {
  const started = performance.now();
  const { db, kind } = await getDatabase();
  await db.execute(sql`select 1`);
  return { kind, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
}

export { closeDatabase };
