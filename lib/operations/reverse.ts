/**
 * The inverse of an operation, as Alembic's `MigrateOperation.reverse()`: what autogenerate writes
 * into `downgrade` for each upgrade operation (in reverse order).
 *
 * @module
 */
import { IrreversibleOperationError } from "../errors.ts";
import { batchAlterTableOf } from "./batch.ts";
import {
  addColumn,
  alterColumn,
  type AlterColumnOptions,
  createEnum,
  createSchema,
  createTable,
  createTableComment,
  dropColumn,
  dropConstraint,
  dropEnum,
  dropIndex,
  dropSchema,
  dropTable,
  dropTableComment,
  renameTable,
} from "./create.ts";
import { OBJECT_REVERSERS } from "./reverse_objects.ts";
import { type ReversibleKind, signatureOf } from "./signatures.ts";
import type { BatchOperation, Column, Operation, OperationKind } from "./types.ts";

/**
 * What was known about a table before the operation ran. `reverseOperation` needs it where the
 * operation itself forgets the definition: `dropTable` (all columns) and `dropColumn` (that column).
 * A schema model's table (`{ columns: Record<string, Column> }`) fits this shape.
 */
export interface TableBefore {
  readonly columns: Readonly<Record<string, Column>>;
}

/**
 * One inverse per kind the signature table calls reversible: a kind marked reversible without an
 * entry here, or an entry for a kind marked irreversible, fails to compile.
 */
type Reverser = {
  [K in ReversibleKind]: (op: Extract<Operation, { kind: K }>, before?: TableBefore) => Operation;
};

const REVERSERS: Reverser = {
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
  alterColumn: (op) => {
    const e = op.existing;
    const missing = (what: string) =>
      irreversible(op.kind, `the previous ${what} of "${op.table}.${op.column}" is unknown (pass existing)`);
    const back: Record<string, unknown> = {};
    if (op.type !== undefined) back.type = e?.type ?? missing("type");
    if (op.nullable !== undefined) {
      back.nullable = e === undefined ? missing("nullability") : e.nullable ?? true;
    }
    if (op.default !== undefined) back.default = e === undefined ? missing("default") : e.default ?? null;
    if (op.comment !== undefined) back.comment = e === undefined ? missing("comment") : e.comment ?? null;
    if (op.autoincrement !== undefined) back.autoincrement = !op.autoincrement;
    if (op.newName !== undefined) back.newName = op.column;
    if (e !== undefined) {
      const after: Record<string, unknown> = { ...e };
      for (const key of ["type", "nullable", "comment", "autoincrement"] as const) {
        if (op[key] !== undefined) after[key] = op[key] ?? undefined;
      }
      if (op.default !== undefined) after.default = op.default ?? undefined;
      for (const key of Object.keys(after)) if (after[key] === undefined) delete after[key];
      back.existing = after;
    }
    if (op.schema) back.schema = op.schema;
    return alterColumn(op.table, op.newName ?? op.column, back as AlterColumnOptions);
  },
  createPrimaryKey: (op) => dropConstraint(op.name, op.table, { type: "primary", ...schema(op.schema) }),
  createUniqueConstraint: (op) => dropConstraint(op.name, op.table, { type: "unique", ...schema(op.schema) }),
  createForeignKey: (op) => dropConstraint(op.name, op.table, { type: "foreignkey", ...schema(op.schema) }),
  createCheckConstraint: (op) => dropConstraint(op.name, op.table, { type: "check", ...schema(op.schema) }),
  createExclusionConstraint: (op) =>
    dropConstraint(op.name, op.table, { type: "exclusion", ...schema(op.schema) }),
  createTableComment: (op) =>
    op.existingComment === undefined
      ? dropTableComment(op.table, { existingComment: op.comment, ...schema(op.schema) })
      : createTableComment(op.table, op.existingComment, {
        existingComment: op.comment,
        ...schema(op.schema),
      }),
  dropTableComment: (op) =>
    op.existingComment === undefined
      ? irreversible(op.kind, `the comment of "${op.table}" is unknown (pass existingComment)`)
      : createTableComment(op.table, op.existingComment, schema(op.schema)),
  createEnum: (op) => dropEnum(op.name, { values: op.values, ...schema(op.schema) }),
  dropEnum: (op) =>
    op.values === undefined
      ? irreversible(op.kind, `the values of enum "${op.name}" are unknown (pass values)`)
      : createEnum(op.name, op.values, schema(op.schema)),
  createSchema: (op) => dropSchema(op.name, op.ifNotExists ? { ifExists: true } : {}),
  dropSchema: (op) => createSchema(op.name, op.ifExists ? { ifNotExists: true } : {}),
  ...OBJECT_REVERSERS,
  batchAlterTable: (op, before) =>
    batchAlterTableOf(
      op.table,
      [...op.operations].reverse().map((inner) => reverseOperation(inner, before) as BatchOperation),
      { recreate: op.recreate, ...schema(op.schema) },
    ),
};

function schema(name: string | undefined): { schema?: string } {
  return name ? { schema: name } : {};
}

/**
 * The operation that undoes `op` (Alembic's `reverse()`): `createTable` <-> `dropTable`,
 * `renameTable` (names swapped), `addColumn` <-> `dropColumn`, `createIndex` -> `dropIndex`
 * (keeping the table, which MySQL needs), `alterColumn` back to `existing`, each `create*Constraint`
 * / `createPrimaryKey` / `createForeignKey` -> `dropConstraint` with its type, table comments back
 * to `existingComment`, `createEnum` <-> `dropEnum` (with `values`), `createSchema` <-> `dropSchema`,
 * and `batchAlterTable` as the batch of its reversed operations in reverse order. Reversing twice
 * gives the operation back wherever the definition is known.
 *
 * @param op the operation to undo
 * @param before the table as it was before `op`; needed to reverse `dropTable` and `dropColumn`
 * @returns a new frozen operation
 * @throws {IrreversibleOperationError} for `execute`, `bulkInsert`, `dropIndex`, `dropConstraint`,
 *   `addEnumValue`, for `dropTable` / `dropColumn` without `before`, and for `alterColumn`,
 *   `dropTableComment`, `dropEnum` without the previous state
 * @example
 * ```ts
 * import { addColumn } from "./create.ts";
 * import { reverseOperation } from "./reverse.ts";
 * const down = reverseOperation(addColumn("account", "email", { type: "text" }));
 * // { kind: "dropColumn", table: "account", column: "email" }
 * ```
 */
export function reverseOperation(op: Operation, before?: TableBefore): Operation {
  const rule = signatureOf(op.kind).reverse;
  if ("irreversible" in rule) {
    // The table's reason may name the operation's fields: `{name}` becomes the index's name.
    const fields = op as unknown as Record<string, unknown>;
    return irreversible(op.kind, rule.irreversible.replace(/\{(\w+)\}/g, (_, key) => String(fields[key])));
  }
  const reverser = REVERSERS[op.kind as ReversibleKind] as (op: Operation, before?: TableBefore) => Operation;
  return reverser(op, before);
}

function irreversible(kind: OperationKind, why: string): never {
  throw new IrreversibleOperationError(`Cannot reverse "${kind}": ${why}`, kind);
}
