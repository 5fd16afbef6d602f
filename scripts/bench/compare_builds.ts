/**
 * Two builds of `migrate` timed against each other in one run, so both face the same machine (a
 * busy 2-core machine moves sequential figures by 2x): on generated histories of 1,000 and 5,000
 * revisions (SQLite, stamped at the heads), each command runs alternately with the baseline binary
 * and with this tree's `dist/migrate`; the ratio printed is the median of the per-pair ratios
 * new/baseline (below 1 means the new build is faster).
 *
 * Run: `deno run -A scripts/bench/compare_builds.ts --baseline PATH [--runs N] [--sizes 1000,5000]`
 * where PATH is another build of `migrate` (e.g. one built from an earlier commit in a worktree).
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { generateHistory } from "./_gen_history.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const NEW = join(ROOT, "dist", "migrate");

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function wall(binary: string, args: readonly string[], cwd: string): number {
  const started = performance.now();
  const r = spawnSync(binary, [...args], { cwd, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const ms = performance.now() - started;
  if (r.status !== 0) {
    throw new Error(`Cannot time "${binary} ${args.join(" ")}" in ${cwd}: exit ${r.status}\n${r.stderr}`);
  }
  return ms;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function main(): void {
  const baselineArg = option("--baseline");
  if (!baselineArg) {
    console.error("Cannot compare builds: give the other build with --baseline PATH");
    process.exit(2);
  }
  const baseline = resolve(baselineArg);
  for (const b of [baseline, NEW]) {
    if (!existsSync(b)) {
      console.error(`Cannot compare builds: "${b}" is missing (build it with: deno run -A scripts/build.ts)`);
      process.exit(2);
    }
  }
  const runs = Number(option("--runs") ?? 21);
  const sizes = (option("--sizes") ?? "1000,5000").split(",").map(Number);
  const work = mkdtempSync(join(tmpdir(), "retort-compare-"));
  try {
    console.log(
      `baseline ${baseline}\nnew      ${NEW}\n${runs} alternating pairs per command, after 2 warm-ups each\n`,
    );
    console.log("command              revisions  baseline ms  new ms  new/baseline");
    const cases: [string, string[], number | undefined][] = [["--version", ["--version"], undefined]];
    for (const size of sizes) {
      for (const cmd of ["heads", "history", "current"]) cases.push([cmd, [cmd], size]);
    }
    const projects = new Map<number, string>();
    for (const [label, args, size] of cases) {
      let cwd = work;
      if (size !== undefined) {
        if (!projects.has(size)) {
          const p = generateHistory(join(work, `history_${size}`), size);
          wall(baseline, ["stamp", "heads"], p.dir);
          projects.set(size, p.dir);
        }
        cwd = projects.get(size)!;
      }
      for (let i = 0; i < 2; i++) wall(baseline, args, cwd), wall(NEW, args, cwd);
      const base: number[] = [];
      const next: number[] = [];
      const ratios: number[] = [];
      for (let i = 0; i < runs; i++) {
        // Alternate which goes first, so neither always meets a warmer cache.
        const times = new Map<string, number>();
        for (const b of i % 2 ? [NEW, baseline] : [baseline, NEW]) times.set(b, wall(b, args, cwd));
        base.push(times.get(baseline)!);
        next.push(times.get(NEW)!);
        ratios.push(times.get(NEW)! / times.get(baseline)!);
      }
      console.log(
        `${`migrate ${label}`.padEnd(20)} ${String(size ?? "").padStart(9)}  ${
          median(base).toFixed(1).padStart(11)
        }  ${median(next).toFixed(1).padStart(6)}  ${median(ratios).toFixed(2).padStart(12)}`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.main) main();
