/**
 * Unique constraints of a table present on both sides, matched by name or else by columns. Where
 * unique constraints are unique indexes (`uniqueConstraintsAreIndexes`), plain unique indexes take
 * part too, and one the schema wrote as an index is added as an index.
 *
 * @module
 */
import * as create from "../../operations/create.ts";
import { createIndexOp, deferrableOf } from "./_create_ops.ts";
import { matchLists, sameDeferrable, sameList } from "./_match.ts";
import { type Placed, type TableComparison, type TablePair, tableStep } from "./_step.ts";
import { uniquesOf } from "./_unique_indexes.ts";

/**
 * Compare the unique constraints of `pair`'s table. An unnamed one that goes away is reported, not
 * dropped (there is no name to drop it by); an unnamed one that is new gets `uq_<table>_<columns>`.
 *
 * @param pair the table on both sides and the normaliser
 * @returns `dropConstraint` (slot `uniqueDrop`), `createUniqueConstraint` (slot `uniqueAdd`) or
 *   `createIndex` (slot `indexAdd`) steps, and one detail line per change
 */
export function compareUniqueConstraints(pair: TablePair): TableComparison {
  const { target: t, current: c, normalizer: n, name, so } = pair;
  const steps: Placed[] = [];
  const details: string[] = [];
  const [added, dropped] = matchLists(
    uniquesOf(t, n),
    uniquesOf(c, n),
    (a, b) =>
      sameList(a.columns, b.columns) && sameDeferrable(a, b) &&
      (a.nullsNotDistinct ?? false) === (b.nullsNotDistinct ?? false),
  );
  for (const u of dropped) {
    if (!u.name) {
      details.push(`unique (${u.columns.join(", ")}) removed (unnamed: drop it by hand)`);
      continue;
    }
    steps.push({
      slot: "uniqueDrop",
      step: tableStep(pair, create.dropConstraint(u.name, name, { ...so, type: "unique" })),
    });
    details.push(`unique "${u.name}" removed`);
  }
  for (const u of added) {
    const uname = u.name ?? `uq_${name}_${u.columns.join("_")}`;
    if (u.fromIndex) {
      // Written as a unique index in the schema file: rendered as one (the database keeps both alike).
      const up = createIndexOp(name, so, { name: uname, columns: u.columns, unique: true });
      steps.push({ slot: "indexAdd", step: tableStep(pair, up, { simple: true }) });
      details.push(`index "${uname}" added`);
      continue;
    }
    const up = create.createUniqueConstraint(uname, name, u.columns, {
      ...so,
      ...deferrableOf(u),
      ...(u.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
    });
    steps.push({ slot: "uniqueAdd", step: tableStep(pair, up) });
    details.push(`unique "${uname}" added`);
  }
  return { steps, details };
}
