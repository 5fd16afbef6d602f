/**
 * `version_table_schema` through `dist/migrate`: the version table lands in that PostgreSQL schema
 * or MySQL database (online and in the offline script), and `current` and `downgrade` read it there.
 *
 * @module
 */
import { assertEquals, assertStringIncludes } from "../_assert.ts";
import { mysqlAdmin, withMysqlDatabase, withPostgresDatabase } from "../_db.ts";
import { dumpMysql, dumpPostgres, pgClient } from "./_catalog.ts";
import { describeRun, type RevisionSpec, withProject } from "./_project.ts";

const REVISIONS: RevisionSpec[] = [
  { id: "ffff00000001", down: null, up: "CREATE TABLE vt_one (id INTEGER);", downSql: "DROP TABLE vt_one;" },
  {
    id: "ffff00000002",
    down: "ffff00000001",
    up: "CREATE TABLE vt_two (id INTEGER);",
    downSql: "DROP TABLE vt_two;",
  },
];

Deno.test("dist/migrate puts the version table in version_table_schema on PostgreSQL", async () => {
  await withPostgresDatabase(async (url) => {
    const sql = pgClient(url);
    await sql`create schema "Version Keeping"`;
    await sql.end({ timeout: 5 });
    await withProject(url, REVISIONS, async (project) => {
      const up = await project.run(["upgrade", "head"]);
      assertEquals(up.code, 0, describeRun(up));
      const dump = await dumpPostgres(url, `"Version Keeping".alembic_version`, [
        "public",
        "Version Keeping",
      ]);
      assertEquals(dump.tables, ["Version Keeping.alembic_version", "public.vt_one", "public.vt_two"]);
      assertEquals(dump.versions, ["ffff00000002"]);
      const current = await project.run(["current"]);
      assertStringIncludes(current.stdout, "ffff00000002");
      const offline = await project.run(["upgrade", "head", "--sql"]);
      assertStringIncludes(offline.stdout, `CREATE TABLE IF NOT EXISTS "Version Keeping".alembic_version`);
      const down = await project.run(["downgrade", "base"]);
      assertEquals(down.code, 0, describeRun(down));
      assertEquals(
        (await dumpPostgres(url, `"Version Keeping".alembic_version`, ["public", "Version Keeping"])).tables,
        ["Version Keeping.alembic_version"],
      );
    }, `version_table_schema = "Version Keeping"`);
  }, "clivts");
});

Deno.test("dist/migrate puts the version table in version_table_schema (another database) on MySQL", async () => {
  await withMysqlDatabase(async (url) => {
    const other = `${url.split("/").pop()}_versions`;
    const admin = await mysqlAdmin();
    await admin.query(`CREATE DATABASE \`${other}\``);
    try {
      await withProject(url, REVISIONS, async (project) => {
        const up = await project.run(["upgrade", "head"]);
        assertEquals(up.code, 0, describeRun(up));
        assertEquals((await dumpMysql(url)).tables, ["vt_one", "vt_two"]);
        const otherUrl = url.replace(/\/[^/]*$/, `/${other}`);
        const dump = await dumpMysql(otherUrl);
        assertEquals(dump.tables, ["alembic_version"]);
        assertEquals(dump.versions, ["ffff00000002"]);
        const current = await project.run(["current"]);
        assertStringIncludes(current.stdout, "ffff00000002");
        const down = await project.run(["downgrade", "ffff00000001"]);
        assertEquals(down.code, 0, describeRun(down));
        assertEquals((await dumpMysql(otherUrl)).versions, ["ffff00000001"]);
      }, `version_table_schema = "${other}"`);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS \`${other}\``);
      await admin.end();
    }
  }, "clivts");
});
