/**
 * A column's `references` resolved into schema, table and column (DESIGN.md section 4).
 *
 * @module
 */
import type { ColumnReference, ReferentialAction } from "./types.ts";

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
