/**
 * Retort's revision log through dist/migrate: every step and stamp gets a row beside Alembic's
 * untouched version table, on each database; on MariaDB a run killed half-way leaves a `started`
 * row, and the next run refuses, naming the revision and how many of its statements had completed, until
 * a stamp records where the database is.
 */
import { createHash } from "node:crypto";
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { assertEquals } from "../_assert.ts";
import { withMysqlDatabase, withPostgresDatabase } from "../_db.ts";
import { myClient, pgClient } from "./_catalog.ts";
import { describeRun, type RevisionSpec, withProject } from "./_project.ts";

const REVISIONS: RevisionSpec[] = [
  { id: "l1", down: null, up: "CREATE TABLE c1 (id INTEGER PRIMARY KEY);", downSql: "DROP TABLE c1;" },
  {
    id: "l2",
    down: "l1",
    tsUp: `op.addColumn("c1", "name", { type: "varchar(20)" });`,
    tsDown: `op.dropColumn("c1", "name");`,
  },
];

type Rows = Record<string, unknown>[];
const LOG =
  "SELECT revision, direction, status, checksum, applied_by, tool_version, duration_ms, downgrade_sql, started_at " +
  "FROM retort_revision_log ORDER BY started_at, run_id, seq";

const ROWS: {
  name: string;
  withDatabase: <T>(fn: (url: string) => Promise<T>) => Promise<T>;
  query: (url: string, sql: string) => Promise<Rows>;
}[] = [
  {
    name: "postgresql",
    withDatabase: (fn) => withPostgresDatabase(fn, "rlog"),
    query: async (url, sql) => {
      const c = pgClient(url);
      try {
        return [...await c.unsafe(sql)];
      } finally {
        await c.end({ timeout: 5 });
      }
    },
  },
  {
    name: "mysql",
    withDatabase: (fn) => withMysqlDatabase(fn, "rlog"),
    query: async (url, sql) => {
      const c = await myClient(url);
      try {
        return (await c.query(sql))[0] as Rows;
      } finally {
        await c.end();
      }
    },
  },
  {
    name: "sqlite",
    withDatabase: async (fn) => {
      const dir = mkdtempSync(join(tmpdir(), "retort-rlog-"));
      try {
        return await fn(`sqlite:///${join(dir, "app.db")}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    query: (url, sql) => {
      const db = new DatabaseSync(url.slice("sqlite:///".length));
      try {
        return Promise.resolve(db.prepare(sql).all() as Rows);
      } finally {
        db.close();
      }
    },
  },
];

for (const r of ROWS) {
  Deno.test(`the revision log records each step and stamp beside the version table (${r.name})`, async () => {
    await r.withDatabase((url) =>
      withProject(url, REVISIONS, async (project) => {
        for (const args of [["upgrade", "head"], ["downgrade", "-1"], ["stamp", "l2"]]) {
          const res = await project.run(args);
          assertEquals(res.code, 0, describeRun(res));
        }
        const rows = await r.query(url, LOG);
        const sha = (id: string) => createHash("sha256").update(readFileSync(project.file(id))).digest("hex");
        assertEquals(rows.map((x) => [x.revision, x.direction, x.status, x.checksum, x.tool_version]), [
          ["l1", "up", "applied", sha("l1"), "0.1.0"],
          ["l2", "up", "applied", sha("l2"), "0.1.0"],
          ["l2", "down", "applied", sha("l2"), "0.1.0"],
          ["l2", "stamp", "stamped", null, "0.1.0"],
        ]);
        assertEquals(rows[0].downgrade_sql, "DROP TABLE c1;");
        assertEquals(
          rows.every((x) => typeof x.applied_by === "string" && String(x.applied_by).includes("@")),
          true,
        );
        assertEquals(
          (await r.query(url, "SELECT version_num FROM alembic_version")).map((x) => x.version_num),
          ["l2"],
        );
        // A revision file edited after it ran: status reports it and --exit-code gates on it.
        const clean = await project.run(["status", "--exit-code"]);
        assertEquals(clean.code, 0, describeRun(clean));
        appendFileSync(project.file("l1"), "\n-- edited later\n");
        const edited = await project.run(["status", "--exit-code"]);
        assertEquals(edited.code, 3, describeRun(edited));
        assertEquals(
          edited.stdout.split("\n").find((l) => l.startsWith("[!]")),
          `[!] l1 edited after it ran (applied ${rows[0].started_at}; sha256 differs): ${project.file("l1")}`,
        );
        // check says so too, even where the schema file matches the database.
        const dump = await project.run(["schema", "dump", "-o", "schema.ts"]);
        assertEquals(dump.code, 0, describeRun(dump));
        appendFileSync(join(project.dir, "migrate.toml"), 'schema = "schema.ts"\n');
        const checked = await project.run(["check"]);
        assertEquals(checked.code, 1, describeRun(checked));
        assertEquals(checked.stdout.trim().split("\n"), [
          `The database matches ${join(project.dir, "schema.ts")}, but:`,
          "Revision files that differ from what ran:",
          `  revision l1 edited after it ran (applied ${rows[0].started_at}): ${project.file("l1")}`,
        ]);
      })
    );
  });
}

Deno.test("after a kill -9 mid-revision on MariaDB the next run says where it stopped, until a stamp", async () => {
  await withMysqlDatabase((url) =>
    withProject(url, [
      { id: "k1", down: null, up: "CREATE TABLE c1 (id INTEGER PRIMARY KEY);", downSql: "DROP TABLE c1;" },
      {
        id: "k2",
        down: "k1",
        up:
          "CREATE TABLE c2 (id INTEGER PRIMARY KEY);\nSELECT SLEEP(3);\nCREATE TABLE c3 (id INTEGER PRIMARY KEY);",
        downSql: "DROP TABLE c3;\nDROP TABLE c2;",
      },
    ], async (project) => {
      const child = project.start(["upgrade", "head"]);
      const c = await myClient(url);
      try {
        // Killed once the log counts the first statement (CREATE TABLE c2) as done: the run is then
        // inside SELECT SLEEP(3). Table c2 existing is not enough: the count follows the statement.
        for (let i = 0; i < 200; i++) {
          // The log table appears with the run's first step.
          const [rows] = await c.query(
            "SELECT statements_run FROM retort_revision_log WHERE revision = 'k2' AND status = 'started'",
          ).catch(() => [[]]) as unknown as [{ statements_run: number }[]];
          if (rows.length > 0 && Number(rows[0].statements_run) >= 1) break;
          await new Promise((res) => setTimeout(res, 50));
        }
      } finally {
        await c.end();
      }
      child.kill("SIGKILL");
      await new Promise((res) => child.on("close", res));
      const again = await project.run(["upgrade", "head"]);
      assertEquals(again.code, 1, describeRun(again));
      // The first line may say it waited for the killed run's lock to be freed.
      const message = again.stderr.trim().split("\n").at(-1)!;
      assertEquals(
        message.startsWith(
          "Error: Cannot upgrade: the last run was interrupted during revision k2 (upgrade, started ",
        ),
        true,
        message,
      );
      assertEquals(
        message.includes(
          "): 1 of its statements had completed and stayed applied, and the next one may have run",
        ),
        true,
        message,
      );
      // The operator drops the half-made table and records where the database is.
      const c2 = await myClient(url);
      await c2.query("DROP TABLE c2");
      await c2.end();
      const stamp = await project.run(["stamp", "k1"]);
      assertEquals(stamp.code, 0, describeRun(stamp));
      const rerun = await project.run(["--json", "upgrade", "head"]);
      assertEquals(rerun.code, 0, describeRun(rerun));
      assertEquals(JSON.parse(rerun.stdout).to, ["k2"]);
    })
  );
});
