/**
 * Equality of an index's options beyond its columns and predicate: access method (btree, the
 * default, equal to none), INCLUDE columns, NULLS NOT DISTINCT, MySQL FULLTEXT/SPATIAL and prefix
 * lengths.
 *
 * @module
 */
import type { IndexOptions } from "../../operations/types.ts";

/**
 * Whether two indexes have the same options (their columns, uniqueness and predicate aside).
 *
 * @param a one index
 * @param b the other
 * @returns true when the database would build them alike
 */
export function sameIndexOptions(a: IndexOptions, b: IndexOptions): boolean {
  return method(a.using) === method(b.using) &&
    (a.include ?? []).join("\u0000") === (b.include ?? []).join("\u0000") &&
    (a.nullsNotDistinct ?? false) === (b.nullsNotDistinct ?? false) &&
    (a.fulltext ?? false) === (b.fulltext ?? false) &&
    (a.spatial ?? false) === (b.spatial ?? false) &&
    lengthsKey(a.lengths) === lengthsKey(b.lengths);
}

function method(using: string | undefined): string {
  const m = (using ?? "").toLowerCase();
  return m === "btree" ? "" : m;
}

function lengthsKey(lengths: Readonly<Record<string, number>> | undefined): string {
  return Object.entries(lengths ?? {}).sort(([x], [y]) => x < y ? -1 : x > y ? 1 : 0)
    .map(([k, v]) => `${k}=${v}`).join(",");
}
