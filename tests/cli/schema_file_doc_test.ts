/**
 * The per-dialect examples of docs/schema-file.md hold on the real databases: autogenerate from an
 * empty database, upgrade, and `check` finds nothing left to do.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assertEquals } from "../_assert.ts";
import { withMysqlDatabase, withPostgresDatabase } from "../_db.ts";
import { describeRun, ROOT, runBinary } from "./_project.ts";

const page = readFileSync(join(ROOT, "docs", "schema-file.md"), "utf8");
const examples = new Map(
  [...page.matchAll(/<!-- dialect: (\w+) -->\n\n```ts\n([\s\S]*?)```/g)].map((m) => [m[1], m[2]]),
);

async function roundTrip(dialect: string, url: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "retort-doc-example-"));
  try {
    const run = (args: string[]) => runBinary(args, { cwd: dir, env: { DATABASE_URL: url } });
    assertEquals((await run(["init", "migrations"])).code, 0);
    writeFileSync(
      join(dir, "migrate.toml"),
      `${readFileSync(join(dir, "migrate.toml"), "utf8")}\nschema = "schema.ts"\n`,
    );
    writeFileSync(join(dir, "schema.ts"), examples.get(dialect)!);
    for (const args of [["revision", "--autogenerate", "-m", "doc"], ["upgrade", "head"], ["check"]]) {
      const out = await run(args);
      assertEquals(out.code, 0, `${args[0]}: ${describeRun(out)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

Deno.test("docs/schema-file.md's PostgreSQL example round trips", async () => {
  await withPostgresDatabase((url) => roundTrip("postgresql", url));
});

Deno.test("docs/schema-file.md's MySQL example round trips", async () => {
  await withMysqlDatabase((url) => roundTrip("mysql", url));
});

Deno.test("docs/schema-file.md's SQLite example round trips", async () => {
  await roundTrip("sqlite", "sqlite:///app.db");
});
