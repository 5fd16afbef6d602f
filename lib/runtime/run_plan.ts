/**
 * The runner's one plan walk, shared by online runs and offline scripts: transactions per step or
 * per run, the version table's creation and changes, each step's body (a script through the `op`
 * facade, or a SQL section). Where the statements go is the sink's business (`run_sink.ts`).
 *
 * @module
 */
import type { Config } from "../config/config.ts";
import type { PlanStep } from "../revision/revision.ts";
import { createOpFacade, createSqlRunner, type MigrationContext } from "./context.ts";
import { loadStepBody, type StepBody } from "./script_module.ts";
import { isBlankSql } from "../script/sql_sections.ts";
import type { RunSink, StatementRunner } from "./run_sink.ts";
import { applyToHeads, type MigrationEvent, type RunResult, type StepResult } from "./run_result.ts";
import { StatementFailure, withRunSummary } from "./step_error.ts";
import { checkIdentifierLengths } from "./identifier_limit.ts";

/** Options of {@link runPlan}. */
export interface RunPlanOptions {
  readonly config: Config;
  /** Computes the plan from the heads the sink read (again, when they moved under a step). */
  readonly plan: (heads: readonly string[]) => readonly PlanStep[];
  readonly onEvent?: (event: MigrationEvent) => void;
}

/**
 * Walk a plan through a sink. Each step runs in its own transaction together with its version
 * change (`transaction_per_migration = true`, the default), or the whole run shares one where DDL
 * is transactional; a `nonTransactional` step runs outside any transaction.
 *
 * @param sink executes (online) or writes (offline) what the walk produces
 * @param options the config, the plan and a progress callback
 * @returns heads before and after, and each step
 * @throws what `sink.failure` makes of a failed step (online a {@link MigrationError})
 */
export async function runPlan(sink: RunSink, options: RunPlanOptions): Promise<RunResult> {
  const { config, onEvent } = options;
  const started = performance.now();
  // One transaction for the whole run only where DDL is transactional: on MySQL each DDL statement
  // commits, so a run-wide ROLLBACK could undo version rows of steps whose DDL already committed.
  const wholeRun = !config.transactionPerMigration && sink.dialect.capabilities.transactionalDdl;
  try {
    const from = await sink.open(wholeRun);
    let inRun = false;
    const results: StepResult[] = [];
    let heads = from;
    let steps = [...options.plan(heads)];
    const bodies = new Map<string, Promise<StepBody>>();
    const bodyOf = (step: PlanStep): Promise<StepBody> => {
      const key = `${step.direction}:${step.revision.revision}`;
      let body = bodies.get(key);
      if (!body) bodies.set(key, body = loadStepBody(step.revision, step.direction));
      return body;
    };
    try {
      if (wholeRun) {
        await sink.begin("run");
        inRun = true;
      }
      // Every script of the plan is read (TypeScript compiled and imported, SQL sections checked)
      // before the first step runs: a broken file is refused with nothing applied.
      for (const step of steps) await bodyOf(step);
      // Starting at base, the table may be missing, or there and empty. Offline it is created first,
      // in its own transaction; the execute sink creates it with the first step's statements.
      if (heads.length === 0 && steps.length > 0 && steps[0].direction === "up") {
        if (!wholeRun) await sink.begin("step");
        await sink.createVersionTable();
        if (!wholeRun) await sink.commit();
      }
      for (let i = 0; i < steps.length; i++) {
        const step = steps[i];
        const body = await bodyOf(step);
        const own = !wholeRun && body.transactional;
        if (own) await sink.begin("step");
        // A non-transactional step leaves the run's transaction, which opens again after it.
        if (wholeRun && !body.transactional && inRun) {
          await sink.commit();
          inRun = false;
        }
        if (own) {
          const now = await sink.recheckHeads();
          if (now && !sameSet(now, heads)) {
            await sink.rollback();
            heads = now;
            steps = [...steps.slice(0, i), ...options.plan(now)];
            for (const later of steps.slice(i)) await bodyOf(later);
            i--;
            continue;
          }
        }
        const t0 = performance.now();
        onEvent?.({ type: "step-start", step });
        try {
          await sink.step(step, () => runBody(sink, config, step, body), step.versionActions);
          if (own) await sink.commit();
        } catch (error) {
          const ms = performance.now() - t0;
          const rolledBack = own || inRun;
          if (rolledBack) await sink.rollback();
          inRun = false;
          onEvent?.({ type: "step-failed", step, ms, error });
          results.push({ revision: step.revision.revision, direction: step.direction, status: "failed", ms });
          const applied = results.filter((r) => r.status === "applied").map((r) => r.revision);
          throw withRunSummary(sink.failure(error, step, rolledBack), applied, wholeRun && rolledBack);
        }
        heads = applyToHeads(heads, step.versionActions);
        const ms = performance.now() - t0;
        results.push({
          revision: step.revision.revision,
          direction: step.direction,
          status: "applied",
          ms,
          message: step.revision.message,
        });
        onEvent?.({ type: "step-done", step, ms });
        if (wholeRun && !body.transactional) {
          await sink.begin("run");
          inRun = true;
        }
      }
      const last = steps[steps.length - 1];
      if (sink.dropVersionTable && last?.direction === "down" && heads.length === 0) {
        if (!wholeRun) await sink.begin("step");
        await sink.dropVersionTable();
        if (!wholeRun) await sink.commit();
      }
      if (inRun) {
        await sink.commit();
        inRun = false;
      }
    } catch (error) {
      if (inRun) await sink.rollback();
      throw error;
    }
    return { from, to: [...heads].sort(), steps: results, ms: performance.now() - started };
  } finally {
    await sink.close();
  }
}

/** Run a step's body: a SQL section as it is, or a script whose `op` calls become statements. */
async function runBody(sink: RunSink, config: Config, step: PlanStep, body: StepBody): Promise<void> {
  const executed: string[] = [];
  const run: StatementRunner = async (stmt, callSite) => {
    try {
      await sink.statement(stmt, callSite);
    } catch (error) {
      throw new StatementFailure(stmt.sql, callSite, [...executed], error);
    }
    executed.push(stmt.sql);
  };
  if (body.kind === "sql") {
    if (!isBlankSql(body.sql)) await sink.script(body, step.revision.path ?? step.revision.revision, run);
    return;
  }
  const queries: Promise<unknown>[] = [];
  const { op, pending } = createOpFacade(async (operation, callSite) => {
    try {
      checkIdentifierLengths(operation, sink.dialect.capabilities, sink.dialect.name);
    } catch (error) {
      throw new StatementFailure(undefined, callSite, [...executed], error);
    }
    for (const stmt of await sink.planOperation(operation)) await run(stmt, callSite);
  }, step.revision.path);
  const ctx: MigrationContext = {
    op,
    sql: createSqlRunner((text, params) => {
      const query = sink.query(text, params, step);
      // Owned by the runner like `op` calls: awaited below, so an un-awaited query that fails is
      // reported as the step's failure, never as an unhandled rejection.
      queries.push(query);
      query.catch(() => {});
      return query;
    }),
    dialect: sink.dialect.name,
    x: config.x,
    config,
    offline: sink.offline,
    revision: step.revision.revision,
    direction: step.direction,
    tag: config.tag,
  };
  let scriptError: unknown;
  try {
    await body.run(ctx);
  } catch (error) {
    scriptError = error;
  }
  // Wait for every queued op even if the script threw, so nothing runs after the rollback.
  try {
    await pending();
  } catch (error) {
    scriptError ??= error;
  }
  for (const outcome of await Promise.allSettled(queries)) {
    if (outcome.status === "rejected") scriptError ??= outcome.reason;
  }
  if (scriptError !== undefined) {
    if (scriptError instanceof StatementFailure) throw scriptError;
    throw new StatementFailure(undefined, undefined, [...executed], scriptError);
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return b.every((x) => s.has(x));
}
