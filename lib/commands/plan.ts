/**
 * `migrate upgrade TARGET --plan` (and `downgrade`): what a run would do, without doing it. The heads
 * are read from the database, the plan is walked offline by the one runner (so the statements are
 * exactly those the run would send), each statement gets the lock it takes and whether it rewrites a
 * table from the dialect's linter, each table it touches gets its row estimate from the catalog, and
 * the lint rules run over the steps. Nothing is written to the database.
 *
 * @module
 */
import type { Config } from "../config/config.ts";
import { parseUrl } from "../config/url.ts";
import type { Connection } from "../dialects/dialect.ts";
import { type LintFinding, lintRevisions } from "../lint/lint_revisions.ts";
import type { LintedRevision } from "../lint/rules.ts";
import type { RevisionMap } from "../revision/revision_map.ts";
import { runPlan } from "../runtime/run_plan.ts";
import { readVersions, versionTableName } from "../runtime/version_table.ts";
import { CaptureSink, lintedStatements } from "./_capture.ts";
import { loadRevisionMap, withConnection } from "./_project.ts";
import { ignoresOf } from "./lint.ts";

/** Options of a plan. */
export interface PlanOptions {
  /** The upgrade or downgrade target, as for `upgrade` / `downgrade`. */
  readonly target: string;
  readonly direction: "up" | "down";
  /** A revision map already loaded. */
  readonly map?: RevisionMap;
}

/** One statement of a planned step. */
export interface PlannedStatement {
  /** The statement (several joined by `;` for one operation that renders several, e.g. a SQLite rebuild). */
  readonly sql: string;
  /** The `op` call or SQL line it comes from. */
  readonly at?: string;
  /** The tables it changes. */
  readonly tables: readonly string[];
  /** The strongest lock it takes, in the database's words. */
  readonly lockLevel?: string;
  /** It rewrites or copies every row of its table. */
  readonly rewritesTable: boolean;
  /** The catalog's estimate of the rows of each table it changes (tables that exist only). */
  readonly rows: Readonly<Record<string, number>>;
}

/** One step of the plan. */
export interface PlannedStep {
  readonly revision: string;
  readonly direction: "up" | "down";
  /** The revision's message. */
  readonly message?: string;
  /** `step`: its own transaction; `run`: the run's shared one; `none`: outside any transaction. */
  readonly transaction: "step" | "run" | "none";
  readonly statements: readonly PlannedStatement[];
}

/** What `--plan` shows. */
export interface PlanResult {
  /** The heads read from the database. */
  readonly from: readonly string[];
  readonly steps: readonly PlannedStep[];
  /** The lint findings of the planned steps. */
  readonly findings: readonly LintFinding[];
}

/**
 * Plan an upgrade or downgrade against the configured database, changing nothing.
 *
 * @param config the resolved config (needs `url`)
 * @param options the target and direction
 * @returns the steps with their statements, locks, rewrites and row estimates, and lint findings
 * @throws {ConfigError} when no URL is configured
 * @throws {ConnectionError} when the database cannot be reached
 * @throws {RevisionError} for a target the graph cannot reach from the database's heads
 */
export async function plan(config: Config, options: PlanOptions): Promise<PlanResult> {
  const map = options.map ?? loadRevisionMap(config);
  return await withConnection(config, async (conn: Connection) => {
    const dialect = conn.dialect;
    const heads = await readVersions(conn, versionTableName(config));
    const steps = options.direction === "up"
      ? map.upgradePlan(heads, options.target)
      : map.downgradePlan(heads, options.target);
    const linter = await dialect.linter();
    const scratch = await dialect.openOfflineScratch?.(
      config.url ? parseUrl(config.url, config.root) : undefined,
      heads.length === 0,
    );
    try {
      const sink = new CaptureSink({ config, dialect, startHeads: heads, scratch });
      await runPlan(sink, { config, plan: () => steps });
      const linted: LintedRevision[] = [];
      const planned: { step: PlannedStep; statements: Awaited<ReturnType<typeof lintedStatements>> }[] = [];
      for (const c of sink.steps) {
        const statements = await lintedStatements(linter, dialect, c);
        const rev = c.step.revision;
        linted.push({
          revision: rev.revision,
          file: rev.path ?? rev.revision,
          statements,
          // A plan shows the steps that run; whether their own downgrades are empty is lint's question.
          downgradeStatements: 1,
          nonTransactional: !c.transactional,
        });
        planned.push({
          step: {
            revision: rev.revision,
            direction: c.step.direction,
            ...(rev.message ? { message: rev.message } : {}),
            transaction: !c.transactional ? "none" : config.transactionPerMigration ? "step" : "run",
            statements: [],
          },
          statements,
        });
      }
      const tables = [
        ...new Set(planned.flatMap((p) => p.statements.flatMap((s) => s.facts.map((f) => f.table)))),
      ].filter((t): t is string => t !== undefined);
      const estimates = await dialect.rowEstimates(conn, tables);
      const result: PlannedStep[] = planned.map(({ step, statements }) => ({
        ...step,
        statements: statements.map((s) => {
          const touched = [
            ...new Set(s.facts.map((f) => f.table).filter((t): t is string => t !== undefined)),
          ];
          const locked = s.facts.find((f) => f.rewritesTable) ??
            s.facts.find((f) => f.lockLevel !== undefined);
          return {
            sql: s.sql,
            ...(s.at !== undefined ? { at: s.at } : {}),
            tables: touched,
            ...(locked?.lockLevel !== undefined ? { lockLevel: locked.lockLevel } : {}),
            rewritesTable: s.facts.some((f) => f.rewritesTable === true),
            rows: Object.fromEntries(
              touched.filter((t) => estimates.has(t)).map((t) => [t, estimates.get(t)!]),
            ),
          };
        }),
      }));
      const findings = lintRevisions(linted, {
        transactionalDdl: dialect.capabilities.transactionalDdl,
        ignore: config.lintIgnore,
        ignoreByRevision: new Map(linted.map((r) => [r.revision, ignoresOf(r.file)])),
      });
      return { from: heads, steps: result, findings };
    } finally {
      await scratch?.close();
    }
  });
}
