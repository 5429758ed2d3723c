import { getDatabase } from '@/db/client';
import { EmbeddedDatabaseBusyError } from '@/db/embedded-lock';
import { env, EnvError } from './env';

/**
 * Validates the configuration and opens (migrates, and on a new embedded database seeds) the database before the
 * server takes requests. Any failure stops the process with a message that says what to fix: a server that starts
 * half-configured would only fail later, at a worse moment.
 */
export async function startApp(): Promise<void> {
  try {
    env();
    const database = await getDatabase();
    console.info(
      database.kind === 'pglite'
        ? `[db] embedded PostgreSQL (PGlite) in ${database.where}; migrations applied`
        : `[db] PostgreSQL at ${database.where}; migrations applied`,
    );
  } catch (error) {
    if (error instanceof EnvError || error instanceof EmbeddedDatabaseBusyError) {
      console.error(`\n[council-desk] cannot start.\n${error.message}\n`);
    } else {
      console.error('\n[council-desk] cannot start: the database could not be opened.\n', error);
    }
    process.exit(1);
  }
}
