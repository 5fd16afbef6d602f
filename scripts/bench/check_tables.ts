/**
 * Benchmark of `migrate check` as a whole process on a 1,000-table schema (issue "Real schemas
 * survive dump, check and autogenerate": under 0.5 s) on all three databases: each table has 10
 * columns, 2 indexes and a foreign key to the previous table, as in `introspect.ts` (PostgreSQL only,
 * with Alembic beside it). The schema is loaded, dumped with `schema dump`, then `check` runs against
 * it; prints the median and the slowest of the runs, the process's own CPU time (GNU time, when
 * installed: on a busy machine wall time mostly measures the other processes), and `--verbose`'s timing
 * lines when it has any. `check_phases.ts` splits one run into its phases.
 *
 * Run: `deno run -A scripts/bench/check_tables.ts [--tables N] [--runs N] [postgresql|mysql|sqlite...]`
 * (after `npm run build`). Uses `RETORT_TEST_POSTGRES_URL` and `RETORT_TEST_MYSQL_URL`.
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { withMysqlDatabase, withPostgresDatabase } from "../../tests/_db.ts";
import { BINARY, feedMysql, feedPsql, tool } from "../../tests/cli/_project.ts";
import { type BenchDialect as Dialect, benchTablesDdl } from "./_gen_tables.ts";

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const TABLES = option("tables", 1000);
const RUNS = option("runs", 7);
const ONLY = process.argv.slice(2).filter((a) => /^(postgresql|mysql|sqlite)$/.test(a)) as Dialect[];

// GNU time gives the process's own CPU time, which a busy machine inflates far less than wall time.
const GNU_TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

function timed(args: string[], cwd: string): { ms: number; cpuMs?: number; stderr: string } {
  const [cmd, argv] = GNU_TIME ? [GNU_TIME, ["-f", "cpu %U %S", BINARY, ...args]] : [BINARY, args];
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`migrate ${args.join(" ")} exited ${r.status}: ${r.stderr}${r.stdout}`);
  const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  return { ms, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : undefined, stderr: r.stderr };
}

async function withDatabase<T>(dialect: Dialect, fn: (url: string) => Promise<T>): Promise<T> {
  if (dialect === "postgresql") return await withPostgresDatabase(fn, "bench_check");
  if (dialect === "mysql") return await withMysqlDatabase(fn, "bench_check");
  const dir = mkdtempSync(join(tmpdir(), "retort-bench-check-"));
  try {
    return await fn(`sqlite:///${join(dir, "bench.db")}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function load(dialect: Dialect, url: string, text: string): void {
  if (dialect === "postgresql") feedPsql(url, text);
  else if (dialect === "mysql") feedMysql(url, text);
  else tool("sqlite3", ["-bail", url.slice(10)], text);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const dialect of ONLY.length ? ONLY : (["postgresql", "mysql", "sqlite"] as Dialect[])) {
  await withDatabase(dialect, (url) => {
    load(dialect, url, benchTablesDdl(dialect, TABLES));
    const dir = mkdtempSync(join(tmpdir(), "retort-bench-check-project-"));
    try {
      writeFileSync(join(dir, "migrate.toml"), `script_location = "migrations"\nschema = "schema.ts"\n`);
      timed(["--url", url, "schema", "dump", "-o", "schema.ts"], dir);
      const ms: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const r = timed(["--url", url, "check"], dir);
        ms.push(r.ms);
        if (r.cpuMs !== undefined) cpu.push(r.cpuMs);
      }
      const verbose = timed(["--url", url, "--verbose", "check"], dir).stderr.split("\n")
        .filter((l) => /\d+(\.\d+)? ?ms\b/.test(l));
      console.log(
        `${dialect.padEnd(10)} ${TABLES} tables: migrate check median ${median(ms).toFixed(0)} ms, ` +
          `slowest ${Math.max(...ms).toFixed(0)} ms of ${RUNS} runs (target < 500 ms)` +
          (cpu.length ? `; its own CPU (user+sys) median ${median(cpu).toFixed(0)} ms` : "") +
          `; load average ${loadavg()[0].toFixed(1)}`,
      );
      for (const l of verbose) console.log(`    ${l.trim()}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return Promise.resolve();
  });
}
