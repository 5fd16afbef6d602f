/**
 * Benchmark of statement splitting (`lib/runtime/sql_split.ts`, on the one lexer) against the
 * splitter on `main` (`git show main:lib/runtime/sql_split.ts`, saved to a temporary file for this
 * run only), in the same run, on generated SQL of each dialect: a large file of bulk INSERTs with
 * quoted `;`, comments and dialect bodies (PostgreSQL dollar-quoted functions, MySQL `DELIMITER`
 * procedures, SQLite triggers), a smaller file of many short statements, and a thousand small
 * revisions of about 5 KB. Prints the median
 * time of each splitter and the ratio old/new (above 1: the new one is faster), and whether both
 * return the same statements. They differ on MySQL and SQLite, where `main` misreads `"a\";b"`
 * (no backslash escapes in MySQL double-quoted strings) and `[a;b]` (no SQLite brackets).
 *
 * `main`'s splitter counts each statement's line from the start of the text again, so its time grows
 * with the square of the number of statements; the new one counts forward once.
 *
 * Run: `deno run -A scripts/bench/sql_split.ts [--mb N] [--runs N] [--base REF]`
 *
 * Target: a ratio of at least 1 everywhere (no slower).
 *
 * @module
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { DialectName } from "../../lib/dialects/dialect.ts";
import { splitSqlStatements, type SplitStatement } from "../../lib/runtime/sql_split.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

const MB = Number(option("--mb", "5"));
const RUNS = Number(option("--runs", "5"));
const BASE = option("--base", "main");

type Split = (text: string, dialect: DialectName) => SplitStatement[];

/** The base ref's splitter, imported from a temporary copy. */
async function loadOld(dir: string): Promise<Split> {
  const source = execFileSync("git", ["show", `${BASE}:lib/runtime/sql_split.ts`], {
    cwd: ROOT,
    encoding: "utf8",
  })
    .replaceAll('"../dialects/', `"${pathToFileURL(join(ROOT, "lib", "dialects")).href}/`);
  const file = join(dir, "old_sql_split.ts");
  writeFileSync(file, source);
  return (await import(pathToFileURL(file).href)).splitSqlStatements as Split;
}

/** A bulk INSERT of `rows` rows whose strings hold `;`, quotes and comment markers. */
function insert(n: number, rows: number, escape: (s: string) => string): string {
  const values: string[] = [];
  for (let r = 0; r < rows; r++) {
    values.push(
      `(${n * rows + r}, ${escape(`name ${r}; it's -- not a comment /* nor this */`)}, ${r * 1.5}, NULL)`,
    );
  }
  return `-- batch ${n}\nINSERT INTO item (id, name, price, note) VALUES\n  ${values.join(",\n  ")};\n`;
}

const BODIES: Readonly<Record<DialectName, (n: number) => string>> = {
  postgresql: (n) =>
    `CREATE FUNCTION f${n}() RETURNS trigger LANGUAGE plpgsql AS $body$\nBEGIN\n  NEW.note := 'x;y';\n  RETURN NEW;\nEND;\n$body$;\n` +
    `/* nested /* comment; */ still; */ CREATE TABLE t${n} (id int PRIMARY KEY, "a;b" text DEFAULT E'\\';');\n`,
  mysql: (n) =>
    `DELIMITER //\nCREATE PROCEDURE p${n}() BEGIN SELECT 'a;b'; SELECT "c\\";d"; END//\nDELIMITER ;\n` +
    `# hash comment;\nCREATE TABLE \`t${n};x\` (id int PRIMARY KEY, b text);\n`,
  sqlite: (n) =>
    `CREATE TRIGGER tr${n} AFTER INSERT ON item BEGIN UPDATE item SET note = 'a;b' WHERE id = NEW.id; END;\n` +
    `CREATE TABLE [t${n};x] (id integer PRIMARY KEY, b text);\n`,
};

const ESCAPES: Readonly<Record<DialectName, (s: string) => string>> = {
  postgresql: (s) => `'${s.replaceAll("'", "''")}'`,
  mysql: (s) => `'${s.replaceAll("'", "\\'")}'`,
  sqlite: (s) => `'${s.replaceAll("'", "''")}'`,
};

/** About `bytes` of SQL: statements of about `rows` INSERT rows each, a dialect body every tenth. */
function generate(dialect: DialectName, bytes: number, rows: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let n = 0; size < bytes; n++) {
    const part = n % 10 === 9 ? BODIES[dialect](n) : insert(n, rows, ESCAPES[dialect]);
    parts.push(part);
    size += part.length;
  }
  return parts.join("");
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median milliseconds of `fn` over RUNS runs, alternating nothing else in between. */
function time(fn: () => unknown): number {
  const ms: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const start = performance.now();
    fn();
    ms.push(performance.now() - start);
  }
  return median(ms);
}

const dir = mkdtempSync(join(tmpdir(), "retort-bench-split-"));
try {
  const oldSplit = await loadOld(dir);
  console.log(`splitting, median of ${RUNS} runs; ratio = ${BASE} / this tree`);
  for (
    const [label, bytes, rows] of [[`${MB} MB, bulk INSERTs`, MB * 1024 * 1024, 40], [
      `${MB / 10} MB, short statements`,
      MB * 1024 * 1024 / 10,
      1,
    ]] as const
  ) {
    for (const dialect of ["postgresql", "mysql", "sqlite"] as const) {
      const text = generate(dialect, bytes, rows);
      const a = oldSplit(text, dialect);
      const b = splitSqlStatements(text, dialect);
      const same = a.length === b.length && a.every((s, i) => s.sql === b[i].sql && s.line === b[i].line);
      // Warm both up once, then measure alternately.
      const oldMs = time(() => oldSplit(text, dialect));
      const newMs = time(() => splitSqlStatements(text, dialect));
      console.log(
        `${label.padEnd(26)} ${dialect.padEnd(10)} ${String(b.length).padStart(6)} statements  ` +
          `${BASE} ${oldMs.toFixed(1).padStart(8)} ms  new ${newMs.toFixed(1).padStart(7)} ms  ` +
          `ratio ${(oldMs / newMs).toFixed(1).padStart(6)}x  ${
            same ? "same statements" : "DIFFERENT statements"
          }`,
      );
    }
  }
  // Typical revisions are small: there the quadratic line count hardly shows, the scan itself does.
  for (const dialect of ["postgresql", "mysql", "sqlite"] as const) {
    const text = generate(dialect, 5 * 1024, 1);
    const oldMs = time(() => {
      for (let k = 0; k < 1000; k++) oldSplit(text, dialect);
    });
    const newMs = time(() => {
      for (let k = 0; k < 1000; k++) splitSqlStatements(text, dialect);
    });
    console.log(
      `${"1000 revisions of 5 KB".padEnd(26)} ${dialect.padEnd(10)} ${
        String(splitSqlStatements(text, dialect).length).padStart(6)
      } statements  ` +
        `${BASE} ${oldMs.toFixed(1).padStart(8)} ms  new ${newMs.toFixed(1).padStart(7)} ms  ` +
        `ratio ${(oldMs / newMs).toFixed(1).padStart(6)}x`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
