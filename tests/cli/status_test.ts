/**
 * `migrate status` through `dist/migrate` on SQLite: applied and pending lists, `--exit-code`
 * (3 when pending), `--json`, and a multidb config without `-n` (one section per database).
 *
 * @module
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { assertEquals } from "../_assert.ts";
import { describeRun, type RevisionSpec, runBinary, withProject } from "./_project.ts";

const REVS: RevisionSpec[] = [
  {
    id: "5a0000000001",
    down: null,
    message: "create account",
    up: "CREATE TABLE account (id INTEGER);",
    downSql: "DROP TABLE account;",
  },
  {
    id: "5a0000000002",
    down: "5a0000000001",
    message: "create order",
    up: "CREATE TABLE orders (id INTEGER);",
    downSql: "DROP TABLE orders;",
  },
  {
    id: "5a0000000003",
    down: "5a0000000002",
    message: "add index",
    up: "CREATE INDEX ix ON orders (id);",
    downSql: "DROP INDEX ix;",
  },
];

Deno.test("status lists applied and pending revisions and --exit-code returns 3 while any is pending", async () => {
  await withProject("sqlite:///app.db", REVS, async (project) => {
    const up = await project.run(["upgrade", "5a0000000001"]);
    assertEquals(up.code, 0, describeRun(up));
    const r = await project.run(["status"]);
    assertEquals(r.code, 0, describeRun(r));
    assertEquals(
      r.stdout,
      [
        "[X] 5a0000000001 create account",
        "[ ] 5a0000000002 create order",
        "[ ] 5a0000000003 add index",
        "",
        "Applied: 1",
        "Pending: 2",
        "",
      ].join("\n"),
    );
    const gate = await project.run(["status", "--exit-code"]);
    assertEquals(gate.code, 3, describeRun(gate));
    const json = await project.run(["--json", "status"]);
    const data = JSON.parse(json.stdout);
    assertEquals(data.current, ["5a0000000001"]);
    assertEquals(data.heads, ["5a0000000003"]);
    assertEquals(data.applied.map((e: { revision: string }) => e.revision), ["5a0000000001"]);
    assertEquals(data.pending.map((e: { revision: string }) => e.revision), ["5a0000000002", "5a0000000003"]);
    assertEquals(data.url, `sqlite:///${join(project.dir, "app.db")}`);
    await project.run(["upgrade", "head"]);
    const done = await project.run(["status", "--exit-code"]);
    assertEquals(
      [done.code, done.stdout.split("\n").slice(-3)],
      [0, ["Applied: 3", "Pending: 0", ""]],
      describeRun(done),
    );
  });
});

Deno.test("status -q prints nothing and still gates with --exit-code", async () => {
  await withProject("sqlite:///app.db", REVS, async (project) => {
    const r = await project.run(["-q", "status", "--exit-code"]);
    assertEquals([r.code, r.stdout, r.stderr], [3, "", ""]);
  });
});

Deno.test("multidb: upgrade, current and status without -n run for every database in config order", async () => {
  await withProject("sqlite:///unused.db", [], async (project) => {
    writeFileSync(
      join(project.dir, "migrate.toml"),
      [
        `[databases.main]`,
        `url = "sqlite:///main.db"`,
        `script_location = "migrations/main"`,
        `[databases.analytics]`,
        `url = "sqlite:///analytics.db"`,
        `script_location = "migrations/analytics"`,
        ``,
      ].join("\n"),
    );
    for (const db of ["main", "analytics"]) {
      mkdirSync(join(project.dir, "migrations", db, "versions"), { recursive: true });
    }
    const mk = (name: string, id: string) =>
      runBinary(["-n", name, "revision", "-m", `${name} one`, "--rev-id", id, "--sql-file"], {
        cwd: project.dir,
      });
    assertEquals((await mk("main", "aa01")).code, 0);
    assertEquals((await mk("analytics", "bb01")).code, 0);
    const up = await project.run(["upgrade", "head"]);
    assertEquals(up.code, 0, describeRun(up));
    const main = `sqlite:///${join(project.dir, "main.db")}`;
    const analytics = `sqlite:///${join(project.dir, "analytics.db")}`;
    assertEquals(
      up.stdout.replace(/\(\d+ ms\)/g, "(T)").replace(/in \d+ ms/g, "in T"),
      [
        `Database "main" (${main}):`,
        `Running upgrade  -> aa01, main one (T)`,
        `Applied 1 revision in T; now at aa01`,
        ``,
        `Database "analytics" (${analytics}):`,
        `Running upgrade  -> bb01, analytics one (T)`,
        `Applied 1 revision in T; now at bb01`,
        ``,
      ].join("\n"),
    );
    const current = await project.run(["current"]);
    assertEquals(
      current.stdout,
      `Database "main" (${main}):\naa01 (head)\n\nDatabase "analytics" (${analytics}):\nbb01 (head)\n`,
    );
    const json = JSON.parse((await project.run(["--json", "status"])).stdout);
    assertEquals(
      json.databases.map((d: { database: string; pending: unknown[] }) => [d.database, d.pending.length]),
      [
        ["main", 0],
        ["analytics", 0],
      ],
    );
    const one = await project.run(["-n", "analytics", "downgrade", "base"]);
    assertEquals(one.code, 0, describeRun(one));
    const status = await project.run(["status", "--exit-code"]);
    assertEquals(status.code, 3, describeRun(status));
    assertEquals(
      status.stdout.includes(`Database "analytics" (${analytics}):\n[ ] bb01 analytics one`),
      true,
      status.stdout,
    );
  });
});
