/**
 * The corpus report (issue "Real schemas survive dump, check and autogenerate"): for each real public
 * schema in `tests/fixtures/corpus/` and `../shared/corpus/`, on each database it exists for, load it
 * into a fresh database, then with `dist/migrate`: `schema dump` -> `revision --autogenerate` into an
 * empty database -> `upgrade head` -> `check`; compare the two databases by their own catalogs
 * (`fingerprint.ts`) and print what was lost, what changed, and whether `check` is clean.
 *
 * Usage: `deno run -A scripts/corpus/report.ts [--verbose] [NAME...]` (after `npm run build`).
 *
 * @module
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import process from "node:process";
import { POSTGRES_TEST_URL, withMysqlDatabase, withPostgresDatabase } from "../../tests/_db.ts";
import {
  feedMysql,
  feedPsql,
  postgresClientArgs,
  ROOT,
  runBinary,
  type RunOutput,
  tool,
} from "../../tests/cli/_project.ts";
import {
  diffFingerprints,
  type Fingerprint,
  fingerprintMysql,
  fingerprintPostgres,
  fingerprintSqlite,
} from "./fingerprint.ts";

/** One schema on one database. */
export interface CorpusEntry {
  readonly name: string;
  readonly dialect: "postgresql" | "mysql" | "sqlite";
  readonly file: string;
  /** Text changes applied before loading (table prefixes, database names, data-file lines). */
  readonly prepare?: (text: string) => string;
  /** A PostgreSQL extension the schema needs; the entry is reported as not run where it is missing. */
  readonly needsExtension?: string;
}

/** The label of an entry in reports and in `tests/corpus/known_losses.json`: `name (dialect)`. */
export function entryLabel(entry: CorpusEntry): string {
  return `${entry.name} (${entry.dialect})`;
}

/**
 * OpenStreetMap without PostGIS, so that it loads on a stock PostgreSQL (only contrib's btree_gist):
 * the `postgis` extension and its comment go, and so does the one column that uses it
 * (`moderation_zones.zone geometry(Polygon,4326)`); nothing else in the schema refers to PostGIS.
 */
export function withoutPostgis(text: string): string {
  const out = text
    .replace(/^CREATE EXTENSION IF NOT EXISTS postgis\b.*\n/m, "")
    .replace(/^COMMENT ON EXTENSION postgis\b.*\n/m, "")
    .replace(/^\s*zone public\.geometry\(Polygon,4326\) NOT NULL,\n/m, "");
  if (/postgis|public\.geometry/i.test(out.replace(/^--.*$/gm, ""))) {
    throw new Error(
      "Cannot strip PostGIS from OpenStreetMap's structure.sql: it uses PostGIS somewhere else now",
    );
  }
  return out;
}

const FIXTURES = resolve(ROOT, "tests", "fixtures", "corpus");
const SHARED = resolve(ROOT, "..", "shared", "corpus");
const noDatabaseLines = (text: string) =>
  text.split("\n").filter((l) => !/^\s*(DROP DATABASE|CREATE DATABASE|USE |\\c |source )/i.test(l)).join(
    "\n",
  );

/** Every schema of the corpus, each on every database it is published for. */
export const CORPUS: readonly CorpusEntry[] = [
  {
    name: "chinook",
    dialect: "postgresql",
    file: join(SHARED, "chinook", "Chinook_PostgreSql.sql"),
    prepare: noDatabaseLines,
  },
  {
    name: "chinook",
    dialect: "mysql",
    file: join(SHARED, "chinook", "Chinook_MySql.sql"),
    prepare: noDatabaseLines,
  },
  { name: "chinook", dialect: "sqlite", file: join(SHARED, "chinook", "Chinook_Sqlite.sql") },
  { name: "pagila", dialect: "postgresql", file: join(SHARED, "pagila", "pagila-schema.sql") },
  { name: "sakila", dialect: "postgresql", file: join(FIXTURES, "sakila", "postgres-sakila-schema.sql") },
  {
    name: "sakila",
    dialect: "mysql",
    file: join(FIXTURES, "sakila", "mysql-sakila-schema.sql"),
    prepare: (t) => noDatabaseLines(t).replaceAll("sakila.", ""),
  },
  { name: "sakila", dialect: "sqlite", file: join(FIXTURES, "sakila", "sqlite-sakila-schema.sql") },
  {
    name: "employees",
    dialect: "mysql",
    file: join(FIXTURES, "employees", "employees.sql"),
    prepare: noDatabaseLines,
  },
  {
    name: "employees-partitioned",
    dialect: "mysql",
    file: join(FIXTURES, "employees", "employees_partitioned.sql"),
    prepare: noDatabaseLines,
  },
  { name: "northwind", dialect: "postgresql", file: join(FIXTURES, "northwind", "northwind.sql") },
  { name: "synapse", dialect: "postgresql", file: join(FIXTURES, "synapse", "main_full.sql.postgres") },
  { name: "synapse", dialect: "sqlite", file: join(FIXTURES, "synapse", "main_full.sql.sqlite") },
  {
    name: "openstreetmap",
    dialect: "postgresql",
    file: join(FIXTURES, "openstreetmap", "structure.sql"),
    prepare: withoutPostgis,
  },
  {
    name: "openstreetmap-postgis",
    dialect: "postgresql",
    file: join(FIXTURES, "openstreetmap", "structure.sql"),
    needsExtension: "postgis",
  },
  {
    name: "osticket",
    dialect: "mysql",
    file: join(FIXTURES, "osticket", "install-mysql.sql"),
    prepare: (t) => t.replaceAll("%TABLE_PREFIX%", "ost_"),
  },
  { name: "piwigo", dialect: "mysql", file: join(FIXTURES, "piwigo", "piwigo_structure-mysql.sql") },
];

/** What one round trip gave. */
export interface CorpusResult {
  readonly entry: CorpusEntry;
  readonly objects: number;
  readonly lost: string[];
  readonly changed: { key: string; source: string; copy: string }[];
  readonly added: string[];
  /** Lines of `schema dump`'s stderr (its warnings). */
  readonly warnings: string[];
  /** The first step that failed, with its output, or undefined when every step exited 0. */
  readonly failed?: string;
  /** The label of that step alone (`upgrade head`), stable from run to run. */
  readonly failedStep?: string;
  /** `check`'s exit status right after the upgrade. */
  readonly checkExit?: number | null;
  /** What the change probe said (see {@link ChangeProbe}), when one ran. */
  readonly probe?: string;
  readonly skipped?: string;
}

async function withDatabasePair<T>(
  dialect: CorpusEntry["dialect"],
  fn: (source: string, empty: string, fingerprint: (url: string) => Promise<Fingerprint>) => Promise<T>,
): Promise<T> {
  if (dialect === "postgresql") {
    return await withPostgresDatabase(
      (s) =>
        withPostgresDatabase((e) => fn(s, e, (u) => Promise.resolve(fingerprintPostgres(u))), "cx_empty"),
      "cx_src",
    );
  }
  if (dialect === "mysql") {
    return await withMysqlDatabase(
      (s) => withMysqlDatabase((e) => fn(s, e, fingerprintMysql), "cx_empty"),
      "cx_src",
    );
  }
  const dir = mkdtempSync(join(tmpdir(), "retort-corpus-"));
  try {
    const path = (f: string) => `sqlite:///${join(dir, f)}`;
    return await fn(
      path("source.db"),
      path("empty.db"),
      (u) => Promise.resolve(fingerprintSqlite(u.slice(10))),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function load(entry: CorpusEntry, url: string): void {
  const text = (entry.prepare ?? ((t: string) => t))(readFileSync(entry.file, "utf8"));
  if (entry.dialect === "postgresql") feedPsql(url, text);
  else if (entry.dialect === "mysql") feedMysql(url, text);
  else tool("sqlite3", ["-bail", url.slice(10)], text);
}

/**
 * Whether the PostgreSQL test server can create an extension.
 *
 * @param name the extension name
 * @returns true when `pg_available_extensions` lists it
 */
export function extensionAvailable(name: string): boolean {
  try {
    const { args, env } = postgresClientArgs(POSTGRES_TEST_URL);
    return tool(
      "psql",
      [...args, "-Atc", `select 1 from pg_available_extensions where name = '${name}'`],
      undefined,
      env,
    )
      .trim() === "1";
  } catch {
    return false;
  }
}

/** The project of a finished round trip, handed to a {@link ChangeProbe}. */
export interface CorpusProject {
  readonly entry: CorpusEntry;
  /** The project folder (`migrate.toml`, `versions/`, the dumped `schema.ts`). */
  readonly dir: string;
  /** The URL of the copy (the database the project migrates). */
  readonly url: string;
  /** The URL of the source (the database the schema file was dumped from). */
  readonly source: string;
  /** Run `dist/migrate` in the project against the copy. */
  readonly run: (args: string[]) => Promise<RunOutput>;
  /** Read the copy's catalog. */
  readonly fingerprint: () => Promise<Fingerprint>;
}

/**
 * A further step run on the copy after a round trip whose steps all exited 0 (the corpus tests edit
 * the schema file and check that the change is detected and applied).
 *
 * @returns a short, stable description of the outcome (`"ok"` or the step that went wrong)
 */
export type ChangeProbe = (project: CorpusProject) => Promise<string>;

/**
 * Run the round trip of one corpus entry.
 *
 * @param entry the schema and database
 * @param probe a further step run on the copy when every step exited 0
 * @returns what was lost or changed, the dump's warnings and the exit status of `check`
 */
export async function roundTrip(entry: CorpusEntry, probe?: ChangeProbe): Promise<CorpusResult> {
  if (entry.needsExtension && !extensionAvailable(entry.needsExtension)) {
    return {
      entry,
      objects: 0,
      lost: [],
      changed: [],
      added: [],
      warnings: [],
      skipped: `needs the PostgreSQL extension "${entry.needsExtension}", which this server lacks`,
    };
  }
  return await withDatabasePair(entry.dialect, async (source, empty, fingerprint) => {
    load(entry, source);
    const dir = mkdtempSync(join(tmpdir(), "retort-corpus-project-"));
    try {
      const run = (args: string[]) =>
        runBinary(args, { cwd: dir, env: { DATABASE_URL: empty }, timeoutMs: 300_000 });
      await run(["init", "."]);
      writeFileSync(
        join(dir, "migrate.toml"),
        `${readFileSync(join(dir, "migrate.toml"), "utf8")}\nschema = "schema.ts"\n`,
      );
      const before = await fingerprint(source);
      const steps: [string, string[]][] = [
        ["schema dump", ["--url", source, "schema", "dump", "-o", "schema.ts"]],
        ["revision --autogenerate", ["revision", "--autogenerate", "-m", "initial"]],
        ["upgrade head", ["upgrade", "head"]],
      ];
      let warnings: string[] = [];
      let failed: string | undefined;
      let failedStep: string | undefined;
      for (const [label, args] of steps) {
        const r = await run(args);
        if (label === "schema dump") warnings = r.stderr.split("\n").filter((l) => l.trim() !== "");
        if (r.code !== 0) {
          failedStep = label;
          failed = `${label}: exit ${r.code}: ${
            (r.stderr || r.stdout).trim().split("\n").slice(0, 3).join(" | ")
          }`;
          break;
        }
      }
      const after = await fingerprint(empty);
      const diff = diffFingerprints(before, after);
      const check = failed ? undefined : await run(["check"]);
      const probed = failed || !probe
        ? undefined
        : await probe({ entry, dir, url: empty, source, run, fingerprint: () => fingerprint(empty) });
      return {
        entry,
        objects: before.size,
        ...diff,
        warnings,
        failed,
        failedStep,
        checkExit: check?.code,
        probe: probed,
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

function kindsOf(keys: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k.split(" ")[0], (counts.get(k.split(" ")[0]) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(", ");
}

if (import.meta.main) {
  const verbose = process.argv.includes("--verbose");
  const names = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const entries = CORPUS.filter((e) => names.length === 0 || names.includes(e.name));
  let whole = 0;
  for (const entry of entries) {
    const r = await roundTrip(entry);
    const label = entryLabel(entry).padEnd(34);
    if (r.skipped) {
      console.log(`${label} not run: ${r.skipped}`);
      continue;
    }
    const ok = !r.failed && r.lost.length === 0 && r.changed.length === 0 && r.checkExit === 0;
    if (ok) whole++;
    console.log(
      `${label} ${String(r.objects).padStart(4)} objects | lost ${r.lost.length} (${
        kindsOf(r.lost)
      }) | changed ${r.changed.length} (${
        kindsOf(r.changed.map((c) => c.key))
      }) | added ${r.added.length} | dump warnings ${r.warnings.length} | ${
        r.failed ?? `check exit ${r.checkExit}`
      }`,
    );
    if (verbose) {
      for (const k of r.lost) console.log(`    lost    ${k}`);
      for (const c of r.changed) {
        console.log(`    changed ${c.key}\n      source: ${c.source}\n      copy:   ${c.copy}`);
      }
      for (const k of r.added) console.log(`    added   ${k}`);
      for (const w of r.warnings) console.log(`    warning ${w}`);
    }
  }
  console.log(`${whole} of ${entries.length} schemas survive the round trip whole`);
}
