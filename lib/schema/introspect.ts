/**
 * Introspection of a live database into the {@link Schema} model, and the normalisers that make a
 * schema file's types and defaults comparable with what introspection reports. Each dialect's
 * module is loaded only when its database is used.
 *
 * @module
 */
import type { Connection, DialectName, VersionTableName } from "../dialects/dialect.ts";
import type { SqlExpression, SqlValue } from "../operations/types.ts";
import type { Schema } from "./model.ts";

/** What to read. */
export interface IntrospectOptions {
  /** The version table, left out of the result (Alembic's `alembic_version` by default). */
  readonly versionTable?: VersionTableName;
  /** PostgreSQL schemas to read; default the current schema. */
  readonly schemas?: readonly string[];
}

/**
 * Read the schema of the database behind `conn`, in a fixed number of catalog queries (four on
 * PostgreSQL and SQLite, five on MySQL) whatever the number of tables.
 *
 * @param conn an open connection
 * @param options the version table to skip and the schemas to read
 * @returns the schema; tables sorted by name
 * @throws {Error} the driver's error when a catalog query fails
 */
export async function introspectSchema(conn: Connection, options: IntrospectOptions = {}): Promise<Schema> {
  switch (conn.dialect.name) {
    case "postgresql":
      return (await import("../dialects/postgres/introspect.ts")).introspectPostgres(conn, options);
    case "mysql":
      return (await import("../dialects/mysql/introspect.ts")).introspectMysql(conn, options);
    case "sqlite":
      return (await import("../dialects/sqlite/introspect.ts")).introspectSqlite(conn, options);
  }
}

/** How one dialect spells types and defaults after introspection (Alembic's `compare_type` rules). */
export interface SchemaNormalizer {
  /**
   * The dialect whose spellings these are; `compareSchemas` also reads it for rules of its own
   * (e.g. SQLite stores no comments, MySQL keeps unique constraints as indexes).
   */
  readonly dialect: DialectName;
  /** The canonical spelling of a type as introspection reports it. */
  type(type: string): string;
  /** The canonical form of a server default as introspection reports it. */
  default(value: SqlValue | SqlExpression): SqlValue | SqlExpression;
}

/**
 * The normaliser of a dialect.
 *
 * @param dialect `postgresql`, `mysql` or `sqlite`
 * @returns its type and default normalisers
 */
export async function normalizerFor(dialect: DialectName): Promise<SchemaNormalizer> {
  switch (dialect) {
    case "postgresql": {
      const m = await import("../dialects/postgres/introspect.ts");
      return { dialect, type: m.postgresCanonicalType, default: m.postgresCanonicalDefault };
    }
    case "mysql": {
      const m = await import("../dialects/mysql/introspect.ts");
      return { dialect, type: m.mysqlCanonicalType, default: m.mysqlCanonicalDefault };
    }
    case "sqlite": {
      const m = await import("../dialects/sqlite/introspect.ts");
      return { dialect, type: m.sqliteCanonicalType, default: m.sqliteCanonicalDefault };
    }
  }
}
