/**
 * The downgrade operation of a step: `reverseOperation` of its upgrade operation, given the table
 * as it was. Three inverses need more of the old table than `reverseOperation`'s `TableBefore`
 * (columns only) holds, so they are read from the step's whole normalised table here: `dropTable`
 * (keys, constraints, indexes and comment besides the columns), `dropConstraint` (the dropped
 * key's definition) and `dropIndex` (the dropped index's definition). An `alterColumn`'s inverse
 * states the column the upgrade leaves as the schema file spells it (`Step.columnAfter`). A
 * `batchAlterTable` the differ made is undone part by part.
 *
 * @module
 */
import { createExclusionConstraintOp } from "./exclusion_constraints.ts";
import { IrreversibleOperationError } from "../../errors.ts";
import { batchAlterTableOf } from "../../operations/batch.ts";
import * as create from "../../operations/create.ts";
import { reverseOperation } from "../../operations/reverse.ts";
import type { BatchOperation, DropConstraintOp, Operation } from "../../operations/types.ts";
import type { NormalizedTable } from "../model.ts";
import { createForeignKeyOp, createIndexOp, createTableOp, deferrableOf } from "./_create_ops.ts";
import type { Step } from "./_step.ts";

/**
 * The operation that undoes `step.up`.
 *
 * @param step an upgrade step, with the table before it where undoing needs an old definition
 * @returns the inverse, or `undefined` when there is none (an enum value cannot be removed; a
 *   dropped object's definition is unknown)
 */
export function inverseOf(step: Step): Operation | undefined {
  const { up, before } = step;
  if (step.down !== undefined) return step.down;
  if (step.parts) {
    const batch = up as Extract<Operation, { kind: "batchAlterTable" }>;
    const downs = [...step.parts].reverse().flatMap((p) => [inverseOf(p), p.downAlso])
      .filter((d): d is Operation => d !== undefined);
    return batchAlterTableOf(batch.table, downs as BatchOperation[], {
      recreate: batch.recreate,
      ...(batch.schema ? { schema: batch.schema } : {}),
    });
  }
  if (before !== undefined) {
    if (up.kind === "dropTable") return createTableOp(up.table, up.schema, before);
    if (up.kind === "dropConstraint") return recreateConstraint(up, before);
    if (up.kind === "dropIndex") {
      const index = before.indexes.find((i) => i.name === up.name);
      const so = up.schema ? { schema: up.schema } : {};
      return index && up.table ? createIndexOp(up.table, so, index) : undefined;
    }
  }
  try {
    const down = reverseOperation(up, before);
    if (down.kind === "alterColumn" && step.columnAfter !== undefined) {
      const { kind: _, table, column, ...options } = down;
      return create.alterColumn(table, column, { ...options, existing: step.columnAfter });
    }
    return down;
  } catch (error) {
    if (error instanceof IrreversibleOperationError) return undefined;
    throw error;
  }
}

/** The operation that creates again the constraint `op` drops, from the table before it. */
function recreateConstraint(op: DropConstraintOp, before: NormalizedTable): Operation | undefined {
  const so = op.schema ? { schema: op.schema } : {};
  switch (op.type) {
    case "primary":
      return before.primaryKey
        ? create.createPrimaryKey(op.name, op.table, before.primaryKey.columns, so)
        : undefined;
    case "unique": {
      const u = before.uniqueConstraints.find((x) => x.name === op.name);
      if (u) {
        return create.createUniqueConstraint(op.name, op.table, u.columns, {
          ...so,
          ...deferrableOf(u),
          ...(u.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
        });
      }
      // Where unique constraints are unique indexes, the dropped one may be written as an index.
      const i = before.indexes.find((x) => x.name === op.name && x.unique);
      return i ? create.createUniqueConstraint(op.name, op.table, i.columns as string[], so) : undefined;
    }
    case "foreignkey": {
      const f = before.foreignKeys.find((x) => x.name === op.name);
      return f ? createForeignKeyOp(op.table, op.schema, f) : undefined;
    }
    case "check": {
      const k = before.checkConstraints.find((x) => x.name === op.name);
      return k
        ? create.createCheckConstraint(op.name, op.table, k.condition, {
          ...so,
          ...(k.notValid ? { notValid: true } : {}),
        })
        : undefined;
    }
    case "exclusion": {
      const x = before.exclusionConstraints.find((c) => c.name === op.name);
      return x ? createExclusionConstraintOp(op.table, op.schema, x) : undefined;
    }
    default:
      return undefined;
  }
}
