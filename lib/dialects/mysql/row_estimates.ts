/**
 * Row estimates for `upgrade --plan`: InnoDB's estimate in `information_schema.tables.table_rows`
 * (sampled, so approximate; MySQL docs, "The INFORMATION_SCHEMA TABLES Table"). One query for every
 * table of the plan.
 *
 * @module
 */
import type { Connection } from "../dialect.ts";

/**
 * Estimated row counts of tables in the connection's database.
 *
 * @param conn an open connection
 * @param tables table names
 * @returns name to estimated rows, for the tables that exist
 */
export async function mysqlRowEstimates(
  conn: Connection,
  tables: readonly string[],
): Promise<Map<string, number>> {
  if (tables.length === 0) return new Map();
  const rows = await conn.query(
    `SELECT table_name AS name, table_rows AS \`rows\` FROM information_schema.tables
     WHERE table_schema = DATABASE() AND table_name IN (${tables.map(() => "?").join(", ")})`,
    [...tables],
  );
  return new Map(rows.filter((r) => r.rows !== null).map((r) => [String(r.name), Number(r.rows)]));
}
