/**
 * Where unique constraints exist only as unique indexes (`uniqueConstraintsAreIndexes`, MySQL), a
 * plain unique index and a unique constraint are one object: both are compared as constraints, and
 * the index comparator leaves them out.
 *
 * @module
 */
import type { IndexDefinition, UniqueConstraint } from "../../operations/types.ts";
import type { NormalizedTable } from "../model.ts";
import type { SchemaNormalizer } from "../normalizer.ts";

/** A unique constraint, marked when the table wrote it as a unique index. */
export type UniqueView = UniqueConstraint & { readonly fromIndex?: true };

/** The table's unique constraints, with its plain unique indexes where those are the same object. */
export function uniquesOf(t: NormalizedTable, n: SchemaNormalizer): UniqueView[] {
  if (!n.capabilities.uniqueConstraintsAreIndexes) return [...t.uniqueConstraints];
  return [
    ...t.uniqueConstraints,
    ...t.indexes.filter(isPlainUniqueIndex).map((i) => ({
      name: i.name,
      columns: i.columns as string[],
      fromIndex: true as const,
    })),
  ];
}

/** The table's indexes, without those {@link uniquesOf} counts as constraints. */
export function indexesOf(t: NormalizedTable, n: SchemaNormalizer): IndexDefinition[] {
  if (!n.capabilities.uniqueConstraintsAreIndexes) return [...t.indexes];
  return t.indexes.filter((i) => !isPlainUniqueIndex(i));
}

function isPlainUniqueIndex(i: IndexDefinition): boolean {
  return i.unique === true && !i.lengths && !i.where && !i.using && !i.include && !i.fulltext && !i.spatial &&
    !i.nullsNotDistinct && i.columns.every((c) => typeof c === "string");
}
