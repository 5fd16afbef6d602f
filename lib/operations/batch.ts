/**
 * Batch operations (Alembic's `batch_alter_table`): several changes to one table collected into one
 * {@link BatchAlterTableOp}. On SQLite the changes share one table rebuild (see
 * `lib/dialects/sqlite/rebuild.ts`); elsewhere they run one by one.
 *
 * @module
 */
import type * as create from "./create.ts";
import { FACTORIES } from "./factories.ts";
import {
  type BatchKind,
  type BatchRule,
  OPERATION_KINDS,
  parseArg,
  signatureOf,
  type SIGNATURES,
} from "./signatures.ts";
import type {
  BatchAlterTableOp,
  BatchOperation,
  Column,
  ConstraintType,
  DeferrableOptions,
  IndexColumn,
  Operation,
  RecreateMode,
} from "./types.ts";

/** The kinds `batchAlterTable` accepts: those whose signature has a batch rule. */
const BATCH_KINDS: ReadonlySet<string> = new Set(
  OPERATION_KINDS.filter((kind) => signatureOf(kind).batch !== false),
);

/** Exactly `A` and `B` are the same union (a compile-time check). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// The table's batch kinds, the BatchOperation union and the BatchOperations interface must agree.
const _batchKindsMatchUnion: Same<BatchKind, BatchOperation["kind"]> = true;
const _batchFacadeMatchesTable: Same<keyof BatchOperations, BatchKind> = true;

/** The leading required elements of a parameter tuple (the positional arguments before options). */
type Leading<T extends readonly unknown[]> = T extends readonly [infer H, ...infer R] ? [H, ...Leading<R>]
  : [];
/** Where `V` is in tuple `T`, or -1. */
type IndexOf<T extends readonly unknown[], V, Seen extends unknown[] = []> = T extends
  readonly [infer H, ...infer R] ? (H extends V ? Seen["length"] : IndexOf<R, V, [...Seen, H]>) : -1;
/** Tuple `T` without its element at `I`. */
type DropAt<T extends readonly unknown[], I extends number, Seen extends unknown[] = []> = T extends
  readonly [infer H, ...infer R] ? (Seen["length"] extends I ? [...Seen, ...R] : DropAt<R, I, [...Seen, H]>)
  : Seen;
/** A batch method's positional arguments are its factory's without `table` (per the signature). */
type BatchArgsMatch = {
  [K in BatchKind]: Same<
    Leading<Parameters<BatchOperations[K]>>,
    DropAt<Leading<Parameters<(typeof FACTORIES)[K]>>, IndexOf<(typeof SIGNATURES)[K]["args"], "table">>
  >;
}[BatchKind];
const _batchArgsMatchFactories: Same<BatchArgsMatch, true> = true;

/**
 * Whether an operation is one `batchAlterTable` accepts (and so one a SQLite rebuild can carry).
 *
 * @param op any operation
 * @returns true for the batch kinds
 */
export function isBatchOperation(op: Operation): op is BatchOperation {
  return BATCH_KINDS.has(op.kind);
}

/** Options of {@link batchAlterTable}. */
export interface BatchAlterTableOptions {
  /**
   * Alembic's meaning: `"auto"` (default) rebuilds on SQLite only when a change needs it,
   * `"always"` rebuilds on SQLite even when ALTER TABLE would do, `"never"` never rebuilds and fails
   * when a change needs it. PostgreSQL and MySQL never rebuild.
   */
  readonly recreate?: RecreateMode;
  /**
   * Schema holding the table (a database on MySQL, an attached database on SQLite); every change in
   * the batch gets it.
   */
  readonly schema?: string;
}

/**
 * The object handed to a `batchAlterTable` callback: the table operations without the table
 * argument (Alembic's `batch_op`).
 */
export interface BatchOperations {
  /** Add a column (Alembic's `batch_op.add_column`), as `op.addColumn` does. */
  addColumn(column: string, definition: Column): void;
  /** Drop a column (Alembic's `batch_op.drop_column`). */
  dropColumn(column: string): void;
  /** Change a column (Alembic's `batch_op.alter_column`); `options` as for `op.alterColumn`. */
  alterColumn(column: string, options: Omit<create.AlterColumnOptions, "schema">): void;
  /** Create an index on the table (Alembic's `batch_op.create_index`); `concurrently` is not offered. */
  createIndex(
    name: string,
    columns: readonly IndexColumn[],
    options?: Omit<create.CreateIndexOptions, "schema" | "concurrently">,
  ): void;
  /** Drop an index (Alembic's `batch_op.drop_index`); the batch's table is filled in, as MySQL needs. */
  dropIndex(name: string, options?: { ifExists?: boolean }): void;
  /** Add a primary key (Alembic's `batch_op.create_primary_key`). */
  createPrimaryKey(name: string, columns: readonly string[]): void;
  /**
   * Add a unique constraint (Alembic's `batch_op.create_unique_constraint`); `options` sets
   * deferrability.
   */
  createUniqueConstraint(name: string, columns: readonly string[], options?: DeferrableOptions): void;
  /**
   * Add a foreign key from this table to `referencedTable` (Alembic's
   * `batch_op.create_foreign_key(name, referent, local_cols, remote_cols)`).
   */
  createForeignKey(
    name: string,
    referencedTable: string,
    columns: readonly string[],
    referencedColumns: readonly string[],
    options?: Omit<create.CreateForeignKeyOptions, "schema">,
  ): void;
  /** Add a check constraint, `condition` as SQL (Alembic's `batch_op.create_check_constraint`). */
  createCheckConstraint(name: string, condition: string): void;
  /** Drop a constraint (Alembic's `batch_op.drop_constraint`); MySQL needs `type`. */
  dropConstraint(name: string, options?: { type?: ConstraintType }): void;
}

const RECREATE: readonly RecreateMode[] = ["auto", "always", "never"];

/**
 * Collect the changes made by `build` into one {@link BatchAlterTableOp} (Alembic's
 * `op.batch_alter_table(table, recreate=...)`). `build` runs at once and must not be async: the
 * changes are data, applied after it returns.
 *
 * @param table table name
 * @param build receives a {@link BatchOperations} and calls its methods in order
 * @param options `recreate` (default `"auto"`), `schema`
 * @returns a frozen {@link BatchAlterTableOp}
 * @throws {TypeError} when `build` is not a function, returns a promise, or a change is invalid
 *   (the change's own factory message)
 * @throws {RangeError} for an unknown `recreate`
 * @example
 * ```ts
 * import { batchAlterTable } from "./batch.ts";
 * const op = batchAlterTable("account", (b) => {
 *   b.alterColumn("name", { type: "varchar(100)" });
 *   b.dropColumn("legacy");
 * }, { recreate: "auto" });
 * ```
 */
export function batchAlterTable(
  table: string,
  build: (batch: BatchOperations) => void,
  options: BatchAlterTableOptions = {},
): BatchAlterTableOp {
  const what = `batchAlterTable operation for "${table}"`;
  if (typeof build !== "function") {
    throw new TypeError(`Cannot create ${what}: the second argument must be a function`);
  }
  const collected: BatchOperation[] = [];
  const s = options?.schema ? { schema: options.schema } : {};
  const batch = batchFacade(table, s, (op) => void collected.push(op));
  const result = build(batch) as unknown;
  if (result instanceof Promise) {
    throw new TypeError(
      `Cannot create ${what}: the callback must not be async (changes are collected as data)`,
    );
  }
  return batchAlterTableOf(table, collected, options);
}

/**
 * Build a {@link BatchAlterTableOp} from operations already made (autogenerate and renderers use it).
 *
 * @param table table name; every operation must name it
 * @param operations the changes, in order
 * @param options `recreate` (default `"auto"`), `schema`
 * @returns a frozen {@link BatchAlterTableOp}
 * @throws {TypeError} when an operation is not a batch kind or names another table
 * @throws {RangeError} for an unknown `recreate`
 */
export function batchAlterTableOf(
  table: string,
  operations: readonly BatchOperation[],
  options: BatchAlterTableOptions = {},
): BatchAlterTableOp {
  const what = `batchAlterTable operation for "${table}"`;
  if (typeof table !== "string" || table.trim() === "") {
    throw new TypeError("Cannot create batchAlterTable operation: table name is empty");
  }
  const recreate = options.recreate ?? "auto";
  if (!RECREATE.includes(recreate)) {
    throw new RangeError(
      `Cannot create ${what}: recreate is ${
        JSON.stringify(recreate)
      } (expected one of "auto", "always", "never")`,
    );
  }
  for (const key of Object.keys(options)) {
    if (key !== "recreate" && key !== "schema") {
      throw new TypeError(
        `Cannot create ${what}: unknown option "${key}" (expected one of recreate, schema)`,
      );
    }
  }
  for (const op of operations) {
    if (!BATCH_KINDS.has(op.kind)) {
      throw new TypeError(`Cannot create ${what}: "${op.kind}" cannot be batched`);
    }
    // A kind whose table is a positional argument must name the batch's; dropIndex's is optional.
    if (signatureOf(op.kind).args.includes("table") && op.table !== table) {
      throw new TypeError(`Cannot create ${what}: a "${op.kind}" names table "${op.table}"`);
    }
  }
  return Object.freeze({
    kind: "batchAlterTable",
    table,
    ...(options.schema ? { schema: options.schema } : {}),
    recreate,
    operations: Object.freeze([...operations]),
  });
}

/**
 * The `batch` object of a `batchAlterTable` callback, generated from the signature table: each
 * method takes the kind's positional arguments without `table`, then (when the kind's batch rule
 * names options) the options; the batch's table and schema are filled in before the factory runs.
 */
function batchFacade(
  table: string,
  schema: { readonly schema?: string },
  collect: (op: BatchOperation) => void,
): BatchOperations {
  const batch: Record<string, (...args: unknown[]) => void> = {};
  for (const kind of OPERATION_KINDS) {
    const signature = signatureOf(kind);
    if (signature.batch === false) continue;
    const rule: BatchRule = signature.batch;
    const factory = FACTORIES[kind as BatchKind] as (...args: unknown[]) => BatchOperation;
    const names = signature.args.map((arg) => parseArg(arg).name);
    const tableAt = names.indexOf("table");
    const own = names.length - (tableAt < 0 ? 0 : 1);
    batch[kind] = (...args) => {
      const given = args.slice(0, own);
      const options = rule.options.length > 0 ? args[own] as object | undefined : undefined;
      const positional = tableAt < 0 ? given : [...given.slice(0, tableAt), table, ...given.slice(tableAt)];
      // dropIndex takes its table as an option (MySQL needs it); the others positionally.
      collect(factory(...positional, { ...options, ...(tableAt < 0 ? { table } : {}), ...schema }));
    };
  }
  return batch as unknown as BatchOperations;
}
