/**
 * Factories of the column operations: `addColumn`, `dropColumn`, `alterColumn`.
 * Bad arguments throw `TypeError` (wrong shape) or `RangeError` (right shape, impossible value);
 * every operation returned is deeply frozen and shares no object with the caller.
 *
 * @module
 */
import { SIGNATURES } from "./signatures.ts";
import type { AddColumnOp, AlterColumnOp, Column, DropColumnOp } from "./types.ts";
import {
  checkBoolean,
  checkColumn,
  checkExpression,
  checkName,
  checkOptions,
  checkText,
  checkValue,
  identityOf,
  isPlainObject,
  schemaOf,
} from "./_validate.ts";
import type { AlterColumnOptions, SchemaOption } from "./create_options.ts";

/**
 * Build an `ADD COLUMN` operation (Alembic's `op.add_column(table_name, column)`).
 *
 * @param table table name
 * @param column new column's name
 * @param definition the column: `type` is required; `references` is `"table"`, `"table.column"`,
 *   `"schema.table.column"` or a `ColumnReference`
 * @param options `schema`
 * @returns a frozen {@link AddColumnOp}
 * @throws {TypeError} for an empty name, a missing type, a bad `references` string, a bad default,
 *   an unknown column key, or contradictory settings (nullable primary key, default on a computed column)
 * @throws {RangeError} for a non-finite numeric default or an unknown referential action
 * @example
 * ```ts
 * import { addColumn } from "./create.ts";
 * const op = addColumn("account", "email", { type: "varchar(200)" });
 * ```
 */
export function addColumn(
  table: string,
  column: string,
  definition: Column,
  options: SchemaOption = {},
): AddColumnOp {
  const what = "addColumn operation";
  checkName(table, what, "table name");
  checkName(column, what, "column name");
  checkOptions(options, what, SIGNATURES.addColumn.options);
  return Object.freeze({
    kind: "addColumn",
    table,
    column,
    definition: checkColumn(definition, `${what} for "${table}": column "${column}"`),
    ...schemaOf(options, what),
  });
}

/**
 * Build a `DROP COLUMN` operation (Alembic's `op.drop_column(table_name, column_name)`).
 *
 * @param table table name
 * @param column column name
 * @param options `schema`
 * @returns a frozen {@link DropColumnOp}
 * @throws {TypeError} for an empty name
 */
export function dropColumn(table: string, column: string, options: SchemaOption = {}): DropColumnOp {
  const what = "dropColumn operation";
  checkName(table, what, "table name");
  checkName(column, what, "column name");
  checkOptions(options, what, SIGNATURES.dropColumn.options);
  return Object.freeze({ kind: "dropColumn", table, column, ...schemaOf(options, what) });
}

/**
 * Build a column change (Alembic's `op.alter_column(table_name, column_name, ...)`). Only the fields
 * given change: `type` (with PostgreSQL `using`), `nullable`, `default` (`null` drops it), `newName`,
 * `comment` (`null` drops it), `autoincrement`. `existing` is the column as it was: MySQL restates
 * the whole column, and `reverseOperation` needs it.
 *
 * @param table table name
 * @param column column name (before any rename)
 * @param options the changes
 * @returns a frozen {@link AlterColumnOp}
 * @throws {TypeError} when nothing changes, or for a bad value
 * @example
 * ```ts
 * import { alterColumn } from "./create.ts";
 * const op = alterColumn("account", "name", { type: "text", nullable: false });
 * ```
 */
export function alterColumn(table: string, column: string, options: AlterColumnOptions): AlterColumnOp {
  const what = "alterColumn operation";
  checkName(table, what, "table name");
  checkName(column, what, "column name");
  const where = `${what} for "${table}.${column}"`;
  if (!isPlainObject(options)) throw new TypeError(`Cannot create ${where}: options must be an object`);
  checkOptions(options, where, SIGNATURES.alterColumn.options);
  const out: Record<string, unknown> = { kind: "alterColumn", table, column, ...schemaOf(options, what) };
  if (options.type !== undefined) out.type = checkText(options.type, where, "type");
  if (options.using !== undefined) {
    if (options.type === undefined) throw new TypeError(`Cannot create ${where}: using needs a type`);
    out.using = checkText(options.using, where, "using");
  }
  if (options.nullable !== undefined) out.nullable = checkBoolean(options.nullable, where, "nullable");
  if (options.default !== undefined) {
    out.default = options.default === null
      ? null
      : isPlainObject(options.default)
      ? checkExpression(options.default, `${where}: default`)
      : checkValue(options.default, `${where}: default`);
  }
  if (options.newName !== undefined) {
    checkName(options.newName, where, "newName");
    if (options.newName === column) throw new RangeError(`Cannot create ${where}: newName is the same name`);
    out.newName = options.newName;
  }
  if (options.comment !== undefined) {
    out.comment = options.comment === null ? null : checkText(options.comment, where, "comment", true);
  }
  if (options.autoincrement !== undefined) {
    out.autoincrement = checkBoolean(options.autoincrement, where, "autoincrement");
  }
  if (options.identity !== undefined) {
    if (!isPlainObject(options.identity)) {
      throw new TypeError(`Cannot create ${where}: identity must be an object`);
    }
    out.identity = identityOf(options.identity as Record<string, unknown>, where);
    out.autoincrement = true;
  }
  if (options.existing !== undefined) out.existing = checkColumn(options.existing, `${where}: existing`);
  const changes = ["type", "nullable", "default", "newName", "comment", "autoincrement"];
  if (!changes.some((k) => k in out)) {
    throw new TypeError(`Cannot create ${where}: nothing to change (give one of ${changes.join(", ")})`);
  }
  return Object.freeze(out) as unknown as AlterColumnOp;
}
