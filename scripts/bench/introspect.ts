/**
 * Benchmark of `migrate check` (introspection + compare) on a 1,000-table PostgreSQL schema
 * (10 columns, 2 indexes and 1 foreign key per table), timed as a whole process of `dist/migrate`.
 * When python3 with Alembic is installed (Debian's python3-alembic), Alembic's `compare_metadata`
 * runs on the same database in the same run, and the ratio is printed.
 *
 * Run: `./node_modules/.bin/deno run -A scripts/bench/introspect.ts [--tables N] [--runs N]`
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { benchTablesDdl } from "./_gen_tables.ts";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const BINARY = process.env.RETORT_MIGRATE_BIN || join(ROOT, "dist", "migrate");
const SERVER = process.env.RETORT_TEST_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/postgres";

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const TABLES = arg("tables", 1000);
const RUNS = arg("runs", 5);
const dbName = `retort_bench_introspect_${process.pid}`;
const dbUrl = SERVER.replace(/\/[^/?]*(\?.*)?$/, `/${dbName}$1`).replace("$1", "");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(
  cmd: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): { ms: number; out: string } {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, env: { ...process.env, ...env }, encoding: "utf8" });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}: ${r.stderr}${r.stdout}`);
  return { ms, out: r.stdout };
}

const admin = postgres(SERVER, { max: 1, onnotice: () => {} });
const dir = mkdtempSync(join(tmpdir(), "retort-bench-introspect-"));
try {
  await admin.unsafe(`DROP DATABASE IF EXISTS ${dbName}`);
  await admin.unsafe(`CREATE DATABASE ${dbName}`);
  const db = postgres(dbUrl, { max: 1, onnotice: () => {} });
  await db.unsafe(benchTablesDdl("postgresql", TABLES));
  await db.end();
  writeFileSync(join(dir, "migrate.toml"), `script_location = "migrations"\nschema = "schema.ts"\n`);
  time(BINARY, ["--url", dbUrl, "schema", "dump", "-o", "schema.ts"], dir);
  const ours: number[] = [];
  for (let i = 0; i < RUNS; i++) ours.push(time(BINARY, ["--url", dbUrl, "check"], dir).ms);
  console.log(`tables: ${TABLES} (10 columns, 2 indexes, 1 foreign key each)`);
  console.log(`migrate check (whole process): median ${median(ours).toFixed(0)} ms of ${RUNS} runs`);
  const py = `
import time, sys
sys.setrecursionlimit(100000)
from sqlalchemy import create_engine, MetaData
from alembic.migration import MigrationContext
from alembic.autogenerate import compare_metadata
engine = create_engine(sys.argv[1])
t0 = time.perf_counter()
meta = MetaData()
meta.reflect(bind=engine)
t1 = time.perf_counter()
with engine.connect() as conn:
    diff = compare_metadata(MigrationContext.configure(conn), meta)
t2 = time.perf_counter()
print(f"{(t1 - t0) * 1000:.0f} {(t2 - t1) * 1000:.0f} {len(diff)}")
`;
  // Debian's interpreter: the python3-alembic package installs into it, not into a pyenv one.
  const python = process.env.RETORT_BENCH_PYTHON ||
    (existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3");
  const probe = spawnSync(python, ["-c", "import alembic, psycopg2"], { encoding: "utf8" });
  if (probe.status === 0) {
    const pyUrl = dbUrl.replace(/^postgres(ql)?:\/\//, "postgresql+psycopg2://");
    const r = time(python, ["-c", py, pyUrl], dir);
    const [reflect, compare, diffs] = r.out.trim().split(" ").map(Number);
    console.log(
      `alembic: reflect ${reflect} ms + compare_metadata ${compare} ms (${diffs} diffs); whole process ${
        r.ms.toFixed(0)
      } ms`,
    );
    console.log(`ratio (alembic whole process / migrate check): ${(r.ms / median(ours)).toFixed(1)}x`);
  } else {
    console.log("alembic: not installed (apt-get install -y python3-alembic python3-psycopg2)");
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}
