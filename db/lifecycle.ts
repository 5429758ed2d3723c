import 'server-only';
import { sql } from 'drizzle-orm';
import { closeDatabase, getDatabase, type DatabaseKind } from './client';
import { seedDemoData } from './seed';

// Opening, checking and closing the process's database, for start-up, the health route and command-line scripts
// (which must not reach into the db client themselves).

/** Opens (migrating, and seeding a new embedded database) and says what was opened. */
export async function openAppDatabase(): Promise<{ kind: DatabaseKind; where: string }> {
  const { kind, where } = await getDatabase();
  return { kind, where };
}

export async function checkDatabase(): Promise<{ kind: DatabaseKind; latencyMs: number }> {
  const started = performance.now();
  const { db, kind } = await getDatabase();
  await db.execute(sql`select 1`);
  return { kind, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
}

export async function seedDemoDatabase(): Promise<void> {
  await seedDemoData((await getDatabase()).db);
}

export { closeDatabase };

/** `npm run db:generate-demo`: a generated directory of the given size, added to the process's database. */
export async function generateDemoDirectoryInProcessDatabase(counts: { contacts: number; organisations: number }) {
  const { generateDemoDirectory } = await import('./demo-directory');
  return generateDemoDirectory((await getDatabase()).db, counts);
}
