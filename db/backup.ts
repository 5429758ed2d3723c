import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { lockEmbeddedDataDir } from './embedded-lock';

// Backups: PostgreSQL's own format (`pg_dump -Fc`) for DATABASE_URL, taken while the app runs; for the embedded
// database, PGlite's copy of its data directory (a gzipped tar), taken by the one process that holds it — this
// command while the app is stopped, or the app itself (the admin's download on /staff/operations).

/** A refusal the operator can act on: the message alone is the help. */
export class BackupRefusedError extends Error {}

const PG_DUMP_MAGIC = 'PGDMP';

/**
 * The newest client tool installed: pg_dump refuses a server newer than itself, and Debian installs each major version
 * under /usr/lib/postgresql/<n>/bin. PG_BIN overrides.
 */
export function postgresTool(name: 'pg_dump' | 'pg_restore'): string {
  if (process.env.PG_BIN) return path.join(process.env.PG_BIN, name);
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => /^\d+$/.test(v) && fs.existsSync(path.join(root, v, 'bin', name)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] ? path.join(root, versions[0], 'bin', name) : name;
}

/** The URL without its password, which goes to the tools by environment instead (argv is visible to `ps`). */
function splitPassword(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { url: parsed.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) =>
      reject(
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? new BackupRefusedError(`${command} is not installed (Debian: apt-get install postgresql-client).`)
          : error,
      ),
    );
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (exit ${code}):\n${stderr.trim()}`)),
    );
  });
}

/** `pg_dump -Fc`: one consistent snapshot of the whole database, taken while the app keeps running. */
export async function backupPostgres(url: string, file: string): Promise<{ bytes: number }> {
  const target = splitPassword(url);
  const partial = `${file}.partial`;
  await run(postgresTool('pg_dump'), ['--format=custom', `--file=${partial}`, `--dbname=${target.url}`], target.env);
  // Renamed only when complete, so a failed run never leaves something that looks like a backup.
  fs.renameSync(partial, file);
  return { bytes: fs.statSync(file).size };
}

/** The tables in the database's own schemas (the app's and drizzle's migration record), as "schema"."table". */
async function userTables(sql: postgres.Sql): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`
    select format('%I.%I', n.nspname, c.relname) as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%'
    order by 1`;
  return rows.map((r) => r.name);
}

/** Refuses a target that holds any table: restoring over data mixes two databases. */
export async function assertEmptyPostgres(url: string, what: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const tables = await userTables(sql);
    if (tables.length) {
      throw new BackupRefusedError(
        `The target database is not empty (${tables.length} tables, e.g. ${tables.slice(0, 3).join(', ')}). ` +
          `${what} only into an empty database: create one (createdb …)` +
          (what.startsWith('Restore') ? ', or pass --force to replace what is there.' : '.'),
      );
    }
  } finally {
    await sql.end();
  }
}

/** Restores a `pg_dump -Fc` file; refuses a non-empty database unless `force` (then its objects are replaced). */
export async function restorePostgres(url: string, file: string, { force = false } = {}): Promise<void> {
  if (readMagic(file) !== 'pg_dump') {
    throw new BackupRefusedError(
      `${file} is not a pg_dump backup of PostgreSQL. An embedded database's backup goes back into DATA_DIR ` +
        '(run this without DATABASE_URL), or into PostgreSQL with `npm run db:move` after restoring it there.',
    );
  }
  if (!force) await assertEmptyPostgres(url, 'Restore');
  const target = splitPassword(url);
  await run(
    postgresTool('pg_restore'),
    [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      ...(force ? ['--clean', '--if-exists'] : []),
      `--dbname=${target.url}`,
      file,
    ],
    target.env,
  );
}

function readMagic(file: string): 'pg_dump' | 'gzip' | 'unknown' {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(5);
    fs.readSync(fd, head, 0, 5, 0);
    if (head.toString('latin1') === PG_DUMP_MAGIC) return 'pg_dump';
    if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
    return 'unknown';
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A consistent copy of an open embedded database. Taken under PGlite's transaction lock (which its queries take too),
 * so no write is half done: every committed one is in the files or their write-ahead log, which opening the copy
 * replays. The checkpoint first only keeps that replay short.
 */
export async function dumpEmbedded(pg: PGlite): Promise<Blob> {
  await pg.exec('checkpoint');
  return pg._runExclusiveTransaction(() => pg.dumpDataDir('gzip'));
}

async function openEmbedded(pgDir: string, loadDataDir?: Blob): Promise<PGlite> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const pg = new PGlite(pgDir, { extensions: { pg_trgm }, ...(loadDataDir ? { loadDataDir } : {}) });
  await pg.waitReady;
  return pg;
}

const pgliteDir = (dataDir: string) => path.join(dataDir, 'pglite');

/** `npm run db:backup` without DATABASE_URL: refused (EmbeddedDatabaseBusyError) while the app holds DATA_DIR. */
export async function backupEmbedded(dataDir: string, file: string): Promise<{ bytes: number }> {
  if (!fs.existsSync(path.join(pgliteDir(dataDir), 'PG_VERSION'))) {
    throw new BackupRefusedError(`There is no embedded database in ${dataDir} (set DATA_DIR, or DATABASE_URL).`);
  }
  const release = lockEmbeddedDataDir(dataDir);
  try {
    const pg = await openEmbedded(pgliteDir(dataDir));
    try {
      const blob = await dumpEmbedded(pg);
      fs.writeFileSync(`${file}.partial`, Buffer.from(await blob.arrayBuffer()));
      fs.renameSync(`${file}.partial`, file);
    } finally {
      await pg.close();
    }
  } finally {
    release();
  }
  return { bytes: fs.statSync(file).size };
}

/**
 * Restores an embedded backup into DATA_DIR. An existing database is refused unless `force`; then it is kept aside
 * (pglite.before-restore-<time>), never deleted.
 */
export async function restoreEmbedded(dataDir: string, file: string, { force = false } = {}): Promise<void> {
  if (readMagic(file) !== 'gzip') {
    throw new BackupRefusedError(
      `${file} is not a backup of the embedded database. A pg_dump backup restores into PostgreSQL: set DATABASE_URL.`,
    );
  }
  const release = lockEmbeddedDataDir(dataDir);
  try {
    const pgDir = pgliteDir(dataDir);
    if (fs.existsSync(pgDir) && fs.readdirSync(pgDir).length) {
      if (!force) {
        throw new BackupRefusedError(
          `${dataDir} already holds an embedded database. Restore into an empty DATA_DIR, or pass --force to keep ` +
            'the current one aside and restore in its place.',
        );
      }
      fs.renameSync(pgDir, `${pgDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    }
    const pg = await openEmbedded(pgDir, new Blob([fs.readFileSync(file)]));
    try {
      // Proves the copy opens as a database of this app.
      await pg.query('select count(*) from drizzle.__drizzle_migrations');
    } finally {
      await pg.close();
    }
  } finally {
    release();
  }
}

export function backupKind(file: string): 'pg_dump' | 'embedded' | 'unknown' {
  const magic = readMagic(file);
  return magic === 'pg_dump' ? 'pg_dump' : magic === 'gzip' ? 'embedded' : 'unknown';
}
