/**
 * Benchmark of the compiled binary on large revision histories: generates projects with 1,000 and
 * 5,000 TypeScript revisions (forks merged every 50 revisions, one labelled side branch, so two
 * heads), stamps a SQLite database at the heads, then times whole `dist/migrate` processes:
 * `heads`, `history` (output to /dev/null) and `current`. Each figure is compared with baselines
 * measured in the same run: `/bin/true` (process start) and `dist/migrate --version` (binary start).
 *
 * Run: `deno run -A scripts/bench/revisions.ts [--runs N] [--sizes 1000,5000] [--keep] [--no-hyperfine]`
 * Uses `hyperfine` when it is installed, else times `spawnSync` with `performance.now()`.
 *
 * Targets: `heads` on 5,000 revisions under 50 ms; `current` under 20 ms.
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { generateHistory } from "./_gen_history.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const BINARY = join(ROOT, "dist", "migrate");

/** Median and minimum wall time of one command, in milliseconds. */
interface Timing {
  readonly medianMs: number;
  readonly minMs: number;
  readonly runs: number;
}

/** One row of the result table. */
interface Row {
  readonly command: string;
  readonly revisions: number | undefined;
  readonly timing: Timing;
  /** Target in milliseconds for the median, if this command has one. */
  readonly targetMs?: number;
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const runs = Number(option("--runs") ?? 20);
const sizes = (option("--sizes") ?? "1000,5000").split(",").map(Number);
const keep = process.argv.includes("--keep");
const useHyperfine = !process.argv.includes("--no-hyperfine") && hasHyperfine();

function hasHyperfine(): boolean {
  const probe = spawnSync("hyperfine", ["--version"], { stdio: "ignore" });
  return probe.status === 0;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `argv` once and fails loudly unless it exits 0 (before timing it). */
function checkRuns(argv: readonly string[], cwd: string): void {
  const result = spawnSync(argv[0], argv.slice(1), { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(
      `Cannot benchmark "${argv.join(" ")}" in ${cwd}: exit ${result.status}\n${result.stderr ?? ""}${
        result.error ?? ""
      }`,
    );
  }
}

/** Wall time of `runs` whole processes of `argv` in `cwd`, output discarded, after 2 warm-up runs. */
function time(argv: readonly string[], cwd: string): Timing {
  checkRuns(argv, cwd);
  if (useHyperfine) {
    const dir = mkdtempSync(join(tmpdir(), "retort-hyperfine-"));
    const out = join(dir, "result.json");
    const quoted = argv.map((a) => (/^[\w./=@:+-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`)).join(
      " ",
    );
    const r = spawnSync(
      "hyperfine",
      ["-N", "--warmup", "2", "--runs", String(runs), "--style", "none", "--export-json", out, quoted],
      { cwd, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" },
    );
    // hyperfine's outlier warnings are noise here; its stderr matters only when it fails.
    if (r.status !== 0) {
      throw new Error(`Cannot benchmark "${quoted}": hyperfine exited ${r.status}\n${r.stderr}`);
    }
    const result = JSON.parse(readFileSync(out, "utf8")).results[0] as { median: number; min: number };
    rmSync(dir, { recursive: true, force: true });
    return { medianMs: result.median * 1000, minMs: result.min * 1000, runs };
  }
  const samples: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const started = performance.now();
    spawnSync(argv[0], argv.slice(1), { cwd, stdio: "ignore" });
    const elapsed = performance.now() - started;
    if (i >= 2) samples.push(elapsed);
  }
  return { medianMs: median(samples), minMs: Math.min(...samples), runs };
}

function fmt(ms: number): string {
  return ms.toFixed(ms < 10 ? 2 : 1);
}

function printTable(rows: readonly Row[], binaryBaseline: Timing): void {
  const header = ["command", "revisions", "median ms", "min ms", "µs/revision", "x --version", "target", ""];
  const lines = rows.map((row) => {
    const perRevision = row.revisions
      ? `${((row.timing.medianMs - binaryBaseline.medianMs) * 1000 / row.revisions).toFixed(2)}`
      : "";
    const verdict = row.targetMs === undefined ? "" : row.timing.medianMs < row.targetMs ? "ok" : "SLOW";
    return [
      row.command,
      row.revisions === undefined ? "" : String(row.revisions),
      fmt(row.timing.medianMs),
      fmt(row.timing.minMs),
      perRevision,
      (row.timing.medianMs / binaryBaseline.medianMs).toFixed(2),
      row.targetMs === undefined ? "" : `< ${row.targetMs} ms`,
      verdict,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const render = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(render(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const l of lines) console.log(render(l));
}

function main(): void {
  if (!existsSync(BINARY)) {
    console.error(
      `Cannot run the benchmark: "${BINARY}" is missing (build it with: deno run -A scripts/build.ts)`,
    );
    process.exit(2);
  }
  const work = mkdtempSync(join(tmpdir(), "retort-bench-"));
  try {
    console.log(
      `Timing whole processes of ${BINARY}: ${runs} runs each after 2 warm-ups, ${
        useHyperfine ? "with hyperfine" : "with spawnSync + performance.now()"
      }`,
    );
    const rows: Row[] = [];
    const trueBaseline = time(["/bin/true"], work);
    const binaryBaseline = time([BINARY, "--version"], work);
    rows.push({ command: "/bin/true", revisions: undefined, timing: trueBaseline });
    rows.push({ command: "migrate --version", revisions: undefined, timing: binaryBaseline });
    for (const size of sizes) {
      const started = performance.now();
      const project = generateHistory(join(work, `history_${size}`), size);
      checkRuns([BINARY, "stamp", "heads"], project.dir);
      console.log(
        `Generated ${size} revisions (${project.heads.length} heads: ${
          project.heads.join(", ")
        }) and stamped ` +
          `bench.db in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      rows.push({
        command: "migrate heads",
        revisions: size,
        timing: time([BINARY, "heads"], project.dir),
        targetMs: size >= 5000 ? 50 : undefined,
      });
      rows.push({
        command: "migrate history",
        revisions: size,
        timing: time([BINARY, "history"], project.dir),
      });
      rows.push({
        command: "migrate current",
        revisions: size,
        timing: time([BINARY, "current"], project.dir),
        targetMs: 20,
      });
    }
    console.log("");
    printTable(rows, binaryBaseline);
    console.log(
      "\nµs/revision = (median - migrate --version median) / revisions; x --version = median / that baseline.",
    );
    if (keep) console.log(`Kept the generated projects in ${work}`);
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true });
  }
}

main();
