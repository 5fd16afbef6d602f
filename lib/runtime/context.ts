/**
 * What a revision script receives: the `op` facade, `sql` for data queries, and facts about the
 * run (DESIGN.md section 4). Scripts import only these types, so the compiled binary can run them
 * without resolving any package.
 *
 * @module
 */
import type { Config } from "../config/config.ts";
import type { DialectName } from "../dialects/dialect.ts";
import type {
  BulkInsertValue,
  Column,
  ColumnReference,
  Operation,
  OperationKind,
  SqlExpression,
  SqlValue,
} from "../operations/types.ts";
import type * as create from "../operations/create.ts";
import { batchAlterTable, type BatchAlterTableOptions, type BatchOperations } from "../operations/batch.ts";
import { FACTORIES } from "../operations/factories.ts";
import { OPERATION_KINDS } from "../operations/signatures.ts";

/** Options of `op.createTable`: table-level constraints, indexes, comment, MySQL table options. */
export type CreateTableOptions = create.CreateTableOptions;

/** The factories behind the `op` methods: the table of plain kinds, plus `batchAlterTable`. */
export const OP_FACTORIES = { ...FACTORIES, batchAlterTable } as const;

/**
 * An `op` method: the arguments of the kind's factory (`lib/operations/create.ts`, as
 * `lib/operations/signatures.ts` declares them), resolving once the operation has run.
 */
export type OpMethod<K extends OperationKind> = (
  ...args: Parameters<(typeof OP_FACTORIES)[K]>
) => Promise<void>;

/**
 * The operations a script can call, with Alembic's argument order and options last.
 *
 * Each call becomes an {@link Operation} and is run (or, in offline mode, printed) in the order
 * the calls were made, whether or not the script awaits the returned promise; the runner waits for
 * all of them before the step commits. Each method takes its factory's arguments ({@link OpMethod}),
 * and the methods themselves are generated from `lib/operations/signatures.ts`.
 */
export interface Op {
  /** Raw SQL with optional bound parameters (`?` placeholders). */
  readonly execute: OpMethod<"execute">;
  /** `CREATE TABLE`; columns keep the key order of `columns`. */
  readonly createTable: OpMethod<"createTable">;
  /** `DROP TABLE`, with `IF EXISTS` when `ifExists` is set (Alembic's `op.drop_table`). */
  readonly dropTable: OpMethod<"dropTable">;
  /** Rename a table; it stays in its schema (Alembic's `op.rename_table`). */
  readonly renameTable: OpMethod<"renameTable">;
  /**
   * `ADD COLUMN` (Alembic's `op.add_column`); `definition.type` is required. SQLite rebuilds the
   * table for what its ALTER TABLE refuses (e.g. a key, `UNIQUE`, a stored generated column).
   */
  readonly addColumn: OpMethod<"addColumn">;
  /** `DROP COLUMN` (Alembic's `op.drop_column`); SQLite rebuilds the table when its ALTER TABLE cannot. */
  readonly dropColumn: OpMethod<"dropColumn">;
  /**
   * `CREATE [UNIQUE] INDEX` on column names or `{ sql }` expressions (Alembic's `op.create_index`);
   * options `unique`, `where` (partial index), `lengths` (MySQL prefix lengths), `concurrently`
   * (PostgreSQL; needs a `nonTransactional` revision), `ifNotExists`, `schema`.
   */
  readonly createIndex: OpMethod<"createIndex">;
  /**
   * `DROP INDEX` (Alembic's `op.drop_index`); MySQL needs `table`. `concurrently` is PostgreSQL's
   * and, like `createIndex`'s, needs a `nonTransactional` revision.
   */
  readonly dropIndex: OpMethod<"dropIndex">;
  /** Multi-row INSERT with escaped literals (works in offline mode too); objects and arrays go in as JSON text. */
  readonly bulkInsert: OpMethod<"bulkInsert">;
  /**
   * Change a column: `type` (PostgreSQL `using`), `nullable`, `default` (`null` drops it), `newName`,
   * `comment`, `autoincrement`; `existing` is the column as it was (MySQL restates it whole). On
   * SQLite anything but a rename rebuilds the table.
   */
  readonly alterColumn: OpMethod<"alterColumn">;
  /**
   * `ADD CONSTRAINT name PRIMARY KEY (columns)` (Alembic's `op.create_primary_key`). MySQL always
   * names it `PRIMARY`; SQLite rebuilds the table.
   */
  readonly createPrimaryKey: OpMethod<"createPrimaryKey">;
  /**
   * `ADD CONSTRAINT name UNIQUE (columns)` (Alembic's `op.create_unique_constraint`); `deferrable`
   * and `initiallyDeferred` are refused on MySQL. SQLite rebuilds the table.
   */
  readonly createUniqueConstraint: OpMethod<"createUniqueConstraint">;
  /** Alembic's argument order: name, source table, referenced table, local columns, remote columns. */
  readonly createForeignKey: OpMethod<"createForeignKey">;
  /**
   * `ADD CONSTRAINT name CHECK (condition)`, `condition` being SQL (Alembic's
   * `op.create_check_constraint`). SQLite rebuilds the table.
   */
  readonly createCheckConstraint: OpMethod<"createCheckConstraint">;
  /** PostgreSQL `EXCLUDE USING` (Alembic's `op.create_exclude_constraint`); other dialects refuse it. */
  readonly createExclusionConstraint: OpMethod<"createExclusionConstraint">;
  /** `type` is needed on MySQL (`"foreignkey"`, `"primary"`, `"unique"`, `"check"`). */
  readonly dropConstraint: OpMethod<"dropConstraint">;
  /**
   * Set a table comment (Alembic's `op.create_table_comment`); `existingComment`, the comment it
   * replaces, lets the inverse restore it. Renders nothing on SQLite, which stores no comments.
   */
  readonly createTableComment: OpMethod<"createTableComment">;
  /**
   * Remove a table comment (Alembic's `op.drop_table_comment`); without `existingComment` it has no
   * inverse. Renders nothing on SQLite.
   */
  readonly dropTableComment: OpMethod<"dropTableComment">;
  /** PostgreSQL `CREATE TYPE ... AS ENUM`; renders nothing elsewhere. */
  readonly createEnum: OpMethod<"createEnum">;
  /** PostgreSQL `DROP TYPE`; renders nothing elsewhere. */
  readonly dropEnum: OpMethod<"dropEnum">;
  /** PostgreSQL `ALTER TYPE ... ADD VALUE`. */
  readonly addEnumValue: OpMethod<"addEnumValue">;
  /** `CREATE SCHEMA [IF NOT EXISTS]` (a database on MySQL); refused on SQLite, where schemas are files. */
  readonly createSchema: OpMethod<"createSchema">;
  /**
   * `DROP SCHEMA [IF EXISTS] [CASCADE]`; on MySQL it drops the database and all it holds (`cascade`
   * is ignored). Refused on SQLite.
   */
  readonly dropSchema: OpMethod<"dropSchema">;
  /** `CREATE VIEW name AS definition`; `CREATE OR REPLACE` is {@link Op.replaceView}. */
  readonly createView: OpMethod<"createView">;
  /** `DROP VIEW`; `definition` (the query it had) makes it reversible. */
  readonly dropView: OpMethod<"dropView">;
  /** Change a view's query (`CREATE OR REPLACE VIEW`; drop and create on SQLite). */
  readonly replaceView: OpMethod<"replaceView">;
  /** PostgreSQL `CREATE MATERIALIZED VIEW`. */
  readonly createMaterializedView: OpMethod<"createMaterializedView">;
  /** PostgreSQL `DROP MATERIALIZED VIEW`. */
  readonly dropMaterializedView: OpMethod<"dropMaterializedView">;
  /** Run a routine's whole `CREATE FUNCTION`/`PROCEDURE`/`AGGREGATE` statement (not on SQLite). */
  readonly createFunction: OpMethod<"createFunction">;
  /** `DROP FUNCTION`/`PROCEDURE`/`AGGREGATE` (name with argument types on PostgreSQL). */
  readonly dropFunction: OpMethod<"dropFunction">;
  /** Run a trigger's whole `CREATE TRIGGER` statement. */
  readonly createTrigger: OpMethod<"createTrigger">;
  /** `DROP TRIGGER` (`ON table` on PostgreSQL). */
  readonly dropTrigger: OpMethod<"dropTrigger">;
  /** PostgreSQL `CREATE SEQUENCE`. */
  readonly createSequence: OpMethod<"createSequence">;
  /** PostgreSQL `ALTER SEQUENCE`. */
  readonly alterSequence: OpMethod<"alterSequence">;
  /** PostgreSQL `DROP SEQUENCE`. */
  readonly dropSequence: OpMethod<"dropSequence">;
  /** PostgreSQL `CREATE EXTENSION`. */
  readonly createExtension: OpMethod<"createExtension">;
  /** PostgreSQL `DROP EXTENSION`. */
  readonly dropExtension: OpMethod<"dropExtension">;
  /** PostgreSQL `CREATE DOMAIN`. */
  readonly createDomain: OpMethod<"createDomain">;
  /** PostgreSQL `DROP DOMAIN`. */
  readonly dropDomain: OpMethod<"dropDomain">;
  /**
   * Group changes to one table (Alembic's `batch_alter_table`): on SQLite one table rebuild
   * (`recreate: "auto"` when needed, `"always"`, or `"never"` which fails when one is needed);
   * elsewhere the changes run one by one. `build` is called at once and must not be async.
   */
  readonly batchAlterTable: OpMethod<"batchAlterTable">;
}

/** Exactly `A` and `B` are the same union (a compile-time check). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Op lists each kind of the signature table once, so a kind without a method fails to compile.
const _opCoversEveryKind: Same<keyof Op, OperationKind> = true;

/**
 * Run queries for data migrations: a tagged template whose interpolations become bound
 * parameters (`` await sql`SELECT id FROM account WHERE name = ${name}` ``), or `sql.query(text, params)`.
 * Resolves to the rows as plain objects.
 *
 * @throws {RuntimeFailure} in offline (`--sql`) mode, where there is no database to ask
 */
export interface SqlRunner {
  (strings: TemplateStringsArray, ...values: BulkInsertValue[]): Promise<Record<string, unknown>[]>;
  /**
   * Run `text` (`?` placeholders) with `params` bound (default none; a plain object or array is
   * bound as its JSON text); resolves to the rows.
   */
  query(text: string, params?: readonly BulkInsertValue[]): Promise<Record<string, unknown>[]>;
}

/** The single argument of a script's `upgrade` and `downgrade` functions. */
export interface MigrationContext {
  /** The operations (Alembic's `op`): queued and run in call order, or printed in offline mode. */
  readonly op: Op;
  /**
   * Data queries on the migration's connection, in the step's transaction if it has one; they reject in
   * offline mode. A query runs at once, not after `op` calls still queued: await those first.
   */
  readonly sql: SqlRunner;
  /** The database family: `sqlite`, `postgresql` or `mysql`. */
  readonly dialect: DialectName;
  /** `-x key=value` arguments from the command line. */
  readonly x: Readonly<Record<string, string>>;
  /** The resolved configuration of the run (print its `url` only through `maskUrl`). */
  readonly config: Config;
  /** True in offline (`--sql`) mode. */
  readonly offline: boolean;
  /** The id of the revision being run. */
  readonly revision: string;
  /** `up` while `upgrade()` runs, `down` while `downgrade()` runs. */
  readonly direction: "up" | "down";
  /** The `--tag` given on the command line, if any (Alembic's `get_tag_argument()`). */
  readonly tag?: string;
}

/** Where `op` calls go: the runner executes them, offline mode prints them. */
export type OperationSink = (operation: Operation, callSite: string | undefined) => Promise<void>;

/**
 * Build the `op` facade that turns each call into an operation and hands it to `sink`, strictly in
 * call order. `pending()` resolves when every call made so far has been handled, or rejects with
 * the first failure (later calls are then not run).
 *
 * @param sink receives each operation and the `file:line` of the script call that made it
 * @param scriptPath absolute path of the script, used to find the call site in stack traces
 * @returns the facade and a function that waits for all queued operations
 */
export function createOpFacade(
  sink: OperationSink,
  scriptPath: string,
): { op: Op; pending: () => Promise<void> } {
  let tail: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | undefined;
  const enqueue = (make: () => Operation): Promise<void> => {
    const callSite = findCallSite(new Error().stack, scriptPath);
    // Build the operation now so argument errors point at the call, then queue its execution.
    let operation: Operation;
    try {
      operation = make();
    } catch (error) {
      failure ??= { error: withCallSite(error, callSite) };
      // The runner owns this promise too: `pending()` reports the failure, so a script that does
      // not await the call must not leave an unhandled rejection behind.
      const rejected = Promise.reject(failure.error);
      rejected.catch(() => {});
      return rejected;
    }
    const run = tail.then(() => {
      if (failure) throw failure.error;
      return sink(operation, callSite).catch((error) => {
        failure ??= { error };
        throw error;
      });
    });
    // The chain itself must never reject, or an un-awaited call would be an unhandled rejection.
    tail = run.catch(() => {});
    run.catch(() => {});
    return run;
  };
  const op: Record<string, (...args: unknown[]) => Promise<void>> = {};
  for (const kind of OPERATION_KINDS) {
    const factory = OP_FACTORIES[kind] as (...args: unknown[]) => Operation;
    op[kind] = (...args) => enqueue(() => factory(...args));
  }
  const pending = async () => {
    await tail;
    if (failure) throw failure.error;
  };
  return { op: op as unknown as Op, pending };
}

function withCallSite(error: unknown, callSite: string | undefined): unknown {
  if (error instanceof Error && callSite && !error.message.includes(callSite)) {
    error.message = `${error.message} (at ${callSite})`;
  }
  return error;
}

/**
 * Find `file:line` of the first stack frame inside the script, so errors point at the `op` call.
 *
 * @param stack an `Error().stack`
 * @param scriptPath absolute path of the script
 * @returns `path:line`, or undefined when the script is not on the stack (e.g. after an `await`)
 */
export function findCallSite(stack: string | undefined, scriptPath: string): string | undefined {
  if (!stack || !scriptPath) return undefined;
  for (const line of stack.split("\n")) {
    const at = line.indexOf(scriptPath);
    if (at < 0) continue;
    const m = /^:(\d+)/.exec(line.slice(at + scriptPath.length));
    if (m) return `${scriptPath}:${m[1]}`;
  }
  return undefined;
}

/** Make the `sql` runner from a query function (online) or a refusal (offline). */
export function createSqlRunner(
  query: (text: string, params: readonly SqlValue[]) => Promise<Record<string, unknown>[]>,
): SqlRunner {
  // A plain object or array is a JSON value, bound as its JSON text (as bulkInsert writes it).
  const encode = (values: readonly BulkInsertValue[]): SqlValue[] =>
    values.map((v) =>
      Array.isArray(v) ||
        (typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype)
        ? JSON.stringify(v)
        : v as SqlValue
    );
  const runner =
    ((strings: TemplateStringsArray, ...values: BulkInsertValue[]) =>
      query(strings.join("?"), encode(values))) as SqlRunner;
  runner.query = (text, params = []) => query(text, encode(params));
  return runner;
}

export type { BatchAlterTableOptions, BatchOperations, Column, ColumnReference, SqlExpression, SqlValue };
