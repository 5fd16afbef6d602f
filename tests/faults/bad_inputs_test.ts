/**
 * Bad configs, revision headers, targets and flags through `dist/migrate`: each is refused with
 * exit 2 and a message naming the file, key, revision or flag, before anything runs (the version
 * table stays as it was).
 *
 * @module
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { assert, assertEquals } from "../_assert.ts";
import { POSTGRES_TEST_URL } from "../_db.ts";
import { describeRun, type RevisionSpec, runBinary, withProject } from "../cli/_project.ts";
import { assertRefused, sqliteState } from "./_faults.ts";

const SQLITE_URL = "sqlite:///a.db";

const GOOD: RevisionSpec = {
  id: "d0000000000a",
  down: null,
  up: "CREATE TABLE good_a (id INTEGER);",
  downSql: "DROP TABLE good_a;",
};

Deno.test("a script_location folder that does not exist is refused, naming key, folder and line", async () => {
  await withProject(SQLITE_URL, [GOOD], async (project) => {
    writeFileSync(
      join(project.dir, "migrate.toml"),
      `url = "${SQLITE_URL}"\nscript_location = "migratons"\n`,
    );
    for (const args of [["upgrade", "head"], ["heads"], ["history"], ["current"]]) {
      const r = await project.run(args);
      assertRefused(r, 2, `script_location folder "migratons"`, `${join(project.dir, "migrate.toml")}:2`);
    }
    assertEquals(sqliteState(project.dir), { versions: [], tables: [] });
  });
});

Deno.test("a missing extra version_locations folder is refused", async () => {
  await withProject(SQLITE_URL, [GOOD], async (project) => {
    writeFileSync(
      join(project.dir, "migrate.toml"),
      `url = "${SQLITE_URL}"\nscript_location = "migrations"\nversion_locations = ["migrations/versions", "more"]\n`,
    );
    const r = await project.run(["upgrade", "head"]);
    assertRefused(r, 2, `version_locations folder "more"`);
    mkdirSync(join(project.dir, "more"));
    assertEquals((await project.run(["upgrade", "head"])).code, 0);
    assertEquals(sqliteState(project.dir).versions, ["d0000000000a"]);
  });
});

Deno.test("a docstring Revision ID that differs from the exported revision is refused with file and line", async () => {
  const rev: RevisionSpec = { id: "d0000000000b", down: "d0000000000a", tsUp: "", tsDown: "" };
  await withProject(SQLITE_URL, [GOOD, rev], async (project) => {
    const file = project.file("d0000000000b");
    const text = Deno.readTextFileSync(file).replace(
      "Revision ID: d0000000000b",
      "Revision ID: d0000000000c",
    );
    writeFileSync(file, text);
    const r = await project.run(["upgrade", "head"]);
    assertRefused(r, 2, `${file}:4`, `"Revision ID: d0000000000c"`, `revision = "d0000000000b"`);
    assertEquals(sqliteState(project.dir), { versions: [], tables: [] });
  });
});

for (const reserved of ["head", "heads", "base"]) {
  Deno.test(`a revision named "${reserved}" is refused`, async () => {
    const rev: RevisionSpec = { id: reserved, down: "d0000000000a", up: "SELECT 1;", downSql: "" };
    await withProject(SQLITE_URL, [GOOD, rev], async (project) => {
      const r = await project.run(["upgrade", "head"]);
      assertRefused(r, 2, project.file(reserved), `revision id "${reserved}" is a reserved word`);
      assertEquals(sqliteState(project.dir), { versions: [], tables: [] });
      assertRefused(await project.run(["revision", "-m", "x", "--rev-id", reserved]), 2, "reserved word");
    });
  });
}

Deno.test("@head, a 10,000-character target and flags that would do nothing are refused", async () => {
  await withProject(SQLITE_URL, [GOOD], async (project) => {
    assertRefused(await project.run(["upgrade", "@head"]), 2, `target "@head"`, `"mybranch@head"`);
    const long = "x".repeat(10_000);
    const r = await project.run(["upgrade", long]);
    assertRefused(r, 2, `"${"x".repeat(60)}…"`, "10000 characters long");
    assert(r.stderr.length < 400, `echoed ${r.stderr.length} characters`);
    assertRefused(
      await project.run(["upgrade", "head", "--concurrency", "3"]),
      2,
      "--concurrency without --fleet",
    );
    assertRefused(await project.run(["current", "--fail-fast"]), 2, "--fail-fast without --fleet");
    for (const command of ["upgrade", "stamp"]) {
      // With --json the error is the JSON document on stdout.
      const json = await project.run(["--json", command, "head", "--sql"]);
      assertRefused({ ...json, stderr: json.stdout + json.stderr }, 2, "Cannot use --json with --sql");
    }
    assertEquals(sqliteState(project.dir), { versions: [], tables: [] });
  });
});

Deno.test("sslmode=require against a server without SSL says so", async () => {
  const url = new URL(POSTGRES_TEST_URL);
  url.searchParams.set("sslmode", "require");
  const r = await runBinary(["--url", url.href, "current"], { cwd: Deno.cwd() });
  assertRefused(r, 1, "does not accept SSL connections (sslmode=require)");
  assert(!r.stderr.includes("the server closed the connection\n"), describeRun(r));
});
