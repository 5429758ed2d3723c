import postgres from 'postgres';
import { e2eDatabaseUrl } from '../scripts/e2e-database.mjs';

// A fingerprint of the whole database, to show that a refused call changed nothing. Only possible on PostgreSQL:
// the embedded database belongs to the server process alone. Tables that requests touch on their own (sessions,
// rate limits, the outbox's delivery columns) count rows only.
const COUNT_ONLY = new Set(['sessions', 'rate_limits', 'outbox_messages']);

export function databaseSnapshotter(): null | {
  snapshot: () => Promise<Record<string, string>>;
  close: () => Promise<void>;
} {
  if (!process.env.DATABASE_URL) return null;
  // The server under test runs on its own database (scripts/e2e-server.sh).
  const sql = postgres(e2eDatabaseUrl(process.env.DATABASE_URL), { max: 1, onnotice: () => {} });
  return {
    async snapshot() {
      const tables = await sql<{ name: string }[]>`
        select table_name as name from information_schema.tables where table_schema = 'public' order by table_name`;
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
