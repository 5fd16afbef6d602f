/**
 * The config's `include_tables` / `exclude_tables` globs.
 *
 * @module
 */
import type { Table } from "../model.ts";

/** A predicate for `include_tables` / `exclude_tables` globs (`*` any run, `?` one character). */
export function tableFilter(
  include: readonly string[],
  exclude: readonly string[],
): (name: string) => boolean {
  const re = (glob: string) =>
    new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replaceAll("*", ".*").replaceAll("?", ".")}$`);
  const inc = include.map(re);
  const exc = exclude.map(re);
  return (name) => inc.some((r) => r.test(name)) && !exc.some((r) => r.test(name));
}

/** The tables whose keys `included` accepts. */
export function filterTables(
  tables: Readonly<Record<string, Table>>,
  included: (name: string) => boolean,
): Record<string, Table> {
  return Object.fromEntries(Object.entries(tables).filter(([k]) => included(k)));
}
