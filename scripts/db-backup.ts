// `npm run db:backup [-- <file>]`: a consistent backup of DATABASE_URL (pg_dump's own format, while the app runs), or
// of the embedded database in DATA_DIR (refused while the app holds it: stop it, or download the backup from
// /staff/operations as an admin). The default file name carries the time.
import path from 'node:path';
import { backupEmbedded, backupPostgres } from '@/db/backup';
import { env } from '@/lib/env';
import { runScript } from './run-script';

await runScript(async () => {
  const { DATABASE_URL, DATA_DIR } = env();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.resolve(
    process.argv[2] ?? (DATABASE_URL ? `council-desk-${stamp}.dump` : `council-desk-embedded-${stamp}.tar.gz`),
  );
  const { bytes } = DATABASE_URL ? await backupPostgres(DATABASE_URL, file) : await backupEmbedded(DATA_DIR, file);
  console.info(`Backup written to ${file} (${(bytes / 1_048_576).toFixed(1)} MB).`);
  console.info(
    DATABASE_URL
      ? 'Keep AUTH_SECRET and DATA_ENCRYPTION_KEY with it (apart from it): without the key, visa details are unreadable.'
      : `Keep the secrets in ${DATA_DIR} (auth-secret, data-encryption.key) with it: without them, links and visa details fail.`,
  );
});
