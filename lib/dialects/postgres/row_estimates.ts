/**
 * Row estimates for `upgrade --plan`: PostgreSQL's planner statistics (`pg_class.reltuples`, kept
 * by VACUUM and ANALYZE; -1 for a table never analysed, which is reported as unknown). One catalog
 * query for every table of the plan.
 *
 * @module
 */
import type { Connection } from "../dialect.ts";

/**
 * Estimated row counts of tables in the connection's search path.
 *
 * @param conn an open connection
 * @param tables unqualified table names
 * @returns name to estimated rows, for the tables that exist and have statistics
 */
export async function postgresRowEstimates(
  conn: Connection,
  tables: readonly string[],
): Promise<Map<string, number>> {
  if (tables.length === 0) return new Map();
  const rows = await conn.query(
    `SELECT c.relname AS name, c.reltuples::bigint AS rows FROM pg_class c
     WHERE c.relkind IN ('r', 'p') AND c.relname = ANY(?::text[]) AND pg_table_is_visible(c.oid)`,
    [`{${tables.map((t) => `"${t.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`).join(",")}}`],
  );
  return new Map(rows.filter((r) => Number(r.rows) >= 0).map((r) => [String(r.name), Number(r.rows)]));
}
