import { assert, assertEquals, assertRejects, assertThrows } from "../_assert.ts";
import type { Connection, Dialect } from "../../lib/dialects/dialect.ts";
import { bindPlaceholders, connectMysql, mysqlLockName } from "../../lib/dialects/mysql/driver.ts";
import { ConnectionError, UrlError } from "../../lib/errors.ts";
import { mysqlDialect } from "../../lib/dialects/mysql/dialect.ts";
import {
  errorTexts,
  MYSQL_TEST_URL,
  mysqlAdmin,
  testUrl,
  withDatabase,
  withMysqlDatabase,
  withSilentServer,
} from "../_db.ts";

const dialect: Dialect = mysqlDialect;

const PASSWORD = "S3cr%t p@ss";
const PASSWORD_IN_URL = "S3cr%25t%20p%40ss";
const SERVER = testUrl(MYSQL_TEST_URL);
const HOST = SERVER.host ?? "127.0.0.1";
const PORT = SERVER.port ?? 3306;

function connect(url: string, options?: { connectTimeoutMs?: number }): Promise<Connection> {
  return connectMysql(testUrl(url), dialect, options);
}

async function connectError(url: string, options?: { connectTimeoutMs?: number }): Promise<ConnectionError> {
  return await assertRejects(() => connect(url, options), ConnectionError);
}

/** Create (or reset) the user `retort_pw_test` with password `S3cr%t p@ss`, allowed into `database`. */
async function ensurePasswordUser(database: string): Promise<void> {
  const admin = await mysqlAdmin();
  try {
    await admin.query(
      `CREATE USER IF NOT EXISTS 'retort_pw_test'@'%' IDENTIFIED BY 'S3cr%t p@ss';
       ALTER USER 'retort_pw_test'@'%' IDENTIFIED BY 'S3cr%t p@ss';
       GRANT ALL ON \`${database}\`.* TO 'retort_pw_test'@'%'`,
    );
  } finally {
    await admin.end();
  }
}

/** An escaper shaped like mysql2's, for the pure binding checks. */
const escaper = {
  escape: (v: unknown) =>
    v === null ? "NULL" : typeof v === "string" ? `'${v.replaceAll("'", "\\'")}'` : String(v),
};

Deno.test("bindPlaceholders replaces ? outside strings, identifiers and comments", () => {
  assertEquals(bindPlaceholders("select ?, ?", [1, "a"], escaper), "select 1, 'a'");
  assertEquals(
    bindPlaceholders(
      "select '?', \"?\", `?`, 'it\\'s ?', ? -- ?\n, # ?\n /* ? */ ?, 1--?",
      [1, 2, 3],
      escaper,
    ),
    // `--` without a following space is two minus signs in MySQL, not a comment.
    "select '?', \"?\", `?`, 'it\\'s ?', 1 -- ?\n, # ?\n /* ? */ 2, 1--3",
  );
  assertEquals(bindPlaceholders("select ?", [12345678901234567890n], escaper), "select 12345678901234567890");
  assertThrows(
    () => bindPlaceholders("select ?, ?", [1], escaper),
    RangeError,
    `Cannot bind parameters: the statement has 2 "?" placeholders but 1 values were given`,
  );
  assertThrows(() => bindPlaceholders("select ?", [NaN], escaper), RangeError, "Cannot bind parameter: NaN");
});

Deno.test("mysqlLockName keeps short names and hashes long ones to 64 characters", () => {
  assertEquals(mysqlLockName("retort:app"), "retort:app");
  const long = "retort:" + "x".repeat(100);
  const name = mysqlLockName(long);
  assertEquals(name.length, 64);
  assert(name.startsWith("retort:xxx"));
  assertEquals(mysqlLockName(long), name);
  assert(mysqlLockName(long + "y") !== name);
});

Deno.test("connectMysql", async (t) => {
  await withMysqlDatabase(async (url) => {
    const database = testUrl(url).database!;

    await t.step("query returns rows and binds ? parameters", async () => {
      const c = await connect(url);
      try {
        assertEquals(c.dialect, dialect);
        const rows = await c.query(
          "SELECT ? AS a, '?' AS q, `?` AS r, ? AS s, ? AS b, ? AS y, ? AS n, ? AS t, CAST(? AS DATETIME(3)) AS d " +
            "FROM (SELECT 1 AS `?`) x -- ?",
          [1, "it's", 5n, new Uint8Array([1, 2]), null, true, new Date(0)],
        );
        assertEquals(rows.length, 1);
        const row = rows[0];
        assertEquals([row.a, row.q, row.r, row.s, row.b, row.n, row.t], [1, "?", 1, "it's", 5, null, 1]);
        assertEquals([...(row.y as Uint8Array)], [1, 2]);
        assertEquals(row.d, "1970-01-01 00:00:00.000");
        assertEquals(await c.query("SELECT 9007199254740993 AS big, CAST(1.5 AS DECIMAL(4,2)) AS num"), [{
          big: "9007199254740993",
          num: "1.50",
        }]);
      } finally {
        await c.close();
      }
    });

    await t.step("execute returns the affected row count", async () => {
      const c = await connect(url);
      try {
        assertEquals(await c.execute("CREATE TABLE counted (a INT)"), 0);
        assertEquals(await c.execute("INSERT INTO counted VALUES (1), (2), (3)"), 3);
        assertEquals(await c.execute("UPDATE counted SET a = a + ? WHERE a > ?", [10, 1]), 2);
        assertEquals(await c.execute("DROP TABLE counted"), 0);
      } finally {
        await c.close();
      }
    });

    await t.step("executeScript runs several statements and reports the failing one", async () => {
      const c = await connect(url);
      try {
        await c.executeScript(`
          CREATE TABLE script_a (id INT PRIMARY KEY, note TEXT);
          -- a comment with a ? and a ;
          INSERT INTO script_a VALUES (1, 'semi;colon ?');
          # another comment
          INSERT INTO script_a VALUES (2, "two");
        `);
        assertEquals(await c.query("SELECT note FROM script_a ORDER BY id"), [{ note: "semi;colon ?" }, {
          note: "two",
        }]);
        await c.executeScript("   ");
        await c.executeScript("-- nothing but a comment");
        const err = await assertRejects(() => c.executeScript("SELECT 1;\nSELECT * FROM nope;"), Error);
        assertEquals(err.message, `Table '${database}.nope' doesn't exist (ER_NO_SUCH_TABLE)`);
        // The connection stays usable after a failed script.
        assertEquals(await c.query("SELECT 1 AS one"), [{ one: 1 }]);
      } finally {
        await c.close();
      }
    });

    await t.step("DDL commits implicitly while DML rolls back", async () => {
      const c = await connect(url);
      try {
        await c.begin();
        await c.execute("CREATE TABLE tx_ddl (a INT)");
        await c.execute("INSERT INTO tx_ddl VALUES (?)", [1]);
        await c.rollback();
        // CREATE TABLE ended the transaction, so the insert ran in autocommit mode too.
        assertEquals(await c.query("SELECT a FROM tx_ddl"), [{ a: 1 }]);
        await c.begin();
        await c.execute("INSERT INTO tx_ddl VALUES (?)", [2]);
        await c.rollback();
        assertEquals(await c.query("SELECT COUNT(*) AS n FROM tx_ddl"), [{ n: 1 }]);
        await c.begin();
        await c.execute("INSERT INTO tx_ddl VALUES (?)", [3]);
        await c.commit();
        assertEquals(await c.query("SELECT COUNT(*) AS n FROM tx_ddl"), [{ n: 2 }]);
      } finally {
        await c.close();
      }
    });

    await t.step("lock waits for the holder, calls onWait once and then takes it", async () => {
      const a = await connect(url);
      const b = await connect(url);
      const lock = `retort:${database}`;
      try {
        assertEquals(await a.lock(lock, 1000), true);
        let waits = 0;
        const started = performance.now();
        const taking = b.lock(lock, 5000, () => waits++);
        await new Promise((r) => setTimeout(r, 150));
        assertEquals(waits, 1);
        await a.unlock(lock);
        assertEquals(await taking, true);
        assert(performance.now() - started >= 150);
        assertEquals(waits, 1);
        assertEquals(await a.lock(lock, 100), false);
        await b.unlock(lock);
      } finally {
        await a.close();
        await b.close();
      }
    });

    await t.step("lock returns false after the time-out", async () => {
      const a = await connect(url);
      const b = await connect(url);
      const lock = `retort:${database}:timeout`;
      try {
        assertEquals(await a.lock(lock, 0), true);
        let waits = 0;
        const started = performance.now();
        assertEquals(await b.lock(lock, 200, () => waits++), false);
        const waited = performance.now() - started;
        assert(waited >= 190 && waited < 1000, `waited ${waited} ms`);
        assertEquals(waits, 1);
        assertEquals(await b.lock(lock, 0, () => waits++), false);
        assertEquals(waits, 2);
      } finally {
        await a.close();
        await b.close();
      }
    });

    await t.step("lock is released when its connection closes or is killed", async () => {
      const a = await connect(url);
      const b = await connect(url);
      const admin = await mysqlAdmin();
      const lock = `retort:${database}:gone`;
      try {
        assertEquals(await a.lock(lock, 0), true);
        await a.close();
        assertEquals(await b.lock(lock, 2000), true);
        await b.unlock(lock);

        const killed = await connect(url);
        const [{ id }] = await killed.query("SELECT CONNECTION_ID() AS id");
        assertEquals(await killed.lock(lock, 0), true);
        await admin.query(`KILL ${Number(id)}`);
        assertEquals(await b.lock(lock, 2000), true);
        const err = await assertRejects(() => killed.query("SELECT 1"), ConnectionError);
        assertEquals(
          err.message,
          `Cannot run statement: the connection to MySQL at ${HOST}:${PORT} database "${database}" ` +
            `was lost (its transaction and locks are gone)`,
        );
        await killed.close();
        await killed.close();
      } finally {
        await b.close();
        await admin.end();
      }
    });

    await t.step("close is idempotent and later calls fail", async () => {
      const c = await connect(url);
      await c.close();
      await c.close();
      const err = await assertRejects(() => c.query("SELECT 1"), ConnectionError);
      assertEquals(
        err.message,
        `Cannot run statement: the connection to MySQL at ${HOST}:${PORT} database "${database}" is closed`,
      );
    });

    await t.step("a percent-encoded password logs in", async () => {
      await ensurePasswordUser(database);
      const c = await connect(
        withDatabase(url, database, { user: "retort_pw_test", password: PASSWORD_IN_URL }),
      );
      try {
        assertEquals(await c.query("SELECT SUBSTRING_INDEX(CURRENT_USER(), '@', 1) AS u"), [{
          u: "retort_pw_test",
        }]);
      } finally {
        await c.close();
      }
    });

    await t.step("connection errors name host and database in one line, never the password", async (t) => {
      const cases: { name: string; url: string; message: RegExp | string }[] = [
        {
          name: "wrong database",
          url: withDatabase(url, "nope", { user: "retort_pw_test", password: PASSWORD_IN_URL }),
          message: `Cannot connect to MySQL at ${HOST}:${PORT} database "nope": ` +
            `Access denied for user 'retort_pw_test'@'%' to database 'nope'`,
        },
        {
          name: "wrong database as root",
          url: withDatabase(MYSQL_TEST_URL, "nope"),
          message: `Cannot connect to MySQL at ${HOST}:${PORT} database "nope": Unknown database 'nope'`,
        },
        {
          name: "wrong password",
          url: withDatabase(url, database, { user: "retort_pw_test", password: "wrong%20S3cr%25t%20p%40ss" }),
          message: new RegExp(
            `^Cannot connect to MySQL at ${HOST.replaceAll(".", "\\.")}:${PORT} database "${database}": ` +
              `Access denied for user 'retort_pw_test'@'[^']+' \\(using password: YES\\)$`,
          ),
        },
        {
          name: "wrong port",
          url: `mysql://retort_pw_test:${PASSWORD_IN_URL}@127.0.0.1:1/${database}`,
          message: `Cannot connect to MySQL at 127.0.0.1:1 database "${database}": ` +
            "connection refused (is the server running and listening on that port?)",
        },
        {
          name: "wrong host",
          url: `mysql://retort_pw_test:${PASSWORD_IN_URL}@nonexistent.invalid:3306/${database}`,
          message: `Cannot connect to MySQL at nonexistent.invalid:3306 database "${database}": ` +
            `host "nonexistent.invalid" not found`,
        },
      ];
      for (const c of cases) {
        await t.step(c.name, async () => {
          const err = await connectError(c.url);
          if (typeof c.message === "string") assertEquals(err.message, c.message);
          else assert(c.message.test(err.message), err.message);
          assert(err.cause instanceof Error, "cause is kept");
          const texts = errorTexts(err);
          for (const secret of [PASSWORD, PASSWORD_IN_URL, "S3cr"]) {
            assert(!texts.includes(secret), `"${secret}" leaked into:\n${texts}`);
          }
        });
      }
    });

    await t.step("a server that never answers times out after connect_timeout", async () => {
      await withSilentServer(async (port) => {
        const err = await connectError(
          `mysql://retort_pw_test:${PASSWORD_IN_URL}@127.0.0.1:${port}/${database}?connect_timeout=0.2`,
        );
        assertEquals(
          err.message,
          `Cannot connect to MySQL at 127.0.0.1:${port} database "${database}": no answer within 200 ms (connect_timeout)`,
        );
        assert(!errorTexts(err).includes("S3cr"));
        const viaOption = await connectError(`mysql://root@127.0.0.1:${port}/${database}`, {
          connectTimeoutMs: 150,
        });
        assertEquals(
          viaOption.message,
          `Cannot connect to MySQL at 127.0.0.1:${port} database "${database}": no answer within 150 ms (connect_timeout)`,
        );
      });
    });

    await t.step("URL options are checked", async () => {
      await assertRejects(
        () => connect(`${url}?ssl_mode=sometimes`),
        UrlError,
        `Cannot use ssl_mode "sometimes": expected one of DISABLED, PREFERRED, REQUIRED, VERIFY_CA, VERIFY_IDENTITY`,
      );
      await assertRejects(
        () => connect(`${url}?connect_timeout=soon`),
        UrlError,
        `Cannot use connect_timeout "soon": expected a positive number of seconds`,
      );
      const c = await connect(`${url}?charset=latin1&ssl-mode=DISABLED`);
      try {
        assertEquals(await c.query("SELECT @@character_set_client AS cs"), [{ cs: "latin1" }]);
      } finally {
        await c.close();
      }
    });
  }, "mydriver");
});
