import nextEnv from '@next/env';
import { BackupRefusedError } from '@/db/backup';
import { EmbeddedDatabaseBusyError } from '@/db/embedded-lock';
import { EnvError } from '@/lib/env';

// The same .env files the app reads (.env, .env.local, …), so a script talks to the same database as `npm run dev`.
nextEnv.loadEnvConfig(process.cwd());

/** A mistake in how the command was called: its message alone is the help. */
export class UsageError extends Error {}

/** Runs a command-line task; known failures print their message alone, and every failure exits non-zero. */
export async function runScript(task: () => Promise<void>): Promise<void> {
  try {
    await task();
  } catch (error) {
    if (
      error instanceof EmbeddedDatabaseBusyError ||
      error instanceof EnvError ||
      error instanceof UsageError ||
      error instanceof BackupRefusedError
    ) {
      console.error(error.message);
    } else {
      console.error(error);
    }
    process.exit(1);
  }
}
