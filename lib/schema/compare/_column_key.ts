/**
 * A column's type and default reduced to the text the database would report, so that two
 * spellings of one type or default compare equal.
 *
 * @module
 */
import type { Column, SqlExpression, SqlValue } from "../../operations/types.ts";
import type { SchemaNormalizer } from "../normalizer.ts";
import { sqlKey } from "./_match.ts";

/** The canonical type of `c` (an enum column as the dialect reports it, see `enumType`). */
export function columnType(c: Column, n: SchemaNormalizer): string {
  if (c.type === "enum" && c.enum) {
    const spelt = n.enumType?.(c.enum);
    if (spelt !== undefined) return spelt;
  }
  return n.type(c.type);
}

/** The canonical default of a column; `""` for none (and for `NULL`, which is the same). */
export function defaultKey(value: SqlValue | SqlExpression | undefined, n: SchemaNormalizer): string {
  if (value === undefined || value === null) return "";
  const v = n.default(value);
  if (v === null) return "";
  if (typeof v === "object" && !(v instanceof Date) && !(v instanceof Uint8Array)) {
    return v.sql.toUpperCase() === "NULL" ? "" : `sql:${sqlKey(v.sql)}`;
  }
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/** A default for people: `none`, its SQL, or its JSON literal. */
export function describeDefault(value: SqlValue | SqlExpression | undefined): string {
  if (value === undefined) return "none";
  if (
    typeof value === "object" && value !== null && !(value instanceof Date) && !(value instanceof Uint8Array)
  ) {
    return value.sql;
  }
  return JSON.stringify(value);
}
