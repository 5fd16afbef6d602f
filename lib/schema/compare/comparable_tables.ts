/**
 * A table's two versions made comparable for people: `migrate check` prints their diff.
 *
 * @module
 */
import type { Column } from "../../operations/types.ts";
import { type NormalizedTable, normalizeTable, type Table } from "../model.ts";
import type { SchemaNormalizer } from "../normalizer.ts";
import { columnType, defaultKey } from "./_column_key.ts";
import { sameForeignKey, sameIndex, sameList, sqlKey } from "./_match.ts";

/**
 * Two versions of a table made comparable for people (`migrate check`'s before/after diff): both
 * normalised, and every part of `current` that `compareSchemas` counts as equal to `target`'s
 * (a type or default spelt another way, a name the database gave an unnamed constraint, a check
 * condition as the database reprints it, a comment the database cannot store) written as in
 * `target`, so that only real differences remain.
 *
 * @param target the table in the schema file
 * @param current the table in the database
 * @param normalizer the database's type and default spellings and capabilities
 * @returns `[current, target]`, ready to print
 * @throws {TypeError} when a column's `references` cannot be resolved
 */
export function comparableTables(
  target: Table,
  current: Table,
  normalizer: SchemaNormalizer,
): [NormalizedTable, NormalizedTable] {
  const n = normalizer;
  const storesComments = n.capabilities.comments;
  const t = normalizeTable(target);
  const c = normalizeTable(current);
  const columns: Record<string, Column> = {};
  for (const [name, have] of Object.entries(c.columns)) {
    const want = t.columns[name];
    if (!want) {
      columns[name] = have;
      continue;
    }
    const col: Record<string, unknown> = { ...have };
    if (columnType(want, n) === columnType(have, n)) {
      col.type = want.type;
      if (want.enum) col.enum = want.enum;
      else delete col.enum;
    }
    if (defaultKey(want.default, n) === defaultKey(have.default, n)) {
      if (want.default === undefined) delete col.default;
      else col.default = want.default;
    }
    // Keys the comparison does not look at, or looks at through others, as the schema file says.
    for (const key of ["autoincrement", "identity", "computed"] as const) {
      if (want[key] === undefined) delete col[key];
      else col[key] = want[key];
    }
    if (!storesComments) {
      if (want.comment === undefined) delete col.comment;
      else col.comment = want.comment;
    }
    columns[name] = col as unknown as Column;
  }
  const renamed = <T extends { name?: string }>(
    items: readonly T[],
    wanted: readonly T[],
    same: (a: T, b: T) => boolean,
  ): T[] =>
    items.map((item) => {
      const match = wanted.find((w) => same(w, item) && (!w.name || w.name === item.name));
      return match ? match : item;
    });
  const comparable: NormalizedTable = {
    ...c,
    columns,
    ...(c.primaryKey && t.primaryKey && sameList(c.primaryKey.columns, t.primaryKey.columns)
      ? { primaryKey: t.primaryKey }
      : {}),
    uniqueConstraints: renamed(
      c.uniqueConstraints,
      t.uniqueConstraints,
      (a, b) => sameList(a.columns, b.columns),
    ),
    indexes: renamed(c.indexes, t.indexes, (a, b) => a.name === b.name && sameIndex(a, b)),
    foreignKeys: renamed(c.foreignKeys, t.foreignKeys, sameForeignKey),
    checkConstraints: renamed(
      c.checkConstraints,
      t.checkConstraints,
      (a, b) => sqlKey(a.condition) === sqlKey(b.condition),
    ),
    ...(!storesComments && t.comment !== undefined ? { comment: t.comment } : {}),
  };
  return [comparable, t];
}
