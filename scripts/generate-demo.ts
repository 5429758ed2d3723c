// `npm run db:generate-demo -- --contacts 20000 --organisations 2000`: fills DATABASE_URL (or the embedded database)
// with a generated directory of that size, on top of what is there. For trying the pages at scale, and for the bench.
import { parseArgs } from 'node:util';
import { closeDatabase, openAppDatabase } from '@/db/lifecycle';
import { generateDemoDirectoryInProcessDatabase } from './demo/demo-directory';
import { runScript, UsageError } from './run-script';

await runScript(async () => {
  const { values } = parseArgs({
    options: { contacts: { type: 'string', default: '20000' }, organisations: { type: 'string', default: '2000' } },
  });
  const counts = { contacts: Number(values.contacts), organisations: Number(values.organisations) };
  if (
    !Number.isInteger(counts.contacts) ||
    counts.contacts < 0 ||
    !Number.isInteger(counts.organisations) ||
    counts.organisations < 0
  ) {
    throw new UsageError(
      '--contacts and --organisations take whole numbers, for example --contacts 20000 --organisations 2000',
    );
  }
  const database = await openAppDatabase();
  const started = performance.now();
  const made = await generateDemoDirectoryInProcessDatabase(counts);
  console.info(
    `Generated ${made.organisations.toLocaleString('en')} organisations and ${made.contacts.toLocaleString('en')} contacts in ${database.where} ` +
      `(${((performance.now() - started) / 1000).toFixed(1)} s).`,
  );
  await closeDatabase();
});
