/**
 * The primary key of a table present on both sides: when its columns differ, the old key is
 * dropped before the column changes and the new one created after them. A key the schema does not
 * name goes by the name the database gives it (`normalizer.primaryKeyName`).
 *
 * @module
 */
import * as create from "../../operations/create.ts";
import { sameList } from "./_match.ts";
import { type Placed, type TableComparison, type TablePair, tableStep } from "./_step.ts";

/**
 * Compare the primary keys of `pair`'s table.
 *
 * @param pair the table on both sides and the normaliser
 * @returns a `dropConstraint` (slot `pkDrop`) and a `createPrimaryKey` (slot `pkAdd`) when the
 *   key's columns differ, and one detail line
 */
export function comparePrimaryKeys(pair: TablePair): TableComparison {
  const { target: t, current: c, normalizer: n, name, so } = pair;
  const tpk = t.primaryKey?.columns ?? [];
  const cpk = c.primaryKey?.columns ?? [];
  if (sameList(tpk, cpk)) return { steps: [], details: [] };
  const steps: Placed[] = [];
  if (cpk.length) {
    const cname = c.primaryKey?.name ?? n.primaryKeyName(name);
    const up = create.dropConstraint(cname, name, { ...so, type: "primary" });
    steps.push({ slot: "pkDrop", step: tableStep(pair, up) });
  }
  if (tpk.length) {
    const tname = t.primaryKey?.name ?? n.primaryKeyName(name);
    steps.push({ slot: "pkAdd", step: tableStep(pair, create.createPrimaryKey(tname, name, tpk, so)) });
  }
  return { steps, details: [`primary key (${cpk.join(", ")}) -> (${tpk.join(", ")})`] };
}
