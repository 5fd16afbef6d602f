/**
 * What only the PostgreSQL driver does: its value parsing and statement errors, the server-side end of
 * a closed session, and password logins (SCRAM, MD5 and cleartext roles that the suite creates and
 * removes itself, tests/_pg_password_roles.ts). The connection contract it shares with the other drivers
 * runs in tests/dialects/driver_contract_test.ts, the rest in tests/postgres/driver_specific_test.ts.
 */
import { assertEquals, assertRejects } from "../_assert.ts";
import type { Connection, Dialect } from "../../lib/dialects/dialect.ts";
import { connectPostgres } from "../../lib/dialects/postgres/driver.ts";
import { postgresDialect } from "../../lib/dialects/postgres/dialect.ts";
import { ConnectionError } from "../../lib/errors.ts";
import { readVersions } from "../../lib/runtime/version_table.ts";
import { checkConnectionErrors, HOST, PORT, sharedConnectionErrorCases } from "./_connection_errors.ts";
import { postgresAdmin, testUrl, withDatabase, withPostgresDatabase } from "../_db.ts";
import {
  ensurePasswordRole,
  PASSWORD_ROLES,
  TEST_ROLE_PASSWORD_IN_URL,
  withPasswordRoles,
} from "../_pg_password_roles.ts";

const dialect: Dialect = postgresDialect;

const PASSWORD_IN_URL = TEST_ROLE_PASSWORD_IN_URL;

function connect(url: string, options?: { connectTimeoutMs?: number }): Promise<Connection> {
  return connectPostgres(testUrl(url), dialect, options);
}

Deno.test("connectPostgres", async (t) => {
  await withPasswordRoles(() =>
    withPostgresDatabase(async (url) => {
      const database = testUrl(url).database!;

      await t.step(
        "values parse as JavaScript values; a statement error leaves the session usable",
        async () => {
          const c = await connect(url);
          try {
            assertEquals(
              await c.query(
                "select ?::int as i, ?::bigint as big, ?::text as t, ?::bool as b, null::text as n, " +
                  "1.5::float8 as f, '{\"a\":[1]}'::jsonb as j, 12.50::numeric as num, '?' as q",
                [7, 9007199254740993n, "it's é", true],
              ),
              [{
                i: 7,
                big: "9007199254740993",
                t: "it's é",
                b: true,
                n: null,
                f: 1.5,
                j: { a: [1] },
                num: "12.50",
                q: "?",
              }],
            );
            const err = await assertRejects(() => c.query("select * from nope"), Error);
            assertEquals((err as Error).message, `relation "nope" does not exist (at character 15)`);
            assertEquals(await c.query("select 1 as one"), [{ one: 1 }]);
            assertEquals(await c.query("select a from (select 1 as a) x where a = ?", [null]), []);
          } finally {
            await c.close();
          }
        },
      );

      await t.step("readVersions reads the version table, and an absent one as empty", async () => {
        const c = await connect(url);
        try {
          const table = { table: "alembic_version" };
          assertEquals(await readVersions(c, table), []);
          await c.execute("create table alembic_version (version_num varchar(32) primary key)");
          await c.execute("insert into alembic_version values ('b2'), ('a1')");
          assertEquals(await readVersions(c, table), ["a1", "b2"]);
          await c.execute("drop table alembic_version");
        } finally {
          await c.close();
        }
      });

      await t.step("close ends the server's session, is idempotent, and later calls fail", async () => {
        const admin = await postgresAdmin();
        try {
          const c = await connect(`${url}?application_name=retort_driver_close`);
          await c.close();
          await c.close();
          const err = await assertRejects(() => c.query("select 1"), ConnectionError);
          assertEquals(
            err.message,
            `Cannot run statement: the connection to PostgreSQL at ${HOST}:${PORT} database "${database}" is closed`,
          );
          let left = 1;
          for (let i = 0; i < 100 && left > 0; i++) {
            [{ left }] = await admin.unsafe(
              "select count(*)::int as left from pg_stat_activity where application_name = 'retort_driver_close'",
            );
            if (left > 0) await new Promise((r) => setTimeout(r, 20));
          }
          assertEquals(left, 0, "the server's backend ended after Terminate");
        } finally {
          await admin.end({ timeout: 5 });
        }
      });

      for (const [role, method] of Object.entries(PASSWORD_ROLES)) {
        await t.step(`a percent-encoded password logs in as ${role} (${method})`, async () => {
          await ensurePasswordRole(database, role as keyof typeof PASSWORD_ROLES);
          const c = await connect(withDatabase(url, database, { user: role, password: PASSWORD_IN_URL }));
          try {
            assertEquals(await c.query("select current_user as u"), [{ u: role }]);
          } finally {
            await c.close();
          }
        });
      }

      await t.step("connection errors name host and database in one line, never the password", async (t) => {
        const cases = await sharedConnectionErrorCases(url, database);
        if (Deno.env.get("PGPASSWORD") !== undefined) {
          throw new Error('unset PGPASSWORD to run this test: the driver would use it for "no password"');
        }
        cases.push({
          name: "no password",
          url: withDatabase(url, database, { user: "retort_pw_test" }),
          message: `Cannot connect to PostgreSQL at ${HOST}:${PORT} database "${database}": ` +
            `password authentication failed for user "retort_pw_test"`,
        });
        await checkConnectionErrors(t, cases, (u) => connect(u));
      });
    }, "pgdriver")
  );
});
