/**
 * Fleet benchmark: `migrate upgrade head --fleet` of a 20-revision history across 50 PostgreSQL
 * databases with concurrency 1, 4 and 8, through the compiled binary. Prints each wall time (best
 * of `--runs`, default 3; a `downgrade base --fleet` between runs, not timed) and the speed-up over
 * concurrency 1.
 *
 * Run: `deno run -A scripts/bench/fleet.ts [--runs N] [--databases N]` after building `dist/migrate`.
 * Needs the PostgreSQL test server (RETORT_TEST_POSTGRES_URL).
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { randomBytes } from "node:crypto";
import { POSTGRES_TEST_URL, postgresAdmin, withDatabase } from "../../tests/_db.ts";
import { BINARY, requireBinary } from "../../tests/cli/_project.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RUNS = option("--runs", 3);
const DATABASES = option("--databases", 50);
const REVISIONS = 20;
const LEVELS = [1, 4, 8];

requireBinary();
const dir = mkdtempSync(join(tmpdir(), "retort-bench-fleet-"));
const versions = join(dir, "migrations", "versions");
mkdirSync(versions, { recursive: true });
const id = (i: number) => `be0c${String(i).padStart(8, "0")}`;
for (let i = 1; i <= REVISIONS; i++) {
  writeFileSync(
    join(versions, `${id(i)}_step.sql`),
    [
      `-- revision: ${id(i)}`,
      `-- down_revision: ${i === 1 ? "" : id(i - 1)}`,
      `-- message: step ${i}`,
      ``,
      `-- migrate:up`,
      `CREATE TABLE t${i} (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, created TIMESTAMP DEFAULT now());`,
      `CREATE INDEX ix_t${i}_name ON t${i} (name);`,
      `INSERT INTO t${i} (id, name) VALUES (1, 'a'), (2, 'b');`,
      ``,
      `-- migrate:down`,
      `DROP TABLE t${i};`,
      ``,
    ].join("\n"),
  );
}
const tag = randomBytes(3).toString("hex");
const names = Array.from({ length: DATABASES }, (_, i) => `retort_bench_fleet_${tag}_${i}`);
writeFileSync(
  join(dir, "tenants.txt"),
  names.map((n) => withDatabase(POSTGRES_TEST_URL, n)).join("\n") + "\n",
);
writeFileSync(
  join(dir, "migrate.toml"),
  `script_location = "migrations"\n[fleet]\nurls_file = "tenants.txt"\n`,
);

const admin = await postgresAdmin();
const migrate = (argv: string[]) => {
  const started = performance.now();
  const r = spawnSync(BINARY, argv, { cwd: dir, encoding: "utf8" });
  if (r.status !== 0) {
    throw new Error(`migrate ${argv.join(" ")} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  }
  return performance.now() - started;
};
try {
  for (const n of names) await admin.unsafe(`CREATE DATABASE "${n}"`);
  const results: { concurrency: number; ms: number }[] = [];
  for (const concurrency of LEVELS) {
    let best = Infinity;
    for (let run = 0; run < RUNS; run++) {
      migrate(["-q", "downgrade", "base", "--fleet", "--concurrency", "8"]);
      best = Math.min(
        best,
        migrate(["-q", "upgrade", "head", "--fleet", "--concurrency", String(concurrency)]),
      );
    }
    results.push({ concurrency, ms: best });
  }
  const base = results[0].ms;
  console.log(
    `upgrade head --fleet: ${REVISIONS} revisions x ${DATABASES} PostgreSQL databases, best of ${RUNS}`,
  );
  console.log("concurrency  wall time  speed-up");
  for (const r of results) {
    console.log(
      `${String(r.concurrency).padStart(11)}  ${(r.ms / 1000).toFixed(2).padStart(7)} s  ${
        (base / r.ms).toFixed(2).padStart(7)
      }x`,
    );
  }
} finally {
  for (const n of names) await admin.unsafe(`DROP DATABASE IF EXISTS "${n}" WITH (FORCE)`);
  await admin.end({ timeout: 5 });
  rmSync(dir, { recursive: true, force: true });
}
