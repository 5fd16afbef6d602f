/**
 * The MySQL / MariaDB dialect. Loading it does not load the `mysql2` package: `connect` imports the
 * driver on first use.
 *
 * @module
 */
import type { DatabaseUrl } from "../../config/url.ts";
import type { Connection, ConnectOptions, Dialect } from "../dialect.ts";
import type { SchemaNormalizer } from "../../schema/normalizer.ts";
import { MYSQL_CAPABILITIES } from "./capabilities.ts";
import { mysqlMigrationSession } from "./migration_session.ts";
import { MYSQL_SQL_LEXER } from "./sql_lexer.ts";
import { MysqlDdl, type MysqlDdlOptions } from "./ddl.ts";

/**
 * Build a MySQL dialect; use it instead of {@link mysqlDialect} for a server whose `sql_mode`
 * includes `NO_BACKSLASH_ESCAPES`.
 *
 * @param options `noBackslashEscapes`: write backslashes in string literals as they are
 * @returns a frozen {@link Dialect}
 */
export function createMysqlDialect(options: MysqlDdlOptions = {}): Dialect {
  const compiler = new MysqlDdl(options);
  const dialect: Dialect = Object.freeze(
    {
      name: "mysql",
      capabilities: MYSQL_CAPABILITIES,
      sqlLexer: MYSQL_SQL_LEXER,
      ddl: (op) => compiler.compile(op),
      // An alterColumn without `existing` reads the column first: MODIFY restates it whole.
      plan: async (op, conn) => (await import("./plan.ts")).planMysql(op, conn, compiler),
      quoteIdentifier: (name) => compiler.quoteIdentifier(name),
      quoteLiteral: (value) => compiler.quoteLiteral(value),
      versionTable: Object.freeze(compiler.versionTableStatements()),
      // MySQL commits every DDL statement implicitly, so an offline transaction would promise nothing.
      offline: Object.freeze({ begin: "", commit: "" }),
      async introspect(conn, introspectOptions) {
        return (await import("./introspect.ts")).introspectMysql(conn, introspectOptions);
      },
      async rowEstimates(conn, tables) {
        return (await import("./row_estimates.ts")).mysqlRowEstimates(conn, tables);
      },
      async openScratchDatabase(url) {
        return (await import("./scratch_database.ts")).openMysqlScratchDatabase(this, url);
      },
      async linter() {
        return (await import("./lint.ts")).mysqlLinter;
      },
      async normalizer(): Promise<SchemaNormalizer> {
        const { mysqlCanonicalType, mysqlCanonicalDefault } = await import("./introspect.ts");
        const { mysqlAlterTableOptions } = await import("./table_options_sql.ts");
        return {
          capabilities: MYSQL_CAPABILITIES,
          type: mysqlCanonicalType,
          default: mysqlCanonicalDefault,
          // MySQL names every primary key PRIMARY, whatever the statement said.
          primaryKeyName: () => "PRIMARY",
          // The values are the column type, as introspection reports it (quotes doubled, backslashes
          // escaped, as information_schema prints them).
          enumType: (e) =>
            `enum(${e.values.map((v) => `'${v.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`).join(",")})`,
          alterTableOptions: mysqlAlterTableOptions,
        };
      },
      migrationSession: mysqlMigrationSession,
      async connect(url: DatabaseUrl, connectOptions?: ConnectOptions): Promise<Connection> {
        const { connectMysql } = await import("./driver.ts");
        return connectMysql(url, dialect, connectOptions);
      },
    } satisfies Dialect,
  );
  return dialect;
}

/**
 * Everything Retort knows about MySQL and MariaDB, for the default `sql_mode` (backslashes escape).
 * Offline scripts get no `BEGIN` / `COMMIT`: DDL commits implicitly.
 *
 * @example
 * ```ts
 * import { mysqlDialect } from "./dialect.ts";
 * mysqlDialect.quoteIdentifier("a`b"); // "`a``b`"
 * ```
 */
export const mysqlDialect: Dialect = createMysqlDialect();
