/**
 * The inverse of an operation, as Alembic's `MigrateOperation.reverse()`: what autogenerate writes
 * into `downgrade` for each upgrade operation (in reverse order).
 *
 * @module
 */
import { IrreversibleOperationError } from "../errors.ts";
import { addColumn, createTable, dropColumn, dropIndex, dropTable, renameTable } from "./create.ts";
import type { Column, Operation, OperationKind } from "./types.ts";

/**
 * What was known about a table before the operation ran. `reverseOperation` needs it where the
 * operation itself forgets the definition: `dropTable` (all columns) and `dropColumn` (that column).
 * A schema model's table (`{ columns: Record<string, Column> }`) fits this shape.
 */
export interface TableBefore {
  readonly columns: Readonly<Record<string, Column>>;
}

type Reverser = {
  [K in OperationKind]: (op: Extract<Operation, { kind: K }>, before?: TableBefore) => Operation;
};

const REVERSERS: Reverser = {
  execute: (op) => irreversible(op.kind, "raw SQL has no known inverse"),
  createTable: (op) =>
    dropTable(op.table, {
      ...(op.schema ? { schema: op.schema } : {}),
      ...(op.ifNotExists ? { ifExists: true } : {}),
    }),
  dropTable: (op, before) => {
    if (before === undefined) {
      return irreversible(
        op.kind,
        `the definition of table "${op.table}" is unknown (pass the table as it was)`,
      );
    }
    return createTable(op.table, before.columns, {
      ...(op.schema ? { schema: op.schema } : {}),
      ...(op.ifExists ? { ifNotExists: true } : {}),
    });
  },
  renameTable: (op) => renameTable(op.newName, op.table, op.schema ? { schema: op.schema } : {}),
  addColumn: (op) => dropColumn(op.table, op.column, op.schema ? { schema: op.schema } : {}),
  dropColumn: (op, before) => {
    const definition = before?.columns[op.column];
    if (definition === undefined) {
      return irreversible(
        op.kind,
        `the definition of column "${op.table}.${op.column}" is unknown (pass the table as it was)`,
      );
    }
    return addColumn(op.table, op.column, definition, op.schema ? { schema: op.schema } : {});
  },
  createIndex: (op) =>
    dropIndex(op.name, {
      table: op.table,
      ...(op.schema ? { schema: op.schema } : {}),
      ...(op.ifNotExists ? { ifExists: true } : {}),
    }),
  dropIndex: (op) => irreversible(op.kind, `the columns of index "${op.name}" are unknown`),
  bulkInsert: (op) =>
    irreversible(op.kind, `the rows inserted into "${op.table}" cannot be told from older rows`),
};

/**
 * The operation that undoes `op` (Alembic's `reverse()`): `createTable` <-> `dropTable`,
 * `renameTable` (names swapped), `addColumn` <-> `dropColumn`, `createIndex` -> `dropIndex`
 * (keeping the table, which MySQL needs). Reversing twice gives the operation back wherever the
 * definition is known.
 *
 * @param op the operation to undo
 * @param before the table as it was before `op`; needed to reverse `dropTable` and `dropColumn`
 * @returns a new frozen operation
 * @throws {IrreversibleOperationError} for `execute`, `bulkInsert`, `dropIndex`, and for `dropTable` /
 *   `dropColumn` without `before`
 * @example
 * ```ts
 * import { addColumn } from "./create.ts";
 * import { reverseOperation } from "./reverse.ts";
 * const down = reverseOperation(addColumn("account", "email", { type: "text" }));
 * // { kind: "dropColumn", table: "account", column: "email" }
 * ```
 */
export function reverseOperation(op: Operation, before?: TableBefore): Operation {
  const reverser = REVERSERS[op.kind] as (op: Operation, before?: TableBefore) => Operation;
  return reverser(op, before);
}

function irreversible(kind: OperationKind, why: string): never {
  throw new IrreversibleOperationError(`Cannot reverse "${kind}": ${why}`, kind);
}
