/**
 * The contract between the runner's one plan walk (`run_plan.ts`) and where its statements go:
 * the execute sink runs them on a connection (online), the text sink writes them as a SQL script
 * (offline, `--sql`).
 *
 * @module
 */
import type { Dialect, Row } from "../dialects/dialect.ts";
import type { SqlStatement } from "../dialects/statement.ts";
import type { Operation, SqlValue } from "../operations/types.ts";
import type { PlanStep, VersionAction } from "../revision/revision.ts";

/** A SQL section of a `.sql` revision, as `loadStepBody` returns it. */
export interface SqlSection {
  /** The section's text (never blank when handed to a sink). */
  readonly sql: string;
  /** `false` for a `transaction: false` section. */
  readonly transactional: boolean;
  /** The 0-based line of the section's marker in its file. */
  readonly line: number;
}

/** Runs one statement of a step, counting it as run; `callSite` is the `file:line` it came from. */
export type StatementRunner = (stmt: SqlStatement, callSite: string | undefined) => Promise<void>;

/**
 * Where the walk sends a run. Transactions nest at most one deep: the walk opens either one for
 * the whole run or one per step, never both at once.
 */
export interface RunSink {
  /** The dialect that renders operations and version-table statements. */
  readonly dialect: Dialect;
  /** Whether scripts see `offline: true` (no database to query). */
  readonly offline: boolean;
  /**
   * Start the run (online: take the migration lock) and read the heads it starts from.
   *
   * @param wholeRun the run will share one transaction (where the lock is that transaction, the
   *   sink opens it here, and the walk's `begin("run")` then finds it open)
   * @returns the heads
   * @throws {LockTimeoutError} when the lock is not free in time
   */
  open(wholeRun: boolean): Promise<string[]>;
  /** End the run (online: free the lock); never throws. */
  close(): Promise<void>;
  /** Open the run's transaction (`run`) or a step's own one (`step`). */
  begin(scope: "run" | "step"): Promise<void>;
  /** Commit the open transaction. */
  commit(): Promise<void>;
  /** Roll back the open transaction; never throws. */
  rollback(): Promise<void>;
  /**
   * Read the heads again inside a step's own transaction, when another migrator may have moved
   * them since the plan was made (a lock that is the write transaction itself).
   * @returns the heads, or undefined when they cannot have moved
   */
  recheckHeads(): Promise<string[] | undefined>;
  /** Create the version table, which may already exist (empty). */
  createVersionTable(): Promise<void>;
  /** Drop the version table when a run ends at base, or undefined to keep it. */
  readonly dropVersionTable?: () => Promise<void>;
  /** Delete every version row (`stamp --purge`). @param heads the rows read at the start */
  purgeVersions(heads: readonly string[]): Promise<void>;
  /** Apply version-table changes. @throws {DatabaseError} when a row is not where the plan expects it */
  recordVersions(actions: readonly VersionAction[]): Promise<void>;
  /**
   * Run one step: `body` sends the step's statements through this sink; the step's version
   * changes follow them (online they may be sent while the body runs, in the same transaction).
   */
  step(step: PlanStep, body: () => Promise<void>, actions: readonly VersionAction[]): Promise<void>;
  /** The statements of one `op` call (SQLite reads the table to plan a rebuild). */
  planOperation(operation: Operation): Promise<SqlStatement[]>;
  /**
   * Run or write one statement.
   * @param callSite the `file:line` of the script's `op` call it comes from, when known
   */
  statement(stmt: SqlStatement, callSite?: string): Promise<void>;
  /**
   * Run or write a SQL section.
   * @param file the revision file, for error positions
   * @param run runs single statements, when the sink splits the section
   */
  script(section: SqlSection, file: string, run: StatementRunner): Promise<void>;
  /** The script's `sql` queries. @throws {RuntimeFailure} offline, where there is no database */
  query(text: string, params: readonly SqlValue[], step: PlanStep): Promise<Row[]>;
  /** What a failed step throws, given what it threw and whether its transaction was rolled back. */
  failure(error: unknown, step: PlanStep, rolledBack: boolean): unknown;
}
