// `npm run db:move -- postgres://… [--secrets <file>]`: copies the embedded database in DATA_DIR into an empty
// PostgreSQL database, proves the copy table by table, and writes the settings to use from now on (the embedded
// mode's generated AUTH_SECRET and data key among them) to a file only its owner can read.
import path from 'node:path';
import { moveEmbeddedToPostgres } from '@/db/database-copy';
import { authSecret } from '@/lib/auth/secret';
import { dataKey } from '@/lib/data-key';
import { env } from '@/lib/env';
import { runScript, UsageError } from './run-script';

const USAGE = 'Usage: npm run db:move -- postgres://user:password@host:5432/dbname [--secrets <file>]';

await runScript(async () => {
  const args = process.argv.slice(2);
  const at = args.indexOf('--secrets');
  const secretsFile = path.resolve(at >= 0 ? (args[at + 1] ?? '') : 'council-desk-postgres.env');
  const url = args.filter((_, i) => i !== at && i !== at + 1)[0];
  if (!url || !/^postgres(ql)?:\/\//.test(url) || (at >= 0 && !args[at + 1])) throw new UsageError(USAGE);
  const { DATA_DIR } = env();
  const result = await moveEmbeddedToPostgres({
    dataDir: DATA_DIR,
    url,
    secretsFile,
    secrets: () => ({ authSecret: authSecret(), dataKey: dataKey().toString('base64') }),
    log: (line) => console.info(line),
  });
  const rows = result.target.reduce((sum, t) => sum + t.rows, 0);
  console.info(
    `Moved ${rows} rows in ${result.target.length} tables from ${DATA_DIR} into PostgreSQL: every table identical.\n` +
      `The settings to use from now on are in ${secretsFile} (readable by you alone): set them, then start the app.`,
  );
});
