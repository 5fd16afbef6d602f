/**
 * Factories of the table-level operations: `execute` (raw SQL), `createTable`, `dropTable`,
 * `renameTable` and `bulkInsert`.
 * Bad arguments throw `TypeError` (wrong shape) or `RangeError` (right shape, impossible value);
 * every operation returned is deeply frozen and shares no object with the caller.
 *
 * @module
 */
import { SIGNATURES } from "./signatures.ts";
import type {
  BulkInsertOp,
  BulkInsertValue,
  CheckConstraint,
  Column,
  CreateTableOp,
  DropTableOp,
  ExecuteOp,
  ForeignKeyConstraint,
  IndexDefinition,
  PrimaryKeyConstraint,
  RenameTableOp,
  SqlValue,
  UniqueConstraint,
} from "./types.ts";
import {
  actionsOf,
  arrayOf,
  checkBoolean,
  checkColumn,
  checkName,
  checkOptions,
  checkText,
  checkValue,
  columnList,
  deferrableOf,
  describe,
  flag,
  INDEX_OPTION_KEYS,
  indexColumnList,
  indexOptionsOf,
  isPlainObject,
  jsonText,
  optionalName,
  schemaOf,
} from "./_validate.ts";
import type { CreateTableOptions, SchemaOption } from "./create_options.ts";

/**
 * Build a raw SQL operation, run as written (Alembic's `op.execute`).
 *
 * @param sql one statement; `?` placeholders are bound to `params` (PostgreSQL's driver turns them into `$n`)
 * @param params values bound to the placeholders, in order; a plain object or array is bound as
 *   its JSON text
 * @returns a frozen {@link ExecuteOp}
 * @throws {TypeError} when `sql` is empty or a parameter is neither an {@link SqlValue} nor JSON
 * @throws {RangeError} when a parameter is a non-finite number
 * @example
 * ```ts
 * import { execute } from "./create.ts";
 * const op = execute("UPDATE account SET name = ? WHERE id = ?", ["a", 1]);
 * ```
 */
export function execute(sql: string, params?: readonly BulkInsertValue[]): ExecuteOp {
  if (typeof sql !== "string" || sql.trim() === "") {
    throw new TypeError("Cannot create execute operation: SQL text is empty");
  }
  if (params === undefined) return Object.freeze({ kind: "execute", sql });
  if (!Array.isArray(params)) {
    throw new TypeError(`Cannot create execute operation: params must be an array, got ${describe(params)}`);
  }
  // A plain object or array is a JSON value, bound as its JSON text (as bulkInsert writes it).
  const copied = params.map((value, i) =>
    Array.isArray(value) || isPlainObject(value)
      ? jsonText(value, `execute operation: parameter ${i + 1}`)
      : checkValue(value, `execute operation: parameter ${i + 1}`)
  );
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
 * @throws {TypeError} for an empty name, no columns, or a bad column (see `addColumn`)
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
  checkOptions(options, what, SIGNATURES.createTable.options);
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
            ...flag("nullsNotDistinct", u.nullsNotDistinct, where),
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
        checkOptions(rest, `${where}: ${w}`, INDEX_OPTION_KEYS);
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
    checkOptions(options.mysql, `${where}: mysql`, [
      "engine",
      "charset",
      "collate",
      "rowFormat",
    ]);
    const m: Record<string, string> = {};
    for (const key of ["engine", "charset", "collate", "rowFormat"] as const) {
      const v = options.mysql[key];
      if (v === undefined) continue;
      if (typeof v !== "string" || !/^[A-Za-z0-9_]+$/.test(v)) {
        throw new TypeError(`Cannot create ${where}: mysql.${key} must be a plain name, got ${describe(v)}`);
      }
      m[key] = v;
    }
    extra.mysql = Object.freeze(m);
  }
  if (options.sqlite !== undefined) {
    if (!isPlainObject(options.sqlite)) {
      throw new TypeError(`Cannot create ${where}: sqlite must be an object`);
    }
    checkOptions(options.sqlite, `${where}: sqlite`, ["withoutRowid", "strict"]);
    const s: Record<string, boolean> = {};
    for (const key of ["withoutRowid", "strict"] as const) {
      if (options.sqlite[key] !== undefined) {
        s[key] = checkBoolean(options.sqlite[key], where, `sqlite.${key}`);
      }
    }
    extra.sqlite = Object.freeze(s);
  }
  Object.assign(extra, partitioningOf(options as Record<string, unknown>, where));
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
  checkOptions(options, what, SIGNATURES.dropTable.options);
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
  checkOptions(options, what, SIGNATURES.renameTable.options);
  if (table === newName) throw new RangeError(`Cannot create ${what}: old and new names are both "${table}"`);
  return Object.freeze({ kind: "renameTable", table, newName, ...schemaOf(options, what) });
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
  checkOptions(options, what, SIGNATURES.bulkInsert.options);
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

/** `partitionBy`, `partitionOf` and `inherits` of `createTable` options, checked and frozen. */
function partitioningOf(options: Record<string, unknown>, where: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (options.partitionBy !== undefined) {
    out.partitionBy = checkText(options.partitionBy, where, "partitionBy");
  }
  if (options.partitionOf !== undefined) {
    const p = options.partitionOf;
    if (!isPlainObject(p)) {
      throw new TypeError(`Cannot create ${where}: partitionOf must be { table, bound }`);
    }
    checkOptions(p, `${where}: partitionOf`, ["table", "bound"]);
    out.partitionOf = Object.freeze({
      table: checkText(p.table, where, "partitionOf.table"),
      bound: checkText(p.bound, where, "partitionOf.bound"),
    });
  }
  if (options.inherits !== undefined) {
    out.inherits = Object.freeze(
      arrayOf(options.inherits, where, "inherits").map((t, i) => checkText(t, where, `inherits[${i}]`)),
    );
  }
  return out;
}
