/**
 * `CHECK` constraints of a table present on both sides, matched by name or else by condition (the
 * condition compared loosely, as the database reprints it).
 *
 * @module
 */
import * as create from "../../operations/create.ts";
import { matchLists, sqlKey } from "./_match.ts";
import { type Placed, type TableComparison, type TablePair, tableStep } from "./_step.ts";

/**
 * Compare the check constraints of `pair`'s table. An unnamed one that goes away is reported, not
 * dropped; an unnamed new one gets `ck_<table>_<n>`.
 *
 * @param pair the table on both sides
 * @returns `dropConstraint` (slot `checkDrop`) and `createCheckConstraint` (slot `checkAdd`) steps,
 *   and one detail line per change
 */
export function compareCheckConstraints(pair: TablePair): TableComparison {
  const { target: t, current: c, name, so } = pair;
  const steps: Placed[] = [];
  const details: string[] = [];
  const [added, dropped] = matchLists(
    t.checkConstraints,
    c.checkConstraints,
    (a, b) => sqlKey(a.condition) === sqlKey(b.condition) && (a.notValid ?? false) === (b.notValid ?? false),
  );
  for (const k of dropped) {
    if (!k.name) {
      details.push(`check (${k.condition}) removed (unnamed: drop it by hand)`);
      continue;
    }
    steps.push({
      slot: "checkDrop",
      step: tableStep(pair, create.dropConstraint(k.name, name, { ...so, type: "check" })),
    });
    details.push(`check "${k.name}" removed`);
  }
  for (const [i, k] of added.entries()) {
    const kname = k.name ?? `ck_${name}_${i + 1}`;
    steps.push({
      slot: "checkAdd",
      step: tableStep(
        pair,
        create.createCheckConstraint(kname, name, k.condition, {
          ...so,
          ...(k.notValid ? { notValid: true } : {}),
        }),
      ),
    });
    details.push(`check "${kname}" added`);
  }
  return { steps, details };
}
