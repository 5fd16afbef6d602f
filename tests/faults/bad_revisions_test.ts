/**
 * Broken revision files through `dist/migrate` on SQLite: each is refused before anything runs
 * (exit 2 naming the file), and the version table never records SQL that did not run.
 *
 * @module
 */
import { assertEquals } from "../_assert.ts";
import { type RevisionSpec, withProject } from "../cli/_project.ts";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { assertRefused, sqliteState } from "./_faults.ts";

const URL = "sqlite:///a.db";

const GOOD: RevisionSpec = {
  id: "b0000000000a",
  down: null,
  up: "CREATE TABLE good_a (id INTEGER);",
  downSql: "DROP TABLE good_a;",
};

/** A SQL revision file written by hand (the project helper always writes both markers). */
function sqlFile(id: string, down: string, body: string): string {
  return `-- revision: ${id}\n-- down_revision: ${down}\n-- message: broken\n\n${body}\n`;
}

for (
  const [name, body, hint] of [
    ["no marker at all", "CREATE TABLE never_made (id INTEGER);", 'no "-- migrate:up" or "-- migrate:down"'],
    ["only -- migrate:down", "-- migrate:down\nDROP TABLE good_a;", 'only "-- migrate:down" (line 5)'],
  ] as const
) {
  Deno.test(`a .sql revision with ${name} is refused before anything runs`, async () => {
    await withProject(URL, [GOOD], async (project) => {
      const file = join(project.versions, "b0000000000b_broken.sql");
      writeFileSync(file, sqlFile("b0000000000b", "b0000000000a", body));
      const r = await project.run(["upgrade", "head"]);
      assertRefused(r, 2, file, '"-- migrate:up"', hint);
      // Nothing ran, not even the good first revision.
      assertEquals(sqliteState(project.dir), { versions: [], tables: [] });
      // Without the broken file the good revision runs; with it, a later upgrade is still refused.
      const head = await project.run(["upgrade", "b0000000000a"]);
      assertEquals(head.code, 0, head.stderr);
      assertRefused(await project.run(["upgrade", "head"]), 2, file);
      assertEquals(sqliteState(project.dir), { versions: ["b0000000000a"], tables: ["good_a"] });
    });
  });
}

Deno.test("a TypeScript revision with a syntax error is refused before the first step runs", async () => {
  const broken: RevisionSpec = {
    id: "b0000000000b",
    down: "b0000000000a",
    tsUp: `  op.createTable("never_made", { id: { type: "integer" } }));`,
    tsDown: "",
  };
  await withProject(URL, [GOOD, broken], async (project) => {
    const r = await project.run(["upgrade", "head"]);
    // The error names the file and the line of the stray parenthesis.
    assertRefused(r, 2, `${project.file("b0000000000b")}:15:`);
    assertEquals(sqliteState(project.dir), { versions: [], tables: [] });
  });
});

Deno.test("an op call that is not awaited and fails validation gives one message, no runtime report", async () => {
  const rev: RevisionSpec = {
    id: "b0000000000a",
    down: null,
    tsUp: [
      `  op.createTable("ok_t", { id: { type: "integer" } });`,
      `  op.addColumn("ok_t", "x", {});`,
      `  sql.query("SELECT * FROM no_such_table");`,
    ].join("\n"),
    tsDown: "",
  };
  await withProject(URL, [rev], async (project) => {
    const r = await project.run(["upgrade", "head"]);
    assertRefused(r, 1, `${project.file("b0000000000a")}:16`, `column "x": type is missing`);
    assertEquals(r.stderr.trim().split("\n").length, 2, r.stderr);
    assertEquals(sqliteState(project.dir).versions, []);
  });
});
