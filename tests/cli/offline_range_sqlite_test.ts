/**
 * SQLite offline ranges (`upgrade START:END --sql`) plan table rebuilds from the schema the
 * revisions before START make, never from the database file at the URL: the script is the same
 * whether that file is missing, empty or holds another schema.
 */
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { assertEquals, assertStringIncludes } from "../_assert.ts";
import { createProject, describeRun, type RevisionSpec } from "./_project.ts";

const REVISIONS: readonly RevisionSpec[] = [
  {
    id: "aaaa00000001",
    down: null,
    tsUp: `op.createTable("t", { id: { type: "integer", primaryKey: true }, a: { type: "text" } });`,
    tsDown: `op.dropTable("t");`,
  },
  {
    id: "aaaa00000002",
    down: "aaaa00000001",
    tsUp: `op.alterColumn("t", "a", { type: "varchar(20)", nullable: false });`,
    tsDown: `op.alterColumn("t", "a", { type: "text", nullable: true });`,
  },
];

Deno.test("SQLite upgrade START:END --sql plans rebuilds from the revisions, not the file at the URL", async () => {
  const project = createProject("sqlite:///app.db", REVISIONS);
  try {
    const file = join(project.dir, "app.db");
    const render = async () => {
      const out = await project.run(["upgrade", "aaaa00000001:aaaa00000002", "--sql"]);
      assertEquals(out.code, 0, describeRun(out));
      return out.stdout;
    };
    assertEquals(existsSync(file), false);
    const noFile = await render();
    assertStringIncludes(noFile, "CREATE TABLE _retort_tmp_t (");
    assertStringIncludes(noFile, "a VARCHAR(20) NOT NULL");
    // A file at the URL with another schema (an extra column) changes nothing in the script.
    const other = new DatabaseSync(file);
    other.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, extra TEXT)");
    other.close();
    assertEquals(await render(), noFile);
    // And the script does what upgrading online does, on a database at the start revision.
    rmSync(file);
    assertEquals((await project.run(["upgrade", "aaaa00000001"])).code, 0);
    const db = new DatabaseSync(file);
    db.exec(noFile);
    const columns = db.prepare("SELECT name, type, \"notnull\" AS nn FROM pragma_table_info('t')").all();
    db.close();
    assertEquals(columns.map((c) => `${c.name} ${c.type} ${c.nn}`), ["id INTEGER 1", "a VARCHAR(20) 1"]);
  } finally {
    project.remove();
  }
});

Deno.test("SQLite offline range whose earlier revisions cannot render offline refuses a rebuild, naming why", async () => {
  const project = createProject("sqlite:///app.db", [
    { ...REVISIONS[0], tsUp: `${REVISIONS[0].tsUp}\nawait sql\`SELECT 1\`;` },
    REVISIONS[1],
  ]);
  try {
    const out = await project.run(["upgrade", "aaaa00000001:aaaa00000002", "--sql"]);
    assertEquals(out.code, 1, describeRun(out));
    assertStringIncludes(
      out.stderr,
      "Cannot plan from the schema at revision aaaa00000001 offline: replaying",
    );
    assertStringIncludes(out.stderr, 'render the script from base ("base:END") or run it online');
  } finally {
    project.remove();
  }
});
