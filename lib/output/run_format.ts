/**
 * Human output of the commands that change a database: one line per step as it runs, and a
 * closing summary.
 *
 * @module
 */
import type { MigrationEvent, RunResult } from "../runtime/migrator.ts";
import { describeStep } from "../runtime/migrator.ts";

/**
 * The line printed when a step finishes: Alembic's `Running upgrade a -> b, message` plus elapsed time.
 *
 * @param event a `step-done` or `step-failed` event
 * @returns one line without a trailing newline, or undefined for events that print nothing
 */
export function formatEvent(event: MigrationEvent): string | undefined {
  switch (event.type) {
    case "lock-wait":
      return `Waiting for the migration lock "${event.lock}" (another migrator is running; up to ${
        Math.round(event.timeoutMs / 1000)
      } s)...`;
    case "step-start":
      return undefined;
    case "step-done":
      return `Running ${describeStep(event.step)} (${formatMs(event.ms)})`;
    case "step-failed":
      return `FAILED  ${describeStep(event.step)} (${formatMs(event.ms)})`;
  }
}

/**
 * The closing summary of a run.
 *
 * @param result heads before and after, steps applied
 * @param verb "upgrade" or "downgrade" or "stamp"
 */
export function formatRunSummary(result: RunResult, verb: "upgrade" | "downgrade" | "stamp"): string {
  const to = result.to.length ? result.to.join(", ") : "<base>";
  if (verb === "stamp") {
    const from = result.from.length ? result.from.join(", ") : "<base>";
    return `Stamped ${from} -> ${to}`;
  }
  const applied = result.steps.filter((s) => s.status === "applied").length;
  if (applied === 0) return `Nothing to do: the database is at ${to}`;
  const noun = applied === 1 ? "revision" : "revisions";
  const did = verb === "upgrade" ? "Applied" : "Reverted";
  return `${did} ${applied} ${noun} in ${formatMs(result.ms)}; now at ${to}`;
}

/**
 * Milliseconds for people: `12 ms`, `3.4 s`.
 *
 * @param ms elapsed milliseconds
 */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
