/**
 * Smoke test of the Bun SQLite driver (`bun:sqlite`), run as a script:
 * `./node_modules/.bin/bun tests/sqlite/bun_driver_smoke.ts`. It runs every shared DDL case and the
 * connection contract the Deno test checks for node:sqlite, prints one line per check, and exits 1 on
 * the first failure.
 *
 * @module
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { assert, assertEquals } from "../_assert.ts";
import { sqliteDialect } from "../../lib/dialects/sqlite/dialect.ts";
import { ConnectionError } from "../../lib/errors.ts";
import { DDL_CASES } from "../unit/dialects/ddl_cases.ts";
import { columns, MEMORY, runSqliteCase, tables } from "./ddl_effects.ts";

assert(typeof (globalThis as { Bun?: unknown }).Bun !== "undefined", "Run this script with bun");

let passed = 0;
async function check(name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (error) {
    console.log(`FAIL ${name}`);
    console.error(error);
    process.exit(1);
  }
}

for (const c of DDL_CASES) {
  await check(`ddl case: ${c.name}`, async () => void await runSqliteCase(c.name));
}

await check("query binds every SqlValue and returns plain rows", async () => {
  const conn = await sqliteDialect.connect(MEMORY);
  try {
    const rows = await conn.query("SELECT ? AS s, ? AS big, ? AS t, ? AS f, ? AS z, ? AS d, ? AS b", [
      "x'y",
      12n,
      true,
      false,
      null,
      new Date(Date.UTC(2024, 5, 1, 8, 30, 0, 250)),
      new Uint8Array([7]),
    ]);
    assertEquals(rows, [{
      s: "x'y",
      big: 12,
      t: 1,
      f: 0,
      z: null,
      d: "2024-06-01 08:30:00.250",
      b: new Uint8Array([7]),
    }]);
    assertEquals(Object.getPrototypeOf(rows[0]), Object.prototype);
  } finally {
    await conn.close();
  }
});

await check(
  "execute returns changes, executeScript runs many statements, transactions roll back",
  async () => {
    const conn = await sqliteDialect.connect(MEMORY);
    try {
      await conn.executeScript(
        "CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (1); INSERT INTO t VALUES (2);",
      );
      assertEquals(await conn.execute("UPDATE t SET a = a + ?", [10]), 2);
      await conn.begin();
      await conn.execute("CREATE TABLE gone (a INTEGER)");
      await conn.rollback();
      await conn.begin();
      await conn.execute("CREATE TABLE kept (a INTEGER)");
      await conn.commit();
      assertEquals(await tables(conn), ["kept", "t"]);
    } finally {
      await conn.close();
    }
  },
);

await check("version table statements run", async () => {
  const conn = await sqliteDialect.connect(MEMORY);
  const vt = sqliteDialect.versionTable;
  const name = { table: "alembic_version" };
  try {
    await conn.execute(vt.create(name));
    const exists = vt.exists(name);
    assertEquals(await conn.query(exists.sql, exists.params), [{ name: "alembic_version" }]);
    assertEquals(await columns(conn, "alembic_version"), [["version_num", "VARCHAR(32)", 1, null, 1]]);
    await conn.execute(vt.insert(name, "aaa"));
    await conn.execute(vt.update(name, "aaa", "bbb"));
    assertEquals(await conn.query(vt.select(name)), [{ version_num: "bbb" }]);
  } finally {
    await conn.close();
  }
});

await check("file database is created, BEGIN IMMEDIATE serializes writers, close is idempotent", async () => {
  const dir = mkdtempSync(join(tmpdir(), "retort-bun-sqlite-"));
  try {
    const url = {
      dialect: "sqlite" as const,
      path: join(dir, "new.db"),
      options: {},
      raw: "sqlite:///new.db",
    };
    const a = await sqliteDialect.connect(url);
    const b = await sqliteDialect.connect(url);
    assertEquals(await a.lock("retort", 2500), true);
    assertEquals(await a.query("PRAGMA busy_timeout"), [{ timeout: 2500 }]);
    await b.lock("retort", 50);
    await a.begin();
    let blocked = false;
    try {
      await b.begin();
    } catch {
      blocked = true;
    }
    assert(blocked, "second BEGIN IMMEDIATE should fail while the first holds the write lock");
    await a.commit();
    await b.begin();
    await b.commit();
    await a.close();
    await a.close();
    await b.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

await check("an unopenable file is a ConnectionError", async () => {
  let error: unknown;
  try {
    await sqliteDialect.connect({
      dialect: "sqlite",
      path: "/nonexistent-dir-retort/x.db",
      options: {},
      raw: "x",
    });
  } catch (e) {
    error = e;
  }
  assert(error instanceof ConnectionError, String(error));
});

console.log(`${passed} passed, 0 failed`);
