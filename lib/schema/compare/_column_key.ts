/**
 * A column's type and default reduced to the text the database would report, so that two
 * spellings of one type or default compare equal.
 *
 * @module
 */
import type { Column, IdentityOptions, SqlExpression, SqlValue } from "../../operations/types.ts";
import type { SchemaNormalizer } from "../normalizer.ts";
import { sqlKey } from "./_match.ts";

/** The canonical type of `c` (an enum column as the dialect reports it, see `enumType`). */
export function columnType(c: Column, n: SchemaNormalizer): string {
  if (c.type === "enum" && c.enum) {
    const spelt = n.enumType?.(c.enum);
    if (spelt !== undefined) return spelt;
  }
  if (
    c.autoincrement === true && n.autoincrementType !== undefined &&
    /^\s*(integer|int|bigint|smallint)\s*$/i.test(c.type)
  ) {
    return n.autoincrementType;
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

const TYPE_MAXIMA = new Set([32767, 2147483647, 9223372036854775807]);

/**
 * An identity's options with PostgreSQL's defaults left out (start at the minimum, increment 1,
 * minimum 1, the type's maximum, cache 1, no cycle, BY DEFAULT), as introspection reports them.
 *
 * @param i the identity options, if any
 * @returns a stable text, `default` when all are defaults
 */
export function identityKey(i: IdentityOptions | undefined): string {
  if (i === undefined) return "default";
  const increment = i.increment ?? 1;
  const parts: string[] = [];
  if (i.always) parts.push("always");
  if (increment !== 1) parts.push(`increment ${increment}`);
  const min = i.minValue !== undefined && !(increment > 0 && i.minValue === 1) ? i.minValue : undefined;
  if (min !== undefined) parts.push(`min ${min}`);
  if (i.maxValue !== undefined && !(increment > 0 && TYPE_MAXIMA.has(i.maxValue))) {
    parts.push(`max ${i.maxValue}`);
  }
  if (i.start !== undefined && !(increment > 0 && i.start === (min ?? 1))) parts.push(`start ${i.start}`);
  if (i.cache !== undefined && i.cache !== 1) parts.push(`cache ${i.cache}`);
  if (i.cycle) parts.push("cycle");
  return parts.length ? parts.join(" ") : "default";
}
