/**
 * The PostgreSQL dialect. Loading it does not load the `postgres` package: `connect` imports the
 * driver on first use.
 *
 * @module
 */
import type { DatabaseUrl } from "../../config/url.ts";
import type { Connection, ConnectOptions, Dialect } from "../dialect.ts";
import type { SchemaNormalizer } from "../../schema/normalizer.ts";
import { POSTGRES_CAPABILITIES } from "./capabilities.ts";
import { postgresMigrationSession } from "./migration_session.ts";
import { POSTGRES_SQL_LEXER } from "./sql_lexer.ts";
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
    capabilities: POSTGRES_CAPABILITIES,
    sqlLexer: POSTGRES_SQL_LEXER,
    ddl: (op) => compiler.compile(op),
    quoteIdentifier: (name) => compiler.quoteIdentifier(name),
    quoteLiteral: (value) => compiler.quoteLiteral(value),
    versionTable: Object.freeze(compiler.versionTableStatements()),
    offline: Object.freeze({ begin: "BEGIN", commit: "COMMIT" }),
    async introspect(conn, options) {
      return (await import("./introspect.ts")).introspectPostgres(conn, options);
    },
    async rowEstimates(conn, tables) {
      return (await import("./row_estimates.ts")).postgresRowEstimates(conn, tables);
    },
    async openScratchDatabase(url) {
      return (await import("./scratch_database.ts")).openPostgresScratchDatabase(this, url);
    },
    async linter() {
      return (await import("./lint.ts")).postgresLinter;
    },
    async normalizer(): Promise<SchemaNormalizer> {
      const { postgresCanonicalType, postgresCanonicalDefault } = await import("./introspect.ts");
      return {
        capabilities: POSTGRES_CAPABILITIES,
        type: postgresCanonicalType,
        default: postgresCanonicalDefault,
        primaryKeyName: (table) => `${table}_pkey`,
        // A column of an enum type reports the type's name.
        enumType: (e) => e.name === undefined ? undefined : postgresCanonicalType(e.name),
      };
    },
    async normalizeObjects(conn, target, current) {
      return (await import("./normalize_objects.ts")).normalizePostgresObjects(conn, target, current);
    },
    async alignWithServer(conn, target, current) {
      return (await import("./server_canonical.ts")).alignChecksWithServer(conn, target, current);
    },
    migrationSession: postgresMigrationSession,
    async connect(url: DatabaseUrl, options?: ConnectOptions): Promise<Connection> {
      const { connectPostgres } = await import("./driver.ts");
      return connectPostgres(url, postgresDialect, options);
    },
  } satisfies Dialect,
);
