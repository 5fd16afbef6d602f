/**
 * The PostgreSQL dialect. Loading it does not load the `postgres` package: `connect` imports the
 * driver on first use.
 *
 * @module
 */
import type { DatabaseUrl } from "../../config/url.ts";
import type { Connection, ConnectOptions, Dialect } from "../dialect.ts";
import { POSTGRES_FLAGS } from "../flags.ts";
import { PostgresDdl } from "./ddl.ts";

const compiler = new PostgresDdl();

/**
 * Everything Retort knows about PostgreSQL. Offline scripts wrap their statements in
 * `BEGIN` / `COMMIT` (DDL is transactional).
 *
 * @example
 * ```ts
 * import { postgresDialect } from "./dialect.ts";
 * postgresDialect.quoteLiteral(true); // "true"
 * ```
 */
export const postgresDialect: Dialect = Object.freeze(
  {
    name: "postgresql",
    flags: POSTGRES_FLAGS,
    ddl: (op) => compiler.compile(op),
    quoteIdentifier: (name) => compiler.quoteIdentifier(name),
    quoteLiteral: (value) => compiler.quoteLiteral(value),
    versionTable: Object.freeze(compiler.versionTableStatements()),
    offline: Object.freeze({ begin: "BEGIN", commit: "COMMIT" }),
    async connect(url: DatabaseUrl, options?: ConnectOptions): Promise<Connection> {
      const { connectPostgres } = await import("./driver.ts");
      return connectPostgres(url, postgresDialect, options);
    },
  } satisfies Dialect,
);
