// `npm run db:migrate`: applies the committed migrations in ./drizzle to DATABASE_URL, or to the embedded database
// when it is unset (the app also does this on every start).
import { closeDatabase, openAppDatabase } from '@/db/lifecycle';
import { runScript } from './run-script';

await runScript(async () => {
  const database = await openAppDatabase();
  console.info(
    `Migrations applied to ${database.kind === 'pglite' ? 'the embedded database in ' : ''}${database.where}.`,
  );
  await closeDatabase();
});
