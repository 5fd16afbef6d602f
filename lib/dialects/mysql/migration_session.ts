/**
 * MySQL's and MariaDB's session settings for a migration run.
 *
 * @module
 */
import type { Connection, MigrationSession } from "../dialect.ts";

/**
 * MySQL's {@link MigrationSession}: MariaDB's `max_statement_time` (seconds) or, on MySQL,
 * `max_execution_time` (milliseconds, read-only statements only), plus `lock_wait_timeout`
 * (seconds, the metadata locks DDL takes) on both.
 */
export const mysqlMigrationSession: MigrationSession = Object.freeze({
  async setStatementTimeout(conn: Connection, ms: number): Promise<void> {
    const limit = Math.max(1, Math.round(ms));
    try {
      await conn.execute(`SET SESSION max_statement_time = ${limit / 1000}`);
    } catch {
      // MySQL has no max_statement_time; its max_execution_time bounds SELECT statements.
      await conn.execute(`SET SESSION max_execution_time = ${limit}`);
    }
    await conn.execute(`SET SESSION lock_wait_timeout = ${Math.max(1, Math.ceil(limit / 1000))}`);
  },
});
