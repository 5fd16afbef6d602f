/**
 * Row counts for `upgrade --plan`: SQLite keeps no row estimate outside `sqlite_stat1` (written only
 * by ANALYZE), so the tables are counted, one `count(*)` each (a scan of the table's smallest index).
 *
 * @module
 */
import type { Connection } from "../dialect.ts";

/**
 * Row counts of tables that exist.
 *
 * @param conn an open connection
 * @param tables table names
 * @returns name to row count, for the tables that exist
 */
export async function sqliteRowEstimates(
  conn: Connection,
  tables: readonly string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (tables.length === 0) return out;
  const existing = await conn.query(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (${tables.map(() => "?").join(", ")})`,
    [...tables],
  );
  for (const { name } of existing) {
    const [row] = await conn.query(`SELECT count(*) AS n FROM "${String(name).replaceAll('"', '""')}"`);
    out.set(String(name), Number(row.n));
  }
  return out;
}
