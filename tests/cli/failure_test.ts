/**
 * A failing migration through `dist/migrate`: on PostgreSQL and SQLite the failed revision (or,
 * with `transaction_per_migration = false`, the whole run) rolls back and leaves the database and
 * the version table exactly as before; on MySQL, which commits DDL, the error lists the statements
 * of the failed revision that had already run.
 *
 * @module
 */
import { join } from "node:path";
import { assert, assertEquals, assertStringIncludes } from "../_assert.ts";
import { withMysqlDatabase, withPostgresDatabase } from "../_db.ts";
import { type CatalogDump, dumpMysql, dumpPostgres, dumpSqlite, myClient } from "./_catalog.ts";
import { describeRun, type RevisionSpec, withProject } from "./_project.ts";

const R1: RevisionSpec = {
  id: "aaaa00000001",
  down: null,
  up: "CREATE TABLE first_table (id INTEGER PRIMARY KEY);",
  downSql: "DROP TABLE first_table;",
};

/** SQL revision 2: creates a table, inserts, then fails on an INSERT into a missing table. */
const R2_SQL: RevisionSpec = {
  id: "aaaa00000002",
  down: "aaaa00000001",
  up: [
    "CREATE TABLE second_table (id INTEGER PRIMARY KEY);",
    "INSERT INTO second_table (id) VALUES (1);",
    "INSERT INTO no_such_table (id) VALUES (1);",
  ].join("\n"),
  downSql: "DROP TABLE second_table;",
};

/** TypeScript revision 2: createTable, then addColumn on a missing table (line 21 of the file). */
const R2_TS: RevisionSpec = {
  id: "aaaa00000002",
  down: "aaaa00000001",
  tsUp: [
    `  op.createTable("second_table", { id: { type: "integer", primaryKey: true } });`,
    `  op.addColumn("no_such_table", "x", { type: "integer" });`,
  ].join("\n"),
  tsDown: `  op.dropTable("second_table");`,
};

const R3: RevisionSpec = {
  id: "aaaa00000003",
  down: "aaaa00000002",
  up: "CREATE TABLE fourth_table (id INTEGER);",
  downSql: "DROP TABLE fourth_table;",
};

/** The line of `op.addColumn` in the TypeScript revision written by tests/cli/_project.ts. */
const TS_FAILING_LINE = 16;

async function checkRollback(
  url: string,
  dump: () => Promise<CatalogDump> | CatalogDump,
  r2: RevisionSpec,
  expect: { file: string; statement: string; reason: string },
): Promise<void> {
  await withProject(url, [R1, r2, R3], async (project) => {
    const first = await project.run(["upgrade", "aaaa00000001"]);
    assertEquals(first.code, 0, describeRun(first));
    const before = await dump();
    assertEquals(before.versions, ["aaaa00000001"]);
    const failed = await project.run(["upgrade", "head"]);
    assertEquals(failed.code, 1, describeRun(failed));
    const file = expect.file.replace("{file}", project.file("aaaa00000002"));
    assertStringIncludes(failed.stderr, `Error: Cannot upgrade aaaa00000002 (${file}): ${expect.reason}`);
    assertStringIncludes(failed.stderr, `\n  statement: ${expect.statement}\n`);
    assertStringIncludes(failed.stderr, "The step was rolled back; the version table is unchanged.");
    assertEquals(await dump(), before);
    const current = await project.run(["current"]);
    assertEquals(current.stdout.trim().split(" ")[0], "aaaa00000001", describeRun(current));
  });
}

async function checkWholeRunRollback(
  url: string,
  dump: () => Promise<CatalogDump> | CatalogDump,
): Promise<void> {
  await withProject(url, [R1, R2_SQL, R3], async (project) => {
    const before = await dump();
    const failed = await project.run(["upgrade", "head"]);
    assertEquals(failed.code, 1, describeRun(failed));
    assertStringIncludes(failed.stderr, "Cannot upgrade aaaa00000002");
    assertStringIncludes(failed.stderr, "The whole run was rolled back (aaaa00000001 too)");
    assertEquals(await dump(), before);
  }, "transaction_per_migration = false");
}

Deno.test("dist/migrate upgrade on PostgreSQL rolls back a failed SQL revision", async () => {
  await withPostgresDatabase(async (url) => {
    await checkRollback(url, () => dumpPostgres(url), R2_SQL, {
      file: "{file}:11",
      statement: "INSERT INTO no_such_table (id) VALUES (1)",
      reason: `relation "no_such_table" does not exist`,
    });
  }, "clifail");
});

Deno.test("dist/migrate upgrade on PostgreSQL rolls back a failed TypeScript revision and names its line", async () => {
  await withPostgresDatabase(async (url) => {
    await checkRollback(url, () => dumpPostgres(url), R2_TS, {
      file: `{file}:${TS_FAILING_LINE}`,
      statement: "ALTER TABLE no_such_table ADD COLUMN x INTEGER",
      reason: `relation "no_such_table" does not exist`,
    });
  }, "clifail");
});

Deno.test("dist/migrate upgrade on PostgreSQL with transaction_per_migration = false rolls back the whole run", async () => {
  await withPostgresDatabase(async (url) => {
    await checkWholeRunRollback(url, () => dumpPostgres(url));
  }, "clifail");
});

Deno.test("dist/migrate upgrade on SQLite rolls back a failed revision", async () => {
  const dir = Deno.makeTempDirSync();
  try {
    const file = join(dir, "a.db");
    await checkRollback(`sqlite:///${file}`, () => dumpSqlite(file), R2_TS, {
      file: `{file}:${TS_FAILING_LINE}`,
      statement: `ALTER TABLE no_such_table ADD COLUMN x INTEGER`,
      reason: "no such table: no_such_table",
    });
    const file2 = join(dir, "b.db");
    await checkWholeRunRollback(`sqlite:///${file2}`, () => dumpSqlite(file2));
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("dist/migrate upgrade on MySQL lists the statements of the failed revision that had already run", async () => {
  await withMysqlDatabase(async (url) => {
    const r2: RevisionSpec = {
      id: "aaaa00000002",
      down: "aaaa00000001",
      up: [
        "CREATE TABLE second_table (id INTEGER PRIMARY KEY);",
        "-- a comment; with a semicolon",
        "ALTER TABLE second_table ADD COLUMN note VARCHAR(10) DEFAULT 'a;b';",
        "ALTER TABLE no_such_table ADD COLUMN x INTEGER;",
      ].join("\n"),
      downSql: "DROP TABLE second_table;",
    };
    await withProject(url, [R1, r2, R3], async (project) => {
      const first = await project.run(["upgrade", "aaaa00000001"]);
      assertEquals(first.code, 0, describeRun(first));
      const failed = await project.run(["upgrade", "head"]);
      assertEquals(failed.code, 1, describeRun(failed));
      const file = project.file("aaaa00000002");
      assertStringIncludes(
        failed.stderr,
        `Error: Cannot upgrade aaaa00000002 (${file}:12): Table '${
          url.split("/").pop()
        }.no_such_table' doesn't exist`,
      );
      assertStringIncludes(
        failed.stderr,
        [
          `  statement: ALTER TABLE no_such_table ADD COLUMN x INTEGER`,
          `  mysql commits DDL as it runs: these statements of aaaa00000002 had already run and were NOT rolled back:`,
          `    CREATE TABLE second_table (id INTEGER PRIMARY KEY)`,
          `    ALTER TABLE second_table ADD COLUMN note VARCHAR(10) DEFAULT 'a;b'`,
          ``,
        ].join("\n"),
      );
      const after = await dumpMysql(url);
      assertEquals(after.versions, ["aaaa00000001"]);
      assert(after.tables.includes("second_table"), "the committed CREATE TABLE stays");
    });
  }, "clifail");
});

Deno.test("dist/migrate on MySQL keeps a transaction per revision even with transaction_per_migration = false", async () => {
  // MySQL commits each DDL statement, so one run-wide transaction cannot hold: a data-only revision
  // that fails must still roll back alone, and the version table must name the last revision that ran.
  await withMysqlDatabase(async (url) => {
    const revs: RevisionSpec[] = [
      { id: "bbbb00000001", down: null, up: "CREATE TABLE tally (n INTEGER);", downSql: "DROP TABLE tally;" },
      {
        id: "bbbb00000002",
        down: "bbbb00000001",
        up: "INSERT INTO tally (n) VALUES (1);\nINSERT INTO no_such_table (n) VALUES (2);",
        downSql: "DELETE FROM tally;",
      },
    ];
    await withProject(url, revs, async (project) => {
      const failed = await project.run(["upgrade", "head"]);
      assertEquals(failed.code, 1, describeRun(failed));
      const after = await dumpMysql(url);
      assertEquals(after.versions, ["bbbb00000001"]);
      const conn = await myClient(url);
      try {
        const [rows] = await conn.query("SELECT COUNT(*) AS n FROM tally");
        assertEquals(
          Number((rows as { n: number }[])[0].n),
          0,
          "the failed revision's INSERT was rolled back",
        );
      } finally {
        await conn.end();
      }
    }, "transaction_per_migration = false");
  }, "clifail");
});
