/**
 * The orderer: puts a table's steps in script order (by slot, see `TABLE_SLOTS`), sets apart the
 * foreign-key steps that run outside the table's changes, and, where ALTER TABLE cannot change
 * columns or constraints in place (SQLite), gathers those changes into one `batchAlterTable` (a
 * table rebuild, SQLite's 12-step procedure).
 *
 * @module
 */
import { batchAlterTableOf } from "../../operations/batch.ts";
import type { BatchOperation } from "../../operations/types.ts";
import type { DialectCapabilities } from "../../dialects/capabilities.ts";
import { type Placed, type Step, TABLE_SLOTS, type TableSlot } from "./_step.ts";

/** A table's steps in script order. */
export interface OrderedTableSteps {
  /** Foreign keys dropped before any table changes. */
  readonly foreignKeyDrops: readonly Step[];
  /** The table's own changes, in order. */
  readonly changes: readonly Step[];
  /** Foreign keys created after every table exists. */
  readonly foreignKeyCreates: readonly Step[];
}

const RANK: Readonly<Record<TableSlot, number>> = Object.fromEntries(
  TABLE_SLOTS.map((s, i) => [s, i]),
) as Record<
  TableSlot,
  number
>;

/**
 * Order the steps of one table.
 *
 * @param table the table's name
 * @param schema the table's schema, if qualified
 * @param placed the steps from every table comparator, in comparator order
 * @param capabilities what ALTER TABLE can do in place
 * @returns the steps by phase; within a slot, in comparator order
 */
export function orderTableSteps(
  table: string,
  schema: string | undefined,
  placed: readonly Placed[],
  capabilities: DialectCapabilities,
): OrderedTableSteps {
  const inTable = placed.filter((p): p is Placed & { slot: TableSlot } => Object.hasOwn(RANK, p.slot));
  // Array.prototype.sort is stable: steps of one slot keep the comparators' order.
  const ordered = [...inTable].sort((a, b) => RANK[a.slot] - RANK[b.slot]).map((p) => p.step);
  const inPlace = capabilities.alterColumn && capabilities.alterConstraints;
  return {
    foreignKeyDrops: placed.filter((p) => p.slot === "fkDrop").map((p) => p.step),
    changes: inPlace ? ordered : batched(table, schema, ordered),
    foreignKeyCreates: placed.filter((p) => p.slot === "fkCreate").map((p) => p.step),
  };
}

/**
 * Changes that ALTER TABLE cannot make in place (altering a column, adding or dropping a
 * constraint) go into one `batchAlterTable`, with the table's dropped columns; new columns, comments
 * and dropped indexes stay before it, new indexes after it. A table with only simple changes gets
 * no batch.
 */
function batched(table: string, schema: string | undefined, steps: readonly Step[]): Step[] {
  const parts = steps.filter((s) => !s.simple || s.up.kind === "dropColumn");
  if (!parts.some((s) => !s.simple)) return [...steps];
  const inBatch = new Set(parts);
  const batch: Step = {
    up: batchAlterTableOf(table, parts.map((s) => s.up as BatchOperation), {
      recreate: "auto",
      ...(schema ? { schema } : {}),
    }),
    parts,
    comment: parts.map((s) => s.comment).filter(Boolean).join("\n") || undefined,
    table,
  };
  const before = steps.filter((s) => !inBatch.has(s) && s.up.kind !== "createIndex");
  const after = steps.filter((s) => !inBatch.has(s) && s.up.kind === "createIndex");
  return [...before, batch, ...after];
}
