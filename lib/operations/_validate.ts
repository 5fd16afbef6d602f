/**
 * The argument checkers shared by the operation factories (`create_*.ts`): each throws `TypeError`
 * (wrong shape) or `RangeError` (impossible value) with a "Cannot create ..." message, and returns
 * a frozen copy of what it accepted.
 *
 * @module
 */
import type {
  Column,
  ColumnReference,
  DeferrableOptions,
  IdentityOptions,
  IndexColumn,
  IndexOptions,
  ReferentialAction,
  SqlExpression,
  SqlValue,
} from "./types.ts";
import type { CreateForeignKeyOptions, SchemaOption } from "./create_options.ts";
import { checkIndexColumn } from "./index_columns.ts";
import { resolveReference } from "./resolve_reference.ts";
import { errorMessage } from "../errors.ts";

/** The `ON DELETE` / `ON UPDATE` actions a script may write. */
export const REFERENTIAL_ACTIONS: readonly ReferentialAction[] = [
  "cascade",
  "restrict",
  "set null",
  "set default",
  "no action",
];

/** The keys a {@link Column} may hold. */
export const COLUMN_KEYS = [
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
  "collation",
  "charset",
  "onUpdate",
] as const;

/** A column definition checked and frozen; `where` starts the error message. */
export function checkColumn(column: unknown, where: string): Column {
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
  for (const key of ["collation", "charset", "onUpdate"] as const) {
    if (c[key] !== undefined) out[key] = checkText(c[key], where, key);
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

/** A column's `references` checked (string or object) and frozen. */
export function checkReference(reference: unknown, where: string): string | ColumnReference {
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

/** An `{ sql }` expression checked and frozen. */
export function checkExpression(value: unknown, where: string): SqlExpression {
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

/** A plain object or array as JSON text, for `json` columns. */
export function jsonText(value: unknown, where: string): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    throw new TypeError(
      `Cannot create ${where}: the value cannot be written as JSON (${errorMessage(error)})`,
    );
  }
}

/** An {@link SqlValue} checked; Dates and byte arrays are copied so the caller cannot change them later. */
export function checkValue(value: unknown, where: string): SqlValue {
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

/** Throws unless `name` is a non-empty string without NUL. */
export function checkName(name: unknown, where: string, what: string): void {
  if (typeof name !== "string" || name.trim() === "") {
    throw new TypeError(`Cannot create ${where}: ${what} is empty`);
  }
  if (name.includes("\0")) {
    throw new TypeError(`Cannot create ${where}: ${what} "${name}" holds a NUL character`);
  }
}

/** Throws unless `options` is a plain object whose keys are all in `allowed` (named in that order). */
export function checkOptions(options: unknown, where: string, allowed: readonly string[]): void {
  if (!isPlainObject(options)) throw new TypeError(`Cannot create ${where}: options must be an object`);
  for (const key of Object.keys(options as object)) {
    if (!allowed.includes(key)) {
      throw new TypeError(
        `Cannot create ${where}: unknown option "${key}" (expected one of ${allowed.join(", ")})`,
      );
    }
  }
}

/** The `schema` option as a field to spread, or nothing when absent or empty. */
export function schemaOf(options: SchemaOption, where: string): { schema?: string } {
  if (options.schema === undefined || options.schema === "") return {};
  checkName(options.schema, where, "schema");
  return { schema: options.schema };
}

/** Keeps only `true` flags so that `{ ifExists: false }` and `{}` build identical operations. */
export function flag<K extends string>(key: K, value: unknown, where: string): { [P in K]?: true } {
  if (value === undefined || value === false) return {};
  if (value !== true) throw new TypeError(`Cannot create ${where}: option "${key}" must be a boolean`);
  return { [key]: true } as { [P in K]?: true };
}

/** Whether `value` is an object literal (not an array, Date or class instance). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A short description of a value for error messages (`"an array"`, `"a Date"`, `"3"`). */
export function describe(value: unknown): string {
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

/** A string checked (non-empty unless `allowEmpty`). */
export function checkText(value: unknown, where: string, what: string, allowEmpty = false): string {
  if (typeof value !== "string" || (!allowEmpty && value.trim() === "")) {
    throw new TypeError(`Cannot create ${where}: ${what} must be a non-empty string, got ${describe(value)}`);
  }
  return value;
}

/** A boolean checked. */
export function checkBoolean(value: unknown, where: string, what: string): boolean {
  if (typeof value !== "boolean") {
    throw new TypeError(`Cannot create ${where}: ${what} must be a boolean, got ${describe(value)}`);
  }
  return value;
}

/** An optional `name` checked, as a field to spread. */
export function optionalName(name: unknown, where: string, what: string): { name?: string } {
  if (name === undefined) return {};
  checkName(name, where, what);
  return { name: name as string };
}

/** Throws unless `value` is an array. */
export function arrayOf(value: unknown, where: string, what: string): unknown[] {
  if (!Array.isArray(value)) throw new TypeError(`Cannot create ${where}: ${what} must be an array`);
  return value;
}

/** A non-empty list of column names checked (and, with `known`, each one of them) and frozen. */
export function columnList(
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

/** Index columns (names, `{ sql }`, or either with sort options) checked and frozen. */
export function indexColumnList(value: unknown, where: string): readonly IndexColumn[] {
  const list = arrayOf(value, where, "columns");
  if (list.length === 0) throw new TypeError(`Cannot create ${where}: no columns given`);
  return Object.freeze(list.map((c, i) => {
    if (typeof c === "string") {
      checkName(c, where, `column ${i + 1}`);
      return c;
    }
    const r = c as Record<string, unknown>;
    if (isPlainObject(c) && (Object.hasOwn(r, "column") || Object.keys(r).length > 1)) {
      return checkIndexColumn(c, where, i + 1);
    }
    return checkExpression(c, `${where}: column ${i + 1}`);
  }));
}

/** The options of an index beyond its name and columns ({@link IndexOptions}' keys). */
export const INDEX_OPTION_KEYS: readonly string[] = [
  "unique",
  "where",
  "lengths",
  "using",
  "include",
  "nullsNotDistinct",
  "fulltext",
  "spatial",
];

/** The options of an index ({@link INDEX_OPTION_KEYS}) checked. */
export function indexOptionsOf(options: Record<string, unknown>, where: string): IndexOptions {
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
  if (options.using !== undefined) out.using = checkText(options.using, where, "using");
  if (options.include !== undefined) {
    const include = options.include;
    if (!Array.isArray(include) || include.some((c) => typeof c !== "string" || c.trim() === "")) {
      throw new TypeError(`Cannot create ${where}: include must be an array of column names`);
    }
    out.include = Object.freeze([...include]);
  }
  for (const key of ["nullsNotDistinct", "fulltext", "spatial"] as const) {
    if (options[key] !== undefined && checkBoolean(options[key], where, key)) out[key] = true;
  }
  return out;
}

/** `deferrable` and `initiallyDeferred` checked, as fields to spread. */
export function deferrableOf(
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

/** `onDelete` and `onUpdate` checked against {@link REFERENTIAL_ACTIONS}, as fields to spread. */
export function actionsOf(
  options: Record<string, unknown> | CreateForeignKeyOptions,
  where: string,
): { onDelete?: ReferentialAction; onUpdate?: ReferentialAction; match?: "full" | "simple" } {
  const o = options as Record<string, unknown>;
  const out: Record<string, string> = {};
  if (o.match !== undefined) {
    if (o.match !== "full" && o.match !== "simple") {
      throw new RangeError(
        `Cannot create ${where}: match is ${describe(o.match)} (expected "full" or "simple")`,
      );
    }
    out.match = o.match;
  }
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
  return out as { onDelete?: ReferentialAction; onUpdate?: ReferentialAction; match?: "full" | "simple" };
}

/** Identity options checked and frozen. */
export function identityOf(id: Record<string, unknown>, where: string): IdentityOptions {
  checkOptions(id, `${where}: identity`, [
    "always",
    "start",
    "increment",
    "minValue",
    "maxValue",
    "cache",
    "cycle",
  ]);
  const out: Record<string, unknown> = {};
  if (id.always !== undefined) out.always = checkBoolean(id.always, where, "identity.always");
  if (id.cycle !== undefined) out.cycle = checkBoolean(id.cycle, where, "identity.cycle");
  for (const key of ["start", "increment", "minValue", "maxValue", "cache"] as const) {
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

/** A column's `enum` checked and frozen. */
export function enumOf(value: unknown, where: string): { name?: string; values: readonly string[] } {
  if (!isPlainObject(value)) throw new TypeError(`Cannot create ${where}: enum must be { name?, values }`);
  checkOptions(value, `${where}: enum`, ["name", "values"]);
  return Object.freeze({
    ...optionalName(value.name, where, "enum.name"),
    values: enumValues(value.values, where),
  });
}

/** Enum values checked (at least one, no duplicates) and frozen. */
export function enumValues(values: unknown, where: string): readonly string[] {
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
