/**
 * The PostgreSQL driver's password logins (kept apart while they are reworked); the connection
 * contract it shares with the other drivers runs in tests/dialects/driver_contract_test.ts, what only
 * it does in tests/postgres/driver_specific_test.ts.
 */
import { assertEquals } from "../_assert.ts";
import type { Connection, Dialect } from "../../lib/dialects/dialect.ts";
import { connectPostgres } from "../../lib/dialects/postgres/driver.ts";
import { postgresDialect } from "../../lib/dialects/postgres/dialect.ts";
import { checkConnectionErrors, sharedConnectionErrorCases } from "./_connection_errors.ts";
import {
  ensurePasswordRole,
  TEST_ROLE_PASSWORD_IN_URL,
  testUrl,
  withDatabase,
  withPostgresDatabase,
} from "../_db.ts";

const dialect: Dialect = postgresDialect;

const PASSWORD_IN_URL = TEST_ROLE_PASSWORD_IN_URL;

function connect(url: string, options?: { connectTimeoutMs?: number }): Promise<Connection> {
  return connectPostgres(testUrl(url), dialect, options);
}

Deno.test("connectPostgres", async (t) => {
  await withPostgresDatabase(async (url) => {
    const database = testUrl(url).database!;

    await t.step("a percent-encoded password logs in", async () => {
      await ensurePasswordRole(database);
      const c = await connect(
        withDatabase(url, database, { user: "retort_pw_test", password: PASSWORD_IN_URL }),
      );
      try {
        assertEquals(await c.query("select current_user as u"), [{ u: "retort_pw_test" }]);
      } finally {
        await c.close();
      }
    });

    await t.step("connection errors name host and database in one line, never the password", async (t) => {
      await checkConnectionErrors(t, await sharedConnectionErrorCases(url, database), (u) => connect(u));
    });
  }, "pgdriver");
});
