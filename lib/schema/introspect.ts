/**
 * Introspection of a live database into the {@link Schema} model, and the normaliser that makes a
 * schema file's types and defaults comparable with what introspection reports. Both come from the
 * connection's dialect, which loads its introspection module only when asked.
 *
 * @module
 */
import type { Connection, DialectName, IntrospectOptions } from "../dialects/dialect.ts";
import { dialectFor } from "../dialects/registry.ts";
import type { Schema } from "./model.ts";
import { REVISION_LOG_TABLE } from "../bookkeeping.ts";
import type { SchemaNormalizer } from "./normalizer.ts";

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
  const schema = await conn.dialect.introspect(conn, options);
  // Retort's revision log is bookkeeping, like the version table: never part of the schema.
  const log = options.versionTable?.schema
    ? `${options.versionTable.schema}.${REVISION_LOG_TABLE}`
    : REVISION_LOG_TABLE;
  if (!(log in schema.tables)) return schema;
  const { [log]: _, ...tables } = schema.tables;
  return { ...schema, tables };
}

/**
 * The normaliser of a dialect known by name (tests and tools without a connection; with one, ask
 * `conn.dialect.normalizer()`).
 *
 * @param dialect `postgresql`, `mysql` or `sqlite`
 * @returns its type and default normalisers, capabilities and made-up names
 * @throws {RangeError} for an unknown dialect name
 */
export async function normalizerFor(dialect: DialectName): Promise<SchemaNormalizer> {
  return (await dialectFor(dialect)).normalizer();
}
