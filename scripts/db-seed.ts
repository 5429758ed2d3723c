// `npm run db:seed`: loads the demo council, its organisations and meetings into DATABASE_URL (or the embedded
// database). Rows that exist already are left alone, so running it twice changes nothing.
import { closeDatabase, openAppDatabase } from '@/db/lifecycle';
import { seedProcessDatabase } from './demo/seed';
import { runScript } from './run-script';

await runScript(async () => {
  const database = await openAppDatabase();
  await seedProcessDatabase();
  console.info(`Demo data loaded into ${database.where}.`);
  await closeDatabase();
});
