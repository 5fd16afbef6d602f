/**
 * The transaction methods of a server connection whose database takes plain `BEGIN`, `COMMIT` and
 * `ROLLBACK` statements (PostgreSQL and MySQL/MariaDB).
 *
 * @module
 */
import type { Connection } from "./dialect.ts";

/**
 * `begin`, `commit` and `rollback` of a {@link Connection}, each running its statement.
 *
 * @param run runs one statement on the connection's session; its rejection is the method's
 * @returns the three methods, to spread into the connection
 */
export function transactionStatements(
  run: (sql: string) => Promise<unknown>,
): Pick<Connection, "begin" | "commit" | "rollback"> {
  return {
    async begin() {
      await run("BEGIN");
    },
    async commit() {
      await run("COMMIT");
    },
    async rollback() {
      await run("ROLLBACK");
    },
  };
}
