// `npm run dev`'s first step, before `next dev` starts: a new embedded database (DATABASE_URL unset) gets the demo
// council, as a first try-out should. Run apart from the app because the app never carries the demo data, and before
// it because the embedded database admits one process at a time (db/embedded-lock.ts). PostgreSQL is left alone: a
// real database is seeded only on request (`npm run db:seed`).
import { closeDatabase, openAppDatabase } from '@/db/lifecycle';
import { env } from '@/lib/env';
import { seedProcessDatabase } from './demo/seed';
import { runScript } from './run-script';

await runScript(async () => {
  if (env().DATABASE_URL) return;
  const database = await openAppDatabase();
  if (database.created) {
    await seedProcessDatabase();
    console.info(`[db] demo data loaded into the new embedded database in ${database.where}`);
  }
  await closeDatabase();
});
