import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { assertEquals, assertThrows } from "../../_assert.ts";
import { loadConfigSync } from "../../../lib/config/load_sync.ts";
import { ScriptDirectory } from "../../../lib/script/script_directory.ts";
import {
  formatFileTemplate,
  generateRevision,
  randomRevisionId,
  runPostWriteHooks,
  slugify,
} from "../../../lib/script/revision_writer.ts";
import {
  DuplicateRevisionError,
  InputError,
  RevisionFileError,
  RuntimeFailure,
} from "../../../lib/errors.ts";
import type { Config } from "../../../lib/config/config.ts";

function project(files: Record<string, string>): { dir: string; [Symbol.dispose](): void } {
  const dir = mkdtempSync(join(tmpdir(), "retort-script-"));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return { dir, [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }) };
}

function ts(id: string, down: string | null): string {
  return `export const revision = "${id}";\nexport const downRevision = ${JSON.stringify(down)};\n`;
}

function configOf(dir: string): Config {
  return loadConfigSync({ cwd: dir, environ: {} });
}

const NOW = new Date(Date.UTC(2026, 10, 21, 10, 2, 3));

Deno.test("ScriptDirectory.loadRevisions reads every version location, sorted by file name", () => {
  using p = project({
    "migrate.toml": 'version_locations = ["a", "b"]',
    "a/2_two.ts": ts("r2", "r1"),
    "a/1_one.sql": "-- revision: r1\n-- down_revision:\n",
    "b/3_three.ts": ts("r3", "r2"),
    "b/0_zero.ts": ts("r0", null),
    "a/README": "not a revision",
    "a/.gitkeep": "",
    "a/_helpers.ts": "export const x = 1;",
    "a/types.d.ts": "declare const x: number;",
    "a/nested/9_nine.ts": ts("r9", null),
  });
  const revisions = ScriptDirectory.fromConfig(configOf(p.dir)).loadRevisions();
  assertEquals(revisions.map((r) => [r.revision, r.path]), [
    ["r0", join(p.dir, "b/0_zero.ts")],
    ["r1", join(p.dir, "a/1_one.sql")],
    ["r2", join(p.dir, "a/2_two.ts")],
    ["r3", join(p.dir, "b/3_three.ts")],
  ]);
});

Deno.test("ScriptDirectory.loadRevisions returns nothing for a missing versions folder", () => {
  using p = project({ "migrate.toml": "" });
  assertEquals(ScriptDirectory.fromConfig(configOf(p.dir)).loadRevisions(), []);
});

Deno.test("ScriptDirectory.loadRevisions names both files of a duplicate id", () => {
  using p = project({
    "migrate.toml": 'version_locations = ["a", "b"]',
    "a/1_x.ts": ts("dup", null),
    "b/2_y.sql": "-- revision: dup\n-- down_revision:\n",
  });
  const error = assertThrows(
    () => ScriptDirectory.fromConfig(configOf(p.dir)).loadRevisions(),
    DuplicateRevisionError,
  );
  assertEquals(
    error.message,
    `Cannot load revisions: revision "dup" is declared by both ${join(p.dir, "a/1_x.ts")} and ${
      join(p.dir, "b/2_y.sql")
    }`,
  );
  assertEquals([error.id, error.files], ["dup", [join(p.dir, "a/1_x.ts"), join(p.dir, "b/2_y.sql")]]);
});

Deno.test("ScriptDirectory.loadRevisions passes on header errors with file and line", () => {
  using p = project({
    "migrate.toml": "",
    "migrations/versions/x.ts": 'export const revision = "x";\nexport const downRevision = y;\n',
  });
  const error = assertThrows(
    () => ScriptDirectory.fromConfig(configOf(p.dir)).loadRevisions(),
    RevisionFileError,
  );
  assertEquals(
    error.message,
    `Cannot read revision header of ${
      join(p.dir, "migrations/versions/x.ts")
    }:2: expected a string literal, an array of string literals or null for downRevision`,
  );
});

Deno.test("ScriptDirectory.loadRevisions reads headers that run past the first 8 KiB", () => {
  const padding = `/**\n${" * filler line\n".repeat(700)} */\n`;
  using p = project({
    "migrate.toml": "",
    "migrations/versions/big.ts":
      `${padding}export const revision = "big";\nexport const downRevision = null;\nexport const dependsOn = [\n  "dep"\n];\n`,
    "migrations/versions/dep.ts": ts("dep", null),
  });
  const revisions = ScriptDirectory.fromConfig(configOf(p.dir)).loadRevisions();
  assertEquals(revisions.map((r) => [r.revision, r.dependsOn]), [["big", ["dep"]], ["dep", []]]);
});

Deno.test("generateRevision writes the TypeScript format of DESIGN.md section 4", () => {
  using p = project({ "migrate.toml": "" });
  const dir = ScriptDirectory.fromConfig(configOf(p.dir));
  const { path, revision } = generateRevision(dir.config, {
    message: "create account table",
    revId: "1975ea83b712",
    downRevisions: ["27c6a30d7c24"],
    now: NOW,
  });
  assertEquals(path, join(p.dir, "migrations/versions/1975ea83b712_create_account_table.ts"));
  assertEquals(
    readFileSync(path, "utf8"),
    `/**
 * create account table
 *
 * Revision ID: 1975ea83b712
 * Revises: 27c6a30d7c24
 * Create Date: 2026-11-21 10:02:03
 */
import type { MigrationContext } from "@retort/migrate";

export const revision = "1975ea83b712";
export const downRevision: string | string[] | null = "27c6a30d7c24";
export const branchLabels: string[] = [];
export const dependsOn: string[] = [];

export function upgrade({ op }: MigrationContext): void {
  // write the upgrade here, e.g. op.createTable(...)
  void op;
}

export function downgrade({ op }: MigrationContext): void {
  // write the downgrade here, undoing upgrade()
  void op;
}
`,
  );
  assertEquals(revision, {
    revision: "1975ea83b712",
    downRevisions: ["27c6a30d7c24"],
    branchLabels: [],
    dependsOn: [],
    path,
    message: "create account table",
    createDate: "2026-11-21 10:02:03",
  });
});

Deno.test("generateRevision writes merges, labels, bodies and a base", () => {
  using p = project({ "migrate.toml": "" });
  const dir = ScriptDirectory.fromConfig(configOf(p.dir));
  const merge = generateRevision(dir.config, {
    message: "merge heads",
    revId: "m1",
    downRevisions: ["a1", "b2"],
    branchLabels: ["main"],
    dependsOn: ["c3"],
    now: NOW,
    upgradeBody: 'op.addColumn("t", "c", { type: "integer" });\nop.dropColumn("t", "d");',
    downgradeBody: "",
  });
  const text = readFileSync(merge.path, "utf8");
  assertEquals(text.includes(" * Revises: a1, b2\n"), true);
  assertEquals(text.includes('export const downRevision: string | string[] | null = ["a1", "b2"];\n'), true);
  assertEquals(text.includes('export const branchLabels: string[] = ["main"];\n'), true);
  assertEquals(text.includes('export const dependsOn: string[] = ["c3"];\n'), true);
  assertEquals(
    text.includes('void {\n  op.addColumn("t", "c", { type: "integer" });\n  op.dropColumn("t", "d");\n}\n'),
    true,
  );
  assertEquals([merge.revision.downRevisions, merge.revision.branchLabels, merge.revision.dependsOn], [
    ["a1", "b2"],
    ["main"],
    ["c3"],
  ]);
  const base = generateRevision(dir.config, { message: "", revId: "b0", downRevisions: [], now: NOW });
  assertEquals(base.path, join(p.dir, "migrations/versions/b0_.ts"));
  assertEquals(
    readFileSync(base.path, "utf8").includes("export const downRevision: string | string[] | null = null;\n"),
    true,
  );
  assertEquals(readFileSync(base.path, "utf8").includes(" * Revises:\n"), true);
  assertEquals([base.revision.downRevisions, base.revision.message], [[], undefined]);
});

Deno.test("generateRevision writes a SQL revision", () => {
  using p = project({ "migrate.toml": "" });
  const dir = ScriptDirectory.fromConfig(configOf(p.dir));
  const { path, revision } = generateRevision(dir.config, {
    message: "create account table",
    revId: "1975ea83b712",
    downRevisions: ["27c6a30d7c24"],
    sqlFile: true,
    now: NOW,
    upgradeBody: "CREATE TABLE account (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);",
    downgradeBody: "DROP TABLE account;",
  });
  assertEquals(path, join(p.dir, "migrations/versions/1975ea83b712_create_account_table.sql"));
  assertEquals(
    readFileSync(path, "utf8"),
    `-- revision: 1975ea83b712
-- down_revision: 27c6a30d7c24
-- branch_labels:
-- depends_on:
-- message: create account table
-- create_date: 2026-11-21 10:02:03

-- migrate:up
CREATE TABLE account (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);

-- migrate:down
DROP TABLE account;
`,
  );
  assertEquals(revision.downRevisions, ["27c6a30d7c24"]);
});

Deno.test("generateRevision writes SQL by default when revision_format is sql", () => {
  using p = project({ "migrate.toml": 'revision_format = "sql"' });
  const { path } = generateRevision(configOf(p.dir), {
    message: "x",
    revId: "r1",
    downRevisions: [],
    now: NOW,
  });
  assertEquals(path.endsWith("r1_x.sql"), true);
  assertEquals(readFileSync(path, "utf8").includes("-- migrate:up\n-- write the upgrade SQL here\n"), true);
});

Deno.test("generateRevision uses the script directory's own template", () => {
  using p = project({
    "migrate.toml": "",
    "migrations/script.ts.tmpl":
      "// custom <%= it.message %>\nexport const revision = <%= it.revisionLiteral %>;\nexport const downRevision = <%= it.downRevisionLiteral %>;\n",
  });
  const { path } = generateRevision(configOf(p.dir), {
    message: 'hello <b> & "q"',
    revId: "r1",
    downRevisions: ["r0"],
    now: NOW,
  });
  assertEquals(
    readFileSync(path, "utf8"),
    '// custom hello <b> & "q"\nexport const revision = "r1";\nexport const downRevision = "r0";\n',
  );
});

Deno.test("generateRevision applies file_template, timezone and --version-path", () => {
  using p = project({
    "migrate.toml": [
      'file_template = "%(year)d%(month).2d%(day).2d_%(hour).2d%(minute).2d%(second).2d_%(epoch)s_%(rev)s_%(slug)s"',
      'timezone = "Asia/Tokyo"',
      "truncate_slug_length = 10",
      'version_locations = ["migrations/versions", "other"]',
    ].join("\n"),
  });
  const { path, revision } = generateRevision(configOf(p.dir), {
    message: "Add the Customer e-mail",
    revId: "abc",
    downRevisions: [],
    now: NOW,
    versionPath: "other",
  });
  assertEquals(path, join(p.dir, "other/20261121_190203_1795255323_abc_add_the_.ts"));
  assertEquals(revision.createDate, "2026-11-21 19:02:03");
});

Deno.test("generateRevision rejects bad ids and existing files", () => {
  using p = project({ "migrate.toml": "" });
  const dir = ScriptDirectory.fromConfig(configOf(p.dir));
  assertEquals(
    assertThrows(
      () => generateRevision(dir.config, { message: "x", revId: "bad-id", downRevisions: [] }),
      InputError,
    )
      .message,
    'Cannot create revision: --rev-id "bad-id" must match [A-Za-z0-9_]{1,32}',
  );
  assertEquals(
    assertThrows(
      () => generateRevision(dir.config, { message: "x", revId: "a".repeat(33), downRevisions: [] }),
      InputError,
    )
      .message,
    `Cannot create revision: --rev-id "${"a".repeat(33)}" must match [A-Za-z0-9_]{1,32}`,
  );
  assertEquals(
    assertThrows(
      () => generateRevision(dir.config, { message: "x", revId: "ok", downRevisions: ["a b"] }),
      InputError,
    ).message,
    'Cannot create revision: down revision "a b" must be 1 to 32 characters without spaces or commas',
  );
  assertEquals(
    assertThrows(
      () => generateRevision(dir.config, { message: "x", downRevisions: [], versionPath: "elsewhere" }),
      InputError,
    )
      .message,
    `Cannot create revision: --version-path "${join(p.dir, "elsewhere")}" is not a version location (${
      join(p.dir, "migrations/versions")
    })`,
  );
  generateRevision(dir.config, { message: "x", revId: "same", downRevisions: [], now: NOW });
  const file = join(p.dir, "migrations/versions/same_x.ts");
  assertEquals(
    assertThrows(
      () => generateRevision(dir.config, { message: "x", revId: "same", downRevisions: [], now: NOW }),
      InputError,
    )
      .message,
    `Cannot create revision: ${file} already exists`,
  );
});

Deno.test("randomRevisionId gives 12 lowercase hex characters", () => {
  const ids = new Set(Array.from({ length: 50 }, randomRevisionId));
  assertEquals(ids.size, 50);
  for (const id of ids) assertEquals(/^[0-9a-f]{12}$/.test(id), true);
});

Deno.test("slugify follows Alembic's slug and truncation", async (t) => {
  const rows: [string, number, string][] = [
    ["create account table", 40, "create_account_table"],
    ["Add  E-mail, to: USERS!", 40, "add_e_mail_to_users"],
    ["", 40, ""],
    ["café über", 40, "café_über"],
    ["add a column to the account table for email", 40, "add_a_column_to_the_account_table_for_"],
    ["abcdefghijklmnop", 10, "abcdefghij_"],
    ["exactly ten", 11, "exactly_ten"],
    ["exactly tenx", 11, "exactly_"],
  ];
  for (const [message, length, slug] of rows) {
    await t.step(
      `${JSON.stringify(message)} at ${length}`,
      () => assertEquals(slugify(message, length), slug),
    );
  }
});

Deno.test("formatFileTemplate fills Alembic's tokens like Python's % operator", async (t) => {
  const values = {
    rev: "ab12",
    slug: "x_y",
    year: 2026,
    month: 3,
    day: 7,
    hour: 4,
    minute: 5,
    second: 9,
    epoch: 1772856309,
  };
  const rows: [string, string][] = [
    ["%(rev)s_%(slug)s", "ab12_x_y"],
    ["%(year)d_%(month).2d_%(day).2d_%(hour).2d%(minute).2d%(second).2d", "2026_03_07_040509"],
    ["%(epoch)s-%(rev)s", "1772856309-ab12"],
    ["%(month)02d|%(month)3d|%(month)-3d|", "03|  3|3  |"],
    ["100%%_%(rev)s", "100%_ab12"],
  ];
  for (const [template, name] of rows) {
    await t.step(template, () => assertEquals(formatFileTemplate(template, values), name));
  }
  assertEquals(
    assertThrows(() => formatFileTemplate("%(nope)s", values), InputError).message,
    'Cannot format file_template "%(nope)s": unknown token "%(nope)"',
  );
});

Deno.test("runPostWriteHooks runs each command with {file} replaced", () => {
  using p = project({ "migrate.toml": "", "new file.ts": "x" });
  const file = join(p.dir, "new file.ts");
  const config = {
    ...configOf(p.dir),
    postWriteHooks: [`cp {file} "${join(p.dir, "copy.ts")}"`, "touch {file}.done"],
  };
  runPostWriteHooks(config, file);
  assertEquals(readFileSync(join(p.dir, "copy.ts"), "utf8"), "x");
  assertEquals(readFileSync(`${file}.done`, "utf8"), "");
});

Deno.test("runPostWriteHooks names a failing hook", () => {
  using p = project({ "migrate.toml": "" });
  const failing = { ...configOf(p.dir), postWriteHooks: ["ls /definitely/not/here/{file}"] };
  const error = assertThrows(() => runPostWriteHooks(failing, "x.ts"), RuntimeFailure);
  assertEquals(
    error.message.startsWith('Cannot run post-write hook "ls /definitely/not/here/{file}": exit status 2\n'),
    true,
  );
  const missing = { ...configOf(p.dir), postWriteHooks: ["no-such-command-retort {file}"] };
  assertEquals(
    assertThrows(() => runPostWriteHooks(missing, "x.ts"), RuntimeFailure).message,
    'Cannot run post-write hook "no-such-command-retort {file}": spawnSync no-such-command-retort ENOENT',
  );
});
