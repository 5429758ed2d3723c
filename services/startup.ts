import { openAppDatabase } from '@/db/lifecycle';
import { EmbeddedDatabaseBusyError } from '@/db/embedded-lock';
import { countActiveAdmins, createAdminSetupLink } from '@/db/staff-auth';
import { authSecret } from '@/lib/auth/secret';
import { env, EnvError } from '@/lib/env';
import { startHousekeeping } from '@/services/housekeeping';
import { startOutboxWorker, type OutboxWorker } from '@/services/mail/worker';
import { logger } from '@/lib/log';

const holder = globalThis as typeof globalThis & { __councilDeskWorker?: OutboxWorker };

/**
 * Validates the configuration and opens (migrates, and on a new embedded database seeds) the database before the
 * server takes requests; starts this process's outbox worker; and, while nobody can manage staff, prints a one-time
 * link for a first admin. Any failure stops the process with a message that says what to fix: a server that starts
 * half-configured would only fail later, at a worse moment.
 */
export async function startApp(): Promise<void> {
  try {
    const config = env();
    authSecret();
    const database = await openAppDatabase();
    logger.info(
      { database: database.kind, where: database.where },
      database.kind === 'pglite'
        ? 'embedded PostgreSQL (PGlite) open; migrations applied'
        : 'PostgreSQL open; migrations applied',
    );
    if (config.OUTBOX_WORKER === 'on' && !holder.__councilDeskWorker) {
      holder.__councilDeskWorker = startOutboxWorker();
      logger.info(
        config.SMTP_URL ? 'mail: outbox worker started' : 'mail: SMTP_URL not set, mail is captured, not delivered',
      );
    }
    startHousekeeping();
    await announceFirstAdmin(database.kind === 'pglite' || config.NODE_ENV !== 'production');
  } catch (error) {
    if (error instanceof EnvError || error instanceof EmbeddedDatabaseBusyError) {
      // Said to the person starting the server, in full: the configuration is theirs, not personal data.
      process.stderr.write(`\n[council-desk] cannot start.\n${error.message}\n\n`);
    } else {
      logger.fatal({ err: error }, 'cannot start: the database could not be opened');
    }
    process.exit(1);
  }
}

async function announceFirstAdmin(mayPrintLink: boolean) {
  if ((await countActiveAdmins()) > 0) return;
  if (!mayPrintLink) {
    // Production logs travel further than a terminal: no link there, only how to make one.
    logger.warn('auth: no admin exists yet. Create one with: npm run admin:create -- you@example.org');
    return;
  }
  const link = await createAdminSetupLink();
  // For the person at the terminal (development or the embedded database only), not a log line: it holds a link.
  process.stdout.write(
    [
      '',
      '┌─ No admin exists yet ──────────────────────────────────────────────',
      '│ Open this one-time link to become the first admin (valid 24 hours):',
      `│ ${link}`,
      '└────────────────────────────────────────────────────────────────────',
      '',
    ].join('\n'),
  );
}
