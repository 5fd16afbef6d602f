/**
 * Equality rules the comparators share: lists, SQL texts compared loosely, indexes, foreign keys,
 * and the pairing of named or unnamed items.
 *
 * @module
 */
import { indexColumnKey } from "../../operations/index_columns.ts";
import type { DeferrableOptions, ForeignKeyConstraint, IndexDefinition } from "../../operations/types.ts";
import { sameIndexOptions } from "./_index_options.ts";

/** Same items in the same order. */
export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** An SQL text reduced for loose comparison: no parentheses, casts, quotes or case differences. */
export function sqlKey(sql: string): string {
  return sql.toLowerCase().replace(/::[a-z_ ]+(\([0-9, ]*\))?/g, "").replace(/[()"`\s]/g, "");
}

/** Two indexes the database would treat as the same (names aside). */
export function sameIndex(a: IndexDefinition, b: IndexDefinition): boolean {
  return (a.unique ?? false) === (b.unique ?? false) && sqlKey(a.where ?? "") === sqlKey(b.where ?? "") &&
    a.columns.length === b.columns.length &&
    a.columns.every((c, i) => indexColumnKey(c, sqlKey) === indexColumnKey(b.columns[i], sqlKey)) &&
    sameIndexOptions(a, b);
}

/** Two foreign keys with the same columns, target and actions (`no action` and `restrict` alike). */
export function sameForeignKey(a: ForeignKeyConstraint, b: ForeignKeyConstraint): boolean {
  return sameList(a.columns, b.columns) && a.referencedTable === b.referencedTable &&
    sameList(a.referencedColumns, b.referencedColumns) && action(a.onDelete) === action(b.onDelete) &&
    action(a.onUpdate) === action(b.onUpdate) && (a.match === "full") === (b.match === "full") &&
    (a.notValid ?? false) === (b.notValid ?? false) && sameDeferrable(a, b);
}

/**
 * Same `DEFERRABLE` / `INITIALLY DEFERRED` (`initiallyDeferred` alone implies deferrable, and
 * `deferrable: false` is the default).
 */
export function sameDeferrable(a: DeferrableOptions, b: DeferrableOptions): boolean {
  const mode = (x: DeferrableOptions) =>
    x.deferrable === false ? "" : x.initiallyDeferred ? "deferred" : x.deferrable ? "deferrable" : "";
  return mode(a) === mode(b);
}

function action(a: string | undefined): string {
  return a === undefined || a === "no action" || a === "restrict" ? "" : a;
}

/**
 * Pair target and current items: by name when both are named, else by `same`. Returns the target
 * items to add and the current items to drop (a named pair whose content differs is both).
 */
export function matchLists<T extends { name?: string }>(
  target: readonly T[],
  current: readonly T[],
  same: (a: T, b: T) => boolean,
): [T[], T[]] {
  const used = new Set<T>();
  const add: T[] = [];
  for (const t of target) {
    let match = t.name ? current.find((c) => !used.has(c) && c.name === t.name) : undefined;
    if (match && !same(t, match)) {
      add.push(t);
      continue;
    }
    match ??= current.find((c) => !used.has(c) && same(t, c) && (!t.name || !c.name || t.name === c.name));
    if (match) used.add(match);
    else add.push(t);
  }
  return [add, current.filter((c) => !used.has(c))];
}
