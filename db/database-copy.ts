import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { assertEmptyPostgres, BackupRefusedError } from './backup';
import { openDatabase } from './client';

// Comparing two databases table by table, and `npm run db:move`: the embedded database copied into PostgreSQL.

/** Runs one statement and returns its rows: the same question asked of PGlite and of PostgreSQL. */
export type RunSql = (text: string) => Promise<Record<string, unknown>[]>;

export const onPostgres =
  (sql: postgres.Sql): RunSql =>
  async (text) => [...(await sql.unsafe(text))];
export const onPglite =
  (pg: PGlite): RunSql =>
  async (text) =>
    (await pg.query<Record<string, unknown>>(text)).rows;

export interface TableFingerprint {
  table: string;
  rows: number;
  /** md5 over the sorted md5s of every row's text form: equal contents give equal sums, in any physical order. */
  checksum: string;
}

const TABLES = `
  select format('%I.%I', n.nspname, c.relname) as name
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p') and n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%'
  order by 1`;

/**
 * Row count and checksum of every table. Run on one session (a pool of one, or PGlite): the settings that shape how
 * values print are fixed first, so two servers print the same data the same way.
 */
export async function fingerprintTables(run: RunSql): Promise<TableFingerprint[]> {
  await run(`set timezone to 'UTC'`);
  await run(`set datestyle to 'ISO, MDY'`);
  await run(`set intervalstyle to 'postgres'`);
  await run(`set extra_float_digits to 1`);
  const tables = (await run(TABLES)).map((r) => String(r.name));
  const result: TableFingerprint[] = [];
  for (const table of tables) {
    const [row] = await run(
      `select count(*)::int as rows, coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') as checksum
       from ${table} t`,
    );
    result.push({ table, rows: Number(row!.rows), checksum: String(row!.checksum) });
  }
  return result;
}

/** The tables whose count or checksum differ (or that exist on one side only). */
export function compareFingerprints(a: TableFingerprint[], b: TableFingerprint[]): string[] {
  const byName = new Map(b.map((t) => [t.table, t]));
  const differences = a
    .filter((t) => {
      const other = byName.get(t.table);
      return !other || other.rows !== t.rows || other.checksum !== t.checksum;
    })
    .map((t) => t.table);
  const names = new Set(a.map((t) => t.table));
  return [...differences, ...b.filter((t) => !names.has(t.table)).map((t) => t.table)];
}

/** A table per line, with both counts: what the round-trip test and `db:move` print. */
export function describeComparison(source: TableFingerprint[], target: TableFingerprint[]): string {
  const byName = new Map(target.map((t) => [t.table, t]));
  const width = Math.max(...source.map((t) => t.table.length));
  return source
    .map((t) => {
      const other = byName.get(t.table);
      const same = other && other.rows === t.rows && other.checksum === t.checksum;
      return `  ${t.table.padEnd(width)}  ${String(t.rows).padStart(7)} → ${String(other?.rows ?? '-').padStart(7)}  ${same ? 'identical' : 'DIFFERENT'}`;
    })
    .join('\n');
}

/** The app's tables with parents before children, so every foreign key finds its row while copying. */
async function tablesInCopyOrder(run: RunSql): Promise<string[]> {
  const tables = (await run(TABLES)).map((r) => String(r.name)).filter((t) => !t.startsWith('drizzle.'));
  const edges = (
    await run(`select conrelid::regclass::text as child, confrelid::regclass::text as parent
               from pg_constraint where contype = 'f' and conrelid <> confrelid`)
  ).map((r) => ({ child: qualify(String(r.child)), parent: qualify(String(r.parent)) }));
  const ordered: string[] = [];
  const remaining = new Set(tables);
  while (remaining.size) {
    const ready = [...remaining].filter((t) => !edges.some((e) => e.child === t && remaining.has(e.parent)));
    if (!ready.length) throw new Error(`Foreign keys form a cycle among: ${[...remaining].join(', ')}`);
    for (const t of ready.sort()) {
      ordered.push(t);
      remaining.delete(t);
    }
  }
  return ordered;
}

// regclass prints names outside the search path qualified, and the app's own unqualified: make both "schema"."name".
const qualify = (name: string) => (name.includes('.') ? name : `public.${name}`);

async function columnsOf(run: RunSql, table: string): Promise<string[]> {
  const rows = await run(
    `select quote_ident(attname) as name from pg_attribute
     where attrelid = '${table.replace(/'/g, "''")}'::regclass and attnum > 0 and not attisdropped order by attnum`,
  );
  return rows.map((r) => String(r.name));
}

export interface MoveResult {
  source: TableFingerprint[];
  target: TableFingerprint[];
  secretsFile: string;
}

/**
 * `npm run db:move`: every row of the embedded database in `dataDir` into the empty PostgreSQL database at `url`,
 * then both compared table by table. The target gets its schema from the migrations (as the app would make it), the
 * rows through COPY in one transaction, and each sequence's position. Refused while another process holds
 * `dataDir` (the app), and for a target that holds any table.
 */
export async function moveEmbeddedToPostgres({
  dataDir,
  url,
  secretsFile,
  secrets,
  log = () => {},
}: {
  dataDir: string;
  url: string;
  secretsFile: string;
  /** The embedded mode's secrets, read after the lock is taken (lib/auth/secret.ts, lib/data-key.ts). */
  secrets: () => { authSecret: string; dataKey: string };
  log?: (line: string) => void;
}): Promise<MoveResult> {
  if (!fs.existsSync(path.join(dataDir, 'pglite', 'PG_VERSION'))) {
    throw new BackupRefusedError(`There is no embedded database in ${dataDir} (set DATA_DIR to the app's folder).`);
  }
  if (fs.existsSync(secretsFile)) {
    throw new BackupRefusedError(`${secretsFile} exists already: move it away or name another file (--secrets).`);
  }
  // Takes the embedded lock (refused while the app runs on it) and brings the source up to this version's schema.
  const source = await openDatabase({ dataDir });
  try {
    await assertEmptyPostgres(url, 'Move');
    const { authSecret, dataKey } = secrets();
    // The schema from the migrations, exactly as the app makes it on PostgreSQL.
    await (await openDatabase({ url, dataDir })).close();
    const pg = source.embedded!;
    const run = onPglite(pg);
    const target = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const tables = await tablesInCopyOrder(run);
      await target.begin(async (tx) => {
        for (const table of tables) {
          const columns = (await columnsOf(run, table)).join(', ');
          // PGlite gives no blob at all for an empty table. Read fully before the target enters COPY, which only
          // data or its end may follow.
          const { blob } = await pg.query(`copy (select ${columns} from ${table}) to '/dev/blob'`);
          const data = blob ? Buffer.from(await blob.arrayBuffer()) : Buffer.alloc(0);
          const writable = await tx.unsafe(`copy ${table} (${columns}) from stdin`).writable();
          await pipeline(Readable.from([data]), writable);
        }
        const sequences = await run(`select format('%I.%I', n.nspname, c.relname) as name
          from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind = 'S'`);
        for (const { name } of sequences) {
          const [position] = await run(`select last_value, is_called from ${String(name)}`);
          await tx.unsafe(
            `select setval('${String(name)}', ${Number(position!.last_value)}, ${!!position!.is_called})`,
          );
        }
      });
      const before = await fingerprintTables(run);
      const after = await fingerprintTables(onPostgres(target));
      const differences = compareFingerprints(before, after);
      log(describeComparison(before, after));
      if (differences.length)
        throw new Error(`The copy differs from the embedded database in: ${differences.join(', ')}`);

      // Written only once the copy is proven: with these, links already sent and encrypted data keep working.
      fs.writeFileSync(
        secretsFile,
        [
          `# Written by \`npm run db:move\` on ${new Date().toISOString()}.`,
          '# Set these in the environment of every app instance and worker, then start them: sign-in links,',
          '# invitation links already sent, sessions and encrypted visa details depend on the same two secrets.',
          '# Keep this file as safe as the database itself, and delete it once the settings are in place.',
          `DATABASE_URL=${url}`,
          `AUTH_SECRET=${authSecret}`,
          `DATA_ENCRYPTION_KEY=${dataKey}`,
          '',
        ].join('\n'),
        { mode: 0o600, flag: 'wx' },
      );
      return { source: before, target: after, secretsFile };
    } finally {
      await target.end();
    }
  } finally {
    await source.close();
  }
}
