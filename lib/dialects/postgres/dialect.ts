/**
 * The PostgreSQL dialect. Loading it does not load the `postgres` package: `connect` imports the
 * driver on first use; `connectReadOnly` tries the quick protocol session first.
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
// Imported statically (it is small, and loads no driver) so that a read-only session starts
// connecting in the same turn as the call: `current` starts it just before a long scan.
import { connectQuick, QuickSessionUnsupported } from "./quick_session.ts";

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
    async alignWithServer(conn, target, current) {
      return (await import("./server_canonical.ts")).alignChecksWithServer(conn, target, current);
    },
    migrationSession: postgresMigrationSession,
    async connect(url: DatabaseUrl, options?: ConnectOptions): Promise<Connection> {
      const { connectPostgres } = await import("./driver.ts");
      return connectPostgres(url, postgresDialect, options);
    },
    async connectReadOnly(url: DatabaseUrl, options?: ConnectOptions): Promise<Connection> {
      try {
        return await connectQuick(url, postgresDialect, options);
      } catch (error) {
        if (!(error instanceof QuickSessionUnsupported)) throw error;
        const { connectPostgres } = await import("./driver.ts");
        return connectPostgres(url, postgresDialect, options);
      }
    },
  } satisfies Dialect,
);
