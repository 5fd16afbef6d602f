/**
 * One difference between two schemas, for people (`migrate check`) and JSON output.
 *
 * @module
 */

/** One difference, for people (`check`) and JSON output. */
export interface SchemaChange {
  /** `table.added`, `table.removed`, `table.changed`, `enum.added`, `enum.removed`, `enum.changed`, `schema.added`, `schema.removed`. */
  readonly type: string;
  /** Table, enum or schema name. */
  readonly name: string;
  /** One line per detail, e.g. `column "email" added`. */
  readonly details: readonly string[];
}
