/**
 * What the schema differ asks a dialect: how it spells types and defaults after introspection, what
 * it can do ({@link DialectCapabilities}), and the few names it makes up on its own. Each dialect
 * object hands one out through `dialect.normalizer()`.
 *
 * @module
 */
import type { DialectCapabilities } from "../dialects/capabilities.ts";
import type { EnumDefinition, MysqlTableOptions, SqlExpression, SqlValue } from "../operations/types.ts";

/**
 * How one dialect spells types and defaults after introspection (Alembic's `compare_type` rules),
 * plus the capabilities and dialect-made names `compareSchemas` needs, so the differ never asks
 * which database it is.
 */
export interface SchemaNormalizer {
  /** What the database can do (comments stored, ALTER in place, unique constraints as indexes, ...). */
  readonly capabilities: DialectCapabilities;
  /** The canonical spelling of a type as introspection reports it. */
  type(type: string): string;
  /** The canonical form of a server default as introspection reports it. */
  default(value: SqlValue | SqlExpression): SqlValue | SqlExpression;
  /**
   * The name the database gives a primary key created without one (PostgreSQL `<table>_pkey`,
   * MySQL `PRIMARY`); used to drop or re-create a key whose name the schema does not say.
   */
  primaryKeyName(table: string): string;
  /**
   * The canonical type of an enum column, as introspection reports it; `undefined` when the column
   * type `enum` is compared as written (the database keeps no enum type of its own).
   */
  enumType?(definition: EnumDefinition): string | undefined;
  /**
   * The type every autoincrement integer column has whatever it was declared as (SQLite: `integer`,
   * as AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY); absent where the type is kept.
   */
  readonly autoincrementType?: string;
  /**
   * The statement that sets a table's storage options (`storageOptions`: MySQL's `ALTER TABLE t
   * ENGINE=...`); `partitionBy: ""` removes the partitioning.
   */
  alterTableOptions?(
    table: string,
    schema: string | undefined,
    options: MysqlTableOptions & { readonly partitionBy?: string },
  ): string;
}
