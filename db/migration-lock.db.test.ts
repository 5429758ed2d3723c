import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATION_LOCK_KEY } from './client';

// Several instances starting at once on a fresh PostgreSQL database: each runs the migrations at start (db/client.ts),
// and they must take turns, or two of them create the same tables and one start fails.
const root = path.resolve(import.meta.dirname, '..');
const journal = JSON.parse(fs.readFileSync(path.join(root, 'drizzle/meta/_journal.json'), 'utf8')) as {
  entries: unknown[];
};

function migrate(databaseUrl: string) {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/db-migrate.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; output: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, output })),
  );
  return { pid: child.pid, exited };
}

describe.runIf(process.env.TEST_DATABASE_KIND === 'postgres')('migrations by several instances at once', () => {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://unused');
  const name = `${url.pathname.slice(1)}_fresh`;
  url.pathname = `/${name}`;
  const admin = postgres(process.env.DATABASE_URL ?? '', { max: 1, onnotice: () => {} });
  afterAll(async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('wait for one another and apply each migration once', { timeout: 120_000 }, async () => {
    await admin.unsafe(`create database ${name}`);
    const fresh = postgres(url.toString(), { max: 1, onnotice: () => {} });
    try {
      // The test holds the lock first, so both migrators are surely started before either may begin: the race the
      // lock prevents happens on every run, not only when the timing is unlucky.
      await fresh`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
      const runs = [migrate(url.toString()), migrate(url.toString())];
      await expect
        .poll(
          async () =>
            (
              await fresh`select count(*)::int as n from pg_locks
                where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = ${name})`
            )[0]!.n,
          { timeout: 60_000, interval: 100 },
        )
        .toBe(2);
      const [{ n: tablesWhileHeld }] = await fresh<[{ n: number }]>`
        select count(*)::int as n from information_schema.tables where table_schema = 'public'`;
      expect(tablesWhileHeld).toBe(0);
      await fresh`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;

      const results = await Promise.all(runs.map((r) => r.exited));
      for (const result of results) expect(result, result.output).toMatchObject({ code: 0 });
      const applied = await fresh<{ hash: string }[]>`select hash from drizzle.__drizzle_migrations`;
      expect(applied).toHaveLength(journal.entries.length);
      expect(new Set(applied.map((r) => r.hash)).size).toBe(journal.entries.length);
    } finally {
      await fresh.end();
    }
  });
});
