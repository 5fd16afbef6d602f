/**
 * What `migrate revision --autogenerate` and `migrate check` print, end to end through
 * `dist/migrate` on SQLite: one `Detected ...` line per change in Alembic's words and order, and
 * `check`'s header counting the changes it lists.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assertEquals } from "../_assert.ts";
import type { Schema } from "../../lib/schema/model.ts";
import { describeRun, runBinary, type RunOutput } from "./_project.ts";

const BEFORE: Schema = {
  tables: {
    book: {
      columns: {
        id: { type: "integer", primaryKey: true },
        title: { type: "varchar(50)" },
        legacy: { type: "text" },
      },
    },
    tag: { columns: { id: { type: "integer", primaryKey: true } } },
  },
};

const AFTER: Schema = {
  tables: {
    book: {
      columns: {
        id: { type: "integer", primaryKey: true },
        title: { type: "text", nullable: false },
        isbn: { type: "varchar(13)" },
      },
      indexes: [{ name: "ix_book_isbn", columns: ["isbn"] }],
    },
    label: { columns: { id: { type: "integer", primaryKey: true }, text: { type: "text" } } },
  },
};

async function withSqliteProject(
  fn: (dir: string, run: (args: string[]) => Promise<RunOutput>) => Promise<void>,
) {
  const dir = mkdtempSync(join(tmpdir(), "retort-autogen-out-"));
  try {
    const run = (args: string[]) => runBinary(args, { cwd: dir, env: { DATABASE_URL: "sqlite:///app.db" } });
    assertEquals((await run(["init", "migrations"])).code, 0);
    writeFileSync(
      join(dir, "migrate.toml"),
      `${readFileSync(join(dir, "migrate.toml"), "utf8")}\nschema = "schema.json"\n`,
    );
    writeFileSync(join(dir, "schema.json"), JSON.stringify(BEFORE));
    for (
      const args of [["revision", "--autogenerate", "-m", "base", "--rev-id", "aaaaaaaaaaaa"], [
        "upgrade",
        "head",
      ]]
    ) {
      const out = await run(args);
      assertEquals(out.code, 0, describeRun(out));
    }
    writeFileSync(join(dir, "schema.json"), JSON.stringify(AFTER));
    await fn(dir, run);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

Deno.test("revision --autogenerate prints one Detected line per change, as Alembic does", async () => {
  await withSqliteProject(async (dir, run) => {
    const out = await run(["revision", "--autogenerate", "-m", "two", "--rev-id", "bbbbbbbbbbbb"]);
    assertEquals(out.code, 0, describeRun(out));
    assertEquals(out.stdout.split("\n").slice(0, -2), [
      "Detected added table 'label'",
      "Detected removed table 'tag'",
      "Detected added column 'book.isbn'",
      "Detected NOT NULL on column 'book.title'",
      "Detected type change from VARCHAR(50) to TEXT on 'book.title'",
      "Detected added index 'ix_book_isbn' on '['isbn']'",
      "Detected removed column 'book.legacy'",
    ]);
    assertEquals(
      out.stdout.split("\n").at(-2),
      `Generating ${join(dir, "migrations", "versions", "bbbbbbbbbbbb_two.ts")} ... done`,
    );
  });
});

Deno.test("check's header counts the changes it lists (a SQLite rebuild is one operation)", async () => {
  await withSqliteProject(async (dir, run) => {
    const out = await run(["check"]);
    assertEquals(out.code, 1, describeRun(out));
    assertEquals(out.stdout.split("\n").slice(0, 8), [
      `The database differs from ${join(dir, "schema.json")} (7 changes):`,
      `  table added "label"`,
      `  table removed "tag"`,
      `  table changed "book"`,
      `    column "isbn" added`,
      `    column "title" type varchar(50) -> text`,
      `    column "title" now NOT NULL`,
      `    column "legacy" removed`,
    ]);
  });
});
