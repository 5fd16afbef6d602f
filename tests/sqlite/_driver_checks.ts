/**
 * What only the SQLite driver does, beyond the contract every driver keeps
 * (tests/dialects/_driver_contract.ts): the shared DDL cases read back through PRAGMAs, dates bound
 * as the text `quoteLiteral` writes, a missing file created, and writers serialized by
 * `BEGIN IMMEDIATE` under `busy_timeout`. Shared by tests/sqlite/driver_test.ts (node:sqlite under
 * Deno) and tests/sqlite/bun_driver_smoke.ts (bun:sqlite), so both drivers pass the same checks.
 *
 * @module
 */
import { statSync } from "node:fs";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { sqliteDialect } from "../../lib/dialects/sqlite/dialect.ts";
import { testUrl } from "../_db.ts";
import { DDL_CASES } from "../unit/dialects/ddl_cases.ts";
import { withSqliteFile } from "../dialects/_dialects.ts";
import { columns, MEMORY, runSqliteCase } from "./ddl_effects.ts";

/** One named check. */
export interface SqliteCheck {
  readonly name: string;
  run(): Promise<void>;
}

/** Every shared DDL case, run on an in-memory database and read back (sqlite_ddl_test checks refusals). */
export const SQLITE_DDL_CHECKS: readonly SqliteCheck[] = DDL_CASES.map((c) => ({
  name: c.name,
  run: async () => void await runSqliteCase(c.name),
}));

/** The SQLite-only checks of the driver. */
export const SQLITE_DRIVER_CHECKS: readonly SqliteCheck[] = [
  {
    name: "a bound Date reads back as the text quoteLiteral writes",
    async run() {
      const conn = await sqliteDialect.connect(MEMORY);
      try {
        const at = new Date(Date.UTC(2024, 5, 1, 8, 30, 0, 250));
        const [row] = await conn.query("SELECT ? AS d", [at]);
        assertEquals(sqliteDialect.quoteLiteral(at), `'${row.d}'`);
      } finally {
        await conn.close();
      }
    },
  },
  {
    name: "the version table's column is VARCHAR(32) NOT NULL PRIMARY KEY",
    async run() {
      const conn = await sqliteDialect.connect(MEMORY);
      try {
        await conn.execute(sqliteDialect.versionTable.create({ table: "alembic_version" }));
        assertEquals(await columns(conn, "alembic_version"), [["version_num", "VARCHAR(32)", 1, null, 1]]);
      } finally {
        await conn.close();
      }
    },
  },
  {
    name: "creates a missing file, serializes writers with BEGIN IMMEDIATE and closes twice",
    run: () =>
      withSqliteFile(async (raw) => {
        const url = testUrl(raw);
        const a = await sqliteDialect.connect(url);
        const b = await sqliteDialect.connect(url);
        assert(statSync(url.path!).isFile());
        // lock() takes no named lock on SQLite: it sets how long a blocked BEGIN IMMEDIATE waits.
        assertEquals(await a.lock("retort", 2500), true);
        assertEquals(await a.query("PRAGMA busy_timeout"), [{ timeout: 2500 }]);
        assertEquals(await b.lock("retort", 50), true);
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
      }),
  },
];
