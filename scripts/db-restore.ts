// `npm run db:restore -- <file> [--force]`: a backup from `npm run db:backup` into DATABASE_URL (a pg_dump file) or
// into DATA_DIR (an embedded backup). Refuses a database that holds anything unless --force.
import { backupKind, restoreEmbedded, restorePostgres } from '@/db/backup';
import { env } from '@/lib/env';
import { runScript, UsageError } from './run-script';

await runScript(async () => {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const [file, ...extra] = args.filter((a) => a !== '--force');
  if (!file || extra.length) throw new UsageError('Usage: npm run db:restore -- <backup file> [--force]');
  if (backupKind(file) === 'unknown') throw new UsageError(`${file} is not a backup made by npm run db:backup.`);
  const { DATABASE_URL, DATA_DIR } = env();
  if (DATABASE_URL) await restorePostgres(DATABASE_URL, file, { force });
  else await restoreEmbedded(DATA_DIR, file, { force });
  const where = DATABASE_URL ? new URL(DATABASE_URL).pathname.slice(1) : DATA_DIR;
  console.info(`Restored ${file} into ${where}. Start the app with the AUTH_SECRET and DATA_ENCRYPTION_KEY it had.`);
});
