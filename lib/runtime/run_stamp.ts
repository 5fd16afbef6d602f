/**
 * Stamping through a sink: the version table's rows change in one transaction, no step runs.
 *
 * @module
 */
import type { VersionAction } from "../revision/revision.ts";
import type { RunSink } from "./run_sink.ts";
import { applyToHeads, type RunResult } from "./run_result.ts";

/**
 * Stamp the version table (Alembic's `stamp`): change its rows in one transaction without running
 * any step.
 *
 * @param sink executes (online) or writes (offline) the version-table statements
 * @param actions computes the version changes from the heads the stamp starts from
 * @param purge delete every row first, whatever it holds (Alembic's `--purge`)
 * @returns heads before and after; no steps
 * @throws {DatabaseError} when a version row is not where the stamp expects it
 */
export async function runStamp(
  sink: RunSink,
  actions: (heads: readonly string[]) => readonly VersionAction[],
  purge: boolean,
): Promise<RunResult> {
  const started = performance.now();
  try {
    const from = await sink.open(false);
    await sink.begin("run");
    try {
      if (from.length === 0) await sink.createVersionTable();
      if (purge) await sink.purgeVersions(from);
      const start = purge ? [] : from;
      const changes = actions(start);
      await sink.recordVersions(changes);
      await sink.commit();
      return { from, to: applyToHeads(start, changes).sort(), steps: [], ms: performance.now() - started };
    } catch (error) {
      await sink.rollback();
      throw error;
    }
  } finally {
    await sink.close();
  }
}
