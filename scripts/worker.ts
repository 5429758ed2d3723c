// `npm run worker`: delivers the mail outbox until stopped (SIGTERM/SIGINT). Run as many as you like next to the app
// on PostgreSQL; they share the queue through row locks. On the embedded database the app runs its own worker.
import { closeDatabase, openAppDatabase } from '@/db/lifecycle';
import { env } from '@/lib/env';
import { logger, routeConsoleToLogger } from '@/lib/log';
import { startOutboxWorker } from '@/services/mail/worker';
import { runScript } from './run-script';

await runScript(async () => {
  if (!env().SMTP_URL) {
    console.error(
      'SMTP_URL is not set: there is nothing to deliver to (mail is captured in the app). Set SMTP_URL first.',
    );
    process.exit(1);
  }
  routeConsoleToLogger();
  const database = await openAppDatabase();
  const worker = startOutboxWorker({ pollMs: 500 });
  logger.info({ database: database.kind }, 'worker: delivering the outbox');
  const stop = async () => {
    await worker.stop();
    await closeDatabase();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
});
