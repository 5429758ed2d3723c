// `npm run db:seed`: loads the demo council, its organisations and meetings into DATABASE_URL (or the embedded
// database). Rows that exist already are left alone, so running it twice changes nothing.
import { closeDatabase, getDatabase } from '@/db/client';
import { seedDemoData } from '@/db/seed';
import { runScript } from './run-script';

await runScript(async () => {
  const database = await getDatabase();
  await seedDemoData(database.db);
  console.info(`Demo data loaded into ${database.where}.`);
  await closeDatabase();
});
