/**
 * `migrate check`'s before/after diff of one table. Both sides are printed in one canonical order
 * (table keys, then column keys in the schema file format's order; columns, constraints and
 * indexes in the schema file's order), so that a difference in the order in which a schema file
 * and the database list things, which `check` does not count, shows no line in the diff.
 *
 * @module
 */
import { createTwoFilesPatch } from "diff";
import { tsLiteral } from "../render/typescript.ts";
import type { NormalizedTable } from "../schema/model.ts";

/** Table keys first, in the schema file format's order; keys not listed follow by name. */
const TABLE_KEYS = [
  "columns",
  "primaryKey",
  "uniqueConstraints",
  "indexes",
  "foreignKeys",
  "checkConstraints",
  "comment",
];

/** Keys of columns, constraints and indexes, in the schema file format's order. */
const ITEM_KEYS = [
  "name",
  "type",
  "columns",
  "referencedTable",
  "referencedColumns",
  "nullable",
  "default",
  "primaryKey",
  "autoincrement",
  "unique",
  "references",
  "table",
  "column",
  "condition",
  "where",
  "lengths",
  "onDelete",
  "onUpdate",
  "deferrable",
  "initiallyDeferred",
  "comment",
  "computed",
  "identity",
  "enum",
];

/**
 * The unified diff of a table as the database has it and as the schema file wants it.
 *
 * @param name the table's key, for the file names of the diff (`database/<name>`, `schema/<name>`)
 * @param before the table in the database, made comparable (see `comparableTables`): an item
 *   `check` counts as equal to the schema file's is the schema file's object itself
 * @param after the table in the schema file, normalised
 * @returns the diff without its `Index:`/`===` header, empty lists left out of both sides
 * @example
 * ```ts
 * import { tableDiff } from "./table_diff.ts";
 * import { normalizeTable } from "../schema/model.ts";
 * const diff = tableDiff(
 *   "t",
 *   normalizeTable({ columns: { id: { type: "integer", nullable: false } } }),
 *   normalizeTable({ columns: { id: { nullable: false, type: "bigint" } } }),
 * );
 * // diff holds "-    id: { type: \"integer\", nullable: false },"
 * ```
 */
export function tableDiff(name: string, before: NormalizedTable, after: NormalizedTable): string {
  const text = (t: NormalizedTable) => printed(canonicalTable(t, after));
  return createTwoFilesPatch(`database/${name}`, `schema/${name}`, text(before), text(after), "", "", {
    context: 3,
  }).split("\n").slice(1).join("\n");
}

/**
 * A table one key a line and one column a line, however short: a diff line then names one column
 * or one kind of constraint.
 */
function printed(table: Record<string, unknown>): string {
  const lines = ["{"];
  for (const [key, value] of Object.entries(table)) {
    if (key !== "columns") {
      // A list of two or more items one a line, so a diff line names one index or constraint.
      lines.push(`  ${key}: ${tsLiteral(value, 2, Array.isArray(value) && value.length > 1)},`);
      continue;
    }
    lines.push("  columns: {");
    for (const [name, column] of Object.entries(value as Record<string, unknown>)) {
      lines.push(
        `    ${/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name)}: ${tsLiteral(column, 4)},`,
      );
    }
    lines.push("  },");
  }
  return `${lines.join("\n")}\n}\n`;
}

/** `table` in canonical order, its columns and lists ordered as in `order` where they are there. */
function canonicalTable(table: NormalizedTable, order: NormalizedTable): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const source = table as unknown as Record<string, unknown>;
  const wanted = order as unknown as Record<string, unknown>;
  for (const key of ordered(Object.keys(source), TABLE_KEYS)) {
    const value = source[key];
    // Empty constraint lists are the normal form's, not the author's: leave them out of the text.
    if (Array.isArray(value) && value.length === 0) continue;
    if (key === "columns") {
      const columns = value as Record<string, unknown>;
      const names = Object.keys(columns);
      const first = Object.keys(order.columns).filter((c) => Object.hasOwn(columns, c));
      out.columns = Object.fromEntries(
        [...first, ...names.filter((c) => !first.includes(c))].map((c) => [c, canonicalItem(columns[c])]),
      );
    } else if (Array.isArray(value)) {
      const reference = Array.isArray(wanted[key]) ? wanted[key] as unknown[] : [];
      const rank = (item: unknown) => {
        const i = reference.indexOf(item);
        return i === -1 ? reference.length : i;
      };
      out[key] = [...value].sort((a, b) => rank(a) - rank(b)).map(canonicalItem);
    } else {
      out[key] = canonicalItem(value);
    }
  }
  return out;
}

/** A plain object with its keys in {@link ITEM_KEYS} order, at every depth; other values as they are. */
function canonicalItem(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalItem);
  if (typeof value !== "object" || value === null || Object.getPrototypeOf(value) !== Object.prototype) {
    return value;
  }
  const source = value as Record<string, unknown>;
  return Object.fromEntries(
    ordered(Object.keys(source), ITEM_KEYS).map((k) => [k, canonicalItem(source[k])]),
  );
}

/** `keys` with those in `preferred` first, in its order, and the rest by name. */
function ordered(keys: readonly string[], preferred: readonly string[]): string[] {
  const known = preferred.filter((k) => keys.includes(k));
  return [...known, ...keys.filter((k) => !preferred.includes(k)).sort()];
}
