/**
 * Benchmark of `history --graph` against plain `history` through the compiled binary, on a generated
 * history of 5,000 TypeScript revisions (the generator of `revisions.ts`: forks merged every 50
 * revisions and one labelled side branch, so the graph has lanes, branch points and merge points).
 * Both commands run alternately in the same run, output discarded, and the ratio of their medians is
 * printed. Target: `history --graph` / `history` at most 1.5.
 *
 * Run: `deno run -A scripts/bench/history_graph.ts [--runs N] [--size N] [--keep]` (after
 * `deno run -A scripts/build.ts`). Exits 1 when the ratio is over the target.
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { generateHistory } from "./_gen_history.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const BINARY = join(ROOT, "dist", "migrate");
const TARGET = 1.5;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const runs = Number(option("--runs") ?? 15);
const size = Number(option("--size") ?? 5000);
const keep = process.argv.includes("--keep");

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs once, failing loudly unless it exits 0; returns its stdout. */
function runOnce(args: readonly string[], cwd: string): string {
  const result = spawnSync(BINARY, args, { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`Cannot benchmark "migrate ${args.join(" ")}": exit ${result.status}\n${result.stderr}`);
  }
  return result.stdout;
}

/** Wall time of one whole process, output discarded. */
function timeOnce(args: readonly string[], cwd: string): number {
  const started = performance.now();
  spawnSync(BINARY, args, { cwd, stdio: "ignore" });
  return performance.now() - started;
}

function main(): void {
  if (!existsSync(BINARY)) {
    console.error(
      `Cannot run the benchmark: "${BINARY}" is missing (build it with: deno run -A scripts/build.ts)`,
    );
    process.exit(2);
  }
  const work = mkdtempSync(join(tmpdir(), "retort-bench-graph-"));
  try {
    const project = generateHistory(join(work, `history_${size}`), size);
    const plainArgs = ["history"];
    const graphArgs = ["history", "--graph"];
    const lines = runOnce(graphArgs, project.dir).split("\n").length - 1;
    runOnce(plainArgs, project.dir);
    const plain: number[] = [];
    const graph: number[] = [];
    // Alternate the two so that load on the machine weighs on both alike; two warm-up rounds.
    for (let i = 0; i < runs + 2; i++) {
      const p = timeOnce(plainArgs, project.dir);
      const g = timeOnce(graphArgs, project.dir);
      if (i >= 2) {
        plain.push(p);
        graph.push(g);
      }
    }
    const ratio = median(graph) / median(plain);
    console.log(`${size} revisions (${project.heads.length} heads), ${runs} runs each, alternating`);
    console.log(
      `migrate history          median ${median(plain).toFixed(1)} ms  min ${
        Math.min(...plain).toFixed(1)
      } ms`,
    );
    console.log(
      `migrate history --graph  median ${median(graph).toFixed(1)} ms  min ${
        Math.min(...graph).toFixed(1)
      } ms  (${lines} lines)`,
    );
    console.log(`ratio history --graph / history: ${ratio.toFixed(2)} (target <= ${TARGET})`);
    if (keep) console.log(`Kept the generated project in ${project.dir}`);
    if (ratio > TARGET) process.exitCode = 1;
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true });
  }
}

main();
