import postgres from 'postgres';
import { e2eDatabaseUrl } from '../scripts/e2e-database.mjs';

// A fingerprint of the whole database under test, to show that a refused call changed nothing. On PostgreSQL the
// server runs on a database of its own (scripts/e2e-server.sh); the embedded database belongs to the server process
// alone, which serves it on loopback for this (db/embedded-socket.ts). Tables that requests touch on their own
// (sessions, rate limits, the outbox's delivery columns, the outbox workers' heartbeats) count rows only.
const COUNT_ONLY = new Set(['sessions', 'rate_limits', 'outbox_messages', 'outbox_workers']);

export interface DatabaseSnapshotter {
  /** What is fingerprinted, for the log. */
  where: string;
  snapshot: () => Promise<Record<string, string>>;
  close: () => Promise<void>;
}

/**
 * A snapshotter for the database of the server under test: PostgreSQL when `databaseUrl` is set, else the embedded
 * database on `embeddedPort`. With neither it throws, and a snapshot of a server that does not serve its database
 * rejects: a check that cannot look must fail, never pass unseen.
 */
export function databaseSnapshotter(target: { databaseUrl?: string; embeddedPort?: number }): DatabaseSnapshotter {
  const url = target.databaseUrl
    ? e2eDatabaseUrl(target.databaseUrl)
    : target.embeddedPort
      ? `postgres://postgres@127.0.0.1:${target.embeddedPort}/postgres`
      : null;
  if (!url) throw new Error('No way to fingerprint the database under test: neither DATABASE_URL nor a PGlite port.');
  const where = target.databaseUrl ? 'PostgreSQL' : `the embedded database on 127.0.0.1:${target.embeddedPort}`;
  // No prepared statements: on the embedded database they would stay in the session the app shares.
  const sql = postgres(url, { max: 1, prepare: false, onnotice: () => {}, connect_timeout: 5 });
  return {
    where,
    async snapshot() {
      let tables: { name: string }[];
      try {
        tables = await sql<{ name: string }[]>`
          select table_name as name from information_schema.tables where table_schema = 'public' order by table_name`;
      } catch (error) {
        const hint = target.databaseUrl
          ? ''
          : '; the server serves it only when started with E2E_PGLITE_SOCKET_PORT (playwright.config.ts)';
        throw new Error(`Cannot fingerprint ${where} (${error instanceof Error ? error.message : error})${hint}`, {
          cause: error,
        });
      }
      const result: Record<string, string> = {};
      for (const { name } of tables) {
        const [row] = COUNT_ONLY.has(name)
          ? await sql`select count(*)::text as n from ${sql(name)}`
          : await sql`select count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as n from ${sql(name)} t`;
        result[name] = row!.n as string;
      }
      return result;
    },
    close: () => sql.end(),
  };
}
