/**
 * PostgreSQL exclusion constraints of a table present on both sides, matched by name or else by
 * content: one whose method, elements, operators, predicate or deferrability changed is dropped and
 * created again. The operation for a new table's constraints is {@link createExclusionConstraintOp}.
 *
 * @module
 */
import * as create from "../../operations/create.ts";
import { indexColumnKey } from "../../operations/index_columns.ts";
import type { ExclusionConstraint, IndexColumn, Operation } from "../../operations/types.ts";
import { matchLists, sqlKey } from "./_match.ts";
import { type Placed, type TableComparison, type TablePair, tableStep } from "./_step.ts";

/**
 * Compare the exclusion constraints of `pair`'s table. An unnamed new one gets `ex_<table>_<n>`.
 *
 * @param pair the table on both sides
 * @returns `dropConstraint` (slot `checkDrop`) and `createExclusionConstraint` (slot `checkAdd`)
 *   steps, and one detail line per change
 */
export function compareExclusionConstraints(pair: TablePair): TableComparison {
  const { target: t, current: c, name, so } = pair;
  const steps: Placed[] = [];
  const details: string[] = [];
  const [added, dropped] = matchLists(t.exclusionConstraints, c.exclusionConstraints, sameExclusion);
  for (const x of dropped) {
    if (!x.name) continue; // introspection always names them
    steps.push({
      slot: "checkDrop",
      step: tableStep(pair, create.dropConstraint(x.name, name, { ...so, type: "exclusion" })),
    });
    details.push(`exclusion constraint "${x.name}" removed`);
  }
  for (const [i, x] of added.entries()) {
    const op = createExclusionConstraintOp(name, so.schema, x, `ex_${name}_${i + 1}`);
    steps.push({ slot: "checkAdd", step: tableStep(pair, op) });
    details.push(`exclusion constraint "${(op as { name: string }).name}" added`);
  }
  return { steps, details };
}

/**
 * A `createExclusionConstraint` for constraint `x` of `table`.
 *
 * @param table the table
 * @param schema its schema, if any
 * @param x the constraint
 * @param fallbackName the name when `x` has none
 * @returns the operation
 */
export function createExclusionConstraintOp(
  table: string,
  schema: string | undefined,
  x: ExclusionConstraint,
  fallbackName = `ex_${table}`,
): Operation {
  return create.createExclusionConstraint(x.name ?? fallbackName, table, x.elements, {
    ...(schema ? { schema } : {}),
    ...(x.using && x.using !== "gist" ? { using: x.using } : {}),
    ...(x.where ? { where: x.where } : {}),
    ...(x.deferrable ? { deferrable: true } : {}),
    ...(x.initiallyDeferred ? { initiallyDeferred: true } : {}),
  });
}

/** Same method, elements with operators, predicate and deferrability. */
function sameExclusion(a: ExclusionConstraint, b: ExclusionConstraint): boolean {
  const key = (x: ExclusionConstraint) =>
    [
      (x.using ?? "gist").toLowerCase(),
      ...x.elements.map(({ operator, ...e }) => `${indexColumnKey(e as IndexColumn, sqlKey)} ${operator}`),
      sqlKey(x.where ?? ""),
      x.deferrable || x.initiallyDeferred ? "d" : "",
      x.initiallyDeferred ? "i" : "",
    ].join("\u0001");
  return key(a) === key(b);
}
