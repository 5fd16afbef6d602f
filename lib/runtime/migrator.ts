/**
 * The runner's entry points: a plan from the revision graph turned into effects on a database
 * (online) or into a SQL script (offline, `--sql`), recording every step in the version table.
 * Both go through the one plan walk (`run_plan.ts`); they differ only in the sink: execute
 * (`sink_execute.ts`) or text (`sink_text.ts`).
 *
 * @module
 */
import type { Config } from "../config/config.ts";
import type { Connection, Dialect } from "../dialects/dialect.ts";
import type { PlanStep, VersionAction } from "../revision/revision.ts";
import type { MigrationEvent, RunResult } from "./run_result.ts";
import { runPlan } from "./run_plan.ts";
import { runStamp } from "./run_stamp.ts";
import { ExecuteSink } from "./sink_execute.ts";
import { TextSink } from "./sink_text.ts";

// The run's result types and step helpers keep their historical import path.
export { applyToHeads, describeStep } from "./run_result.ts";
export type { MigrationEvent, RunResult, StepResult } from "./run_result.ts";

/** Options shared by online runs. */
export interface OnlineRunOptions {
  readonly config: Config;
  readonly connection: Connection;
  /** Computes the plan from the heads read under the lock. */
  readonly plan: (heads: readonly string[]) => PlanStep[];
  readonly onEvent?: (event: MigrationEvent) => void;
}

/**
 * Run a plan on a live database, holding the migration lock for the whole run.
 *
 * @returns the steps applied and the heads before and after
 * @throws {LockTimeoutError} when the lock is not free within `config.lockTimeoutMs`
 * @throws {MigrationError} when a step fails; its transaction is rolled back where the dialect allows,
 *   and the version table records the last step that succeeded
 */
export function runOnline(options: OnlineRunOptions): Promise<RunResult> {
  const sink = new ExecuteSink({ ...options, session: true });
  return runPlan(sink, { config: options.config, plan: options.plan, onEvent: options.onEvent });
}

/**
 * Stamp the version table (Alembic's `stamp`): change its rows without running any migration.
 *
 * @param actions computes the version changes from the current heads (read under the lock)
 * @param purge delete every row first, whatever it holds (Alembic's `--purge`)
 * @returns the heads before and after
 * @throws {LockTimeoutError} when the lock is not free within `config.lockTimeoutMs`
 * @throws {DatabaseError} when a version row is not where the stamp expects it
 */
export function stampOnline(options: {
  config: Config;
  connection: Connection;
  actions: (heads: readonly string[]) => VersionAction[];
  purge?: boolean;
  onEvent?: (event: MigrationEvent) => void;
}): Promise<RunResult> {
  return runStamp(new ExecuteSink(options), options.actions, options.purge ?? false);
}

/** Options of an offline run. */
export interface OfflineRunOptions {
  readonly config: Config;
  readonly dialect: Dialect;
  readonly steps: readonly PlanStep[];
  /** The heads the script starts from; the version table is created when this is empty. */
  readonly startHeads: readonly string[];
  /** Stamp-only actions (for `stamp --sql`), rendered instead of steps. */
  readonly stampActions?: readonly VersionAction[];
  readonly purge?: boolean;
  /**
   * A scratch database that mirrors every rendered statement, so `dialect.plan` can read the
   * schema as the script has left it (SQLite table rebuilds); see `Dialect.openOfflineScratch`.
   */
  readonly scratch?: Connection;
}

/**
 * Render a plan as a SQL script (Alembic's offline mode): transaction statements where the dialect
 * has transactional DDL, the version table's creation when starting from base, a
 * `-- Running upgrade A -> B` comment before each revision's statements, and the version-table changes.
 *
 * @returns the script text, ending with a newline
 * @throws {RuntimeFailure} when a TypeScript revision queries data with `sql` (there is no database)
 */
export async function renderOffline(options: OfflineRunOptions): Promise<string> {
  const sink = new TextSink(options);
  const { stampActions } = options;
  if (stampActions) await runStamp(sink, () => stampActions, options.purge ?? false);
  else await runPlan(sink, { config: options.config, plan: () => options.steps });
  return sink.text();
}
