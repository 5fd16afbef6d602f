/**
 * `upgrade TARGET --plan` through dist/migrate, one suite run against each database: it shows each
 * step's statements with the lock they take, the table rewrites and the catalog's row estimates, and
 * changes nothing (catalog and version table identical before and after).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assertEquals } from "../_assert.ts";
import { withMysqlDatabase, withPostgresDatabase } from "../_db.ts";
import { type CatalogDump, dumpMysql, dumpPostgres, dumpSqlite, myClient, pgClient } from "./_catalog.ts";
import { describeRun, type RevisionSpec, withProject } from "./_project.ts";

const REVISIONS: RevisionSpec[] = [
  {
    id: "p1",
    down: null,
    tsUp:
      `op.createTable("account", { id: { type: "integer", primaryKey: true }, name: { type: "varchar(50)" } });
  op.bulkInsert("account", Array.from({ length: 300 }, (_, i) => ({ id: i + 1, name: "n" + i })));`,
    tsDown: `op.dropTable("account");`,
  },
  {
    id: "p2",
    down: "p1",
    tsUp:
      `op.alterColumn("account", "name", { type: "varchar(100)", nullable: false, existing: { type: "varchar(50)" } });
  op.createIndex("ix_account_name", "account", ["name"]);`,
    tsDown: `op.dropIndex("ix_account_name", { table: "account" });`,
  },
];

interface Row {
  readonly name: string;
  readonly withDatabase: <T>(fn: (url: string) => Promise<T>) => Promise<T>;
  /** Refreshes the catalog's row estimate where the database keeps one. */
  readonly analyze?: (url: string) => Promise<void>;
  readonly dump: (url: string) => Promise<CatalogDump> | CatalogDump;
  /** Lock of the type change, lock of the index, whether the type change rewrites. */
  readonly expected: [string, string, boolean];
}

const ROWS: readonly Row[] = [
  {
    name: "postgresql",
    withDatabase: (fn) => withPostgresDatabase(fn, "plan"),
    analyze: async (url) => {
      const sql = pgClient(url);
      await sql.unsafe("ANALYZE account");
      await sql.end({ timeout: 5 });
    },
    dump: (url) => dumpPostgres(url),
    // varchar(50) -> varchar(100) is binary-coercible; SET NOT NULL scans but does not rewrite.
    expected: ["ACCESS EXCLUSIVE", "SHARE", false],
  },
  {
    name: "mysql",
    withDatabase: (fn) => withMysqlDatabase(fn, "plan"),
    analyze: async (url) => {
      const conn = await myClient(url);
      await conn.query("ANALYZE TABLE account");
      await conn.end();
    },
    dump: (url) => dumpMysql(url),
    // varchar(50) -> varchar(100) in utf8mb4 crosses 255 bytes: the length prefix grows, so the table
    // is copied (MySQL docs 17.12.1, "Extending VARCHAR column size").
    expected: [
      "exclusive metadata lock; writes blocked while the table is copied (ALGORITHM=COPY)",
      "exclusive metadata lock at start and end; INPLACE with concurrent DML",
      true,
    ],
  },
  {
    name: "sqlite",
    withDatabase: async (fn) => {
      const dir = mkdtempSync(join(tmpdir(), "retort-plan-"));
      try {
        return await fn(`sqlite:///${join(dir, "app.db")}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    dump: (url) => dumpSqlite(url.slice("sqlite:///".length)),
    expected: ["the database write lock", "the database write lock", true],
  },
];

for (const r of ROWS) {
  Deno.test(`upgrade --plan shows locks, rewrites and row estimates and changes nothing (${r.name})`, async () => {
    await r.withDatabase((url) =>
      withProject(url, REVISIONS, async (project) => {
        const up = await project.run(["upgrade", "p1"]);
        assertEquals(up.code, 0, describeRun(up));
        await r.analyze?.(url);
        const before = await r.dump(url);
        const res = await project.run(["--json", "upgrade", "head", "--plan"]);
        assertEquals(res.code, 0, describeRun(res));
        assertEquals(await r.dump(url), before);
        const plan = JSON.parse(res.stdout);
        assertEquals(plan.from, ["p1"]);
        assertEquals(
          plan.steps.map((s: { revision: string; transaction: string }) => [s.revision, s.transaction]),
          [
            ["p2", "step"],
          ],
        );
        const [alter, index] = plan.steps[0].statements;
        assertEquals([alter.lockLevel, index.lockLevel, alter.rewritesTable], r.expected);
        assertEquals([alter.rows, index.rows], [{ account: 300 }, { account: 300 }]);
        const human = await project.run(["upgrade", "head", "--plan"]);
        assertEquals(human.stdout.split("\n")[0], "Plan: upgrade from p1, 1 step(s); nothing was changed");
        assertEquals(human.stdout.includes(`"account": ~300 rows`), true, human.stdout);
      })
    );
  });
}
