/**
 * The SQLite dialect. Loading it loads no driver: `connect` imports `bun:sqlite` under Bun and
 * `node:sqlite` elsewhere (Deno), with literal specifiers so `bun build --compile` bundles them.
 *
 * @module
 */
import type { DatabaseUrl } from "../../config/url.ts";
import type { Connection, Dialect } from "../dialect.ts";
import type { SchemaNormalizer } from "../../schema/normalizer.ts";
import { SQLITE_CAPABILITIES } from "./capabilities.ts";
import { SQLITE_SQL_LEXER } from "./sql_lexer.ts";
import { SqliteDdl } from "./ddl.ts";
import { planSqlite } from "./rebuild.ts";
import { openSqlite } from "./_connection.ts";

const compiler = new SqliteDdl();

/**
 * Everything Retort knows about SQLite. Offline scripts wrap their statements in
 * `BEGIN` / `COMMIT` (DDL is transactional). `plan` reads the table and turns what ALTER TABLE
 * cannot do into a table rebuild (`rebuild.ts`).
 *
 * @example
 * ```ts
 * import { sqliteDialect } from "./dialect.ts";
 * sqliteDialect.quoteIdentifier('a"b'); // "\"a\"\"b\""
 * ```
 */
export const sqliteDialect: Dialect = Object.freeze(
  {
    name: "sqlite",
    capabilities: SQLITE_CAPABILITIES,
    sqlLexer: SQLITE_SQL_LEXER,
    ddl: (op) => compiler.compile(op),
    plan: (op, conn) => planSqlite(op, conn, compiler),
    quoteIdentifier: (name) => compiler.quoteIdentifier(name),
    quoteLiteral: (value) => compiler.quoteLiteral(value),
    versionTable: Object.freeze(compiler.versionTableStatements()),
    offline: Object.freeze({ begin: "BEGIN", commit: "COMMIT" }),
    async introspect(conn, options) {
      return (await import("./introspect.ts")).introspectSqlite(conn, options);
    },
    async rowEstimates(conn, tables) {
      return (await import("./row_estimates.ts")).sqliteRowEstimates(conn, tables);
    },
    async openScratchDatabase(_url) {
      return (await import("./scratch_database.ts")).openSqliteScratchDatabase();
    },
    async linter() {
      return (await import("./lint.ts")).sqliteLinter;
    },
    async normalizer(): Promise<SchemaNormalizer> {
      const { sqliteCanonicalType, sqliteCanonicalDefault } = await import("./introspect.ts");
      return {
        capabilities: SQLITE_CAPABILITIES,
        type: sqliteCanonicalType,
        default: sqliteCanonicalDefault,
        // SQLite names no constraint itself: Retort's own name for an unnamed key.
        primaryKeyName: (table) => `pk_${table}`,
        // The DDL declares an autoincrement key INTEGER: AUTOINCREMENT needs the rowid alias.
        autoincrementType: "integer",
        // An enum is a VARCHAR as long as its longest value (with a CHECK), as the DDL declares it.
        enumType: (e) => sqliteCanonicalType(`varchar(${Math.max(1, ...e.values.map((v) => v.length))})`),
      };
    },
    // Imported on use: scratch.ts itself opens its databases through this dialect.
    openOfflineScratch: async (url, fromBase) =>
      (await import("./scratch.ts")).openSqliteScratch(url, fromBase),
    // Opening a file does not wait, so no connect option applies. Each runtime has its own binding
    // (DESIGN.md section 1); only the running one's file is loaded.
    async connect(url: DatabaseUrl): Promise<Connection> {
      const { openSqliteFile } = typeof (globalThis as { Bun?: unknown }).Bun !== "undefined"
        ? await import("./driver_bun.ts")
        : await import("./driver_deno.ts");
      return openSqlite(url, sqliteDialect, openSqliteFile);
    },
  } satisfies Dialect,
);
