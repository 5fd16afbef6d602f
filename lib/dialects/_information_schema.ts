/**
 * The query that finds a table through the SQL standard's `information_schema`, shared by the
 * servers that have it (PostgreSQL and MySQL/MariaDB).
 *
 * @module
 */
import type { SqlValue } from "../operations/types.ts";

/**
 * The query whose one row says that a table exists.
 *
 * @param table the table's name
 * @param schema its schema (a database on MySQL); without it, the session's current one
 * @param currentSchema the SQL function naming the session's schema (`current_schema()`, `database()`)
 * @returns the SQL and its parameters, in `?` placeholders
 */
export function informationSchemaTableExists(
  table: string,
  schema: string | undefined,
  currentSchema: string,
): { sql: string; params: SqlValue[] } {
  return schema
    ? {
      sql: "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
      params: [schema, table],
    }
    : {
      sql:
        `SELECT table_name FROM information_schema.tables WHERE table_schema = ${currentSchema} AND table_name = ?`,
      params: [table],
    };
}
