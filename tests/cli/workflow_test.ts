/**
 * A new user's whole workflow through the compiled binary on SQLite: init, revisions (TypeScript
 * and SQL), a branch with a label, a merge, upgrade and downgrade, the read commands, stamp, and
 * the error cases with their exit statuses (DESIGN.md section 7).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { assert, assertEquals, assertStringIncludes } from "../_assert.ts";
import { requireBinary, runBinary } from "./_project.ts";

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "retort-workflow-"));
}

function versions(db: string): string[] {
  const conn = new DatabaseSync(db);
  try {
    return (conn.prepare("SELECT version_num FROM alembic_version ORDER BY 1").all() as {
      version_num: string;
    }[])
      .map((r) => r.version_num);
  } finally {
    conn.close();
  }
}

function tables(db: string): string[] {
  const conn = new DatabaseSync(db);
  try {
    return (conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1").all() as {
      name: string;
    }[]).map((r) => r.name);
  } finally {
    conn.close();
  }
}

/** Replace the placeholder bodies of a generated TypeScript revision. */
function fillTs(path: string, up: string, down: string): void {
  const text = readFileSync(path, "utf8")
    .replace(/(export (?:async )?function upgrade\([^)]*\)[^{]*\{)[\s\S]*?\n\}/, `$1\n${up}\n}`)
    .replace(/(export (?:async )?function downgrade\([^)]*\)[^{]*\{)[\s\S]*?\n\}/, `$1\n${down}\n}`);
  writeFileSync(path, text);
}

function fillSql(path: string, up: string, down: string): void {
  const text = readFileSync(path, "utf8");
  const head = text.slice(0, text.indexOf("-- migrate:up"));
  writeFileSync(path, `${head}-- migrate:up\n${up}\n\n-- migrate:down\n${down}\n`);
}

Deno.test("dist/migrate takes a new project from init through branches, a merge, upgrade and downgrade", async (t) => {
  requireBinary();
  const dir = tempDir();
  const db = join(dir, "app.db");
  const run = (...args: string[]) => runBinary(args, { cwd: dir });
  try {
    await t.step("init writes migrate.toml here and the script directory in DIR", async () => {
      const out = await run("init", "migrations");
      assertEquals(out.code, 0, out.stderr);
      assertStringIncludes(out.stdout, `Created a "generic" migration environment in migrations`);
      writeFileSync(
        join(dir, "migrate.toml"),
        `${readFileSync(join(dir, "migrate.toml"), "utf8")}\nurl = "sqlite:///app.db"\n`,
      );
    });

    await t.step("revision writes TypeScript and SQL revision files", async () => {
      let out = await run("revision", "-m", "create account table", "--rev-id", "a1");
      assertEquals(out.code, 0, out.stderr);
      const v = join(dir, "migrations", "versions");
      assertStringIncludes(out.stdout, join(v, "a1_create_account_table.ts"));
      fillTs(
        join(v, "a1_create_account_table.ts"),
        `  op.createTable("account", { id: { type: "integer", primaryKey: true }, name: { type: "varchar(50)", nullable: false } });\n  op.bulkInsert("account", [{ id: 1, name: x.who ?? "nobody" }]);`,
        `  op.dropTable("account");`,
      );
      writeFileSync(
        join(v, "a1_create_account_table.ts"),
        readFileSync(join(v, "a1_create_account_table.ts"), "utf8").replace(
          "{ op }: MigrationContext",
          "{ op, x }: MigrationContext",
        ),
      );
      out = await run("revision", "-m", "add email", "--sql-file", "--rev-id", "b2");
      assertEquals(out.code, 0, out.stderr);
      fillSql(
        join(v, "b2_add_email.sql"),
        "ALTER TABLE account ADD COLUMN email VARCHAR(200);",
        "ALTER TABLE account DROP COLUMN email;",
      );
      assertEquals(readdirSync(v).filter((f) => !f.startsWith(".")).sort(), [
        "a1_create_account_table.ts",
        "b2_add_email.sql",
      ]);
    });

    await t.step("a second base with a branch label makes two heads", async () => {
      let out = await run(
        "revision",
        "-m",
        "audit log",
        "--head",
        "base",
        "--branch-label",
        "audit",
        "--rev-id",
        "c3",
        "--sql-file",
      );
      assertEquals(out.code, 0, out.stderr);
      fillSql(
        join(dir, "migrations", "versions", "c3_audit_log.sql"),
        "CREATE TABLE audit (id INTEGER PRIMARY KEY, what TEXT);",
        "DROP TABLE audit;",
      );
      out = await run("heads");
      assertEquals(out.stdout, "b2 (head)\nc3 (audit) (head)\n");
      out = await run("revision", "-m", "needs a head");
      assertEquals(out.code, 2);
      assertStringIncludes(out.stderr, "multiple heads are present (b2, c3)");
      out = await run("upgrade", "head");
      assertEquals(out.code, 2);
      assertStringIncludes(out.stderr, "Multiple head revisions are present");
    });

    await t.step("upgrade heads applies both branches and -x reaches scripts", async () => {
      const out = await run("-x", "who=alice", "upgrade", "heads");
      assertEquals(out.code, 0, out.stderr);
      assertStringIncludes(out.stdout, "Running upgrade  -> a1, create account table");
      assertStringIncludes(out.stdout, "Running upgrade a1 -> b2, add email");
      assertStringIncludes(out.stdout, "Running upgrade  -> c3, audit log");
      assertEquals(versions(db), ["b2", "c3"]);
      const conn = new DatabaseSync(db);
      assertEquals({ ...conn.prepare("SELECT name FROM account").get() }, { name: "alice" });
      conn.close();
    });

    await t.step("merge heads makes a merge point that upgrade head applies", async () => {
      let out = await run("merge", "heads", "-m", "join audit", "--rev-id", "d4");
      assertEquals(out.code, 0, out.stderr);
      out = await run("upgrade", "head");
      assertEquals(out.code, 0, out.stderr);
      assertStringIncludes(out.stdout, "Running upgrade b2, c3 -> d4, join audit");
      assertEquals(versions(db), ["d4"]);
      out = await run("current");
      assertEquals(out.stdout, "d4 (head) (mergepoint)\n");
      out = await run("branches");
      assertEquals(out.code, 0);
      out = await run("history");
      assertEquals(
        out.stdout,
        [
          // Alembic spreads a branch label to the revisions after it, merges included.
          "b2, c3 -> d4 (audit) (head) (mergepoint), join audit",
          "a1 -> b2, add email",
          "<base> -> a1, create account table",
          "<base> -> c3 (audit), audit log",
          "",
        ].join("\n"),
      );
    });

    await t.step("the binary runs with no Deno, Bun or Node on PATH", async () => {
      const out = await runBinary(["history"], { cwd: dir, env: { PATH: "/nonexistent" } });
      assertEquals(out.code, 0, out.stderr);
      assertStringIncludes(out.stdout, "-> d4");
    });

    await t.step("--json prints one document for read and write commands", async () => {
      let out = await run("--json", "heads");
      assertEquals(JSON.parse(out.stdout).heads.map((h: { revision: string }) => h.revision), ["d4"]);
      out = await run("--json", "downgrade", "c3");
      assertEquals(out.code, 0, out.stderr);
      const result = JSON.parse(out.stdout);
      assertEquals(result.from, ["d4"]);
      assertEquals(result.to, ["b2", "c3"]);
      assertEquals(
        result.steps.map((
          s: { revision: string; direction: string; status: string },
        ) => [s.revision, s.direction, s.status]),
        [
          ["d4", "down", "applied"],
        ],
      );
    });

    await t.step("downgrade base leaves only an empty version table and Retort's revision log", async () => {
      const out = await run("downgrade", "base");
      assertEquals(out.code, 0, out.stderr);
      assertEquals(tables(db), ["alembic_version", "retort_revision_log"]);
      assertEquals(versions(db), []);
    });

    await t.step(
      "stamp sets the version table without running anything; --purge clears it first",
      async () => {
        let out = await run("stamp", "b2");
        assertEquals(out.code, 0, out.stderr);
        assertEquals(versions(db), ["b2"]);
        assertEquals(tables(db), ["alembic_version", "retort_revision_log"]);
        out = await run("stamp", "--purge", "c3");
        assertEquals(out.code, 0, out.stderr);
        assertEquals(versions(db), ["c3"]);
        out = await run("stamp", "base");
        assertEquals(out.code, 0, out.stderr);
        assertEquals(versions(db), []);
      },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

Deno.test("dist/migrate exits 2 with a one-paragraph message for bad input", async (t) => {
  requireBinary();
  const dir = tempDir();
  const run = (...args: string[]) => runBinary(args, { cwd: dir });
  try {
    await t.step("no config file", async () => {
      const out = await run("heads");
      assertEquals(out.code, 2);
      assertEquals(out.stdout, "");
      assertStringIncludes(
        out.stderr,
        `Cannot find a config file: looked for migrate.toml and migrate.json in ${dir}`,
      );
      assert(!out.stderr.includes("    at "), "no stack trace without --verbose");
    });
    await t.step("an unknown config key names the file and key", async () => {
      writeFileSync(join(dir, "migrate.toml"), `script_location = "migrations"\nversion_tabel = "x"\n`);
      const out = await run("heads");
      assertEquals(out.code, 2);
      assertStringIncludes(out.stderr, join(dir, "migrate.toml"));
      assertStringIncludes(out.stderr, "version_tabel");
    });
    writeFileSync(join(dir, "migrate.toml"), `script_location = "migrations"\nurl = "sqlite:///app.db"\n`);
    const v = join(dir, "migrations", "versions");
    Deno.mkdirSync(v, { recursive: true });
    await t.step("a malformed header names the file and line", async () => {
      writeFileSync(
        join(v, "a1_x.ts"),
        `export const revision = "a1";\nexport const downRevision = someVariable;\n`,
      );
      const out = await run("heads");
      assertEquals(out.code, 2);
      assertStringIncludes(out.stderr, `${join(v, "a1_x.ts")}:2`);
      rmSync(join(v, "a1_x.ts"));
    });
    await t.step("a duplicate revision id names both files", async () => {
      writeFileSync(
        join(v, "a1_x.sql"),
        `-- revision: a1\n-- down_revision:\n-- migrate:up\n-- migrate:down\n`,
      );
      writeFileSync(
        join(v, "a1_y.sql"),
        `-- revision: a1\n-- down_revision:\n-- migrate:up\n-- migrate:down\n`,
      );
      const out = await run("heads");
      assertEquals(out.code, 2);
      assertStringIncludes(out.stderr, join(v, "a1_x.sql"));
      assertStringIncludes(out.stderr, join(v, "a1_y.sql"));
      rmSync(join(v, "a1_y.sql"));
    });
    await t.step("a missing down revision names the file", async () => {
      writeFileSync(
        join(v, "b2_x.sql"),
        `-- revision: b2\n-- down_revision: zz\n-- migrate:up\n-- migrate:down\n`,
      );
      const out = await run("heads");
      assertEquals(out.code, 2);
      assertStringIncludes(out.stderr, join(v, "b2_x.sql"));
      assertStringIncludes(out.stderr, "zz");
      rmSync(join(v, "b2_x.sql"));
    });
    await t.step("a cycle names the revisions", async () => {
      writeFileSync(
        join(v, "a1_x.sql"),
        `-- revision: a1\n-- down_revision: b2\n-- migrate:up\n-- migrate:down\n`,
      );
      writeFileSync(
        join(v, "b2_x.sql"),
        `-- revision: b2\n-- down_revision: a1\n-- migrate:up\n-- migrate:down\n`,
      );
      const out = await run("heads");
      assertEquals(out.code, 2);
      assertStringIncludes(out.stderr, "a1");
      assertStringIncludes(out.stderr, "b2");
      rmSync(join(v, "b2_x.sql"));
      writeFileSync(
        join(v, "a1_x.sql"),
        `-- revision: a1\n-- down_revision:\n-- migrate:up\n-- migrate:down\n`,
      );
    });
    await t.step("a TypeScript revision that does not compile names its file, line and column", async () => {
      writeFileSync(
        join(v, "c3_x.ts"),
        [
          `export const revision = "c3";`,
          `export const downRevision = "a1";`,
          `export function upgrade({ op }: any) {`,
          `  op.createTable("t", { id: { type: "integer" } }`,
          `  return;`,
          `}`,
          `export function downgrade() {}`,
          ``,
        ].join("\n"),
      );
      const out = await run("upgrade", "c3");
      assertEquals(out.code, 2, out.stderr);
      assertStringIncludes(out.stderr, `Error: Cannot import revision c3 from ${join(v, "c3_x.ts")}:5:`);
      rmSync(join(v, "c3_x.ts"));
    });
    await t.step("an unknown target", async () => {
      const out = await run("upgrade", "nope");
      assertEquals(out.code, 2);
      assertStringIncludes(out.stderr, "nope");
    });
    await t.step("--json reports the error as a document", async () => {
      const out = await run("--json", "upgrade", "nope");
      assertEquals(out.code, 2);
      const doc = JSON.parse(out.stdout);
      assertEquals(typeof doc.error.message, "string");
      assertEquals(doc.error.name, "UnknownRevisionError");
    });
    await t.step("unknown commands and options", async () => {
      let out = await run("upgrad", "head");
      assertEquals(out.code, 2);
      assertStringIncludes(out.stderr, "upgrade");
      out = await run("upgrade", "head", "--sqll");
      assertEquals(out.code, 2);
    });
    await t.step("--help works on every command", async () => {
      for (
        const cmd of [
          "init",
          "list-templates",
          "revision",
          "merge",
          "upgrade",
          "downgrade",
          "current",
          "heads",
          "branches",
          "history",
          "show",
          "stamp",
          "edit",
        ]
      ) {
        const out = await run(cmd, "--help");
        assertEquals(out.code, 0, `${cmd} --help: ${out.stderr}`);
        assertStringIncludes(out.stdout, `Usage: migrate ${cmd}`);
      }
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

Deno.test("an error thrown by a script's own code names the script's line, and the step rolls back", async () => {
  requireBinary();
  const dir = tempDir();
  try {
    writeFileSync(join(dir, "migrate.toml"), `script_location = "migrations"\nurl = "sqlite:///app.db"\n`);
    const v = join(dir, "migrations", "versions");
    Deno.mkdirSync(v, { recursive: true });
    writeFileSync(
      join(v, "a1_x.ts"),
      [
        `export const revision = "a1";`,
        `export const downRevision = null;`,
        `export function upgrade({ op }: any) {`,
        `  op.createTable("t", { id: { type: "integer" } });`,
        `  throw new Error("data check failed");`,
        `}`,
        `export function downgrade() {}`,
        ``,
      ].join("\n"),
    );
    const out = await runBinary(["upgrade", "head"], { cwd: dir });
    assertEquals(out.code, 1, out.stderr);
    assertStringIncludes(out.stderr, `Error: Cannot upgrade a1 (${join(v, "a1_x.ts")}:5): data check failed`);
    assertEquals(tables(join(dir, "app.db")), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
