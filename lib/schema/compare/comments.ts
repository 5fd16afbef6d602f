/**
 * The comment of a table present on both sides, where the database stores comments (`comments`;
 * SQLite stores none, so a schema file's comment is never a difference there).
 *
 * @module
 */
import * as create from "../../operations/create.ts";
import { type TableComparison, type TablePair, tableStep } from "./_step.ts";

/**
 * Compare the table comments of `pair`'s table.
 *
 * @param pair the table on both sides and the normaliser
 * @returns a `createTableComment` or `dropTableComment` step (slot `other`, recording the comment
 *   it replaces) and a detail line, or nothing
 */
export function compareComments(pair: TablePair): TableComparison {
  const { target: t, current: c, normalizer: n, name, so } = pair;
  if ((t.comment ?? null) === (c.comment ?? null) || !n.capabilities.comments) {
    return { steps: [], details: [] };
  }
  const up = t.comment !== undefined
    ? create.createTableComment(name, t.comment, {
      ...so,
      ...(c.comment !== undefined ? { existingComment: c.comment } : {}),
    })
    : create.dropTableComment(name, { ...so, existingComment: c.comment! });
  return {
    steps: [{ slot: "other", step: tableStep(pair, up, { simple: true }) }],
    details: ["comment changed"],
  };
}
