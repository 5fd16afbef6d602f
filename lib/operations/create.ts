/**
 * One factory per {@link Operation} kind. Each keeps Alembic's argument order (`op.add_column(table,
 * column)`, `op.create_index(name, table, columns)`), takes options last as an object, validates its
 * arguments and returns a deeply frozen copy, so an operation never changes after it was made and
 * never shares objects with the caller.
 *
 * Bad arguments throw `TypeError` (wrong shape) or `RangeError` (right shape, impossible value).
 *
 * @module
 */
import type {
  AddColumnOp,
  BulkInsertOp,
  Column,
  ColumnReference,
  CreateIndexOp,
  CreateTableOp,
  DropColumnOp,
  DropIndexOp,
  DropTableOp,
  ExecuteOp,
  ReferentialAction,
  RenameTableOp,
  SqlExpression,
  SqlValue,
} from "./types.ts";

/** Options shared by operations on one table. */
export interface SchemaOption {
  /** Schema (PostgreSQL), database (MySQL) or attached database (SQLite) holding the table. */
  readonly schema?: string;
}

const REFERENTIAL_ACTIONS: readonly ReferentialAction[] = [
  "cascade",
  "restrict",
  "set null",
  "set default",
  "no action",
];

const COLUMN_KEYS = [
  "type",
  "nullable",
  "default",
  "primaryKey",
  "autoincrement",
  "unique",
  "references",
  "comment",
  "computed",
] as const;

/**
 * Build a raw SQL operation, run as written (Alembic's `op.execute`).
 *
 * @param sql one statement; `?` placeholders are bound to `params` (PostgreSQL's driver turns them into `$n`)
 * @param params values bound to the placeholders, in order
 * @returns a frozen {@link ExecuteOp}
 * @throws {TypeError} when `sql` is empty or a parameter is not an {@link SqlValue}
 * @throws {RangeError} when a parameter is a non-finite number
 * @example
 * ```ts
 * import { execute } from "./create.ts";
 * const op = execute("UPDATE account SET name = ? WHERE id = ?", ["a", 1]);
 * ```
 */
export function execute(sql: string, params?: readonly SqlValue[]): ExecuteOp {
  if (typeof sql !== "string" || sql.trim() === "") {
    throw new TypeError("Cannot create execute operation: SQL text is empty");
  }
  if (params === undefined) return Object.freeze({ kind: "execute", sql });
  if (!Array.isArray(params)) {
    throw new TypeError(`Cannot create execute operation: params must be an array, got ${describe(params)}`);
  }
  const copied = params.map((value, i) => checkValue(value, `execute operation: parameter ${i + 1}`));
  return Object.freeze({ kind: "execute", sql, params: Object.freeze(copied) });
}

/**
 * Build a `CREATE TABLE` operation (Alembic's `op.create_table`). Columns keep the order of the
 * object's keys; several `primaryKey` columns make one composite primary key.
 *
 * @param table table name
 * @param columns column name to {@link Column}; at least one
 * @param options `schema`; `ifNotExists` renders `IF NOT EXISTS`
 * @returns a frozen {@link CreateTableOp}
 * @throws {TypeError} for an empty name, no columns, or a bad column (see {@link addColumn})
 * @example
 * ```ts
 * import { createTable } from "./create.ts";
 * const op = createTable("account", {
 *   id: { type: "integer", primaryKey: true },
 *   name: { type: "varchar(50)", nullable: false },
 * });
 * ```
 */
export function createTable(
  table: string,
  columns: Readonly<Record<string, Column>>,
  options: SchemaOption & { readonly ifNotExists?: boolean } = {},
): CreateTableOp {
  const what = "createTable operation";
  checkName(table, what, "table name");
  checkOptions(options, what, ["schema", "ifNotExists"]);
  if (!isPlainObject(columns)) {
    throw new TypeError(
      `Cannot create ${what} for "${table}": columns must be an object, got ${describe(columns)}`,
    );
  }
  const names = Object.keys(columns);
  if (names.length === 0) throw new TypeError(`Cannot create ${what} for "${table}": no columns given`);
  const copied: Record<string, Column> = {};
  for (const name of names) {
    checkName(name, `${what} for "${table}"`, "column name");
    copied[name] = checkColumn(columns[name], `${what} for "${table}": column "${name}"`);
  }
  return Object.freeze({
    kind: "createTable",
    table,
    columns: Object.freeze(copied),
    ...schemaOf(options, what),
    ...flag("ifNotExists", options.ifNotExists, what),
  });
}

/**
 * Build a `DROP TABLE` operation (Alembic's `op.drop_table`).
 *
 * @param table table name
 * @param options `schema`; `ifExists` renders `IF EXISTS`
 * @returns a frozen {@link DropTableOp}
 * @throws {TypeError} for an empty name or an unknown option
 */
export function dropTable(
  table: string,
  options: SchemaOption & { readonly ifExists?: boolean } = {},
): DropTableOp {
  const what = "dropTable operation";
  checkName(table, what, "table name");
  checkOptions(options, what, ["schema", "ifExists"]);
  return Object.freeze({
    kind: "dropTable",
    table,
    ...schemaOf(options, what),
    ...flag("ifExists", options.ifExists, what),
  });
}

/**
 * Build a table rename (Alembic's `op.rename_table(old_table_name, new_table_name)`). The table
 * stays in its schema.
 *
 * @param table current name
 * @param newName new name
 * @param options `schema`
 * @returns a frozen {@link RenameTableOp}
 * @throws {TypeError} for an empty name
 * @throws {RangeError} when both names are equal
 */
export function renameTable(table: string, newName: string, options: SchemaOption = {}): RenameTableOp {
  const what = "renameTable operation";
  checkName(table, what, "table name");
  checkName(newName, what, "new table name");
  checkOptions(options, what, ["schema"]);
  if (table === newName) throw new RangeError(`Cannot create ${what}: old and new names are both "${table}"`);
  return Object.freeze({ kind: "renameTable", table, newName, ...schemaOf(options, what) });
}

/**
 * Build an `ADD COLUMN` operation (Alembic's `op.add_column(table_name, column)`).
 *
 * @param table table name
 * @param column new column's name
 * @param definition the column: `type` is required; `references` is `"table"`, `"table.column"`,
 *   `"schema.table.column"` or a {@link ColumnReference}
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
  checkOptions(options, what, ["schema"]);
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
  checkOptions(options, what, ["schema"]);
  return Object.freeze({ kind: "dropColumn", table, column, ...schemaOf(options, what) });
}

/**
 * Build a `CREATE INDEX` operation (Alembic's `op.create_index(index_name, table_name, columns)`).
 *
 * @param name index name
 * @param table table name
 * @param columns column names, or `{ sql }` expressions; at least one
 * @param options `unique`, `schema`, `ifNotExists`
 * @returns a frozen {@link CreateIndexOp}
 * @throws {TypeError} for an empty name, no columns, or an entry that is neither a name nor `{ sql }`
 * @example
 * ```ts
 * import { createIndex } from "./create.ts";
 * const op = createIndex("ix_account_name", "account", ["name"], { unique: true });
 * ```
 */
export function createIndex(
  name: string,
  table: string,
  columns: readonly (string | SqlExpression)[],
  options: SchemaOption & { readonly unique?: boolean; readonly ifNotExists?: boolean } = {},
): CreateIndexOp {
  const what = "createIndex operation";
  checkName(name, what, "index name");
  checkName(table, `${what} "${name}"`, "table name");
  checkOptions(options, what, ["schema", "unique", "ifNotExists"]);
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
    return checkExpression(c, `${what} "${name}": column ${i + 1}`);
  });
  return Object.freeze({
    kind: "createIndex",
    name,
    table,
    columns: Object.freeze(copied),
    ...flag("unique", options.unique, what),
    ...schemaOf(options, what),
    ...flag("ifNotExists", options.ifNotExists, what),
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
  options: SchemaOption & { readonly table?: string; readonly ifExists?: boolean } = {},
): DropIndexOp {
  const what = "dropIndex operation";
  checkName(name, what, "index name");
  checkOptions(options, what, ["schema", "table", "ifExists"]);
  if (options.table !== undefined) checkName(options.table, `${what} "${name}"`, "table name");
  return Object.freeze({
    kind: "dropIndex",
    name,
    ...(options.table === undefined ? {} : { table: options.table }),
    ...schemaOf(options, what),
    ...flag("ifExists", options.ifExists, what),
  });
}

/**
 * Build a multi-row insert (Alembic's `op.bulk_insert(table, rows)`). Rows may hold different keys: a
 * key missing from a row is left out of that row's insert, so the column's default applies.
 *
 * @param table table name
 * @param rows plain objects of column name to {@link SqlValue}; may be empty (renders nothing)
 * @param options `schema`
 * @returns a frozen {@link BulkInsertOp}
 * @throws {TypeError} for an empty table name, a row that is not a plain object, or a value that is
 *   not an {@link SqlValue} (e.g. `undefined`)
 * @throws {RangeError} for a non-finite number
 * @example
 * ```ts
 * import { bulkInsert } from "./create.ts";
 * const op = bulkInsert("account", [{ id: 1, name: "a" }, { id: 2, name: "b" }]);
 * ```
 */
export function bulkInsert(
  table: string,
  rows: readonly Readonly<Record<string, SqlValue>>[],
  options: SchemaOption = {},
): BulkInsertOp {
  const what = "bulkInsert operation";
  checkName(table, what, "table name");
  checkOptions(options, what, ["schema"]);
  if (!Array.isArray(rows)) {
    throw new TypeError(`Cannot create ${what} for "${table}": rows must be an array, got ${describe(rows)}`);
  }
  const copied = rows.map((row, i) => {
    if (!isPlainObject(row)) {
      throw new TypeError(
        `Cannot create ${what} for "${table}": row ${i + 1} is ${describe(row)}, not an object`,
      );
    }
    const out: Record<string, SqlValue> = {};
    for (const [key, value] of Object.entries(row)) {
      checkName(key, `${what} for "${table}": row ${i + 1}`, "column name");
      out[key] = checkValue(value, `${what} for "${table}": row ${i + 1} column "${key}"`);
    }
    return Object.freeze(out);
  });
  return Object.freeze({
    kind: "bulkInsert",
    table,
    rows: Object.freeze(copied),
    ...schemaOf(options, what),
  });
}

/** A column reference with every part resolved: what a dialect renders after `REFERENCES`. */
export interface ResolvedReference {
  readonly schema?: string;
  readonly table: string;
  /** Defaults to `id`. */
  readonly column: string;
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  readonly name?: string;
}

/**
 * Resolve a column's `references` (DESIGN.md section 4): `"table"` means `table.id`,
 * `"table.column"`, `"schema.table.column"`, or a {@link ColumnReference} whose `table` may be
 * `schema.table`.
 *
 * @param reference the column's `references` value
 * @returns schema, table and column split apart, with the actions and constraint name
 * @throws {TypeError} when the string has an empty part or more than three parts
 */
export function resolveReference(reference: string | ColumnReference): ResolvedReference {
  if (typeof reference === "string") {
    const parts = splitReference(reference, "references");
    if (parts.length === 1) return { table: parts[0], column: "id" };
    if (parts.length === 2) return { table: parts[0], column: parts[1] };
    return { schema: parts[0], table: parts[1], column: parts[2] };
  }
  const parts = splitReference(reference.table, "references.table");
  if (parts.length > 2) {
    throw new TypeError(
      `Cannot resolve references.table "${reference.table}": expected "table" or "schema.table"`,
    );
  }
  return {
    ...(parts.length === 2 ? { schema: parts[0] } : {}),
    table: parts[parts.length - 1],
    column: reference.column ?? "id",
    ...(reference.onDelete === undefined ? {} : { onDelete: reference.onDelete }),
    ...(reference.onUpdate === undefined ? {} : { onUpdate: reference.onUpdate }),
    ...(reference.name === undefined ? {} : { name: reference.name }),
  };
}

function splitReference(text: string, key: string): string[] {
  const parts = text.split(".");
  if (parts.length > 3 || parts.some((p) => p.trim() === "")) {
    throw new TypeError(
      `Cannot resolve ${key} "${text}": expected "table", "table.column" or "schema.table.column"`,
    );
  }
  return parts;
}

function checkColumn(column: unknown, where: string): Column {
  if (!isPlainObject(column)) {
    throw new TypeError(`Cannot create ${where}: definition is ${describe(column)}`);
  }
  const c = column as Record<string, unknown>;
  for (const key of Object.keys(c)) {
    if (!(COLUMN_KEYS as readonly string[]).includes(key)) {
      throw new TypeError(
        `Cannot create ${where}: unknown key "${key}" (expected one of ${COLUMN_KEYS.join(", ")})`,
      );
    }
  }
  if (typeof c.type !== "string" || c.type.trim() === "") {
    throw new TypeError(`Cannot create ${where}: type is missing`);
  }
  const out: Record<string, unknown> = { type: c.type };
  for (const key of ["nullable", "primaryKey", "autoincrement", "unique"] as const) {
    if (c[key] === undefined) continue;
    if (typeof c[key] !== "boolean") {
      throw new TypeError(`Cannot create ${where}: ${key} must be a boolean, got ${describe(c[key])}`);
    }
    out[key] = c[key];
  }
  if (c.primaryKey === true && c.nullable === true) {
    throw new TypeError(`Cannot create ${where}: a primary key column cannot be nullable`);
  }
  if (c.default !== undefined) {
    out.default = isPlainObject(c.default)
      ? checkExpression(c.default, `${where}: default`)
      : checkValue(c.default, `${where}: default`);
  }
  if (c.references !== undefined) out.references = checkReference(c.references, where);
  if (c.comment !== undefined) {
    if (typeof c.comment !== "string") {
      throw new TypeError(`Cannot create ${where}: comment must be a string, got ${describe(c.comment)}`);
    }
    out.comment = c.comment;
  }
  if (c.computed !== undefined) {
    const computed = c.computed as Record<string, unknown>;
    if (!isPlainObject(computed) || typeof computed.sql !== "string" || computed.sql.trim() === "") {
      throw new TypeError(`Cannot create ${where}: computed must be { sql, stored? } with non-empty sql`);
    }
    if (computed.stored !== undefined && typeof computed.stored !== "boolean") {
      throw new TypeError(`Cannot create ${where}: computed.stored must be a boolean`);
    }
    if (c.default !== undefined) {
      throw new TypeError(`Cannot create ${where}: a computed column cannot have a default`);
    }
    if (c.autoincrement === true) {
      throw new TypeError(`Cannot create ${where}: a computed column cannot be autoincrement`);
    }
    out.computed = Object.freeze(
      computed.stored === undefined ? { sql: computed.sql } : { sql: computed.sql, stored: computed.stored },
    );
  }
  return Object.freeze(out) as unknown as Column;
}

function checkReference(reference: unknown, where: string): string | ColumnReference {
  if (typeof reference === "string") {
    try {
      resolveReference(reference);
    } catch (error) {
      throw new TypeError(`Cannot create ${where}: ${(error as Error).message}`);
    }
    return reference;
  }
  if (!isPlainObject(reference)) {
    throw new TypeError(
      `Cannot create ${where}: references must be a string or an object, got ${describe(reference)}`,
    );
  }
  const r = reference as Record<string, unknown>;
  const allowed = ["table", "column", "onDelete", "onUpdate", "name"];
  for (const key of Object.keys(r)) {
    if (!allowed.includes(key)) {
      throw new TypeError(
        `Cannot create ${where}: unknown references key "${key}" (expected one of ${allowed.join(", ")})`,
      );
    }
  }
  if (typeof r.table !== "string" || r.table.trim() === "") {
    throw new TypeError(`Cannot create ${where}: references.table is missing`);
  }
  for (const key of ["column", "name"] as const) {
    if (r[key] !== undefined && (typeof r[key] !== "string" || (r[key] as string).trim() === "")) {
      throw new TypeError(`Cannot create ${where}: references.${key} must be a non-empty string`);
    }
  }
  for (const key of ["onDelete", "onUpdate"] as const) {
    if (r[key] !== undefined && !REFERENTIAL_ACTIONS.includes(r[key] as ReferentialAction)) {
      throw new RangeError(
        `Cannot create ${where}: references.${key} is ${describe(r[key])} (expected one of ${
          REFERENTIAL_ACTIONS.map((a) => `"${a}"`).join(", ")
        })`,
      );
    }
  }
  try {
    resolveReference(r as unknown as ColumnReference);
  } catch (error) {
    throw new TypeError(`Cannot create ${where}: ${(error as Error).message}`);
  }
  const out: Record<string, unknown> = {};
  for (const key of allowed) if (r[key] !== undefined) out[key] = r[key];
  return Object.freeze(out) as unknown as ColumnReference;
}

function checkExpression(value: unknown, where: string): SqlExpression {
  const v = value as Record<string, unknown>;
  if (
    !isPlainObject(value) || typeof v.sql !== "string" || v.sql.trim() === "" || Object.keys(v).length !== 1
  ) {
    throw new TypeError(
      `Cannot create ${where}: expected a name or { sql } with non-empty sql, got ${describe(value)}`,
    );
  }
  return Object.freeze({ sql: v.sql as string });
}

/** Copies Dates and byte arrays so later changes by the caller cannot reach the operation. */
function checkValue(value: unknown, where: string): SqlValue {
  if (
    value === null || typeof value === "string" || typeof value === "boolean" || typeof value === "bigint"
  ) {
    return value;
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      throw new RangeError(`Cannot create ${where}: ${value} is not a finite number`);
    }
    return value;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError(`Cannot create ${where}: the Date is invalid`);
    return new Date(value.getTime());
  }
  // Typed arrays with elements cannot be frozen, so the copy stays mutable but private.
  if (value instanceof Uint8Array) return new Uint8Array(value);
  throw new TypeError(`Cannot create ${where}: ${describe(value)} is not an SQL value`);
}

function checkName(name: unknown, where: string, what: string): void {
  if (typeof name !== "string" || name.trim() === "") {
    throw new TypeError(`Cannot create ${where}: ${what} is empty`);
  }
  if (name.includes("\0")) {
    throw new TypeError(`Cannot create ${where}: ${what} "${name}" holds a NUL character`);
  }
}

function checkOptions(options: unknown, where: string, allowed: readonly string[]): void {
  if (!isPlainObject(options)) throw new TypeError(`Cannot create ${where}: options must be an object`);
  for (const key of Object.keys(options as object)) {
    if (!allowed.includes(key)) {
      throw new TypeError(
        `Cannot create ${where}: unknown option "${key}" (expected one of ${allowed.join(", ")})`,
      );
    }
  }
}

function schemaOf(options: SchemaOption, where: string): { schema?: string } {
  if (options.schema === undefined || options.schema === "") return {};
  checkName(options.schema, where, "schema");
  return { schema: options.schema };
}

/** Keeps only `true` flags so that `{ ifExists: false }` and `{}` build identical operations. */
function flag<K extends string>(key: K, value: unknown, where: string): { [P in K]?: true } {
  if (value === undefined || value === false) return {};
  if (value !== true) throw new TypeError(`Cannot create ${where}: option "${key}" must be a boolean`);
  return { [key]: true } as { [P in K]?: true };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value instanceof Date) return "a Date";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
    return String(value);
  }
  if (typeof value === "function") return "a function";
  if (isPlainObject(value)) return "an object";
  return typeof value === "object" ? `a ${(value as object).constructor?.name ?? "object"}` : typeof value;
}
