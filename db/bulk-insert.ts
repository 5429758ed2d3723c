import 'server-only';
import { getTableName, sql, type Table } from 'drizzle-orm';
import { executedRows, type DbExecutor } from './client';

/**
 * Inserts many rows in one statement, passing them as a single JSON parameter that PostgreSQL unpacks with
 * json_populate_recordset. A multi-row VALUES list needs a parameter per cell (at most 65,535 a statement) and
 * PostgreSQL parses and plans it afresh for every size; this is one small statement whatever the count. Keys are the
 * table's SQL column names; columns left out take their defaults. Returns the `returning` columns of inserted rows.
 */
export async function insertJsonRows<Row extends Record<string, unknown>>(
  executor: DbExecutor,
  table: Table,
  rows: Record<string, unknown>[],
  { returning = [], onConflictDoNothing = false }: { returning?: string[]; onConflictDoNothing?: boolean } = {},
): Promise<Row[]> {
  if (!rows.length) return [];
  const name = getTableName(table);
  const columns = sql.raw(
    Object.keys(rows[0]!)
      .map((c) => `"${c}"`)
      .join(', '),
  );
  const result = await executor.execute(
    sql`insert into ${table} (${columns}) select ${columns} from json_populate_recordset(null::${sql.raw(`"${name}"`)}, ${JSON.stringify(rows)}::json)
      ${onConflictDoNothing ? sql`on conflict do nothing` : sql``}
      ${returning.length ? sql`returning ${sql.raw(returning.map((c) => `"${c}"`).join(', '))}` : sql``}`,
  );
  return executedRows<Row>(result);
}
