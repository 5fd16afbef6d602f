/**
 * Indexes of a table present on both sides, matched by name: one whose definition changed is
 * dropped and created again.
 *
 * @module
 */
import * as create from "../../operations/create.ts";
import { createIndexOp } from "./_create_ops.ts";
import { sameIndex } from "./_match.ts";
import { type Placed, type TableComparison, type TablePair, tableStep } from "./_step.ts";
import { indexesOf } from "./_unique_indexes.ts";
import { foreignKeysAroundIndexDrops } from "./_index_foreign_keys.ts";
import type { IndexDefinition } from "../../operations/types.ts";

/**
 * Compare the indexes of `pair`'s table (without the unique indexes that are compared as unique
 * constraints).
 *
 * @param pair the table on both sides and the normaliser
 * @returns `dropIndex` (slot `indexDrop`) and `createIndex` (slot `indexAdd`) steps, and one
 *   detail line per index
 */
export function compareIndexes(pair: TablePair): TableComparison {
  const { target: t, current: c, normalizer: n, name, so } = pair;
  const steps: Placed[] = [];
  const details: string[] = [];
  const tIndexes = indexesOf(t, n);
  const cIndexes = indexesOf(c, n);
  const dropped: IndexDefinition[] = [];
  for (const ci of cIndexes) {
    const ti = tIndexes.find((x) => x.name === ci.name);
    if (ti && sameIndex(ti, ci)) continue;
    const up = create.dropIndex(ci.name, { ...so, table: name });
    steps.push({ slot: "indexDrop", step: tableStep(pair, up, { simple: true }) });
    details.push(`index "${ci.name}" ${ti ? "changed" : "removed"}`);
    dropped.push(ci);
  }
  steps.push(...foreignKeysAroundIndexDrops(pair, dropped));
  for (const ti of tIndexes) {
    const ci = cIndexes.find((x) => x.name === ti.name);
    if (ci && sameIndex(ti, ci)) continue;
    steps.push({ slot: "indexAdd", step: tableStep(pair, createIndexOp(name, so, ti), { simple: true }) });
    if (!ci) details.push(`index "${ti.name}" added`);
  }
  return { steps, details };
}
