/**
 * `migrate lint [RANGE]`: what each revision would do to a live database, found before it runs.
 * The revisions are walked offline by the one runner (the same plan walk as `upgrade --sql`, so the
 * statements are exactly those an upgrade sends), each statement is handed to the dialect's linter
 * (PostgreSQL's own parser, the other databases' online-DDL rules), and the shared rules of
 * `lib/lint/rules.ts` turn what it finds into findings.
 *
 * @module
 */
import { readFileSync } from "node:fs";
import type { Config } from "../config/config.ts";
import { parseUrl } from "../config/url.ts";
import type { Connection } from "../dialects/dialect.ts";
import { type LintFinding, lintRevisions, parseLintIgnores } from "../lint/lint_revisions.ts";
import type { LintedRevision } from "../lint/rules.ts";
import { lintRule } from "../lint/rules.ts";
import type { PlanStep } from "../revision/revision.ts";
import type { RevisionMap } from "../revision/revision_map.ts";
import { runPlan } from "../runtime/run_plan.ts";
import { type CapturedStep, CaptureSink, lintedStatements } from "./_capture.ts";
import { readVersions, versionTableName } from "../runtime/version_table.ts";
import { ConfigError, UsageError } from "../errors.ts";
import { loadRevisionMap, withConnection } from "./_project.ts";

/** Options of `migrate lint`. */
export interface LintCommandOptions {
  /** `start:end` (Alembic's offline range), or undefined for the revisions not yet applied. */
  readonly range?: string;
  /** Every revision from base, without reading the database. */
  readonly all?: boolean;
  /** Rule ids to switch off for this run. */
  readonly ignore?: readonly string[];
  /** A revision map already loaded. */
  readonly map?: RevisionMap;
}

/** What `migrate lint` found. */
export interface LintResult {
  /** The revisions linted, in the order they would run. */
  readonly revisions: readonly string[];
  /** Every finding, revision by revision. */
  readonly findings: readonly LintFinding[];
  /** How many findings are errors (the command exits 1 when there is one). */
  readonly errors: number;
}

/**
 * The rule ids a revision file switches off with `migrate:lint-ignore RULE reason` comments.
 *
 * @param file the revision file, if it has one
 * @returns the rule ids, in file order
 * @throws {UsageError} naming the file and line for an unknown rule id or a missing reason
 */
export function ignoresOf(file: string | undefined): string[] {
  if (file === undefined) return [];
  try {
    return parseLintIgnores(readFileSync(file, "utf8")).map((i) => i.rule);
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(`Cannot lint "${file}": ${error.message}`);
    throw error;
  }
}

async function plannedSteps(
  config: Config,
  map: RevisionMap,
  options: LintCommandOptions,
): Promise<{ steps: PlanStep[]; startHeads: string[] }> {
  if (options.range !== undefined) {
    const [start, end] = options.range.split(":");
    if (end === undefined || end === "") {
      throw new UsageError(`Cannot lint "${options.range}": expected a range START:END, e.g. base:head`);
    }
    if (start === "" || start === undefined) return { steps: map.upgradePlan([], end), startHeads: [] };
    return { steps: map.planRange(start, end, "up"), startHeads: map.startingHeads(start) };
  }
  if (options.all) return { steps: map.upgradePlan([], "heads"), startHeads: [] };
  if (config.url === undefined) {
    throw new ConfigError(
      "Cannot lint the revisions not yet applied: no database URL is configured; pass --all, a range such as base:head, or --url",
      { file: config.file ?? "migrate.toml", key: "url" },
    );
  }
  const heads = await withConnection(
    config,
    (conn: Connection) => readVersions(conn, versionTableName(config)),
  );
  return { steps: map.upgradePlan(heads, "heads"), startHeads: heads };
}

/**
 * Lint the revisions of a range, the ones not yet applied (default), or all of them.
 *
 * @param config the resolved config
 * @param options the range and the rules to switch off
 * @returns the findings; `errors` counts the error-level ones
 * @throws {UsageError} for a malformed range, an unknown rule id or a bad `migrate:lint-ignore` comment
 * @throws {ConfigError} without `--all` or a range when no database URL is configured
 */
export async function lint(config: Config, options: LintCommandOptions = {}): Promise<LintResult> {
  for (const id of options.ignore ?? []) {
    if (!lintRule(id)) throw new UsageError(`Cannot ignore lint rule "${id}": no rule has that id`);
  }
  for (const id of config.lintIgnore) {
    if (!lintRule(id)) {
      throw new ConfigError(
        `Cannot ignore lint rule "${id}" (lint_ignore in ${
          config.file ?? "the config"
        }): no rule has that id`,
        { file: config.file ?? "migrate.toml", key: "lint_ignore" },
      );
    }
  }
  const map = options.map ?? loadRevisionMap(config);
  const { steps, startHeads } = await plannedSteps(config, map, options);
  const { dialectName } = await import("./_dialect_of.ts");
  const { dialectFor } = await import("../dialects/registry.ts");
  const dialect = await dialectFor(dialectName(config));
  const linter = await dialect.linter();
  const scratch = await dialect.openOfflineScratch?.(
    config.url ? parseUrl(config.url, config.root) : undefined,
    startHeads.length === 0,
  );
  try {
    const sink = new CaptureSink({ config, dialect, startHeads, scratch });
    await runPlan(sink, { config, plan: () => steps });
    const ups = [...sink.steps];
    // Then each downgrade, newest first, so its statements can be counted. A downgrade that throws
    // (one that refuses to undo its revision) is not empty; the ones below it are not walked.
    const downs = new Map<PlanStep["revision"], CapturedStep | "raised">();
    for (const s of steps.toReversed()) {
      try {
        await runPlan(sink, {
          config,
          plan: () => [{ revision: s.revision, direction: "down", versionActions: [] }],
        });
        downs.set(s.revision, sink.steps.at(-1)!);
      } catch {
        downs.set(s.revision, "raised");
        break;
      }
    }
    const revisions: LintedRevision[] = [];
    const ignoreByRevision = new Map<string, string[]>();
    for (const c of ups) {
      const rev = c.step.revision;
      const d = downs.get(rev);
      ignoreByRevision.set(rev.revision, ignoresOf(rev.path));
      revisions.push({
        revision: rev.revision,
        file: rev.path ?? rev.revision,
        statements: await lintedStatements(linter, dialect, c),
        downgradeStatements: d === undefined || d === "raised"
          ? 1
          : d.statements.filter((s) => s.stmt.source).length + d.sections.length,
        nonTransactional: !c.transactional,
      });
    }
    const findings = lintRevisions(revisions, {
      transactionalDdl: dialect.capabilities.transactionalDdl,
      ignore: [...config.lintIgnore, ...(options.ignore ?? [])],
      ignoreByRevision,
    });
    return {
      revisions: revisions.map((r) => r.revision),
      findings,
      errors: findings.filter((f) => f.level === "error").length,
    };
  } finally {
    await scratch?.close();
  }
}
