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
  AddEnumValueOp,
  AlterColumnOp,
  BulkInsertOp,
  BulkInsertValue,
  CheckConstraint,
  Column,
  ColumnReference,
  ConstraintType,
  CreateCheckConstraintOp,
  CreateEnumOp,
  CreateForeignKeyOp,
  CreateIndexOp,
  CreatePrimaryKeyOp,
  CreateSchemaOp,
  CreateTableCommentOp,
  CreateTableOp,
  CreateUniqueConstraintOp,
  DeferrableOptions,
  DropColumnOp,
  DropConstraintOp,
  DropEnumOp,
  DropIndexOp,
  DropSchemaOp,
  DropTableCommentOp,
  DropTableOp,
  ExecuteOp,
  ForeignKeyConstraint,
  IdentityOptions,
  IndexDefinition,
  IndexOptions,
  PrimaryKeyConstraint,
  ReferentialAction,
  RenameTableOp,
  SqlExpression,
  SqlValue,
  UniqueConstraint,
} from "./types.ts";
import { errorMessage } from "../errors.ts";

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
  "identity",
  "enum",
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
  options: CreateTableOptions = {},
): CreateTableOp {
  const what = "createTable operation";
  checkName(table, what, "table name");
  checkOptions(options, what, [
    "schema",
    "ifNotExists",
    "primaryKey",
    "uniqueConstraints",
    "foreignKeys",
    "checkConstraints",
    "indexes",
    "comment",
    "mysql",
  ]);
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
  const where = `${what} for "${table}"`;
  const extra: Record<string, unknown> = {};
  if (options.primaryKey !== undefined) {
    const pk = options.primaryKey;
    if (!isPlainObject(pk)) {
      throw new TypeError(`Cannot create ${where}: primaryKey must be { name?, columns }`);
    }
    if (names.some((n) => copied[n].primaryKey === true)) {
      throw new TypeError(
        `Cannot create ${where}: primaryKey is given as an option and on a column; use one of the two`,
      );
    }
    extra.primaryKey = Object.freeze(
      {
        ...optionalName(pk.name, where, "primaryKey.name"),
        columns: columnList(pk.columns, where, "primaryKey.columns", names),
      } satisfies PrimaryKeyConstraint,
    );
  }
  if (options.uniqueConstraints !== undefined) {
    extra.uniqueConstraints = Object.freeze(
      arrayOf(options.uniqueConstraints, where, "uniqueConstraints").map((u, i) => {
        const w = `uniqueConstraints[${i}]`;
        if (!isPlainObject(u)) throw new TypeError(`Cannot create ${where}: ${w} must be { name?, columns }`);
        return Object.freeze(
          {
            ...optionalName(u.name, where, `${w}.name`),
            columns: columnList(u.columns, where, `${w}.columns`, names),
            ...deferrableOf(u, where),
          } satisfies UniqueConstraint,
        );
      }),
    );
  }
  if (options.foreignKeys !== undefined) {
    extra.foreignKeys = Object.freeze(
      arrayOf(options.foreignKeys, where, "foreignKeys").map((f, i) => {
        const w = `foreignKeys[${i}]`;
        if (!isPlainObject(f)) {
          throw new TypeError(
            `Cannot create ${where}: ${w} must be { columns, referencedTable, referencedColumns, ... }`,
          );
        }
        checkName(f.referencedTable, where, `${w}.referencedTable`);
        const local = columnList(f.columns, where, `${w}.columns`, names);
        const remote = columnList(f.referencedColumns, where, `${w}.referencedColumns`);
        if (local.length !== remote.length) {
          throw new TypeError(
            `Cannot create ${where}: ${w} has ${local.length} columns and ${remote.length} referenced columns`,
          );
        }
        return Object.freeze(
          {
            ...optionalName(f.name, where, `${w}.name`),
            columns: local,
            referencedTable: f.referencedTable as string,
            referencedColumns: remote,
            ...actionsOf(f, where),
            ...deferrableOf(f, where),
          } satisfies ForeignKeyConstraint,
        );
      }),
    );
  }
  if (options.checkConstraints !== undefined) {
    extra.checkConstraints = Object.freeze(
      arrayOf(options.checkConstraints, where, "checkConstraints").map((c, i) => {
        const w = `checkConstraints[${i}]`;
        if (!isPlainObject(c)) {
          throw new TypeError(`Cannot create ${where}: ${w} must be { name?, condition }`);
        }
        checkName(c.condition, where, `${w}.condition`);
        return Object.freeze(
          {
            ...optionalName(c.name, where, `${w}.name`),
            condition: c.condition as string,
          } satisfies CheckConstraint,
        );
      }),
    );
  }
  if (options.indexes !== undefined) {
    extra.indexes = Object.freeze(
      arrayOf(options.indexes, where, "indexes").map((ix, i) => {
        const w = `indexes[${i}]`;
        if (!isPlainObject(ix)) {
          throw new TypeError(`Cannot create ${where}: ${w} must be { name, columns, ... }`);
        }
        checkName(ix.name, where, `${w}.name`);
        const { name: _n, columns: _c, ...rest } = ix;
        checkOptions(rest, `${where}: ${w}`, ["unique", "where", "lengths"]);
        return Object.freeze(
          {
            name: ix.name as string,
            columns: indexColumnList(ix.columns, `${where}: ${w}`),
            ...indexOptionsOf(rest, `${where}: ${w}`),
          } satisfies IndexDefinition,
        );
      }),
    );
  }
  if (options.comment !== undefined) extra.comment = checkText(options.comment, where, "comment");
  if (options.mysql !== undefined) {
    if (!isPlainObject(options.mysql)) throw new TypeError(`Cannot create ${where}: mysql must be an object`);
    checkOptions(options.mysql, `${where}: mysql`, ["engine", "charset", "collate"]);
    const m: Record<string, string> = {};
    for (const key of ["engine", "charset", "collate"] as const) {
      const v = options.mysql[key];
      if (v === undefined) continue;
      if (typeof v !== "string" || !/^[A-Za-z0-9_]+$/.test(v)) {
        throw new TypeError(`Cannot create ${where}: mysql.${key} must be a plain name, got ${describe(v)}`);
      }
      m[key] = v;
    }
    extra.mysql = Object.freeze(m);
  }
  return Object.freeze({
    kind: "createTable",
    table,
    columns: Object.freeze(copied),
    ...schemaOf(options, what),
    ...flag("ifNotExists", options.ifNotExists, what),
    ...extra,
  }) as CreateTableOp;
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
  options: CreateIndexOptions = {},
): CreateIndexOp {
  const what = "createIndex operation";
  checkName(name, what, "index name");
  checkName(table, `${what} "${name}"`, "table name");
  checkOptions(options, what, ["schema", "unique", "ifNotExists", "where", "lengths", "concurrently"]);
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
  checkOptions(options, what, ["schema", "table", "ifExists", "concurrently"]);
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
  rows: readonly Readonly<Record<string, BulkInsertValue>>[],
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
      const where = `${what} for "${table}": row ${i + 1} column "${key}"`;
      if (isPlainObject(value) && Object.keys(value).length === 1 && typeof value.sql === "string") {
        // Most likely a server-side expression that was meant to be evaluated: refuse rather than store it.
        throw new TypeError(
          `Cannot create ${where}: { sql } expressions are not evaluated in bulkInsert rows; use op.execute ` +
            `for SQL, or JSON.stringify the object to store it as JSON`,
        );
      }
      out[key] = Array.isArray(value) || isPlainObject(value)
        ? jsonText(value, where)
        : checkValue(value, where);
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
  if (c.identity !== undefined) {
    const id = c.identity as Record<string, unknown>;
    if (!isPlainObject(id)) throw new TypeError(`Cannot create ${where}: identity must be an object`);
    out.identity = identityOf(id, where);
    out.autoincrement = true;
  }
  if (c.enum !== undefined) out.enum = enumOf(c.enum, where);
  if ((c.type as string).trim().toLowerCase() === "enum" && c.enum === undefined) {
    throw new TypeError(`Cannot create ${where}: type "enum" needs enum: { name?, values }`);
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
/** A plain object or array as JSON text, for `json` columns. */
function jsonText(value: unknown, where: string): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    throw new TypeError(
      `Cannot create ${where}: the value cannot be written as JSON (${errorMessage(error)})`,
    );
  }
}

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

// ---- option types -------------------------------------------------------------------------------

/**
 * Options of {@link createTable}: table-level constraints, indexes, comment, MySQL options; the
 * fields of {@link CreateTableOp} after its table and columns.
 */
export interface CreateTableOptions
  extends SchemaOption, Omit<CreateTableOp, "kind" | "table" | "columns" | "schema"> {}

/** Options of {@link createIndex}. */
export interface CreateIndexOptions extends SchemaOption, IndexOptions {
  /** `CREATE INDEX IF NOT EXISTS`: no error when the index exists. */
  readonly ifNotExists?: boolean;
  /**
   * PostgreSQL `CREATE INDEX CONCURRENTLY` (Alembic's `postgresql_concurrently`), run outside the
   * transaction; ignored elsewhere.
   */
  readonly concurrently?: boolean;
}

/**
 * Options of {@link alterColumn}: the fields to change, and the column as it was; the fields of
 * {@link AlterColumnOp} after its table and column.
 */
export interface AlterColumnOptions
  extends SchemaOption, Omit<AlterColumnOp, "kind" | "table" | "column" | "schema"> {}

/** Options of {@link createForeignKey}. */
export interface CreateForeignKeyOptions extends SchemaOption, DeferrableOptions {
  /** `ON DELETE` action (Alembic's `ondelete`); the database's default, `NO ACTION`, when absent. */
  readonly onDelete?: ReferentialAction;
  /** `ON UPDATE` action (Alembic's `onupdate`); the database's default, `NO ACTION`, when absent. */
  readonly onUpdate?: ReferentialAction;
  /** Schema of the referenced table (Alembic's `referent_schema`); defaults to `schema`. */
  readonly referencedSchema?: string;
}

// ---- new operations -----------------------------------------------------------------------------

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
  checkOptions(options, where, [
    "schema",
    "type",
    "using",
    "nullable",
    "default",
    "newName",
    "comment",
    "autoincrement",
    "identity",
    "existing",
  ]);
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
  checkOptions(options, what, ["schema"]);
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
  options: SchemaOption & DeferrableOptions = {},
): CreateUniqueConstraintOp {
  const what = "createUniqueConstraint operation";
  checkName(name, what, "constraint name");
  checkName(table, what, "table name");
  checkOptions(options, what, ["schema", "deferrable", "initiallyDeferred"]);
  return Object.freeze({
    kind: "createUniqueConstraint",
    name,
    table,
    columns: columnList(columns, `${what} "${name}"`, "columns"),
    ...schemaOf(options, what),
    ...deferrableOf(options, what),
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
  checkOptions(options, what, [
    "schema",
    "referencedSchema",
    "onDelete",
    "onUpdate",
    "deferrable",
    "initiallyDeferred",
  ]);
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
  options: SchemaOption = {},
): CreateCheckConstraintOp {
  const what = "createCheckConstraint operation";
  checkName(name, what, "constraint name");
  checkName(table, what, "table name");
  checkOptions(options, what, ["schema"]);
  return Object.freeze({
    kind: "createCheckConstraint",
    name,
    table,
    condition: checkText(condition, `${what} "${name}"`, "condition"),
    ...schemaOf(options, what),
  });
}

const CONSTRAINT_TYPES: readonly ConstraintType[] = ["primary", "unique", "foreignkey", "check"];

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
  checkOptions(options, what, ["schema", "type"]);
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

/**
 * Set a table comment (Alembic's `op.create_table_comment`).
 *
 * @param table table name
 * @param comment the comment
 * @param options `existingComment` (for reversing), `schema`
 * @returns a frozen {@link CreateTableCommentOp}
 * @throws {TypeError} for an empty table name or a non-string comment
 */
export function createTableComment(
  table: string,
  comment: string,
  options: SchemaOption & { readonly existingComment?: string } = {},
): CreateTableCommentOp {
  const what = "createTableComment operation";
  checkName(table, what, "table name");
  checkOptions(options, what, ["schema", "existingComment"]);
  return Object.freeze({
    kind: "createTableComment",
    table,
    comment: checkText(comment, what, "comment", true),
    ...(options.existingComment === undefined
      ? {}
      : { existingComment: checkText(options.existingComment, what, "existingComment", true) }),
    ...schemaOf(options, what),
  });
}

/**
 * Remove a table comment (Alembic's `op.drop_table_comment`).
 *
 * @param table table name
 * @param options `existingComment` (for reversing), `schema`
 * @returns a frozen {@link DropTableCommentOp}
 * @throws {TypeError} for an empty table name
 */
export function dropTableComment(
  table: string,
  options: SchemaOption & { readonly existingComment?: string } = {},
): DropTableCommentOp {
  const what = "dropTableComment operation";
  checkName(table, what, "table name");
  checkOptions(options, what, ["schema", "existingComment"]);
  return Object.freeze({
    kind: "dropTableComment",
    table,
    ...(options.existingComment === undefined
      ? {}
      : { existingComment: checkText(options.existingComment, what, "existingComment", true) }),
    ...schemaOf(options, what),
  });
}

/**
 * Build PostgreSQL's `CREATE TYPE name AS ENUM (values)`.
 *
 * @param name type name
 * @param values at least one value, no duplicates
 * @param options `schema`
 * @returns a frozen {@link CreateEnumOp}
 * @throws {TypeError} for an empty name, no values or a duplicate value
 */
export function createEnum(
  name: string,
  values: readonly string[],
  options: SchemaOption = {},
): CreateEnumOp {
  const what = "createEnum operation";
  checkName(name, what, "type name");
  checkOptions(options, what, ["schema"]);
  return Object.freeze({
    kind: "createEnum",
    name,
    values: enumValues(values, `${what} "${name}"`),
    ...schemaOf(options, what),
  });
}

/**
 * Build PostgreSQL's `DROP TYPE [IF EXISTS] name`.
 *
 * @param name type name
 * @param options `schema`, `ifExists`, `values` (the values it had, for reversing)
 * @returns a frozen {@link DropEnumOp}
 * @throws {TypeError} for an empty name
 */
export function dropEnum(
  name: string,
  options: SchemaOption & { readonly ifExists?: boolean; readonly values?: readonly string[] } = {},
): DropEnumOp {
  const what = "dropEnum operation";
  checkName(name, what, "type name");
  checkOptions(options, what, ["schema", "ifExists", "values"]);
  return Object.freeze({
    kind: "dropEnum",
    name,
    ...schemaOf(options, what),
    ...flag("ifExists", options.ifExists, what),
    ...(options.values === undefined ? {} : { values: enumValues(options.values, `${what} "${name}"`) }),
  });
}

/**
 * Build PostgreSQL's `ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'value' [BEFORE|AFTER 'other']`.
 *
 * @param name type name
 * @param value the new value
 * @param options `before` or `after` (not both), `ifNotExists`, `schema`
 * @returns a frozen {@link AddEnumValueOp}
 * @throws {TypeError} for an empty name or both `before` and `after`
 */
export function addEnumValue(
  name: string,
  value: string,
  options: SchemaOption & {
    readonly before?: string;
    readonly after?: string;
    readonly ifNotExists?: boolean;
  } = {},
): AddEnumValueOp {
  const what = "addEnumValue operation";
  checkName(name, what, "type name");
  checkOptions(options, what, ["schema", "before", "after", "ifNotExists"]);
  const where = `${what} "${name}"`;
  if (options.before !== undefined && options.after !== undefined) {
    throw new TypeError(`Cannot create ${where}: give before or after, not both`);
  }
  return Object.freeze({
    kind: "addEnumValue",
    name,
    value: checkText(value, where, "value", true),
    ...(options.before === undefined ? {} : { before: checkText(options.before, where, "before", true) }),
    ...(options.after === undefined ? {} : { after: checkText(options.after, where, "after", true) }),
    ...flag("ifNotExists", options.ifNotExists, what),
    ...schemaOf(options, what),
  });
}

/**
 * Build PostgreSQL's `CREATE SCHEMA [IF NOT EXISTS] name`.
 *
 * @param name schema name
 * @param options `ifNotExists`
 * @returns a frozen {@link CreateSchemaOp}
 * @throws {TypeError} for an empty name
 */
export function createSchema(name: string, options: { readonly ifNotExists?: boolean } = {}): CreateSchemaOp {
  const what = "createSchema operation";
  checkName(name, what, "schema name");
  checkOptions(options, what, ["ifNotExists"]);
  return Object.freeze({ kind: "createSchema", name, ...flag("ifNotExists", options.ifNotExists, what) });
}

/**
 * Build PostgreSQL's `DROP SCHEMA [IF EXISTS] name [CASCADE]`.
 *
 * @param name schema name
 * @param options `ifExists`, `cascade`
 * @returns a frozen {@link DropSchemaOp}
 * @throws {TypeError} for an empty name
 */
export function dropSchema(
  name: string,
  options: { readonly ifExists?: boolean; readonly cascade?: boolean } = {},
): DropSchemaOp {
  const what = "dropSchema operation";
  checkName(name, what, "schema name");
  checkOptions(options, what, ["ifExists", "cascade"]);
  return Object.freeze({
    kind: "dropSchema",
    name,
    ...flag("ifExists", options.ifExists, what),
    ...flag("cascade", options.cascade, what),
  });
}

// ---- helpers of the new operations --------------------------------------------------------------

function checkText(value: unknown, where: string, what: string, allowEmpty = false): string {
  if (typeof value !== "string" || (!allowEmpty && value.trim() === "")) {
    throw new TypeError(`Cannot create ${where}: ${what} must be a non-empty string, got ${describe(value)}`);
  }
  return value;
}

function checkBoolean(value: unknown, where: string, what: string): boolean {
  if (typeof value !== "boolean") {
    throw new TypeError(`Cannot create ${where}: ${what} must be a boolean, got ${describe(value)}`);
  }
  return value;
}

function optionalName(name: unknown, where: string, what: string): { name?: string } {
  if (name === undefined) return {};
  checkName(name, where, what);
  return { name: name as string };
}

function arrayOf(value: unknown, where: string, what: string): unknown[] {
  if (!Array.isArray(value)) throw new TypeError(`Cannot create ${where}: ${what} must be an array`);
  return value;
}

function columnList(
  value: unknown,
  where: string,
  what: string,
  known?: readonly string[],
): readonly string[] {
  const list = arrayOf(value, where, what);
  if (list.length === 0) throw new TypeError(`Cannot create ${where}: ${what} is empty`);
  for (const c of list) {
    checkName(c, where, `a name in ${what}`);
    if (known && !known.includes(c as string)) {
      throw new TypeError(`Cannot create ${where}: ${what} names unknown column "${c}"`);
    }
  }
  return Object.freeze([...list] as string[]);
}

function indexColumnList(value: unknown, where: string): readonly (string | SqlExpression)[] {
  const list = arrayOf(value, where, "columns");
  if (list.length === 0) throw new TypeError(`Cannot create ${where}: no columns given`);
  return Object.freeze(list.map((c, i) => {
    if (typeof c === "string") {
      checkName(c, where, `column ${i + 1}`);
      return c;
    }
    return checkExpression(c, `${where}: column ${i + 1}`);
  }));
}

function indexOptionsOf(options: Record<string, unknown>, where: string): IndexOptions {
  const out: Record<string, unknown> = {};
  if (options.unique !== undefined && options.unique !== false) {
    if (options.unique !== true) {
      throw new TypeError(`Cannot create ${where}: option "unique" must be a boolean`);
    }
    out.unique = true;
  }
  if (options.where !== undefined) out.where = checkText(options.where, where, "where");
  if (options.lengths !== undefined) {
    if (!isPlainObject(options.lengths)) {
      throw new TypeError(`Cannot create ${where}: lengths must be an object`);
    }
    const lengths: Record<string, number> = {};
    for (const [k, v] of Object.entries(options.lengths)) {
      if (typeof v !== "number" || !Number.isInteger(v) || v <= 0) {
        throw new RangeError(
          `Cannot create ${where}: lengths.${k} must be a positive integer, got ${describe(v)}`,
        );
      }
      lengths[k] = v;
    }
    out.lengths = Object.freeze(lengths);
  }
  return out;
}

function deferrableOf(
  options: Record<string, unknown> | DeferrableOptions,
  where: string,
): DeferrableOptions {
  const o = options as Record<string, unknown>;
  const out: Record<string, boolean> = {};
  if (o.deferrable !== undefined) out.deferrable = checkBoolean(o.deferrable, where, "deferrable");
  if (o.initiallyDeferred !== undefined) {
    out.initiallyDeferred = checkBoolean(o.initiallyDeferred, where, "initiallyDeferred");
  }
  return out;
}

function actionsOf(
  options: Record<string, unknown> | CreateForeignKeyOptions,
  where: string,
): { onDelete?: ReferentialAction; onUpdate?: ReferentialAction } {
  const o = options as Record<string, unknown>;
  const out: Record<string, ReferentialAction> = {};
  for (const key of ["onDelete", "onUpdate"] as const) {
    if (o[key] === undefined) continue;
    if (!REFERENTIAL_ACTIONS.includes(o[key] as ReferentialAction)) {
      throw new RangeError(
        `Cannot create ${where}: ${key} is ${describe(o[key])} (expected one of ${
          REFERENTIAL_ACTIONS.map((a) => `"${a}"`).join(", ")
        })`,
      );
    }
    out[key] = o[key] as ReferentialAction;
  }
  return out;
}

function identityOf(id: Record<string, unknown>, where: string): IdentityOptions {
  checkOptions(id, `${where}: identity`, ["always", "start", "increment"]);
  const out: Record<string, unknown> = {};
  if (id.always !== undefined) out.always = checkBoolean(id.always, where, "identity.always");
  for (const key of ["start", "increment"] as const) {
    if (id[key] === undefined) continue;
    if (typeof id[key] !== "number" || !Number.isInteger(id[key])) {
      throw new RangeError(
        `Cannot create ${where}: identity.${key} must be an integer, got ${describe(id[key])}`,
      );
    }
    out[key] = id[key];
  }
  return Object.freeze(out);
}

function enumOf(value: unknown, where: string): { name?: string; values: readonly string[] } {
  if (!isPlainObject(value)) throw new TypeError(`Cannot create ${where}: enum must be { name?, values }`);
  checkOptions(value, `${where}: enum`, ["name", "values"]);
  return Object.freeze({
    ...optionalName(value.name, where, "enum.name"),
    values: enumValues(value.values, where),
  });
}

function enumValues(values: unknown, where: string): readonly string[] {
  const list = arrayOf(values, where, "values");
  if (list.length === 0) throw new TypeError(`Cannot create ${where}: values is empty`);
  const seen = new Set<string>();
  for (const v of list) {
    if (typeof v !== "string") {
      throw new TypeError(`Cannot create ${where}: value ${describe(v)} is not a string`);
    }
    if (seen.has(v)) throw new TypeError(`Cannot create ${where}: value "${v}" is repeated`);
    seen.add(v);
  }
  return Object.freeze([...list] as string[]);
}
