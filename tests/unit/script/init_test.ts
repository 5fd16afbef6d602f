import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assertEquals, assertThrows } from "../../_assert.ts";
import { initProject, listTemplates } from "../../../lib/script/init.ts";
import { loadConfigSync } from "../../../lib/config/load_sync.ts";
import { ScriptDirectory } from "../../../lib/script/script_directory.ts";
import { generateRevision } from "../../../lib/script/revision_writer.ts";
import { TEMPLATES } from "../../../lib/script/templates_data.ts";
import { InputError } from "../../../lib/errors.ts";

function tempDir(): { dir: string; [Symbol.dispose](): void } {
  const dir = mkdtempSync(join(tmpdir(), "retort-init-"));
  return { dir, [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }) };
}

Deno.test("listTemplates names each template with its README's first line", () => {
  assertEquals(listTemplates(), [
    {
      name: "generic",
      description: "Generic single-database configuration, with TypeScript revision files.",
    },
    {
      name: "multidb",
      description:
        "Several databases, each with its own migrations (select one with -n NAME, or run a command for all).",
    },
    {
      name: "sql",
      description:
        "Single-database configuration with plain SQL revision files (-- migrate:up / -- migrate:down).",
    },
  ]);
});

Deno.test("initProject writes the script directory in DIR and migrate.toml in the config folder, like alembic init", () => {
  using t = tempDir();
  assertEquals(initProject("migrations", "generic", t.dir), [
    join(t.dir, "migrate.toml"),
    join(t.dir, "migrations/README"),
    join(t.dir, "migrations/script.sql.tmpl"),
    join(t.dir, "migrations/script.ts.tmpl"),
    join(t.dir, "migrations/versions/.gitkeep"),
  ]);
  assertEquals(readFileSync(join(t.dir, "migrate.toml"), "utf8"), TEMPLATES.generic.files["migrate.toml"]);
});

Deno.test("initProject points script_location at a script directory with another name", () => {
  using t = tempDir();
  initProject(join(t.dir, "db", "alembic"), "generic", t.dir);
  const config = loadConfigSync({ cwd: t.dir, environ: {} });
  assertEquals(config.scriptLocation, join(t.dir, "db", "alembic"));
  assertEquals(existsSync(join(t.dir, "db/alembic/versions/.gitkeep")), true);
});

Deno.test("initProject templates load and write revisions in their format", async (t) => {
  for (const [template, ext] of [["generic", ".ts"], ["sql", ".sql"]] as const) {
    await t.step(template, () => {
      using tmp = tempDir();
      initProject("migrations", template, tmp.dir);
      const config = loadConfigSync({ cwd: tmp.dir, environ: {} });
      assertEquals(config.revisionFormat, ext === ".sql" ? "sql" : "ts");
      const dir = ScriptDirectory.fromConfig(config);
      const first = generateRevision(dir.config, { message: "first", revId: "a1", downRevisions: [] });
      const second = generateRevision(dir.config, { message: "second", revId: "b2", downRevisions: ["a1"] });
      assertEquals(first.path, join(tmp.dir, `migrations/versions/a1_first${ext}`));
      assertEquals(dir.loadRevisions().map((r) => [r.revision, r.downRevisions, r.message]), [
        ["a1", [], "first"],
        ["b2", ["a1"], "second"],
      ]);
      assertEquals(second.revision.message, "second");
    });
  }
});

Deno.test("initProject writes a multidb template whose databases load and write revisions", () => {
  using t = tempDir();
  initProject("migrations", "multidb", t.dir);
  for (const name of ["main", "analytics"]) {
    const config = loadConfigSync({ cwd: t.dir, name, environ: {} });
    assertEquals(config.scriptLocation, join(t.dir, "migrations", name));
    assertEquals(config.url, `sqlite:///${join(t.dir, `${name}.db`)}`);
    const dir = ScriptDirectory.fromConfig(config);
    const { path } = generateRevision(dir.config, { message: "init", revId: `${name}1`, downRevisions: [] });
    assertEquals(path, join(t.dir, `migrations/${name}/versions/${name}1_init.ts`));
    assertEquals(dir.loadRevisions().map((r) => r.revision), [`${name}1`]);
  }
  assertEquals(loadConfigSync({ cwd: t.dir, environ: {} }).databaseNames, ["main", "analytics"]);
});

Deno.test("initProject accepts an existing empty script location", () => {
  using t = tempDir();
  mkdirSync(join(t.dir, "migrations"));
  assertEquals(initProject("migrations", "sql", t.dir).length, 5);
});

Deno.test("initProject refuses a non-empty script location, an existing config and unknown templates", () => {
  using t = tempDir();
  mkdirSync(join(t.dir, "migrations"));
  writeFileSync(join(t.dir, "migrations/x.ts"), "");
  assertEquals(
    assertThrows(() => initProject("migrations", "generic", t.dir), InputError).message,
    `Cannot initialize ${
      join(t.dir, "migrations")
    }: it already exists and is not empty; choose a new folder for the scripts`,
  );
  using u = tempDir();
  writeFileSync(join(u.dir, "migrate.toml"), "");
  assertEquals(
    assertThrows(() => initProject("migrations", "generic", u.dir), InputError).message,
    `Cannot initialize ${join(u.dir, "migrations")}: ${
      join(u.dir, "migrate.toml")
    } already exists; remove it or run init elsewhere`,
  );
  assertEquals(existsSync(join(u.dir, "migrations")), false);
  assertEquals(
    assertThrows(() => initProject("migrations", "nope", u.dir), InputError).message,
    `Cannot initialize ${
      join(u.dir, "migrations")
    }: unknown template "nope" (available: generic, multidb, sql)`,
  );
});
