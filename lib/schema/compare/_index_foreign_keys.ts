/**
 * Where the database needs an index for each foreign key (`foreignKeyCreatesIndex`, InnoDB), it
 * refuses to drop the only index a foreign key uses ("needed in a foreign key constraint"), and on
 * MySQL the DDL before that statement has already committed. A foreign key that stays but loses its
 * index is therefore dropped before the index and created again at the end, when the new index
 * exists (or InnoDB makes one).
 *
 * @module
 */
import * as create from "../../operations/create.ts";
import { indexColumnName } from "../../operations/index_columns.ts";
import type { IndexColumn, IndexDefinition } from "../../operations/types.ts";
import { createForeignKeyOp } from "./_create_ops.ts";
import { sameForeignKey } from "./_match.ts";
import { type Placed, type TablePair, tableStep } from "./_step.ts";

/**
 * The steps that take a foreign key out of the way of index drops and put it back afterwards.
 *
 * @param pair the table on both sides
 * @param dropped the current indexes the comparison drops (changed or removed)
 * @returns `dropConstraint` steps (slot `fkDrop`) and `createForeignKey` steps (slot `fkCreate`), or
 *   none where the database makes no index for foreign keys
 */
export function foreignKeysAroundIndexDrops(pair: TablePair, dropped: readonly IndexDefinition[]): Placed[] {
  const { target: t, current: c, normalizer: n, name, so } = pair;
  if (!n.capabilities.foreignKeyCreatesIndex || dropped.length === 0) return [];
  const gone = new Set(dropped.map((i) => i.name));
  const steps: Placed[] = [];
  for (const f of c.foreignKeys) {
    if (!f.name) continue;
    // A key that changes anyway is dropped and created by the foreign key comparator.
    if (!t.foreignKeys.some((x) => (x.name ?? f.name) === f.name && sameForeignKey(x, f))) continue;
    const covers = (cols: readonly IndexColumn[]) =>
      f.columns.every((col, i) => cols[i] !== undefined && indexColumnName(cols[i]) === col);
    if (!dropped.some((i) => covers(i.columns))) continue;
    const kept = (c.primaryKey && covers(c.primaryKey.columns)) ||
      c.uniqueConstraints.some((u) => covers(u.columns)) ||
      c.indexes.some((i) => !gone.has(i.name) && covers(i.columns));
    if (kept) continue;
    const drop = create.dropConstraint(f.name, name, { ...so, type: "foreignkey" });
    const why = `foreign key "${f.name}" needs an index: dropped before its index, created again after`;
    steps.push({ slot: "fkDrop", step: tableStep(pair, drop, { comment: why }) });
    steps.push({ slot: "fkCreate", step: tableStep(pair, createForeignKeyOp(name, so.schema, f)) });
  }
  return steps;
}
