import { assert, assertEquals, assertRejects, assertThrows } from "../_assert.ts";
import type { Connection, Dialect } from "../../lib/dialects/dialect.ts";
import { advisoryLockKey, connectPostgres, parseArrayLiteral } from "../../lib/dialects/postgres/driver.ts";
import { numberPlaceholders } from "../../lib/dialects/postgres/settings.ts";
import { describeDbError } from "../../lib/dialects/_connection_error.ts";
import { ConnectionError, UrlError } from "../../lib/errors.ts";
import { postgresDialect } from "../../lib/dialects/postgres/dialect.ts";
import { checkConnectionErrors, HOST, PORT, sharedConnectionErrorCases } from "./_connection_errors.ts";
import { readVersions } from "../../lib/runtime/version_table.ts";
import {
  errorTexts,
  postgresAdmin,
  testUrl,
  withDatabase,
  withPostgresDatabase,
  withSilentServer,
} from "../_db.ts";
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

async function connectError(url: string, options?: { connectTimeoutMs?: number }): Promise<ConnectionError> {
  const err = await assertRejects(() => connect(url, options), ConnectionError);
  return err as ConnectionError;
}

Deno.test("numberPlaceholders renumbers ? outside strings, identifiers and comments", () => {
  assertEquals(numberPlaceholders("select ?, ?", 2), "select $1, $2");
  assertEquals(
    numberPlaceholders(`select '?', "?", E'\\'?', $$?$$, $t$ ? $t$, ? -- ?\n, /* ? /* ? */ ? */ ?`, 2),
    `select '?', "?", E'\\'?', $$?$$, $t$ ? $t$, $1 -- ?\n, /* ? /* ? */ ? */ $2`,
  );
  assertEquals(numberPlaceholders("select 'it''s ?', ?", 1), "select 'it''s ?', $1");
  assertEquals(numberPlaceholders("select a$b, ?", 1), "select a$b, $1");
  assertThrows(
    () => numberPlaceholders("select ?", 2),
    RangeError,
    `Cannot bind parameters: the statement has 1 "?" placeholders but 2 values were given`,
  );
});

Deno.test("parseArrayLiteral reads PostgreSQL array text", () => {
  assertEquals(parseArrayLiteral(`{a,"b c",NULL,"x\\"y",""}`, (x) => x), ["a", "b c", null, 'x"y', ""]);
  assertEquals(parseArrayLiteral("{{1,2},{3,4}}", Number), [[1, 2], [3, 4]]);
  assertEquals(parseArrayLiteral("[0:1]={5,6}", Number), [5, 6]);
  assertEquals(parseArrayLiteral("{}", Number), []);
});

Deno.test("advisoryLockKey is a stable signed 64-bit key", () => {
  assertEquals(advisoryLockKey("retort"), advisoryLockKey("retort"));
  assert(advisoryLockKey("a") !== advisoryLockKey("b"));
  const key = BigInt(advisoryLockKey("retort"));
  assert(key >= -(2n ** 63n) && key < 2n ** 63n);
});

Deno.test("connectPostgres", async (t) => {
  await withPasswordRoles(() =>
    withPostgresDatabase(async (url) => {
      const database = testUrl(url).database!;

      await t.step("query returns rows and binds ? parameters", async () => {
        const c = await connect(url);
        try {
          assertEquals(c.dialect, dialect);
          const rows = await c.query(
            `select ?::int as a, '?' as q, "?" as r, ?::text as s, ?::bigint as b, ?::bytea as y, ? as n, ` +
              `?::boolean as t, ?::timestamptz as d from (select 1 as "?") x -- ?`,
            [1, "it's", 5n, new Uint8Array([1, 2]), null, true, new Date(0)],
          );
          assertEquals(rows.length, 1);
          const row = rows[0];
          assertEquals([row.a, row.q, row.r, row.s, row.b, row.n, row.t], [
            1,
            "?",
            1,
            "it's",
            "5",
            null,
            true,
          ]);
          assertEquals([...(row.y as Uint8Array)], [1, 2]);
          assertEquals((row.d as Date).toISOString(), "1970-01-01T00:00:00.000Z");
          assertEquals(await c.query("select array['a', null] as x, array[1, 2] as y"), [{
            x: ["a", null],
            y: [1, 2],
          }]);
          // Without parameters the text goes as is, so jsonb's ? operator works.
          assertEquals(await c.query(`select '{"a":1}'::jsonb ? 'a' as has`), [{ has: true }]);
        } finally {
          await c.close();
        }
      });

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

      await t.step("execute returns the affected row count", async () => {
        const c = await connect(url);
        try {
          assertEquals(await c.execute("create table counted (a int)"), 0);
          assertEquals(await c.execute("insert into counted values (1), (2), (3)"), 3);
          assertEquals(await c.execute("update counted set a = a + ? where a > ?", [10, 1]), 2);
          assertEquals(await c.execute("drop table counted"), 0);
        } finally {
          await c.close();
        }
      });

      await t.step("executeScript runs several statements and reports the failing one", async () => {
        const c = await connect(url);
        try {
          await c.executeScript(`
          create table script_a (id int primary key, note text);
          -- a comment with a ? and a ;
          insert into script_a values (1, 'semi;colon ?');
          create function script_f() returns int language sql as $$ select 1; $$;
        `);
          assertEquals(await c.query("select note, script_f() as f from script_a"), [{
            note: "semi;colon ?",
            f: 1,
          }]);
          await c.executeScript("   ");
          await c.executeScript("-- nothing but a comment");
          const err = await assertRejects(() => c.executeScript("select 1;\nselect * from nope;"), Error);
          assertEquals((err as Error).message, `relation "nope" does not exist (at character 25)`);
        } finally {
          await c.close();
        }
      });

      await t.step("statement errors carry detail and hint", async () => {
        const c = await connect(url);
        try {
          await c.executeScript(
            "create table fk_parent (id int primary key); create table fk_child (p int references fk_parent)",
          );
          const err = await assertRejects(() => c.execute("insert into fk_child values (?)", [7]), Error);
          assertEquals(
            (err as Error).message,
            `insert or update on table "fk_child" violates foreign key constraint "fk_child_p_fkey"; ` +
              `detail: Key (p)=(7) is not present in table "fk_parent".`,
          );
          assertEquals(describeDbError(err), (err as Error).message);
          assertEquals((err as { code?: string }).code, "23503");
          const hinted = await assertRejects(() => c.query("select lenght('x')"), Error);
          assertEquals(
            (hinted as Error).message,
            "function lenght(unknown) does not exist (at character 8); hint: No function matches the given name " +
              "and argument types. You might need to add explicit type casts.",
          );
        } finally {
          await c.close();
        }
      });

      await t.step("rollback undoes DDL and commit keeps it", async () => {
        const c = await connect(url);
        try {
          await c.begin();
          await c.execute("create table tx_rolled (a int)");
          await c.execute("insert into tx_rolled values (?)", [1]);
          await c.rollback();
          assertEquals(await c.query("select to_regclass('tx_rolled') as t"), [{ t: null }]);
          await c.begin();
          await c.execute("create table tx_kept (a int)");
          await c.commit();
          assertEquals(await c.query("select to_regclass('tx_kept')::text as t"), [{ t: "tx_kept" }]);
        } finally {
          await c.close();
        }
      });

      await t.step("lock waits for the holder, calls onWait once and then takes it", async () => {
        const a = await connect(url);
        const b = await connect(url);
        try {
          assertEquals(await a.lock("retort:test", 1000), true);
          let waits = 0;
          const started = performance.now();
          const taking = b.lock("retort:test", 5000, () => waits++);
          await new Promise((r) => setTimeout(r, 150));
          assertEquals(waits, 1);
          await a.unlock("retort:test");
          assertEquals(await taking, true);
          assert(performance.now() - started >= 150);
          assertEquals(waits, 1);
          assertEquals(await a.lock("retort:test", 100), false);
          await b.unlock("retort:test");
        } finally {
          await a.close();
          await b.close();
        }
      });

      await t.step("lock returns false after the time-out", async () => {
        const a = await connect(url);
        const b = await connect(url);
        try {
          assertEquals(await a.lock("retort:timeout", 0), true);
          let waits = 0;
          const started = performance.now();
          assertEquals(await b.lock("retort:timeout", 200, () => waits++), false);
          const waited = performance.now() - started;
          assert(waited >= 200 && waited < 1000, `waited ${waited} ms`);
          assertEquals(waits, 1);
          assertEquals(await b.lock("retort:other", 0), true);
        } finally {
          await a.close();
          await b.close();
        }
      });

      await t.step("lock is released when its connection closes or is killed", async () => {
        const a = await connect(url);
        const b = await connect(url);
        const admin = await postgresAdmin();
        try {
          assertEquals(await a.lock("retort:closed", 0), true);
          await a.close();
          assertEquals(await b.lock("retort:closed", 2000), true);

          const killed = await connect(url);
          const [{ pid }] = await killed.query("select pg_backend_pid() as pid");
          assertEquals(await killed.lock("retort:killed", 0), true);
          await admin.unsafe("select pg_terminate_backend($1)", [pid as number]);
          assertEquals(await b.lock("retort:killed", 2000), true);
          const err = await assertRejects(() => killed.query("select 1"), ConnectionError);
          assertEquals(
            err.message,
            `Cannot run statement: the connection to PostgreSQL at ${HOST}:${PORT} database "${database}" ` +
              `was lost (its transaction and locks are gone)`,
          );
          await killed.close();
        } finally {
          await b.close();
          await admin.end({ timeout: 5 });
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

      await t.step("a server that never answers times out after connect_timeout", async () => {
        await withSilentServer(async (port) => {
          const err = await connectError(
            `postgres://retort_pw_test:${PASSWORD_IN_URL}@127.0.0.1:${port}/${database}?connect_timeout=0.2`,
          );
          assertEquals(
            err.message,
            `Cannot connect to PostgreSQL at 127.0.0.1:${port} database "${database}": ` +
              "no answer within 200 ms (connect_timeout)",
          );
          assert(!errorTexts(err).includes("S3cr"));
          const viaOption = await connectError(`postgres://postgres@127.0.0.1:${port}/${database}`, {
            connectTimeoutMs: 150,
          });
          assertEquals(
            viaOption.message,
            `Cannot connect to PostgreSQL at 127.0.0.1:${port} database "${database}": ` +
              "no answer within 150 ms (connect_timeout)",
          );
        });
      });

      await t.step("URL options are checked", async () => {
        await assertRejects(
          () => connect(`${url}?sslmode=sometimes`),
          UrlError,
          `Cannot use sslmode "sometimes": expected one of disable, allow, prefer, require, verify-ca, verify-full`,
        );
        await assertRejects(
          () => connect(`${url}?sslrootcert=/tmp/ca.pem`),
          UrlError,
          `Cannot use URL option "sslrootcert" with PostgreSQL: Retort's driver (postgres.js) does not support it`,
        );
        const c = await connect(`${url}?application_name=retort_app&search_path=other,public&sslmode=prefer`);
        try {
          assertEquals(
            await c.query(
              "select current_setting('application_name') as a, current_setting('search_path') as s",
            ),
            [
              { a: "retort_app", s: "other,public" },
            ],
          );
        } finally {
          await c.close();
        }
        const d = await connect(url);
        try {
          assertEquals(await d.query("select current_setting('application_name') as a"), [{ a: "retort" }]);
        } finally {
          await d.close();
        }
      });
    }, "pgdriver")
  );
});
