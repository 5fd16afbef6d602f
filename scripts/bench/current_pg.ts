/**
 * Benchmark of `migrate current` on PostgreSQL: whole `dist/migrate current` processes on a project
 * with a 1,000-revision history (the generator of `_gen_history.ts`: trunk, forks, a labelled side
 * branch) whose database is stamped at both heads, against `psql -Atc "select version_num from
 * alembic_version"` on the same database. The two alternate, one pair per run, so a machine whose
 * speed drifts slows both; prints the medians, their ratio and the median of per-pair ratios.
 *
 * Run: `deno run -A scripts/bench/current_pg.ts [--revisions N] [--runs N] [--binary PATH]
 * [--baseline PATH] [--keep]`: `--binary` measures another build than `dist/migrate`; `--baseline`
 * adds a second build (e.g. an older one) to the same alternation, so both face the same machine.
 * Uses `RETORT_TEST_POSTGRES_URL` (default `postgres://postgres@127.0.0.1:5432/postgres`).
 *
 * Target: `current` at most 1.2x of `psql -Atc`.
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { generateHistory } from "./_gen_history.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SERVER = process.env.RETORT_TEST_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const TARGET = 1.2;

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

const COUNT = Number(option("--revisions", "1000"));
const RUNS = Number(option("--runs", "40"));
const BINARY = resolve(option("--binary", join(ROOT, "dist", "migrate")));
const BASELINE = process.argv.includes("--baseline") ? resolve(option("--baseline", "")) : undefined;
const KEEP = process.argv.includes("--keep");

/** The URL of database `name` on the server. */
function dbUrl(name: string): string {
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return url.toString();
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Run a process to its end; returns its wall time in ms and its stdout. */
function run(cmd: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

async function main(): Promise<void> {
  if (!existsSync(BINARY)) {
    throw new Error(
      `Cannot run the benchmark: "${BINARY}" does not exist; run "deno run -A scripts/build.ts"`,
    );
  }
  const admin = postgres(SERVER, { max: 1, onnotice: () => {} });
  const dir = mkdtempSync(join(tmpdir(), "retort-bench-current-"));
  const db = `retort_bench_current_${Math.random().toString(16).slice(2, 10)}`;
  const server = new URL(SERVER);
  const psqlArgs = [
    "-X",
    "-h",
    server.hostname,
    "-p",
    server.port || "5432",
    "-U",
    decodeURIComponent(server.username || "postgres"),
    "-d",
    db,
    "-Atc",
    "select version_num from alembic_version",
  ];
  const env: Record<string, string> = server.password
    ? { PGPASSWORD: decodeURIComponent(server.password) }
    : {};
  try {
    const { heads } = generateHistory(dir, COUNT);
    writeFileSync(
      join(dir, "migrate.toml"),
      `script_location = "migrations"\nurl = ${JSON.stringify(dbUrl(db))}\n`,
    );
    await admin.unsafe(`create database "${db}"`);
    const stamp = postgres(dbUrl(db), { max: 1, onnotice: () => {} });
    try {
      await stamp.unsafe(
        "create table alembic_version (version_num varchar(32) not null, " +
          "constraint alembic_version_pkc primary key (version_num))",
      );
      for (const head of heads) await stamp`insert into alembic_version values (${head})`;
    } finally {
      await stamp.end({ timeout: 5 });
    }
    // One warm-up each (page cache, the server's catalog cache), and a check that both read the rows.
    const shown = run(BINARY, ["current"], { cwd: dir }).stdout;
    for (const head of heads) {
      if (!shown.includes(head)) throw new Error(`migrate current did not show head ${head}:\n${shown}`);
    }
    const rows = run("psql", psqlArgs, { env }).stdout.trim().split("\n").sort();
    if (rows.join() !== heads.join()) throw new Error(`psql read ${rows.join()}, expected ${heads.join()}`);

    if (BASELINE) run(BASELINE, ["current"], { cwd: dir });
    const contenders: { name: string; time: () => number }[] = [
      { name: BINARY, time: () => run(BINARY, ["current"], { cwd: dir }).ms },
      { name: "psql", time: () => run("psql", psqlArgs, { env }).ms },
    ];
    if (BASELINE) {
      contenders.push({
        name: BASELINE,
        time: () => run(BASELINE, ["current"], { cwd: dir }).ms,
      });
    }
    const times = contenders.map((): number[] => []);
    for (let i = 0; i < RUNS; i++) {
      // Alternate the order, so none always follows another's disk and cache effects.
      const order = [...contenders.keys()];
      if (i % 2 === 1) order.reverse();
      for (const k of order) times[k].push(contenders[k].time());
    }
    const psqlTimes = times[1];
    const p = median(psqlTimes);
    console.log(`revisions: ${COUNT} (heads: ${heads.join(", ")}), runs: ${RUNS} each, alternating`);
    console.log(
      `psql -Atc (same query): ${p.toFixed(1)} ms (median; min ${Math.min(...psqlTimes).toFixed(1)})`,
    );
    for (const [k, { name }] of contenders.entries()) {
      if (k === 1) continue;
      const c = median(times[k]);
      const pairs = median(times[k].map((t, i) => t / psqlTimes[i]));
      console.log(
        `${name} current: ${c.toFixed(1)} ms (median; min ${Math.min(...times[k]).toFixed(1)}); ` +
          `ratio of medians: ${(c / p).toFixed(3)}x; median of per-pair ratios: ${pairs.toFixed(3)}x ` +
          `(target <= ${TARGET}x) ${c / p <= TARGET ? "OK" : "MISSED"}`,
      );
    }
  } finally {
    if (!KEEP) {
      await admin.unsafe(`drop database if exists "${db}" with (force)`);
      rmSync(dir, { recursive: true, force: true });
    } else console.log(`kept ${dir}, database ${db}`);
    await admin.end({ timeout: 5 });
  }
}

await main();
