/**
 * The Chinook example (examples/chinook) end to end with the compiled binary `dist/migrate` on
 * SQLite, PostgreSQL and MariaDB/MySQL: upgrade to head with the real data, `current`, `history`,
 * `downgrade base` back to an empty version table, upgrade again, and the `sales` branch label.
 *
 * Build the binary first: `deno run -A scripts/build.ts` (or point `RETORT_MIGRATE_BIN` at another
 * executable).
 *
 * @module
 */
import { CHINOOK_REVISIONS } from "./_chinook.ts";
import { REVISION_LOG } from "./_catalog.ts";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import process from "node:process";
import { DatabaseSync } from "node:sqlite";
import { assert, assertEquals, assertStringIncludes } from "../_assert.ts";
import { withMysqlDatabase, withPostgresDatabase } from "../_db.ts";
import { myClient, pgClient } from "./_catalog.ts";
import { BINARY, feedMysql, feedPsql, requireBinary, ROOT, tool } from "./_project.ts";

const EXAMPLE = join(ROOT, "examples", "chinook");
/** The upstream data script, beside the repository (`<somewhere>/main` and `<somewhere>/shared`). */
const CHINOOK_SQL = resolve(ROOT, "..", "shared", "corpus", "chinook", "Chinook_Sqlite.sql");

const HEAD = "da7a10ad0013";
const SALES_HEAD = "5a1e50000006";
const ALL_REVISIONS = CHINOOK_REVISIONS;

/** Rows of each table in the upstream Chinook 1.4.5 script (counted from its INSERT statements). */
const EXPECTED_COUNTS: Readonly<Record<string, number>> = {
  artist: 275,
  album: 347,
  track: 3503,
  invoice_line: 2240,
  invoice: 412,
  customer: 59,
  employee: 8,
  genre: 25,
  media_type: 5,
  playlist: 18,
  playlist_track: 8715,
};

/** Tables and views at head, sorted. */
const HEAD_RELATIONS = [
  "album",
  "alembic_version",
  "artist",
  "customer",
  "employee",
  "genre",
  "invoice",
  "invoice_line",
  "media_type",
  "playlist",
  "playlist_summary",
  "playlist_track",
  "sales_by_country",
  "track",
];

/** What the flow needs to see inside a database, whatever its kind. */
interface Inspector {
  /** Sorted names of the tables and views. */
  relations(): Promise<string[]>;
  /** Sorted names of every schema object (tables, views, indexes, sequences, triggers). */
  objects(): Promise<string[]>;
  /** What {@link objects} lists in a database that holds only the version table. */
  readonly versionTableObjects: readonly string[];
  /** The first column of every row of `query`, as strings (numbers stringified). */
  column(query: string): Promise<string[]>;
  /** Run an offline script with the database's own client (psql, mysql, sqlite3); fails on any error. */
  feed(script: string): void;
  close(): Promise<void>;
}

interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Fail unless the binary and the upstream data script are there. */
function requireInputs(): void {
  requireBinary();
  if (!existsSync(CHINOOK_SQL)) {
    throw new Error(`Cannot run the Chinook tests: the upstream data script "${CHINOOK_SQL}" is missing`);
  }
}

/** Run `dist/migrate args` in `cwd`, with no DATABASE_URL inherited and no colors. */
function migrate(cwd: string, args: readonly string[]): RunResult {
  const env: Record<string, string> = { ...process.env, NO_COLOR: "1" } as Record<string, string>;
  delete env.DATABASE_URL;
  delete env.MIGRATE_ENV;
  const result = spawnSync(BINARY, args, { cwd, env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Run `dist/migrate args` and fail, showing its output, unless it exits 0. */
function migrateOk(cwd: string, args: readonly string[]): RunResult {
  const result = migrate(cwd, args);
  assertEquals(
    result.status,
    0,
    `migrate ${args.join(" ")} exited ${result.status}\n--- stdout\n${
      result.stdout.slice(0, 4000)
    }\n--- stderr\n${result.stderr.slice(0, 4000)}`,
  );
  return result;
}

/** A fresh copy of the example project (without any chinook.db) in a temp folder. */
function copyExample(): string {
  const dir = mkdtempSync(join(tmpdir(), "retort-chinook-"));
  const project = join(dir, "chinook");
  cpSync(EXAMPLE, project, { recursive: true, filter: (src) => !/chinook\.db/.test(src) });
  return project;
}

async function counts(db: Inspector): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of Object.keys(EXPECTED_COUNTS)) {
    out[table] = Number((await db.column(`SELECT COUNT(*) FROM ${table}`))[0]);
  }
  return out;
}

/** The whole example flow against one database; `global` are the options before the command. */
async function runChinookFlow(
  t: Deno.TestContext,
  cwd: string,
  global: string[],
  inspector: Inspector,
): Promise<void> {
  // Retort's revision log is created by online runs and not by the offline script: compare the
  // application's objects and the version table (tests/cli/revision_log_test.ts checks the log).
  const withoutLog = async (names: Promise<string[]>) =>
    (await names).filter((n) => !n.includes(REVISION_LOG));
  const db: Inspector = {
    ...inspector,
    relations: () => withoutLog(inspector.relations()),
    objects: () => withoutLog(inspector.objects()),
  };
  const x = ["-x", `chinook_sql=${CHINOOK_SQL}`];

  await t.step("upgrade head creates the schema and loads the real rows", async () => {
    migrateOk(cwd, [...global, ...x, "upgrade", "head"]);
    assertEquals(await db.relations(), HEAD_RELATIONS);
    assertEquals(await counts(db), EXPECTED_COUNTS);
    assertEquals(await db.column("SELECT version_num FROM alembic_version"), [HEAD]);
  });

  await t.step("the data survives with its text, decimals and later fixes", async () => {
    assertEquals(await db.column("SELECT first_name FROM customer WHERE customer_id = 1"), ["Luís"]);
    assertEquals(await db.column("SELECT name FROM artist WHERE artist_id = 88"), ["Guns N' Roses"]);
    assertEquals(await db.column("SELECT name FROM genre WHERE genre_id = 5"), ["Rock and Roll"]);
    assertEquals(await db.column("SELECT name FROM genre WHERE genre_id = 20"), ["Sci-Fi & Fantasy"]);
    assertEquals(await db.column("SELECT sort_name FROM artist WHERE name = 'The Doors'"), ["Doors, The"]);
    assertEquals(await db.column("SELECT sort_name FROM artist WHERE artist_id = 88"), ["Guns N' Roses"]);
    assertEquals(
      (await db.column("SELECT SUM(total) * 100 FROM invoice")).map((v) => Math.round(Number(v))),
      [232860],
    );
    assertEquals(await db.column("SELECT track_count FROM playlist_summary WHERE playlist_id = 18"), ["1"]);
  });

  await t.step("current, heads and history show the head and every revision", () => {
    // Alembic's formats: `current` shows no branch labels, `heads` does.
    assertEquals(migrateOk(cwd, [...global, "current"]).stdout.trim(), `${HEAD} (head)`);
    assertEquals(migrateOk(cwd, [...global, "heads"]).stdout.trim(), `${HEAD} (sales) (head)`);
    const history = migrateOk(cwd, [...global, "history"]).stdout;
    for (const rev of ALL_REVISIONS) assertStringIncludes(history, rev);
    assertStringIncludes(history, "(mergepoint)");
    assertStringIncludes(history, "(branchpoint)");
  });

  await t.step("downgrade base leaves only an empty version table", async () => {
    migrateOk(cwd, [...global, "downgrade", "base"]);
    assertEquals(await db.relations(), ["alembic_version"]);
    assertEquals(await db.objects(), [...db.versionTableObjects]);
    assertEquals(await db.column("SELECT version_num FROM alembic_version"), []);
  });

  await t.step("upgrade head works again after downgrade base", async () => {
    migrateOk(cwd, [...global, ...x, "upgrade", "head"]);
    assertEquals(await counts(db), EXPECTED_COUNTS);
    assertEquals(await db.column("SELECT version_num FROM alembic_version"), [HEAD]);
    migrateOk(cwd, [...global, "downgrade", "base"]);
    assertEquals(await db.relations(), ["alembic_version"]);
  });

  await t.step("the offline script builds the same database, and its downgrade empties it", async () => {
    db.feed(migrateOk(cwd, [...global, ...x, "upgrade", "head", "--sql"]).stdout);
    assertEquals(await db.relations(), HEAD_RELATIONS);
    assertEquals(await counts(db), EXPECTED_COUNTS);
    assertEquals(await db.column("SELECT name FROM artist WHERE artist_id = 88"), ["Guns N' Roses"]);
    assertEquals(await db.column("SELECT first_name FROM customer WHERE customer_id = 1"), ["Luís"]);
    assertEquals(await db.column("SELECT version_num FROM alembic_version"), [HEAD]);
    // Alembic's offline downgrade to base ends by dropping the version table. Rebuilds plan from the
    // schema the revisions up to HEAD make, replayed offline: the data revision needs its -x again.
    db.feed(migrateOk(cwd, [...global, ...x, "downgrade", `${HEAD}:base`, "--sql"]).stdout);
    assertEquals(await db.relations(), []);
    migrateOk(cwd, [...global, "stamp", "base"]);
  });

  await t.step("the sales branch label and a branch tip upgrade the sales branch alone", async () => {
    // A bare label names the revision that declares it (Alembic); the label also covers its
    // descendants, so after the merge sales@head is the overall head, not the branch tip.
    migrateOk(cwd, [...global, "upgrade", "sales"]);
    assertEquals(await db.column("SELECT version_num FROM alembic_version"), ["5a1e50000004"]);
    migrateOk(cwd, [...global, "upgrade", SALES_HEAD]);
    assertEquals(await db.column("SELECT version_num FROM alembic_version"), [SALES_HEAD]);
    assertEquals(await db.relations(), [
      "album",
      "alembic_version",
      "artist",
      "customer",
      "employee",
      "genre",
      "invoice",
      "invoice_line",
      "media_type",
      "sales_by_country",
      "track",
    ]);
    migrateOk(cwd, [...global, "downgrade", "base"]);
    assertEquals(await db.relations(), ["alembic_version"]);
    assertEquals(await db.column("SELECT version_num FROM alembic_version"), []);
  });
}

function sqliteInspector(file: string): Inspector {
  // A connection per question, so that no open handle sits between the migrate processes.
  const withDb = <T>(fn: (db: DatabaseSync) => T): T => {
    const db = new DatabaseSync(file, { readOnly: true });
    try {
      return fn(db);
    } finally {
      db.close();
    }
  };
  return {
    relations: () =>
      Promise.resolve(
        withDb((db) =>
          db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name").all()
            .map((r) => String(r.name)).sort()
        ),
      ),
    // The version table's primary key index is sqlite_autoindex_alembic_version_1.
    objects: () =>
      Promise.resolve(
        withDb((db) =>
          db.prepare("SELECT name FROM sqlite_master ORDER BY name").all().map((r) => String(r.name)).sort()
        ),
      ),
    versionTableObjects: ["alembic_version", "sqlite_autoindex_alembic_version_1"],
    feed: (script) => void tool("sqlite3", ["-bail", file], script),
    column: (query) =>
      Promise.resolve(
        withDb((db) =>
          db.prepare(query).all().map((r) => String(Object.values(r as Record<string, unknown>)[0]))
        ),
      ),
    close: () => Promise.resolve(),
  };
}

Deno.test("chinook example upgrades, downgrades and re-upgrades on SQLite", async (t) => {
  requireInputs();
  const project = copyExample();
  try {
    await runChinookFlow(t, project, [], sqliteInspector(join(project, "chinook.db")));
  } finally {
    rmSync(resolve(project, ".."), { recursive: true, force: true });
  }
});

Deno.test("chinook example renders offline SQL for the whole history on SQLite", () => {
  requireInputs();
  const project = copyExample();
  try {
    const out = migrateOk(project, ["-x", `chinook_sql=${CHINOOK_SQL}`, "upgrade", "head", "--sql"]).stdout;
    assertStringIncludes(out, "CREATE TABLE");
    assertStringIncludes(out, "CREATE VIEW sales_by_country");
    assertStringIncludes(out, "Guns N'' Roses");
    assert(!existsSync(join(project, "chinook.db")), "offline mode must not create the database");
  } finally {
    rmSync(resolve(project, ".."), { recursive: true, force: true });
  }
});

Deno.test("chinook example upgrades, downgrades and re-upgrades on PostgreSQL", async (t) => {
  requireInputs();
  const project = copyExample();
  try {
    await withPostgresDatabase(async (url) => {
      const sql = pgClient(url);
      const db: Inspector = {
        relations: async () =>
          (await sql.unsafe(
            "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
          )).map((r) => String(r.name)).sort(),
        objects: async () =>
          (await sql.unsafe(
            "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace " +
              "WHERE n.nspname = 'public' ORDER BY 1",
          )).map((r) => String(r.name)).sort(),
        versionTableObjects: ["alembic_version", "alembic_version_pkc"],
        feed: (script) => feedPsql(url, script),
        column: async (query) =>
          (await sql.unsafe(query)).map((r) => String(Object.values(r as Record<string, unknown>)[0])),
        close: () => sql.end({ timeout: 5 }),
      };
      try {
        await runChinookFlow(t, project, ["--url", url], db);
      } finally {
        await db.close();
      }
    }, "chinook");
  } finally {
    rmSync(resolve(project, ".."), { recursive: true, force: true });
  }
});

Deno.test("chinook example upgrades, downgrades and re-upgrades on MariaDB/MySQL", async (t) => {
  requireInputs();
  const project = copyExample();
  try {
    await withMysqlDatabase(async (url) => {
      const conn = await myClient(url);
      const db: Inspector = {
        relations: async () => {
          const [rows] = await conn.query(
            "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY 1",
          );
          return (rows as Record<string, unknown>[]).map((r) => String(r.name)).sort();
        },
        objects: async () => {
          const [rows] = await conn.query(
            "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() " +
              "UNION ALL SELECT DISTINCT index_name FROM information_schema.statistics " +
              "WHERE table_schema = DATABASE() " +
              "UNION ALL SELECT routine_name FROM information_schema.routines WHERE routine_schema = DATABASE() " +
              "UNION ALL SELECT trigger_name FROM information_schema.triggers WHERE trigger_schema = DATABASE() " +
              "ORDER BY 1",
          );
          return (rows as Record<string, unknown>[]).map((r) => String(r.name)).sort();
        },
        versionTableObjects: ["PRIMARY", "alembic_version"],
        feed: (script) => feedMysql(url, script),
        column: async (query) => {
          const [rows] = await conn.query(query);
          return (rows as Record<string, unknown>[]).map((r) => String(Object.values(r)[0]));
        },
        close: () => conn.end(),
      };
      try {
        await runChinookFlow(t, project, ["--url", url], db);
      } finally {
        await db.close();
      }
    }, "chinook");
  } finally {
    rmSync(resolve(project, ".."), { recursive: true, force: true });
  }
});
