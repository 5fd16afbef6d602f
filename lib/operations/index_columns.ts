/**
 * The entries of an index's column list ({@link IndexColumn}): what each names, its sort options,
 * the checks the factories run on them, and the canonical form two equal entries share.
 *
 * @module
 */
import type { IndexColumn, IndexColumnOptions } from "./definitions.ts";

const ORDERS = ["asc", "desc"];
const NULLS = ["first", "last"];
const OPTION_KEYS = ["order", "nulls", "collation", "opclass"] as const;

/**
 * The table column an index entry names.
 *
 * @param c an index entry
 * @returns the column name, or `undefined` for an expression
 */
export function indexColumnName(c: IndexColumn): string | undefined {
  if (typeof c === "string") return c;
  return "column" in c ? c.column : undefined;
}

/**
 * The expression of an index entry.
 *
 * @param c an index entry
 * @returns the SQL text, or `undefined` for a column
 */
export function indexColumnSql(c: IndexColumn): string | undefined {
  return typeof c !== "string" && "sql" in c ? c.sql : undefined;
}

/**
 * The sort options of an index entry, only those set.
 *
 * @param c an index entry
 * @returns `order`, `nulls`, `collation`, `opclass` as written (empty for a plain name or `{ sql }`)
 */
export function indexColumnOptions(c: IndexColumn): IndexColumnOptions {
  if (typeof c === "string") return {};
  const out: Record<string, string> = {};
  const r = c as unknown as Record<string, unknown>;
  for (const k of OPTION_KEYS) if (typeof r[k] === "string") out[k] = r[k] as string;
  return out as IndexColumnOptions;
}

/**
 * An index entry in its shortest form for the same index: `order: "asc"` and a `nulls` equal to
 * the default for the order (last for ascending, first for descending, as PostgreSQL sorts) are
 * dropped, and a column without options becomes its plain name.
 *
 * @param c an index entry
 * @returns the canonical entry (a new object when anything was dropped)
 */
export function canonicalIndexColumn(c: IndexColumn): IndexColumn {
  if (typeof c === "string") return c;
  const { order, nulls, collation, opclass } = indexColumnOptions(c);
  const desc = order === "desc";
  const opts: Record<string, string> = {};
  if (desc) opts.order = "desc";
  if (nulls !== undefined && nulls !== (desc ? "first" : "last")) opts.nulls = nulls;
  if (collation !== undefined) opts.collation = collation;
  if (opclass !== undefined) opts.opclass = opclass;
  const name = indexColumnName(c);
  if (name !== undefined) return Object.keys(opts).length === 0 ? name : { column: name, ...opts };
  return { sql: indexColumnSql(c) as string, ...opts };
}

/**
 * Check one entry of an index's columns as a factory receives it.
 *
 * @param value the entry
 * @param where `createIndex operation "ix"` for messages
 * @param position 1-based position for messages
 * @returns a frozen copy (a string as it is)
 * @throws {TypeError} for anything but a non-empty name, `{ sql }` or `{ column }` with known options
 */
export function checkIndexColumn(value: unknown, where: string, position: number): IndexColumn {
  const fail = (why: string): never => {
    throw new TypeError(`Cannot create ${where}: column ${position} ${why}`);
  };
  if (typeof value === "string") {
    if (value.trim() === "") fail("is an empty name");
    return value;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return fail(`must be a name, { sql } or { column }, got ${JSON.stringify(value) ?? String(value)}`);
  }
  const v = value as Record<string, unknown>;
  const hasColumn = Object.hasOwn(v, "column");
  const hasSql = Object.hasOwn(v, "sql");
  if (hasColumn === hasSql) fail("needs exactly one of column and sql");
  const head = hasColumn ? "column" : "sql";
  if (typeof v[head] !== "string" || (v[head] as string).trim() === "") fail(`has an empty ${head}`);
  const out: Record<string, string> = { [head]: v[head] as string };
  for (const key of Object.keys(v)) {
    if (key === head) continue;
    if (!(OPTION_KEYS as readonly string[]).includes(key)) {
      fail(`has unknown key "${key}" (expected ${head}, ${OPTION_KEYS.join(", ")})`);
    }
    const x = v[key];
    if (typeof x !== "string" || x.trim() === "") fail(`key "${key}" must be a non-empty string`);
    if (key === "order" && !ORDERS.includes(x as string)) fail(`order must be "asc" or "desc", got "${x}"`);
    if (key === "nulls" && !NULLS.includes(x as string)) fail(`nulls must be "first" or "last", got "${x}"`);
    out[key] = x as string;
  }
  return Object.freeze(out) as unknown as IndexColumn;
}

/**
 * A key that two index entries share exactly when the database treats them as the same: the
 * column or the loosely compared expression, and the canonical options.
 *
 * @param c an index entry
 * @param sqlKey how to reduce an expression for comparison
 * @returns the key
 */
export function indexColumnKey(c: IndexColumn, sqlKey: (sql: string) => string): string {
  const canon = canonicalIndexColumn(c);
  if (typeof canon === "string") return `c:${canon}`;
  const name = indexColumnName(canon);
  const o = indexColumnOptions(canon);
  const head = name !== undefined ? `c:${name}` : `e:${sqlKey(indexColumnSql(canon) as string)}`;
  return [
    head,
    o.order ?? "",
    o.nulls ?? "",
    (o.collation ?? "").replaceAll('"', "").toLowerCase(),
    (o.opclass ?? "").toLowerCase(),
  ].join("\u0000");
}
