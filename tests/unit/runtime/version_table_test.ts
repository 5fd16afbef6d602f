import { assertEquals } from "../../_assert.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Connection } from "../../../lib/dialects/dialect.ts";
import { sqliteDialect } from "../../../lib/dialects/sqlite/dialect.ts";
import { readVersions } from "../../../lib/runtime/version_table.ts";

function open(path: string): Promise<Connection> {
  return sqliteDialect.connect({ dialect: "sqlite", path, options: {}, raw: `sqlite:///${path}` });
}

Deno.test("readVersions reads a version table that another migrator creates between its two queries", async () => {
  const dir = mkdtempSync(join(tmpdir(), "retort-version-table-"));
  const file = join(dir, "app.db");
  const reader = await open(file);
  const other = await open(file);
  try {
    // The real interleaving of two SQLite migrators: this one's SELECT fails (no table yet), then the
    // other commits the table and its first row before this one asks the catalog.
    let first = true;
    const racing: Connection = new Proxy(reader, {
      get(target, prop, receiver) {
        if (prop !== "query") return Reflect.get(target, prop, receiver);
        return async (sql: string, params?: never[]) => {
          try {
            return await target.query(sql, params);
          } catch (error) {
            if (first) {
              first = false;
              await other.execute(
                "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)",
              );
              await other.execute("INSERT INTO alembic_version VALUES ('a1')");
            }
            throw error;
          }
        };
      },
    });
    assertEquals(await readVersions(racing, { table: "alembic_version" }), ["a1"]);
  } finally {
    await reader.close();
    await other.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

Deno.test("readVersions reads an absent version table as no heads", async () => {
  const conn = await open(":memory:");
  try {
    assertEquals(await readVersions(conn, { table: "alembic_version" }), []);
  } finally {
    await conn.close();
  }
});
