/**
 * What one statement does to the database, as plain data: the dialects' linters
 * (`lib/dialects/<name>/lint.ts`) turn SQL text or an operation into these facts, in the database's
 * own terms (its lock names, whether it rewrites the table), and the shared rules (`rules.ts`) turn
 * facts into findings. A fact a database does not have is left undefined, so a rule about it never
 * fires there (e.g. `concurrently` is only ever set by PostgreSQL's linter).
 *
 * @module
 */
import type { Operation } from "../operations/types.ts";
import type { SqlStatement } from "../dialects/statement.ts";

/** The kind of change a statement makes. */
export type ChangeAction =
  | "create-table"
  | "drop-table"
  | "rename-table"
  | "add-column"
  | "drop-column"
  | "rename-column"
  | "alter-column-type"
  | "set-not-null"
  | "create-index"
  | "drop-index"
  | "add-foreign-key"
  | "add-check"
  | "add-unique"
  | "add-primary-key"
  | "rebuild-table"
  | "data-change"
  | "add-enum-value"
  | "other-ddl"
  | "other";

/** One change a statement makes, with what the database does to run it. */
export interface StatementFacts {
  /** The kind of change. */
  readonly action: ChangeAction;
  /** The table it changes (unqualified name), when there is one. */
  readonly table?: string;
  /** The column it changes, when there is one. */
  readonly column?: string;
  /** The lock the database takes on `table`, in the database's words (PostgreSQL: docs section 13.3). */
  readonly lockLevel?: string;
  /** The statement rewrites or copies every row of `table` while holding `lockLevel`. */
  readonly rewritesTable?: boolean;
  /** `true`/`false` where the database can build or drop the index without blocking writes. */
  readonly concurrently?: boolean;
  /** `true`/`false` where the database can add the constraint without checking existing rows. */
  readonly notValid?: boolean;
  /** `true`/`false` where a unique or primary key constraint can take over an existing index. */
  readonly usingIndex?: boolean;
  /** Adding a NOT NULL column without a default: fails on a table that has rows. */
  readonly notNullWithoutDefault?: boolean;
  /** The new type holds fewer values than the old one (known only when the operation says both). */
  readonly narrowing?: boolean;
}

/** A dialect's statement analysis for `migrate lint`. */
export interface DialectLinter {
  /**
   * The facts of one SQL statement of a `.sql` revision or of `op.execute`.
   * @param sql one statement
   */
  statement(sql: string): Promise<StatementFacts[]>;
  /**
   * The facts of one operation of a TypeScript revision, given the statements it renders to.
   * @param op the operation
   * @param statements what the dialect rendered for it (several for a SQLite table rebuild)
   */
  operation(op: Operation, statements: readonly SqlStatement[]): Promise<StatementFacts[]>;
}
