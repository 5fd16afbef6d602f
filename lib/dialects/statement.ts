import type { Operation, SqlValue } from "../operations/types.ts";

/**
 * One SQL statement produced by a dialect, with where it came from.
 *
 * `params` are bound values for `?` placeholders (only `execute` produces them; offline mode
 * inlines them as escaped literals). `transactional: false` marks statements the database refuses
 * inside a transaction block (e.g. PostgreSQL's `CREATE INDEX CONCURRENTLY`).
 */
export interface SqlStatement {
  /** The statement's text; `?` marks each bound parameter. */
  readonly sql: string;
  /** Values for the `?` placeholders, in order (only `execute` operations have them). */
  readonly params?: readonly SqlValue[];
  /** A `-- comment` printed before the statement in offline output. */
  readonly comment?: string;
  /** The operation that produced it, when there is one. */
  readonly source?: Operation;
  /**
   * `false` for a statement the database refuses inside a transaction block (PostgreSQL's `CREATE`
   * / `DROP INDEX CONCURRENTLY`); the revision must then be `nonTransactional`. Absent means `true`.
   */
  readonly transactional?: boolean;
  /**
   * The statement is a query that must return no rows (SQLite's `PRAGMA foreign_key_check` after a
   * table rebuild): the runner fails the step with this message followed by the rows it returned.
   * Offline output prints the query as it is.
   */
  readonly expectNoRows?: string;
}
