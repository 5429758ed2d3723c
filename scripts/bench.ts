// `npm run bench [-- --fresh]`: times the directory's queries on PostgreSQL (see db/directory-bench.ts); exits
// non-zero when a p95 is over budget or a query plan does not use the directory's indexes.
import { parseArgs } from 'node:util';
import { runDirectoryBench } from '@/db/directory-bench';
import { runScript, UsageError } from './run-script';

await runScript(async () => {
  const { values } = parseArgs({ options: { fresh: { type: 'boolean', default: false } } });
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new UsageError('npm run bench measures on PostgreSQL: set DATABASE_URL to a server (its database is not touched).');
  const { failures } = await runDirectoryBench({ serverUrl, fresh: values.fresh, log: (line) => console.info(line) });
  if (failures.length) {
    console.error(`Over budget or not using an index: ${failures.join('; ')}`);
    process.exit(1);
  }
});
