/**
 * One migrator at a time, through `dist/migrate`: 8 processes upgrading one database at once each
 * exit 0 and every revision runs exactly once (PostgreSQL, MariaDB, SQLite file); a process killed
 * in the middle of a PostgreSQL migration leaves nothing of it behind and releases the lock.
 *
 * @module
 */
import { join } from "node:path";
import { assert, assertEquals, assertStringIncludes } from "../_assert.ts";
import { withMysqlDatabase, withPostgresDatabase } from "../_db.ts";
import { dumpMysql, dumpPostgres, dumpSqlite, myClient, pgClient } from "./_catalog.ts";
import { describeRun, type Project, type RevisionSpec, type RunOutput, withProject } from "./_project.ts";
import { DatabaseSync } from "node:sqlite";

const PROCESSES = 8;
const REVISIONS = 5;

/** Revision `i` (1-based) logs itself in `run_log`; the first creates it. `pause` slows each one down. */
function logRevisions(pause: string): RevisionSpec[] {
  const out: RevisionSpec[] = [];
  for (let i = 1; i <= REVISIONS; i++) {
    const id = `cccc0000000${i}`;
    const create = i === 1 ? "CREATE TABLE run_log (revision VARCHAR(32) NOT NULL);\n" : "";
    out.push({
      id,
      down: i === 1 ? null : `cccc0000000${i - 1}`,
      up: `${create}${pause}INSERT INTO run_log (revision) VALUES ('${id}');`,
      downSql: i === 1 ? "DROP TABLE run_log;" : `DELETE FROM run_log WHERE revision = '${id}';`,
    });
  }
  return out;
}

const EXPECTED_LOG = Array.from({ length: REVISIONS }, (_, i) => `cccc0000000${i + 1}`);

async function runConcurrently(project: Project): Promise<RunOutput[]> {
  const runs = await Promise.all(
    Array.from({ length: PROCESSES }, () => project.run(["upgrade", "head"], { timeoutMs: 60_000 })),
  );
  for (const r of runs) assertEquals(r.code, 0, describeRun(r));
  return runs;
}

function assertWaited(runs: readonly RunOutput[]): void {
  const waited = runs.filter((r) => r.stderr.includes("Waiting for the migration lock"));
  assert(
    waited.length >= 1,
    `no process printed the lock-wait message:\n${runs.map(describeRun).join("\n")}`,
  );
  const applied = runs.filter((r) => r.stdout.includes("Running upgrade"));
  assertEquals(applied.length >= 1, true);
}

Deno.test("dist/migrate: 8 concurrent upgrades on PostgreSQL apply each revision once", async () => {
  await withPostgresDatabase(async (url) => {
    await withProject(url, logRevisions("SELECT pg_sleep(0.2);\n"), async (project) => {
      const runs = await runConcurrently(project);
      assertWaited(runs);
      const sql = pgClient(url);
      try {
        const rows = await sql`select revision from run_log order by revision`;
        assertEquals(rows.map((r) => r.revision), EXPECTED_LOG);
      } finally {
        await sql.end({ timeout: 5 });
      }
      assertEquals((await dumpPostgres(url)).versions, ["cccc00000005"]);
    });
  }, "cliconc");
});

Deno.test("dist/migrate: 8 concurrent upgrades on MariaDB apply each revision once", async () => {
  await withMysqlDatabase(async (url) => {
    await withProject(url, logRevisions("DO SLEEP(0.2);\n"), async (project) => {
      const runs = await runConcurrently(project);
      assertWaited(runs);
      const conn = await myClient(url);
      try {
        const [rows] = await conn.query("SELECT revision FROM run_log ORDER BY revision") as unknown as [
          { revision: string }[],
        ];
        assertEquals(rows.map((r) => r.revision), EXPECTED_LOG);
      } finally {
        await conn.end();
      }
      assertEquals((await dumpMysql(url)).versions, ["cccc00000005"]);
    });
  }, "cliconc");
});

/** 8 migrators on one SQLite file, whose lock is its write transaction, with the given extra config. */
async function concurrentSqlite(extraConfig: string): Promise<void> {
  const dir = Deno.makeTempDirSync();
  try {
    const file = join(dir, "c.db");
    await withProject(`sqlite:///${file}`, logRevisions(""), async (project) => {
      await runConcurrently(project);
      const db = new DatabaseSync(file);
      try {
        const rows = db.prepare("SELECT revision FROM run_log ORDER BY revision").all() as {
          revision: string;
        }[];
        assertEquals(rows.map((r) => r.revision), EXPECTED_LOG);
      } finally {
        db.close();
      }
      assertEquals(dumpSqlite(file).versions, ["cccc00000005"]);
    }, extraConfig);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
}

Deno.test("dist/migrate: 8 concurrent upgrades on one SQLite file apply each revision once", () =>
  concurrentSqlite(""));

Deno.test(
  "dist/migrate: 8 concurrent upgrades on one SQLite file with one transaction per run apply each revision once",
  () => concurrentSqlite("transaction_per_migration = false\n"),
);

Deno.test("dist/migrate killed mid-migration on PostgreSQL leaves nothing applied and releases the lock", async () => {
  await withPostgresDatabase(async (url) => {
    const revisions: RevisionSpec[] = [
      { id: "dddd00000001", down: null, up: "CREATE TABLE kept (id INTEGER);", downSql: "DROP TABLE kept;" },
      {
        id: "dddd00000002",
        down: "dddd00000001",
        up: "CREATE TABLE half_done (id INTEGER);\nSELECT pg_sleep(5);",
        downSql: "DROP TABLE half_done;",
      },
    ];
    await withProject(url, revisions, async (project) => {
      const first = await project.run(["upgrade", "dddd00000001"]);
      assertEquals(first.code, 0, describeRun(first));
      const before = await dumpPostgres(url);
      const child = project.start(["upgrade", "head"]);
      const exited = new Promise<string | null>((resolve) =>
        child.on("exit", (_code, signal) => resolve(signal))
      );
      // Wait until the server runs the pg_sleep, then kill the process outright.
      const sql = pgClient(url);
      try {
        const deadline = Date.now() + 10_000;
        for (;;) {
          const rows = await sql`select 1 from pg_stat_activity where query like '%pg_sleep(5)%'
            and pid <> pg_backend_pid() and datname = current_database()`;
          if (rows.length > 0) break;
          assert(Date.now() < deadline, "the migration never reached pg_sleep");
          await new Promise((r) => setTimeout(r, 20));
        }
        child.kill("SIGKILL");
        assertEquals(await exited, "SIGKILL");
      } finally {
        await sql.end({ timeout: 5 });
      }
      // The server notices the closed socket within a second (client_connection_check_interval),
      // rolls back and frees the advisory lock; the new run must not wait for the sleep to end.
      project.write({ ...revisions[1], up: "CREATE TABLE half_done (id INTEGER);" });
      const again = await project.run(["upgrade", "head"], { timeoutMs: 20_000 });
      assertEquals(again.code, 0, describeRun(again));
      assert(
        again.ms < 3_000,
        `the second run took ${Math.round(again.ms)} ms: the killed run's lock lingered`,
      );
      assertStringIncludes(again.stdout, "Running upgrade dddd00000001 -> dddd00000002");
      const after = await dumpPostgres(url);
      assertEquals(after.versions, ["dddd00000002"]);
      assertEquals(after.tables, [...before.tables, "public.half_done"].sort());
    });
  }, "clikill");
});
