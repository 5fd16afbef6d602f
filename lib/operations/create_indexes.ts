/**
 * Factories of the index operations: `createIndex`, `dropIndex`.
 * Bad arguments throw `TypeError` (wrong shape) or `RangeError` (right shape, impossible value);
 * every operation returned is deeply frozen and shares no object with the caller.
 *
 * @module
 */
import { SIGNATURES } from "./signatures.ts";
import { checkIndexColumn } from "./index_columns.ts";
import type { CreateIndexOp, DropIndexOp, IndexColumn } from "./types.ts";
import {
  checkExpression,
  checkName,
  checkOptions,
  describe,
  flag,
  indexOptionsOf,
  schemaOf,
} from "./_validate.ts";
import type { CreateIndexOptions, SchemaOption } from "./create_options.ts";

/**
 * Build a `CREATE INDEX` operation (Alembic's `op.create_index(index_name, table_name, columns)`).
 *
 * @param name index name
 * @param table table name
 * @param columns column names, `{ sql }` expressions, or `{ column | sql, order, nulls, collation,
 *   opclass }`; at least one
 * @param options `unique`, `schema`, `ifNotExists`, `where`, `using`, `include`, ...
 * @returns a frozen {@link CreateIndexOp}
 * @throws {TypeError} for an empty name, no columns, or an entry that is not a name, `{ sql }` or
 *   `{ column }` with known options
 * @example
 * ```ts
 * import { createIndex } from "./create.ts";
 * const op = createIndex("ix_account_name", "account", ["name"], { unique: true });
 * ```
 */
export function createIndex(
  name: string,
  table: string,
  columns: readonly IndexColumn[],
  options: CreateIndexOptions = {},
): CreateIndexOp {
  const what = "createIndex operation";
  checkName(name, what, "index name");
  checkName(table, `${what} "${name}"`, "table name");
  checkOptions(options, what, SIGNATURES.createIndex.options);
  if (!Array.isArray(columns)) {
    throw new TypeError(
      `Cannot create ${what} "${name}": columns must be an array, got ${describe(columns)}`,
    );
  }
  if (columns.length === 0) throw new TypeError(`Cannot create ${what} "${name}": no columns given`);
  const copied = columns.map((c, i) => {
    if (typeof c === "string") {
      checkName(c, `${what} "${name}"`, `column ${i + 1}`);
      return c;
    }
    const r = c as unknown as Record<string, unknown>;
    if (typeof c === "object" && c !== null && (Object.hasOwn(r, "column") || Object.keys(r).length > 1)) {
      return checkIndexColumn(c, `${what} "${name}"`, i + 1);
    }
    return checkExpression(c, `${what} "${name}": column ${i + 1}`);
  });
  return Object.freeze({
    kind: "createIndex",
    name,
    table,
    columns: Object.freeze(copied),
    ...indexOptionsOf(options as Record<string, unknown>, `${what} "${name}"`),
    ...schemaOf(options, what),
    ...flag("ifNotExists", options.ifNotExists, what),
    ...flag("concurrently", options.concurrently, what),
  });
}

/**
 * Build a `DROP INDEX` operation (Alembic's `op.drop_index(index_name, table_name=None)`). MySQL
 * needs `table`.
 *
 * @param name index name
 * @param options `table` (required on MySQL), `schema`, `ifExists`
 * @returns a frozen {@link DropIndexOp}
 * @throws {TypeError} for an empty name or an unknown option
 */
export function dropIndex(
  name: string,
  options: SchemaOption & {
    readonly table?: string;
    readonly ifExists?: boolean;
    readonly concurrently?: boolean;
  } = {},
): DropIndexOp {
  const what = "dropIndex operation";
  checkName(name, what, "index name");
  checkOptions(options, what, SIGNATURES.dropIndex.options);
  if (options.table !== undefined) checkName(options.table, `${what} "${name}"`, "table name");
  return Object.freeze({
    kind: "dropIndex",
    name,
    ...(options.table === undefined ? {} : { table: options.table }),
    ...schemaOf(options, what),
    ...flag("ifExists", options.ifExists, what),
    ...flag("concurrently", options.concurrently, what),
  });
}
