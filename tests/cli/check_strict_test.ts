/**
 * Nothing silently dropped (issue 18): an object the schema model cannot hold (here a SQLite view
 * with a column list) is dumped as raw SQL with a warning naming it, `check` lists it as not
 * compared and exits 0, `check --strict` exits 1 on it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assert, assertEquals } from "../_assert.ts";
import { testUrl } from "../_db.ts";
import { sqliteDialect } from "../../lib/dialects/sqlite/dialect.ts";
import { runBinary } from "./_project.ts";

Deno.test("schema dump names raw objects; check lists them and fails with --strict", async () => {
  const dir = mkdtempSync(join(tmpdir(), "retort-strict-"));
  try {
    const url = `sqlite:///${join(dir, "app.db")}`;
    const run = (args: string[]) => runBinary(args, { cwd: dir, env: { DATABASE_URL: url } });
    const init = await run(["init", "."]);
    assertEquals(init.code, 0, init.stderr);
    const conn = await sqliteDialect.connect(testUrl(url));
    await conn.executeScript(
      "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT);\n" +
        "CREATE VIEW names AS SELECT name FROM item;\n" +
        "CREATE VIEW counted(n) AS SELECT count(*) FROM item;",
    );
    await conn.close();
    writeFileSync(
      join(dir, "migrate.toml"),
      `${readFileSync(join(dir, "migrate.toml"), "utf8")}\nschema = "schema.json"\n`,
    );
    const dump = await run(["schema", "dump", "-o", "schema.json"]);
    assertEquals(dump.code, 0, dump.stderr);
    assertEquals(
      dump.stderr.trim(),
      'warning: view "counted" is dumped as raw SQL (rawObjects): the schema model cannot hold it yet',
    );
    const file = JSON.parse(readFileSync(join(dir, "schema.json"), "utf8"));
    assertEquals(file.views, { names: { definition: "SELECT name FROM item" } });
    assertEquals(file.rawObjects, [{
      kind: "view",
      name: "counted",
      sql: "CREATE VIEW counted(n) AS SELECT count(*) FROM item",
    }]);

    const check = await run(["check"]);
    assertEquals(check.code, 0, check.stdout + check.stderr);
    assert(check.stdout.includes('view "counted": kept as raw SQL'), check.stdout);
    const strict = await run(["check", "--strict"]);
    assertEquals(strict.code, 1, strict.stdout + strict.stderr);
    assert(strict.stdout.includes("--strict fails on them"), strict.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
