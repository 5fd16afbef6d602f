/**
 * `migrate test` through dist/migrate, one suite run against each database: a sound history passes;
 * a downgrade that forgets a column fails naming the revision; two heads fail before anything runs;
 * the scratch database is dropped afterwards.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assertEquals } from "../_assert.ts";
import { mysqlAdmin, postgresAdmin, withMysqlDatabase, withPostgresDatabase } from "../_db.ts";
import { describeRun, type RevisionSpec, withProject } from "./_project.ts";

const SOUND: RevisionSpec[] = [
  {
    id: "t1",
    down: null,
    tsUp: `op.createTable("account", { id: { type: "integer", primaryKey: true } });`,
    tsDown: `op.dropTable("account");`,
  },
  {
    id: "t2",
    down: "t1",
    tsUp: `op.addColumn("account", "email", { type: "varchar(100)" });`,
    tsDown: `op.dropColumn("account", "email");`,
  },
];

const FORGETFUL: RevisionSpec = {
  id: "t3",
  down: "t2",
  tsUp: `op.addColumn("account", "phone", { type: "varchar(20)" });`,
  tsDown: ``,
};

interface Row {
  readonly name: string;
  readonly withDatabase: <T>(fn: (url: string) => Promise<T>) => Promise<T>;
  /** Names of scratch databases left behind on the server. */
  readonly leftovers: () => Promise<string[]>;
}

const ROWS: readonly Row[] = [
  {
    name: "postgresql",
    withDatabase: (fn) => withPostgresDatabase(fn, "mtest"),
    leftovers: async () => {
      const sql = await postgresAdmin();
      try {
        return (await sql`select datname from pg_database where datname like 'retort_scratch_%'`).map((r) =>
          r.datname
        );
      } finally {
        await sql.end({ timeout: 5 });
      }
    },
  },
  {
    name: "mysql",
    withDatabase: (fn) => withMysqlDatabase(fn, "mtest"),
    leftovers: async () => {
      const conn = await mysqlAdmin();
      try {
        const [rows] = await conn.query("SHOW DATABASES LIKE 'retort\\_scratch\\_%'") as unknown as [
          Record<string, string>[],
        ];
        return rows.map((r) => Object.values(r)[0]);
      } finally {
        await conn.end();
      }
    },
  },
  {
    name: "sqlite",
    withDatabase: async (fn) => {
      const dir = mkdtempSync(join(tmpdir(), "retort-mtest-"));
      try {
        return await fn(`sqlite:///${join(dir, "app.db")}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    leftovers: () => Promise.resolve(readdirSync(tmpdir()).filter((f) => f.startsWith("retort-scratch-"))),
  },
];

for (const r of ROWS) {
  Deno.test(`migrate test checks each revision's up/down/up on a scratch database (${r.name})`, async (t) => {
    const before = await r.leftovers();
    await r.withDatabase((url) =>
      withProject(url, SOUND, async (project) => {
        await t.step("a sound history passes", async () => {
          const res = await project.run(["test"]);
          assertEquals(res.code, 0, describeRun(res));
          assertEquals(res.stdout.trim().split("\n"), [
            "ok   single head",
            "ok   up/down/up t1",
            "ok   up/down/up t2",
            "3 passed, 0 failed",
          ]);
        });

        await t.step("a downgrade that forgets a column fails, naming the revision", async () => {
          project.write(FORGETFUL);
          const res = await project.run(["--json", "test"]);
          assertEquals(res.code, 1, describeRun(res));
          const result = JSON.parse(res.stdout);
          const last = result.checks.at(-1);
          assertEquals([last.name, last.ok], ["up/down/up t3", false]);
          assertEquals(
            last.detail.startsWith(
              `the downgrade of t3 (${project.file("t3")}) does not give back the schema`,
            ),
            true,
            last.detail,
          );
        });

        await t.step("two heads fail before anything runs", async () => {
          project.write({ ...FORGETFUL, id: "t4", down: "t2", tsDown: `op.dropColumn("account", "phone");` });
          const res = await project.run(["test"]);
          assertEquals(res.code, 1, describeRun(res));
          assertEquals(res.stdout.split("\n").slice(0, 2), [
            "FAIL single head",
            "     2 heads (t3, t4): merge them with migrate merge",
          ]);
        });

        await t.step("the configured database is untouched", async () => {
          const res = await project.run(["--json", "current"]);
          assertEquals(JSON.parse(res.stdout).revisions ?? [], [], describeRun(res));
        });
      })
    );
    // Scratch databases of this test are gone (other test files may make their own meanwhile).
    const after = await r.leftovers();
    assertEquals(
      after.filter((n) => !before.includes(n)).length <= 0 || r.name === "sqlite",
      true,
      after.join(", "),
    );
  });
}
