/**
 * Factories of the constraint operations: `createPrimaryKey`, `createUniqueConstraint`,
 * `createForeignKey`, `createCheckConstraint`, `dropConstraint`.
 * Bad arguments throw `TypeError` (wrong shape) or `RangeError` (right shape, impossible value);
 * every operation returned is deeply frozen and shares no object with the caller.
 *
 * @module
 */
import { SIGNATURES } from "./signatures.ts";
import type {
  ConstraintType,
  CreateCheckConstraintOp,
  CreateForeignKeyOp,
  CreatePrimaryKeyOp,
  CreateUniqueConstraintOp,
  DeferrableOptions,
  DropConstraintOp,
} from "./types.ts";
import {
  actionsOf,
  checkName,
  checkOptions,
  checkText,
  columnList,
  deferrableOf,
  describe,
  flag,
  schemaOf,
} from "./_validate.ts";
import type { CreateForeignKeyOptions, SchemaOption } from "./create_options.ts";

/**
 * Build `ADD CONSTRAINT name PRIMARY KEY (columns)` (Alembic's `op.create_primary_key`).
 *
 * @param name constraint name (MySQL always calls it `PRIMARY`)
 * @param table table name
 * @param columns at least one column
 * @param options `schema`
 * @returns a frozen {@link CreatePrimaryKeyOp}
 * @throws {TypeError} for an empty name or no columns
 */
export function createPrimaryKey(
  name: string,
  table: string,
  columns: readonly string[],
  options: SchemaOption = {},
): CreatePrimaryKeyOp {
  const what = "createPrimaryKey operation";
  checkName(name, what, "constraint name");
  checkName(table, what, "table name");
  checkOptions(options, what, SIGNATURES.createPrimaryKey.options);
  return Object.freeze({
    kind: "createPrimaryKey",
    name,
    table,
    columns: columnList(columns, `${what} "${name}"`, "columns"),
    ...schemaOf(options, what),
  });
}

/**
 * Build `ADD CONSTRAINT name UNIQUE (columns)` (Alembic's `op.create_unique_constraint`).
 *
 * @param name constraint name
 * @param table table name
 * @param columns at least one column
 * @param options `schema`, `deferrable`, `initiallyDeferred` (PostgreSQL)
 * @returns a frozen {@link CreateUniqueConstraintOp}
 * @throws {TypeError} for an empty name or no columns
 */
export function createUniqueConstraint(
  name: string,
  table: string,
  columns: readonly string[],
  options: SchemaOption & DeferrableOptions & { readonly nullsNotDistinct?: boolean } = {},
): CreateUniqueConstraintOp {
  const what = "createUniqueConstraint operation";
  checkName(name, what, "constraint name");
  checkName(table, what, "table name");
  checkOptions(options, what, SIGNATURES.createUniqueConstraint.options);
  return Object.freeze({
    kind: "createUniqueConstraint",
    name,
    table,
    columns: columnList(columns, `${what} "${name}"`, "columns"),
    ...schemaOf(options, what),
    ...deferrableOf(options, what),
    ...flag("nullsNotDistinct", options.nullsNotDistinct, what),
  });
}

/**
 * Build a foreign key (Alembic's `op.create_foreign_key(name, source, referent, local_cols,
 * remote_cols)`).
 *
 * @param name constraint name
 * @param table the table that gets the key
 * @param referencedTable the table it points to
 * @param columns local columns
 * @param referencedColumns referenced columns, as many as `columns`
 * @param options `onDelete`, `onUpdate`, `deferrable`, `initiallyDeferred`, `schema`, `referencedSchema`
 * @returns a frozen {@link CreateForeignKeyOp}
 * @throws {TypeError} for an empty name, no columns or column lists of different lengths
 * @throws {RangeError} for an unknown referential action
 * @example
 * ```ts
 * import { createForeignKey } from "./create.ts";
 * const op = createForeignKey("fk_order_account", "order", "account", ["account_id"], ["id"], {
 *   onDelete: "cascade",
 * });
 * ```
 */
export function createForeignKey(
  name: string,
  table: string,
  referencedTable: string,
  columns: readonly string[],
  referencedColumns: readonly string[],
  options: CreateForeignKeyOptions = {},
): CreateForeignKeyOp {
  const what = "createForeignKey operation";
  checkName(name, what, "constraint name");
  checkName(table, what, "table name");
  checkName(referencedTable, what, "referenced table name");
  checkOptions(options, what, SIGNATURES.createForeignKey.options);
  const where = `${what} "${name}"`;
  const local = columnList(columns, where, "columns");
  const remote = columnList(referencedColumns, where, "referencedColumns");
  if (local.length !== remote.length) {
    throw new TypeError(
      `Cannot create ${where}: ${local.length} columns but ${remote.length} referenced columns`,
    );
  }
  return Object.freeze({
    kind: "createForeignKey",
    name,
    table,
    referencedTable,
    columns: local,
    referencedColumns: remote,
    ...actionsOf(options, where),
    ...deferrableOf(options, where),
    ...flag("notValid", options.notValid, where),
    ...schemaOf(options, what),
    ...(options.referencedSchema
      ? { referencedSchema: checkText(options.referencedSchema, where, "referencedSchema") }
      : {}),
  });
}

/**
 * Build `ADD CONSTRAINT name CHECK (condition)` (Alembic's `op.create_check_constraint`).
 *
 * @param name constraint name
 * @param table table name
 * @param condition SQL condition
 * @param options `schema`
 * @returns a frozen {@link CreateCheckConstraintOp}
 * @throws {TypeError} for an empty name or condition
 */
export function createCheckConstraint(
  name: string,
  table: string,
  condition: string,
  options: SchemaOption & { readonly notValid?: boolean } = {},
): CreateCheckConstraintOp {
  const what = "createCheckConstraint operation";
  checkName(name, what, "constraint name");
  checkName(table, what, "table name");
  checkOptions(options, what, SIGNATURES.createCheckConstraint.options);
  return Object.freeze({
    kind: "createCheckConstraint",
    name,
    table,
    condition: checkText(condition, `${what} "${name}"`, "condition"),
    ...flag("notValid", options.notValid, what),
    ...schemaOf(options, what),
  });
}

const CONSTRAINT_TYPES: readonly ConstraintType[] = ["primary", "unique", "foreignkey", "check", "exclusion"];

/**
 * Build `DROP CONSTRAINT name` (Alembic's `op.drop_constraint(name, table, type_)`). MySQL needs
 * `type` (it drops each kind with its own clause).
 *
 * @param name constraint name
 * @param table table name
 * @param options `type` (`"primary"`, `"unique"`, `"foreignkey"`, `"check"`), `schema`
 * @returns a frozen {@link DropConstraintOp}
 * @throws {TypeError} for an empty name
 * @throws {RangeError} for an unknown type
 */
export function dropConstraint(
  name: string,
  table: string,
  options: SchemaOption & { readonly type?: ConstraintType } = {},
): DropConstraintOp {
  const what = "dropConstraint operation";
  checkName(name, what, "constraint name");
  checkName(table, what, "table name");
  checkOptions(options, what, SIGNATURES.dropConstraint.options);
  if (options.type !== undefined && !CONSTRAINT_TYPES.includes(options.type)) {
    throw new RangeError(
      `Cannot create ${what} "${name}": type is ${describe(options.type)} (expected one of ${
        CONSTRAINT_TYPES.map((t) => `"${t}"`).join(", ")
      })`,
    );
  }
  return Object.freeze({
    kind: "dropConstraint",
    name,
    table,
    ...(options.type === undefined ? {} : { type: options.type }),
    ...schemaOf(options, what),
  });
}
