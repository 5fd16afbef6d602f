/**
 * Over-long identifiers through `dist/migrate`: refused with the database's limit in the message,
 * the step rolled back, and no table created under a cut name.
 *
 * @module
 */
import { assertEquals } from "../_assert.ts";
import { mysqlAdmin, postgresAdmin, withMysqlDatabase, withPostgresDatabase } from "../_db.ts";
import { type RevisionSpec, withProject } from "../cli/_project.ts";
import { assertRefused } from "./_faults.ts";

function revision(name: string): RevisionSpec {
  return {
    id: "c0000000000a",
    down: null,
    tsUp: `  await op.createTable(${JSON.stringify(name)}, { id: { type: "integer" } });`,
    tsDown: "",
  };
}

Deno.test("PostgreSQL: a 70-character table name is refused, not cut to 63", async () => {
  await withPostgresDatabase(async (url) => {
    const name = "t".repeat(70);
    await withProject(url, [revision(name)], async (project) => {
      const r = await project.run(["upgrade", "head"]);
      assertRefused(r, 1, project.file("c0000000000a"), "70 bytes long", "at most 63 bytes");
    });
    const admin = await postgresAdmin(url);
    try {
      const tables = await admin.unsafe(
        "select table_name from information_schema.tables where table_schema = 'public'",
      );
      assertEquals(tables.map((t) => t.table_name), []);
    } finally {
      await admin.end({ timeout: 5 });
    }
  }, "idl");
});

Deno.test("MariaDB: a 65-character table name is refused with the limit", async () => {
  await withMysqlDatabase(async (url) => {
    await withProject(url, [revision("m".repeat(65))], async (project) => {
      const r = await project.run(["upgrade", "head"]);
      assertRefused(r, 1, project.file("c0000000000a"), "65 characters long", "at most 64 characters");
    });
    const admin = await mysqlAdmin(url);
    try {
      // MariaDB commits the version table's CREATE; it stays empty, and nothing else exists.
      const [tables] = await admin.query("SHOW TABLES");
      // The version table and Retort's revision log, created by the first step that ran.
      assertEquals(
        (tables as Record<string, string>[]).map((t) => Object.values(t)[0]).filter((n) =>
          n !== "retort_revision_log"
        ),
        ["alembic_version"],
      );
      const [versions] = await admin.query("SELECT version_num FROM alembic_version");
      assertEquals(versions, []);
    } finally {
      await admin.end();
    }
  }, "idl");
});
