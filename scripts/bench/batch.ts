/**
 * Benchmark of a SQLite table rebuild: an `alterColumn` type change on a 1,000,000-row table (an
 * AUTOINCREMENT key, two indexes, a trigger and a view) run by `dist/migrate upgrade head`, against
 * the same rebuild written by hand as plain SQL (SQLite's 12-step procedure) run by `sqlite3`, on
 * two copies of the same database file, in the same run. Both times are whole processes.
 *
 * Run: `deno run -A scripts/bench/batch.ts [--rows N] [--runs N] [--no-build] [--keep]`
 * (builds `dist/migrate` first unless `--no-build`).
 *
 * Target: `migrate` within 1.1x of `sqlite3`.
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const BINARY = join(ROOT, "dist", "migrate");

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const ROWS = option("--rows", 1_000_000);
const RUNS = option("--runs", 3);
const KEEP = process.argv.includes("--keep");

const SCHEMA = `
CREATE TABLE big (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL,
    amount INTEGER,
    note TEXT
);
CREATE UNIQUE INDEX ix_big_code ON big (code);
CREATE INDEX ix_big_amount ON big (amount);
CREATE TABLE audit (n INTEGER NOT NULL);
INSERT INTO audit VALUES (0);
CREATE TRIGGER tr_big AFTER UPDATE ON big BEGIN UPDATE audit SET n = n + 1; END;
CREATE VIEW v_big AS SELECT id, code FROM big;
`;

/** The hand-written rebuild: what a careful person types for the same change. */
const HAND = `BEGIN;
CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));
DROP VIEW v_big;
DROP TRIGGER tr_big;
CREATE TABLE big_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL,
    amount BIGINT,
    note TEXT
);
INSERT INTO big_new (id, code, amount, note) SELECT id, code, amount, note FROM big;
DELETE FROM sqlite_sequence WHERE name = 'big_new';
INSERT INTO sqlite_sequence (name, seq) SELECT 'big_new', seq FROM sqlite_sequence WHERE name = 'big';
DROP TABLE big;
ALTER TABLE big_new RENAME TO big;
CREATE UNIQUE INDEX ix_big_code ON big (code);
CREATE INDEX ix_big_amount ON big (amount);
CREATE TRIGGER tr_big AFTER UPDATE ON big BEGIN UPDATE audit SET n = n + 1; END;
CREATE VIEW v_big AS SELECT id, code FROM big;
PRAGMA foreign_key_check(big);
INSERT INTO alembic_version (version_num) VALUES ('a1b2c3d4e5f6');
COMMIT;
`;

const REVISION = `/**
 * widen amount
 *
 * Revision ID: a1b2c3d4e5f6
 * Revises:
 * Create Date: 2026-01-01 00:00:00
 */
import type { MigrationContext } from "@retort/migrate";

export const revision = "a1b2c3d4e5f6";
export const downRevision: string | string[] | null = null;
export const branchLabels: string[] = [];
export const dependsOn: string[] = [];

export function upgrade({ op }: MigrationContext): void {
  op.alterColumn("big", "amount", { type: "bigint" });
}

export function downgrade({ op }: MigrationContext): void {
  op.alterColumn("big", "amount", { type: "integer" });
}
`;

function run(cmd: string, args: string[], input?: string, cwd?: string): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { input, cwd, encoding: "utf8", maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}): ${r.stderr}${r.stdout}`);
  }
  return ms;
}

function query(file: string, sql: string): string {
  const r = spawnSync("sqlite3", [file, sql], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`sqlite3 failed: ${r.stderr}`);
  return r.stdout.trim();
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

if (!process.argv.includes("--no-build")) {
  run(
    join(ROOT, "node_modules", ".bin", "deno"),
    ["run", "-A", join(ROOT, "scripts", "build.ts")],
    undefined,
    ROOT,
  );
}

const dir = mkdtempSync(join(tmpdir(), "retort-bench-batch-"));
try {
  const base = join(dir, "base.db");
  run(
    "sqlite3",
    [base],
    `${SCHEMA}
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS})
INSERT INTO big (code, amount, note) SELECT 'code-' || i, i % 1000, 'note number ' || i FROM n;
`,
  );
  const project = join(dir, "project");
  mkdirSync(join(project, "migrations", "versions"), { recursive: true });
  writeFileSync(join(project, "migrations", "versions", "a1b2c3d4e5f6_widen_amount.ts"), REVISION);
  const migrateTimes: number[] = [];
  const handTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const viaMigrate = join(dir, `migrate_${i}.db`);
    const byHand = join(dir, `hand_${i}.db`);
    copyFileSync(base, viaMigrate);
    copyFileSync(base, byHand);
    writeFileSync(
      join(project, "migrate.toml"),
      `script_location = "migrations"\nurl = ${JSON.stringify(`sqlite:///${viaMigrate}`)}\n`,
    );
    // Alternate the order so neither side always runs with a warmer cache.
    if (i % 2 === 0) {
      migrateTimes.push(run(BINARY, ["-q", "upgrade", "head"], undefined, project));
      handTimes.push(run("sqlite3", [byHand], HAND));
    } else {
      handTimes.push(run("sqlite3", [byHand], HAND));
      migrateTimes.push(run(BINARY, ["-q", "upgrade", "head"], undefined, project));
    }
    const check = "SELECT count(*), sum(amount), (SELECT seq FROM sqlite_sequence WHERE name = 'big'), " +
      "(SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE tbl_name = 'big' OR type = 'view' ORDER BY name)) FROM big";
    const a = query(viaMigrate, check);
    const b = query(byHand, check);
    if (a !== b) {
      throw new Error(`The two databases differ after the rebuild:\n  migrate: ${a}\n  sqlite3: ${b}`);
    }
    if (!query(viaMigrate, "SELECT sql FROM sqlite_master WHERE name = 'big'").includes("amount BIGINT")) {
      throw new Error("dist/migrate did not change the column type");
    }
    if (!KEEP) {
      rmSync(viaMigrate);
      rmSync(byHand);
    }
  }
  const m = median(migrateTimes);
  const h = median(handTimes);
  console.log(
    `alterColumn type change on a ${ROWS.toLocaleString("en")}-row SQLite table (median of ${RUNS})`,
  );
  console.log(
    `  dist/migrate upgrade head: ${m.toFixed(0)} ms   (runs: ${
      migrateTimes.map((t) => t.toFixed(0)).join(", ")
    })`,
  );
  console.log(
    `  sqlite3 hand-written SQL:  ${h.toFixed(0)} ms   (runs: ${
      handTimes.map((t) => t.toFixed(0)).join(", ")
    })`,
  );
  console.log(`  ratio: ${(m / h).toFixed(3)}x (target <= 1.1x)`);
} finally {
  if (KEEP) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
