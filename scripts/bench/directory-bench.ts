import path from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { contactPageQueries, queryContactPage, type ContactFilters } from '@/db/contact-queries';
import { fillMissingDirectoryKeys } from '@/db/directory-keys';
import * as schema from '@/db/schema';
import { generateDemoDirectory } from '../demo/demo-directory';

// `npm run bench` (scripts/bench.ts): server time of the directory's queries at scale, on PostgreSQL, in a database
// of its own on the server of DATABASE_URL (`<name>_bench`: created, migrated and filled with 20,000 contacts and
// 2,000 organisations the first time; `fresh` starts it again), never the one DATABASE_URL names. For each query:
// p50/p95/max of the time the app waits for it (the page's rows and its count, run as the contacts page runs them),
// and the query plans, which must use the directory's indexes.

export const BUDGET_MS = 200;
const WARMUP = 10;
const RUNS = 100;

type Scenario = {
  name: string;
  filters: ContactFilters & { page?: number };
  indexes: string[];
  check?: (names: string[]) => string | null;
};

const SCENARIOS: Scenario[] = [
  { name: 'Latin search “Rakhimov”', filters: { search: 'Rakhimov' }, indexes: ['contacts_search_idx'] },
  { name: 'Cyrillic search «Рахимов»', filters: { search: 'Рахимов' }, indexes: ['contacts_search_idx'] },
  {
    name: 'Cross-script search “Ismoilov” (finds «Исмоилов»)',
    filters: { search: 'Ismoilov' },
    indexes: ['contacts_search_idx'],
    check: (names) => (names.some((n) => n.includes('Исмоилов')) ? null : 'no Cyrillic «Исмоилов» among the results'),
  },
  { name: '500th page of the list', filters: { page: 500 }, indexes: ['contacts_sort_idx'] },
  {
    name: 'Filters: Uzbekistan, tag “expert”',
    filters: { country: 'UZ', tag: 'expert' },
    indexes: ['contacts_tags_idx', 'contacts_country_idx'],
  },
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function runDirectoryBench({
  serverUrl,
  fresh,
  log,
}: {
  serverUrl: string;
  fresh: boolean;
  log: (line: string) => void;
}): Promise<{ failures: string[] }> {
  const benchUrl = new URL(serverUrl);
  const name = `${benchUrl.pathname.replace(/^\//, '') || 'postgres'}_bench`;
  benchUrl.pathname = `/${name}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  if (fresh) await admin.unsafe(`drop database if exists "${name}" with (force)`);
  const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
  if (!exists) await admin.unsafe(`create database "${name}"`);
  await admin.end();

  const client = postgres(benchUrl.toString(), { max: 10, onnotice: () => {} });
  const db = drizzle(client, { schema, casing: 'snake_case' });
  await migrate(db, { migrationsFolder: path.join(process.cwd(), 'drizzle') });
  await fillMissingDirectoryKeys(db);
  const [{ contacts: before }] = (await client<
    { contacts: number }[]
  >`select count(*)::int as contacts from contacts`) as unknown as [{ contacts: number }];
  if (before < 20_000) {
    const started = performance.now();
    const made = await generateDemoDirectory(db, { contacts: 20_000 - before, organisations: 2_000 });
    log(
      `Generated ${made.contacts} contacts and ${made.organisations} organisations in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
  }
  const [{ contacts: total, organisations }] = (await client<{ contacts: number; organisations: number }[]>`
    select (select count(*)::int from contacts) as contacts, (select count(*)::int from organisations) as organisations`) as unknown as [
    { contacts: number; organisations: number },
  ];
  const [{ version }] = (await client<{ version: string }[]>`select version()`) as unknown as [{ version: string }];
  log(
    `${version.split(',')[0]} · database ${name} · ${total.toLocaleString('en')} contacts, ${organisations.toLocaleString('en')} organisations`,
  );
  log(`${WARMUP} warm-up and ${RUNS} timed runs each; budget: p95 ≤ ${BUDGET_MS} ms\n`);

  const failures: string[] = [];
  for (const scenario of SCENARIOS) {
    for (let i = 0; i < WARMUP; i++) await queryContactPage(db, scenario.filters);
    const times: number[] = [];
    let result = await queryContactPage(db, scenario.filters);
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      result = await queryContactPage(db, scenario.filters);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    const problem =
      scenario.check?.(result.contacts.map((c) => c.name)) ?? (result.contacts.length === 0 ? 'no rows' : null);

    const queries = contactPageQueries(db, scenario.filters);
    const plans: string[] = [];
    for (const query of [queries.rows, queries.total]) {
      const { sql, params } = query.toSQL();
      const lines = await client.unsafe<{ 'QUERY PLAN': string }[]>(
        `explain (analyze, buffers) ${sql}`,
        params as never[],
      );
      plans.push(lines.map((l) => l['QUERY PLAN']).join('\n'));
    }
    const plan = plans.join('\n');
    const usedIndexes = scenario.indexes.filter((index) => plan.includes(index));
    const seqScan = /Seq Scan on contacts\b/.test(plan);

    const verdict = p95 <= BUDGET_MS && usedIndexes.length > 0 && !seqScan && !problem ? 'ok' : 'FAIL';
    log(
      `${verdict.padEnd(4)} ${scenario.name}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms · ` +
        `${result.total.toLocaleString('en')} matching, ${result.contacts.length} on the page · index: ${usedIndexes.join(', ') || 'NONE'}${seqScan ? ' · SEQ SCAN on contacts' : ''}${problem ? ` · ${problem}` : ''}`,
    );
    log(plan.replace(/^/gm, '       '));
    log('');
    if (verdict === 'FAIL') failures.push(scenario.name);
  }
  await client.end();
  return { failures };
}
