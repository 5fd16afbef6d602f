/**
 * Compares Retort's plans for relative walks with several version rows against the cases Alembic 1.8.1
 * produced (tests/fixtures/alembic_walk/walk_*.json, written by scripts/alembic_walk_compare.py).
 *
 * Usage: `deno run -A scripts/alembic_walk_check.ts [DIR] [--sorted]` prints the counts and the first
 * disagreements; `--sorted` hands the rows over sorted, as Retort's runtime read them before issue 14
 * (to measure what the row order changes). tests/unit/revision/alembic_walk_test.ts runs
 * {@link compareWalks} on the committed fixtures.
 *
 * @module
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RevisionMap } from "../lib/revision/revision_map.ts";
import { applyToHeads } from "../lib/runtime/run_result.ts";
import type { PlanStep, Revision, VersionAction } from "../lib/revision/revision.ts";

interface FixtureRevision {
  id: string;
  down: string[];
  labels: string[];
  deps: string[];
}
// deno-lint-ignore no-explicit-any
type Result = Record<string, any>;
interface WalkCase {
  op: "upgrade" | "downgrade";
  /** The version rows in the order the database returns them. */
  rows: string[];
  target: string;
  expect: Result;
  /** Alembic's other results under other hash seeds. */
  unstable?: Result[];
  hashOrder?: "actions";
}
interface WalkGraph {
  name: string;
  revisions: FixtureRevision[];
  cases: WalkCase[];
  hashOrderDeps?: boolean;
}

/** How one case came out. */
export type Verdict =
  | "match"
  | "both-refuse"
  | "refused-deliberately"
  | "runs-where-alembic-refuses"
  | "refuses-where-alembic-runs"
  | "differs";

/** Counts of {@link compareWalks}, by verdict, and the first disagreements. */
export interface WalkReport {
  readonly total: number;
  readonly counts: Record<Verdict, number>;
  /** Cases with several version rows and a relative target (`-N`, `label@-N`, `rev-N`, `+N`). */
  readonly multiRowRelative: Record<Verdict, number>;
  /** Cases both refuse with the same error class (of `both-refuse`). */
  readonly sameErrorClass: number;
  /** Deliberate refusals: graph, rows, target, Retort's message. */
  readonly refusals: string[];
  /** Disagreements (the verdicts other than match, both-refuse and refused-deliberately). */
  readonly failures: string[];
}

/** Retort's deliberate refusal: `-N` walking from a version row that another row descends from. */
export function isDeliberateRefusal(message: string): boolean {
  return message.includes("is an ancestor of the version row");
}

function toRevisions(graph: WalkGraph): Revision[] {
  return [...graph.revisions].sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0).map((r) => ({
    revision: r.id,
    downRevisions: r.down,
    branchLabels: r.labels,
    dependsOn: r.deps,
    path: `versions/${r.id}.ts`,
  }));
}

function encodeActions(actions: readonly VersionAction[]): string {
  return actions.map((a) =>
    a.kind === "insert" ? `+${a.version}` : a.kind === "delete" ? `-${a.version}` : `${a.from}>${a.to}`
  ).join(" ");
}

function planResult(rows: readonly string[], steps: readonly PlanStep[]): Result {
  return {
    steps: steps.map((s) =>
      `${s.revision.revision}:${s.direction[0]} ${encodeActions(s.versionActions)}`.trim()
    ),
    rows: applyToHeads(rows, steps.flatMap((s) => s.versionActions)).sort(),
  };
}

function samePlan(actual: Result, expected: Result, exactActions: boolean, exactOrder: boolean): boolean {
  const ids = (r: Result) => {
    const list: string[] = r.steps.map((s: string) => s.split(" ")[0]);
    return JSON.stringify(exactOrder ? list : [...list].sort());
  };
  if (ids(actual) !== ids(expected)) return false;
  if (JSON.stringify(actual.rows) !== JSON.stringify(expected.rows)) return false;
  return !exactActions || JSON.stringify(actual.steps) === JSON.stringify(expected.steps);
}

function verdict(graph: WalkGraph, c: WalkCase, actual: Result): Verdict {
  const alembicRefuses = "error" in c.expect;
  if ("error" in actual) {
    if (alembicRefuses) return "both-refuse";
    return isDeliberateRefusal(actual.error) ? "refused-deliberately" : "refuses-where-alembic-runs";
  }
  if (alembicRefuses) return "runs-where-alembic-refuses";
  const candidates = [c.expect, ...c.unstable ?? []];
  // Where Alembic picked a merge's row to update in set order, or ordered 2+ dependencies by string
  // hash, only the revisions run and the rows left must agree (as in alembic_parity_test.ts).
  const exact = c.unstable === undefined && c.hashOrder === undefined && !graph.hashOrderDeps;
  if (candidates.some((e) => samePlan(actual, e, exact, true))) return "match";
  if (graph.hashOrderDeps && candidates.some((e) => samePlan(actual, e, false, false))) return "match";
  return "differs";
}

const RELATIVE = /^(?:.+?@)?\w*[+-]\d+$/;

function emptyCounts(): Record<Verdict, number> {
  return {
    "match": 0,
    "both-refuse": 0,
    "refused-deliberately": 0,
    "runs-where-alembic-refuses": 0,
    "refuses-where-alembic-runs": 0,
    "differs": 0,
  };
}

/**
 * Runs every case of the fixtures in `dir` through {@link RevisionMap} and sorts the outcomes.
 *
 * @param dir a folder of `walk_*.json` files
 * @param options `sortRows`: hand the rows over sorted instead of in the database's order
 * @returns the counts, the deliberate refusals and the disagreements
 */
export function compareWalks(dir: string, options: { sortRows?: boolean } = {}): WalkReport {
  const counts = emptyCounts();
  const multiRowRelative = emptyCounts();
  const refusals: string[] = [];
  const failures: string[] = [];
  let total = 0;
  let sameErrorClass = 0;
  const files = readdirSync(dir).filter((f) => /^walk_\d+\.json$/.test(f)).sort();
  for (const file of files) {
    const { graphs } = JSON.parse(readFileSync(join(dir, file), "utf8")) as { graphs: WalkGraph[] };
    for (const graph of graphs) {
      const map = new RevisionMap(toRevisions(graph));
      for (const c of graph.cases) {
        total++;
        const rows = options.sortRows ? [...c.rows].sort() : c.rows;
        let actual: Result;
        try {
          actual = planResult(
            rows,
            c.op === "upgrade" ? map.upgradePlan(rows, c.target) : map.downgradePlan(rows, c.target),
          );
        } catch (e) {
          if (!(e instanceof Error) || e.name === "TypeError") throw e;
          actual = { error: `${e.name}: ${e.message}` };
        }
        const v = verdict(graph, c, actual);
        counts[v]++;
        if (v === "both-refuse" && actual.error.startsWith(`${c.expect.error.class}:`)) sameErrorClass++;
        if (c.rows.length > 1 && RELATIVE.test(c.target)) multiRowRelative[v]++;
        const where = `${graph.name} ${c.op} ${c.target} rows=${c.rows.join(",")}`;
        if (v === "refused-deliberately") refusals.push(`${where}: ${actual.error}`);
        if (v !== "match" && v !== "both-refuse" && v !== "refused-deliberately") {
          failures.push(
            `${v}: ${where}\n  got  ${JSON.stringify(actual)}\n  want ${JSON.stringify(c.expect)}`,
          );
        }
      }
    }
  }
  return { total, counts, multiRowRelative, sameErrorClass, refusals, failures };
}

if (import.meta.main) {
  const args = Deno.args.filter((a) => !a.startsWith("--"));
  const dir = args[0] ?? new URL("../tests/fixtures/alembic_walk", import.meta.url).pathname;
  const report = compareWalks(dir, { sortRows: Deno.args.includes("--sorted") });
  console.log(`${report.total} cases:`, report.counts);
  console.log("several rows, relative target:", report.multiRowRelative);
  console.log(
    `both refuse with the same error class: ${report.sameErrorClass}/${report.counts["both-refuse"]}`,
  );
  for (const line of report.failures.slice(0, 10)) console.log(line);
  for (const line of report.refusals.slice(0, 5)) console.log(line);
}
