/**
 * Loading the schema file, end to end through `dist/migrate`: a syntax error in a `.ts` schema
 * file names file:line:column, a foreign key to a table the file does not declare is an error
 * naming the file, table and key (unless the config's filters leave that table out), and SQLite's
 * typeless columns (Synapse's FTS tables) survive `schema dump` -> autogenerate -> upgrade -> check.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { assertEquals } from "../_assert.ts";
import { describeRun, ROOT, runBinary, type RunOutput } from "./_project.ts";

async function withProject(
  schemaFile: string,
  fn: (dir: string, run: (args: string[], url?: string) => Promise<RunOutput>) => Promise<void>,
  excludeTables: readonly string[] = [],
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "retort-schema-file-"));
  try {
    const run = (args: string[], url = "sqlite:///app.db") =>
      runBinary(args, { cwd: dir, env: { DATABASE_URL: url } });
    assertEquals((await run(["init", "migrations"])).code, 0);
    writeFileSync(
      join(dir, "migrate.toml"),
      `${
        readFileSync(join(dir, "migrate.toml"), "utf8").replace(
          /^exclude_tables = \[\]$/m,
          `exclude_tables = ${JSON.stringify(excludeTables)}`,
        )
      }\nschema = "${schemaFile}"\n`,
    );
    await fn(dir, run);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

Deno.test("a syntax error in a .ts schema file is reported at file:line:column", async () => {
  await withProject("schema.ts", async (dir, run) => {
    writeFileSync(
      join(dir, "schema.ts"),
      'export default {\n  tables: {\n    a: { columns: { id: { type: "integer" } } ]\n  },\n};\n',
    );
    const out = await run(["check"]);
    assertEquals(out.code, 2, describeRun(out));
    const first = out.stderr.split("\n")[0];
    assertEquals(
      first.startsWith(`Error: Cannot import schema file ${join(dir, "schema.ts")}:3:47: `),
      true,
      first,
    );
  });
});

const BOOK = {
  tables: {
    book: {
      columns: {
        id: { type: "integer", primaryKey: true },
        author_id: { type: "integer", references: "author.id" },
      },
    },
  },
};

Deno.test("a foreign key to a table the schema file does not declare fails to load, unless excluded", async () => {
  await withProject("schema.json", async (dir, run) => {
    writeFileSync(join(dir, "schema.json"), JSON.stringify(BOOK));
    const out = await run(["check"]);
    assertEquals([out.code, out.stdout], [2, ""]);
    assertEquals(
      out.stderr,
      `Error: Cannot load schema file "${join(dir, "schema.json")}": table "book", column "author_id", key ` +
        `"references": table "author" is not in the schema file (declare it, or add it to exclude_tables ` +
        `when the database has it and the schema file does not manage it)\n`,
    );
  });
  await withProject("schema.json", async (dir, run) => {
    writeFileSync(join(dir, "schema.json"), JSON.stringify(BOOK));
    const out = await run(["check"]);
    assertEquals(out.code, 1, describeRun(out));
    assertEquals(out.stdout.split("\n")[1], `  table added "book"`);
  }, ["author"]);
});

Deno.test("SQLite typeless columns dump as blob and round trip (Synapse's schema)", async () => {
  await withProject("schema.json", async (dir, run) => {
    const source = new DatabaseSync(join(dir, "source.db"));
    source.exec(
      readFileSync(join(ROOT, "tests", "fixtures", "corpus", "synapse", "main_full.sql.sqlite"), "utf8"),
    );
    source.exec("CREATE TABLE plain (id INTEGER PRIMARY KEY, anything, note TEXT)");
    source.close();
    const dump = await run(
      ["schema", "dump", "--format", "json", "-o", "schema.json"],
      "sqlite:///source.db",
    );
    assertEquals(dump.code, 0, describeRun(dump));
    const schema = JSON.parse(readFileSync(join(dir, "schema.json"), "utf8"));
    assertEquals(schema.tables.plain.columns.anything, { type: "blob" });
    for (const args of [["revision", "--autogenerate", "-m", "init"], ["upgrade", "head"]]) {
      const out = await run(args);
      assertEquals(out.code, 0, describeRun(out));
    }
    for (const url of ["sqlite:///app.db", "sqlite:///source.db"]) {
      const check = await run(["check"], url);
      assertEquals([check.code, check.stdout], [
        0,
        `No differences between the database and ${join(dir, "schema.json")}\n`,
      ]);
    }
    const app = new DatabaseSync(join(dir, "app.db"));
    const declared = app.prepare(`SELECT type FROM pragma_table_info('plain') WHERE name = 'anything'`).get();
    app.close();
    assertEquals(declared?.type, "BLOB");
  });
});
