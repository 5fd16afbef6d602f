/**
 * What a run reports: progress events while it goes on, and its result; plus the two pure helpers
 * that describe a step and apply its version changes.
 *
 * @module
 */
import type { PlanStep, VersionAction } from "../revision/revision.ts";

/** Progress reported while a run goes on. `ms` is elapsed milliseconds. */
export type MigrationEvent =
  | { readonly type: "lock-wait"; readonly lock: string; readonly timeoutMs: number }
  | { readonly type: "step-start"; readonly step: PlanStep }
  | { readonly type: "step-done"; readonly step: PlanStep; readonly ms: number }
  | { readonly type: "step-failed"; readonly step: PlanStep; readonly ms: number; readonly error: unknown };

/** The outcome of one step. `ms` is elapsed milliseconds. */
export interface StepResult {
  /** The revision id of the step. */
  readonly revision: string;
  /** `up` for an upgrade step, `down` for a downgrade step. */
  readonly direction: "up" | "down";
  /**
   * `applied` once the step and its version-table change committed; `failed` is recorded for the
   * step that failed, but the run then throws a `MigrationError` instead of returning it.
   */
  readonly status: "applied" | "failed";
  /** Elapsed milliseconds of the step, version-table change included. */
  readonly ms: number;
  /** The revision's message (first line of its docstring / `message`), on applied steps only. */
  readonly message?: string;
}

/** What an upgrade, downgrade or stamp did: heads before and after, and each step. */
export interface RunResult {
  /** Version-table rows (revision ids) read under the lock before the run; empty at base. */
  readonly from: readonly string[];
  /** Version-table rows after the run, sorted; empty at base. */
  readonly to: readonly string[];
  /** The steps run, in order; empty for a stamp. */
  readonly steps: readonly StepResult[];
  /** Total elapsed milliseconds. */
  readonly ms: number;
}

/**
 * The version rows after applying actions to `heads`.
 *
 * @param heads the rows before
 * @param actions insert, delete and update of rows
 * @returns a new array of rows
 */
export function applyToHeads(heads: readonly string[], actions: readonly VersionAction[]): string[] {
  const rows = new Set(heads);
  for (const a of actions) {
    if (a.kind === "insert") rows.add(a.version);
    else if (a.kind === "delete") rows.delete(a.version);
    else {
      rows.delete(a.from);
      rows.add(a.to);
    }
  }
  return [...rows];
}

/**
 * Alembic's wording for a step: `upgrade a, b -> c, message` / `downgrade c -> a`.
 *
 * @param step a plan step
 */
export function describeStep(step: PlanStep): string {
  const r = step.revision;
  const downs = r.downRevisions.join(", ");
  const text = step.direction === "up"
    ? `upgrade ${downs} -> ${r.revision}`
    : `downgrade ${r.revision} -> ${downs}`;
  return r.message ? `${text}, ${r.message}` : text;
}
