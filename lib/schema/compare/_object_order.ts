/**
 * The order in which views, materialized views and routines are created: an object whose
 * definition mentions another's name comes after it (a view over a view, a view calling an
 * aggregate, an SQL function calling a function), the way `pg_dump` follows `pg_depend`. A mention
 * inside a string or comment counts too, which only orders more strictly; objects that mention each
 * other keep their order.
 *
 * @module
 */
import { bareName } from "./_definition.ts";

/** An object to order: its key and the SQL that creates it. */
export interface Orderable {
  readonly key: string;
  readonly definition: string;
}

/**
 * Sort objects so that each comes after those its definition mentions.
 *
 * @param items the objects, in their given order
 * @returns the same objects, dependencies first
 */
export function orderByMentions<T extends Orderable>(items: readonly T[]): T[] {
  const words = items.map((i) => {
    const name = bareName(i.key).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`(^|[^A-Za-z0-9_$])"?${name}"?($|[^A-Za-z0-9_$])`, "i");
  });
  const out: T[] = [];
  const state = new Map<number, "visiting" | "done">();
  const visit = (at: number) => {
    if (state.has(at)) return;
    state.set(at, "visiting");
    const own = bareName(items[at].key);
    items.forEach((_, other) => {
      if (other !== at && bareName(items[other].key) !== own && words[other].test(items[at].definition)) {
        visit(other);
      }
    });
    state.set(at, "done");
    out.push(items[at]);
  };
  items.forEach((_, at) => visit(at));
  return out;
}
