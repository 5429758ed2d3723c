import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { env } from '@/lib/env';
import { copyOutOn, copyPool } from './binary-copy';
import { fillMissingDirectoryKeys } from './directory-keys';
import { lockEmbeddedDataDir } from './embedded-lock';
import { serveOnLoopback } from './embedded-socket';
import * as schema from './schema';
import { logger } from '@/lib/log';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** The database or an open transaction: writes that must commit together take one of these. */
export type DbExecutor = Database | Parameters<Parameters<Database['transaction']>[0]>[0];
export type DatabaseKind = 'pglite' | 'postgres';

/** The rows of a `db.execute(sql…)`: postgres-js answers with the rows, PGlite with `{ rows }`. */
export function executedRows<Row>(result: unknown): Row[] {
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

export interface OpenDatabase {
  db: Database;
  kind: DatabaseKind;
  /** A short description for logs and the health route, without credentials. */
  where: string;
  /** This open made a new embedded database (never on PostgreSQL): empty but for the migrations. */
  created: boolean;
  /** The embedded database's own handle (never on PostgreSQL): for its consistent copy (db/backup.ts). */
  embedded?: PGlite;
  /** PostgreSQL only: all a `COPY … TO STDOUT` statement sends, in the pieces it came in (db/binary-copy.ts). */
  copyOut?: (statement: string) => Promise<Buffer[]>;
  close(): Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), 'drizzle');
// Any constant will do, as long as every instance uses the same one.
export const MIGRATION_LOCK_KEY = 7_310_224_001;

async function openPostgres(url: string): Promise<OpenDatabase> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');

  // Many identical instances may start at once: one connection holds an advisory lock while it migrates.
  const migrationClient = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrationClient`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migrate(drizzle(migrationClient, { casing: 'snake_case' }), { migrationsFolder });
    await migrationClient`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await migrationClient.end();
  }

  const client = postgres(url, { max: 10, onnotice: () => {} });
  // Stored files are read with COPY, on connections of their own (db/binary-copy.ts).
  const copyClient = copyPool(url);
  const parsed = new URL(url);
  const db = drizzle(client, { schema, casing: 'snake_case' });
  await fillMissingDirectoryKeys(db);
  return {
    db,
    kind: 'postgres',
    created: false,
    where: `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`,
    copyOut: copyOutOn(copyClient),
    close: async () => {
      await Promise.all([client.end(), copyClient.end()]);
    },
  };
}

async function openPglite(dataDir: string): Promise<OpenDatabase> {
  const release = lockEmbeddedDataDir(dataDir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const { migrate } = await import('drizzle-orm/pglite/migrator');

    const pgDir = path.join(dataDir, 'pglite');
    const isNew = !fs.existsSync(path.join(pgDir, 'PG_VERSION'));
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const client = new PGlite(pgDir, { extensions: { pg_trgm } });
    await client.waitReady;
    const db = drizzle(client, { schema, casing: 'snake_case' });
    await migrate(db, { migrationsFolder });
    // Never seeded here: the demo data stays out of the app's bundle (`npm run dev` and `npm run db:seed` load it).
    if (isNew) logger.info({ where: pgDir }, 'new embedded database');
    await fillMissingDirectoryKeys(db);
    // Only the browser tests set this, to read the database through this process (db/embedded-socket.ts).
    const testPort = env().E2E_PGLITE_SOCKET_PORT;
    const socket = testPort ? await serveOnLoopback(client, testPort) : null;
    return {
      db,
      kind: 'pglite',
      created: isNew,
      embedded: client,
      where: pgDir,
      close: async () => {
        await socket?.close();
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Opens and migrates; the caller owns the result. */
export function openDatabase(options: { url?: string; dataDir: string }): Promise<OpenDatabase> {
  return options.url ? openPostgres(options.url) : openPglite(options.dataDir);
}

// One database per process. Kept on globalThis because Next bundles instrumentation and the app separately, and dev
// reloads modules: each copy of this module must find the same instance.
const holder = globalThis as typeof globalThis & { __councilDeskDb?: Promise<OpenDatabase> };

/** The process's database, opened lazily on first use (never at import time: `next build` imports pages). */
export function getDatabase(): Promise<OpenDatabase> {
  if (!holder.__councilDeskDb) {
    const { DATABASE_URL, DATA_DIR } = env();
    const opening = openDatabase({ url: DATABASE_URL, dataDir: DATA_DIR });
    holder.__councilDeskDb = opening;
    // A failed open must not be cached forever: the next caller tries again.
    opening.catch(() => {
      if (holder.__councilDeskDb === opening) holder.__councilDeskDb = undefined;
    });
  }
  return holder.__councilDeskDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabase()).db;
}

/** Closes the process's database (tests and scripts). */
export async function closeDatabase(): Promise<void> {
  const opening = holder.__councilDeskDb;
  holder.__councilDeskDb = undefined;
  if (opening) await (await opening).close();
}
