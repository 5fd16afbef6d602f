/**
 * The quick read-only PostgreSQL session (`lib/dialects/postgres/quick_session.ts`) against the real
 * server: every login method it speaks, values, statement errors, connection errors worded exactly
 * as the postgres.js driver words them, loss and close, and the dialect's fall-back to postgres.js
 * when TLS is asked for.
 *
 * @module
 */
import { assertEquals, assertRejects } from "../_assert.ts";
import { connectQuick, QuickSessionUnsupported } from "../../lib/dialects/postgres/quick_session.ts";
import { postgresDialect } from "../../lib/dialects/postgres/dialect.ts";
import { checkConnectionErrors, HOST, PORT, sharedConnectionErrorCases } from "./_connection_errors.ts";
import { readVersions } from "../../lib/runtime/version_table.ts";
import type { Connection } from "../../lib/dialects/dialect.ts";
import { ConnectionError } from "../../lib/errors.ts";
import {
  ensurePasswordRole,
  postgresAdmin,
  TEST_ROLE_PASSWORD_IN_URL,
  testUrl,
  withDatabase,
  withPostgresDatabase,
  withSilentServer,
} from "../_db.ts";

function quick(url: string, options?: { connectTimeoutMs?: number }): Promise<Connection> {
  return connectQuick(testUrl(url), postgresDialect, options);
}

Deno.test("quick PostgreSQL session", async (t) => {
  await withPostgresDatabase(async (url) => {
    const database = testUrl(url).database!;

    await t.step("runs statements with ? parameters and parses values as the driver does", async () => {
      const c = await quick(url);
      try {
        assertEquals(c.dialect, postgresDialect);
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
        assertEquals(await c.execute("create table counted (a int)"), 0);
        assertEquals(await c.execute("insert into counted values (1), (2), (3)"), 3);
        assertEquals(await c.execute("update counted set a = a + ? where a > ?", [10, 1]), 2);
        assertEquals(await c.query("select a from counted where a = ?", [null]), []);
      } finally {
        await c.close();
      }
    });

    await t.step(
      "a statement error is reported as the driver reports it, and the session goes on",
      async () => {
        const c = await quick(url);
        try {
          const err = await assertRejects(() => c.query("select * from nope"), Error);
          assertEquals((err as Error).message, `relation "nope" does not exist (at character 15)`);
          assertEquals(await c.query("select 1 as one"), [{ one: 1 }]);
        } finally {
          await c.close();
        }
      },
    );

    await t.step("readVersions reads the version table, and an absent one as empty", async () => {
      const c = await quick(url);
      try {
        const table = { table: "alembic_version" };
        assertEquals(await readVersions(c, table), []);
        await c.execute("create table alembic_version (version_num varchar(32) primary key)");
        await c.execute("insert into alembic_version values ('b2'), ('a1')");
        assertEquals(await readVersions(c, table), ["a1", "b2"]);
      } finally {
        await c.close();
      }
    });

    for (const role of ["retort_pw_test", "retort_md5_test", "retort_plain_test"] as const) {
      await t.step(`logs in as ${role} (a percent-encoded password)`, async () => {
        await ensurePasswordRole(database, role);
        const c = await quick(
          withDatabase(url, database, { user: role, password: TEST_ROLE_PASSWORD_IN_URL }),
        );
        try {
          assertEquals(await c.query("select current_user as u"), [{ u: role }]);
        } finally {
          await c.close();
        }
      });
    }

    await t.step("connection errors read as the driver's, and never hold the password", async (t) => {
      const cases = await sharedConnectionErrorCases(url, database);
      if (Deno.env.get("PGPASSWORD") !== undefined) {
        throw new Error('unset PGPASSWORD to run this test: the session would use it for "no password"');
      }
      cases.push({
        name: "no password",
        url: withDatabase(url, database, { user: "retort_pw_test" }),
        message: `Cannot connect to PostgreSQL at ${HOST}:${PORT} database "${database}": ` +
          "the server asks for a password and the URL has none",
      });
      await checkConnectionErrors(t, cases, (u) => quick(u));
    });

    await t.step("a server that never answers times out after connect_timeout", async () => {
      await withSilentServer(async (port) => {
        const err = await assertRejects(
          () => quick(`postgres://postgres@127.0.0.1:${port}/${database}?connect_timeout=0.2`),
          ConnectionError,
        );
        assertEquals(
          err.message,
          `Cannot connect to PostgreSQL at 127.0.0.1:${port} database "${database}": ` +
            "no answer within 200 ms (connect_timeout)",
        );
      });
    });

    await t.step("offers no transactions, locks or scripts", async () => {
      const c = await quick(url);
      try {
        for (
          const [call, what] of [
            [() => c.begin(), "begin a transaction"],
            [() => c.commit(), "commit"],
            [() => c.rollback(), "roll back"],
            [() => c.lock("retort:x", 0), "take the migration lock"],
            [() => c.unlock("retort:x"), "release the migration lock"],
            [() => c.executeScript("select 1"), "run a script"],
          ] as const
        ) {
          const err = await assertRejects(call as () => Promise<unknown>, Error);
          assertEquals(
            (err as Error).message,
            `Cannot ${what}: this PostgreSQL session only reads (it serves migrate current)`,
          );
        }
      } finally {
        await c.close();
      }
    });

    await t.step("close ends the server's session; later calls fail; a killed session is lost", async () => {
      const admin = await postgresAdmin();
      try {
        const c = await quick(`${url}?application_name=retort_quick_close`);
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
            "select count(*)::int as left from pg_stat_activity where application_name = 'retort_quick_close'",
          );
          if (left > 0) await new Promise((r) => setTimeout(r, 20));
        }
        assertEquals(left, 0, "the server's backend ended after Terminate");

        const killed = await quick(url);
        const [{ pid }] = await killed.query("select pg_backend_pid() as pid");
        await admin.unsafe("select pg_terminate_backend($1)", [pid as number]);
        const lost = await assertRejects(() => killed.query("select 1"), ConnectionError);
        assertEquals(
          lost.message,
          `Cannot run statement: the connection to PostgreSQL at ${HOST}:${PORT} database "${database}" ` +
            `was lost (its transaction and locks are gone)`,
        );
        await killed.close();
      } finally {
        await admin.end({ timeout: 5 });
      }
    });

    await t.step("TLS is left to postgres.js: connectReadOnly falls back to the driver", async () => {
      await assertRejects(
        () => quick(`${url}?sslmode=prefer`),
        QuickSessionUnsupported,
        "sslmode=prefer needs TLS",
      );
      // With sslmode=prefer postgres.js tries TLS and goes on without it when the server has none;
      // the driver's connection offers transactions, which the quick session never does.
      const c = await postgresDialect.connectReadOnly!(testUrl(`${url}?sslmode=prefer`));
      try {
        await c.begin();
        assertEquals(await c.query("select 1 as one"), [{ one: 1 }]);
        await c.rollback();
      } finally {
        await c.close();
      }
      const d = await postgresDialect.connectReadOnly!(testUrl(url));
      try {
        await assertRejects(() => d.begin(), Error, "this PostgreSQL session only reads");
      } finally {
        await d.close();
      }
    });
  });
});
