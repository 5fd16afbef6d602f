/**
 * PostgreSQL's session settings for a migration run.
 *
 * @module
 */
import type { Connection, MigrationSession } from "../dialect.ts";

/**
 * PostgreSQL's {@link MigrationSession}: `client_connection_check_interval` (PostgreSQL 14+) and
 * `statement_timeout`, which covers lock waits too.
 */
export const postgresMigrationSession: MigrationSession = Object.freeze({
  /**
   * Have the server check every second that this client is still there while a statement runs: a
   * migrator killed during a long statement (e.g. `pg_sleep`, a big index build) then has its
   * transaction rolled back and its advisory lock freed within a second, instead of when the
   * statement ends.
   */
  async watchClient(conn: Connection): Promise<void> {
    try {
      await conn.execute("SET client_connection_check_interval = 1000");
    } catch {
      // PostgreSQL before 14, or a server that does not support the check on this platform.
    }
  },
  async setStatementTimeout(conn: Connection, ms: number): Promise<void> {
    await conn.execute(`SET statement_timeout = ${Math.max(1, Math.round(ms))}`);
  },
});
