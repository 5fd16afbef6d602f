/**
 * The SQLite driver on a real database (node:sqlite under Deno): every shared DDL case runs, and its
 * effect is read back through PRAGMAs, not by looking at the SQL text.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import type { DatabaseUrl } from "../../lib/config/url.ts";
import { sqliteDialect } from "../../lib/dialects/sqlite/dialect.ts";
import { ConnectionError } from "../../lib/errors.ts";
import { DDL_CASES } from "../unit/dialects/ddl_cases.ts";
import { columns, MEMORY, runSqliteCase, tables } from "./ddl_effects.ts";

function fileUrl(path: string): DatabaseUrl {
  return { dialect: "sqlite", path, options: {}, raw: `sqlite:///${path}` };
}

Deno.test("sqlite driver runs every shared DDL case and PRAGMAs read back its effect", async (t) => {
  for (const c of DDL_CASES) {
    // A case SQLite refuses runs nothing here; sqlite_ddl_test checks its error.
    await t.step(c.name, async () => void await runSqliteCase(c.name));
  }
});

Deno.test("sqlite driver query returns plain rows and binds every SqlValue", async () => {
  const conn = await sqliteDialect.connect(MEMORY);
  try {
    const rows = await conn.query("SELECT ? AS s, ? AS n, ? AS big, ? AS t, ? AS f, ? AS z, ? AS d, ? AS b", [
      "x'y",
      1.5,
      12n,
      true,
      false,
      null,
      new Date(Date.UTC(2024, 5, 1, 8, 30, 0, 250)),
      new Uint8Array([7]),
    ]);
    assertEquals(rows, [{
      s: "x'y",
      n: 1.5,
      big: 12,
      t: 1,
      f: 0,
      z: null,
      d: "2024-06-01 08:30:00.250",
      b: new Uint8Array([7]),
    }]);
    assertEquals(Object.getPrototypeOf(rows[0]), Object.prototype);
    assertEquals(sqliteDialect.quoteLiteral(new Date(Date.UTC(2024, 5, 1, 8, 30, 0, 250))), `'${rows[0].d}'`);
  } finally {
    await conn.close();
  }
});

Deno.test("sqlite driver execute returns changed rows and executeScript runs many statements", async () => {
  const conn = await sqliteDialect.connect(MEMORY);
  try {
    await conn.executeScript(
      "CREATE TABLE t (a INTEGER);\nINSERT INTO t VALUES (1);\n-- note; with a semicolon\nINSERT INTO t VALUES (2);",
    );
    assertEquals(await conn.execute("UPDATE t SET a = a + ?", [10]), 2);
    assertEquals(await conn.execute("DELETE FROM t WHERE a = ?", [11]), 1);
    assertEquals(await conn.query("SELECT a FROM t"), [{ a: 12 }]);
  } finally {
    await conn.close();
  }
});

Deno.test("sqlite driver transactions commit and roll back DDL", async () => {
  const conn = await sqliteDialect.connect(MEMORY);
  try {
    await conn.begin();
    await conn.execute("CREATE TABLE kept (a INTEGER)");
    await conn.commit();
    await conn.begin();
    await conn.execute("CREATE TABLE dropped (a INTEGER)");
    await conn.rollback();
    assertEquals(await tables(conn), ["kept"]);
  } finally {
    await conn.close();
  }
});

Deno.test("sqlite driver runs the version table statements", async () => {
  const conn = await sqliteDialect.connect(MEMORY);
  const vt = sqliteDialect.versionTable;
  const name = { table: "alembic_version" };
  try {
    const exists = vt.exists(name);
    assertEquals(await conn.query(exists.sql, exists.params), []);
    await conn.execute(vt.create(name));
    assertEquals(await conn.query(exists.sql, exists.params), [{ name: "alembic_version" }]);
    assertEquals(await columns(conn, "alembic_version"), [["version_num", "VARCHAR(32)", 1, null, 1]]);
    assertEquals(await conn.execute(vt.insert(name, "aaa")), 1);
    assertEquals(await conn.execute(vt.update(name, "aaa", "bbb")), 1);
    assertEquals(await conn.query(vt.select(name)), [{ version_num: "bbb" }]);
    assertEquals(await conn.execute(vt.delete(name, "bbb")), 1);
    assertEquals(await conn.query(vt.select(name)), []);
  } finally {
    await conn.close();
  }
});

Deno.test("sqlite driver creates a missing file, serializes writers with BEGIN IMMEDIATE and closes twice", async () => {
  const dir = mkdtempSync(join(tmpdir(), "retort-sqlite-"));
  try {
    const path = join(dir, "new.db");
    const a = await sqliteDialect.connect(fileUrl(path));
    const b = await sqliteDialect.connect(fileUrl(path));
    assert(statSync(path).isFile());
    assertEquals(await a.lock("retort", 2500), true);
    assertEquals(await a.query("PRAGMA busy_timeout"), [{ timeout: 2500 }]);
    await b.lock("retort", 50);
    await a.begin();
    await a.execute("CREATE TABLE t (a INTEGER)");
    await assertRejects(() => b.begin(), Error, "locked");
    await a.commit();
    await b.begin();
    assertEquals(await b.query("SELECT name FROM sqlite_master"), [{ name: "t" }]);
    await b.commit();
    await a.unlock("retort");
    await a.close();
    await a.close();
    await b.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

Deno.test("sqlite driver reports a file it cannot open as ConnectionError", async () => {
  const error = await assertRejects(
    () => sqliteDialect.connect(fileUrl("/nonexistent-dir-retort/x.db")),
    ConnectionError,
  );
  assert(
    error.message.startsWith('Cannot open SQLite database "/nonexistent-dir-retort/x.db": '),
    error.message,
  );
});
