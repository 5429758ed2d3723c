// `npm run admin:create -- email@example.org`: prints a one-time link that makes that address an admin (creating,
// promoting or reactivating the account). For production, where no link is printed at start; works on any database.
import { z } from 'zod';
import { closeDatabase, openAppDatabase } from '@/db/lifecycle';
import { createAdminSetupLink } from '@/db/staff-auth';
import { runScript } from './run-script';

await runScript(async () => {
  const email = z.email().safeParse(process.argv[2]?.trim().toLowerCase());
  if (!email.success) {
    console.error('Usage: npm run admin:create -- email@example.org   (a valid email address is required)');
    process.exit(2);
  }
  await openAppDatabase();
  const link = await createAdminSetupLink({ email: email.data });
  console.info(`One-time admin link for ${email.data} (valid 24 hours; give it only to that person):\n${link}`);
  await closeDatabase();
});
