/**
 * The driver contract every dialect's `Connection` keeps (lib/dialects/dialect.ts), as a list of
 * checks that run against one database of {@link DIALECTS}. tests/dialects/driver_contract_test.ts
 * runs them under Deno for every database; tests/sqlite/bun_driver_smoke.ts runs them for SQLite
 * under Bun, so both SQLite drivers keep the same contract.
 *
 * @module
 */
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import type { Connection, ConnectOptions, DialectName } from "../../lib/dialects/dialect.ts";
import { ConnectionError, UrlError } from "../../lib/errors.ts";
import {
  errorTexts,
  TEST_ROLE_PASSWORD,
  TEST_ROLE_PASSWORD_IN_URL,
  testUrl,
  withDatabase,
  withSilentServer,
} from "../_db.ts";
import {
  type ConnectionErrorCase,
  type DialectUnderTest,
  plainRows,
  type ServerUnderTest,
} from "./_dialects.ts";

/** What a check gets: the database under test and one fresh database of it. */
export interface ContractContext {
  readonly db: DialectUnderTest;
  /** The URL of the fresh database. */
  readonly url: string;
  /** Its name (the file path for SQLite). */
  readonly database: string;
  /** Open a connection to `url` (default: the fresh database) through the dialect. */
  connect(url?: string, options?: ConnectOptions): Promise<Connection>;
  /** Run a named part of a check (a test step under Deno). */
  step(name: string, fn: () => Promise<void>): Promise<void>;
}

/** One check of the contract; `applies` leaves out databases without what it needs. */
export interface ContractCheck {
  readonly name: string;
  applies?(db: DialectUnderTest): boolean;
  run(ctx: ContractContext): Promise<void>;
}

/**
 * Run `fn` with a new connection, closed afterwards.
 *
 * @param ctx the context
 * @param fn what to do
 */
async function withConnection(ctx: ContractContext, fn: (c: Connection) => Promise<void>): Promise<void> {
  const c = await ctx.connect();
  try {
    await fn(c);
  } finally {
    await c.close();
  }
}

/** `"<Label> at host:port database "<name>"`, as connection messages name a server's database. */
function where(server: ServerUnderTest, database: string, host = server.host, port = server.port): string {
  return `${server.label} at ${host}:${port} database "${database}"`;
}

/**
 * Check one connection failure: a {@link ConnectionError} with the expected message, the driver's
 * error kept as `cause`, and no form of the test password anywhere in it.
 *
 * @param c the case
 * @param connect how to connect
 */
export async function checkConnectionError(
  c: ConnectionErrorCase,
  connect: (url: string) => Promise<Connection>,
): Promise<void> {
  const err = await assertRejects(() => connect(c.url), ConnectionError);
  if (typeof c.message === "string") assertEquals(err.message, c.message);
  else assert(c.message.test(err.message), err.message);
  assert(err.cause instanceof Error, "cause is kept");
  const texts = errorTexts(err);
  for (const secret of [TEST_ROLE_PASSWORD, TEST_ROLE_PASSWORD_IN_URL, "S3cr"]) {
    assert(!texts.includes(secret), `"${secret}" leaked into:\n${texts}`);
  }
}

/** The refused port and the unknown host, worded alike by every server's driver. */
function networkErrorCases(server: ServerUnderTest, database: string): ConnectionErrorCase[] {
  const login = `retort_pw_test:${TEST_ROLE_PASSWORD_IN_URL}`;
  return [
    {
      name: "wrong port",
      url: `${server.scheme}://${login}@127.0.0.1:1/${database}`,
      message: `Cannot connect to ${where(server, database, "127.0.0.1", 1)}: ` +
        "connection refused (is the server running and listening on that port?)",
    },
    {
      name: "wrong host",
      url: `${server.scheme}://${login}@nonexistent.invalid:${server.port}/${database}`,
      message: `Cannot connect to ${where(server, database, "nonexistent.invalid")}: ` +
        `host "nonexistent.invalid" not found`,
    },
  ];
}

/** The contract, in the order it runs. */
export const DRIVER_CONTRACT: readonly ContractCheck[] = [
  {
    name: "query returns plain rows and binds ? parameters",
    run: (ctx) =>
      withConnection(ctx, async (c) => {
        assertEquals(c.dialect, ctx.db.dialect);
        for (const q of ctx.db.queries) {
          const rows = await c.query(q.sql, q.params);
          assertEquals(plainRows(rows), q.rows, q.sql);
          for (const row of rows) assertEquals(Object.getPrototypeOf(row), Object.prototype);
        }
      }),
  },
  {
    name: "execute returns the affected row count",
    run: (ctx) =>
      withConnection(ctx, async (c) => {
        assertEquals(await c.execute("CREATE TABLE counted (a INTEGER)"), 0);
        assertEquals(await c.execute("INSERT INTO counted VALUES (1), (2), (3)"), 3);
        assertEquals(await c.execute("UPDATE counted SET a = a + ? WHERE a > ?", [10, 1]), 2);
        assertEquals(await c.execute("DELETE FROM counted WHERE a = ?", [12]), 1);
        assertEquals(await c.query("SELECT a FROM counted ORDER BY a"), [{ a: 1 }, { a: 13 }]);
      }),
  },
  {
    name: "execute returns 0 for DDL that follows DML",
    run: (ctx) =>
      withConnection(ctx, async (c) => {
        await c.execute("CREATE TABLE counted_ddl (a INTEGER)");
        assertEquals(await c.execute("INSERT INTO counted_ddl VALUES (1)"), 1);
        assertEquals(await c.execute("DROP TABLE counted_ddl"), 0);
      }),
  },
  {
    name: "executeScript runs several statements and reports the failing one",
    run: (ctx) =>
      withConnection(ctx, async (c) => {
        const { script } = ctx.db;
        await c.executeScript(script.sql);
        assertEquals(await c.query(script.check.sql), script.check.rows);
        const err = await assertRejects(() => c.executeScript(script.failing), Error);
        assertEquals(err.message, script.error(ctx.database));
        // The connection stays usable after a failed script.
        assertEquals(await c.query("SELECT 1 AS one"), [{ one: 1 }]);
      }),
  },
  {
    name: "executeScript accepts a blank or comment-only script",
    run: (ctx) =>
      withConnection(ctx, async (c) => {
        await c.executeScript("   ");
        await c.executeScript("-- nothing but a comment");
      }),
  },
  {
    name: "rollback undoes DML and commit keeps it",
    run: (ctx) =>
      withConnection(ctx, async (c) => {
        await c.execute("CREATE TABLE tx_dml (a INTEGER)");
        await c.begin();
        await c.execute("INSERT INTO tx_dml VALUES (?)", [1]);
        await c.rollback();
        assertEquals(await c.query("SELECT a FROM tx_dml"), []);
        await c.begin();
        await c.execute("INSERT INTO tx_dml VALUES (?)", [2]);
        await c.commit();
        assertEquals(await c.query("SELECT a FROM tx_dml"), [{ a: 2 }]);
      }),
  },
  {
    name: "rollback undoes DDL and commit keeps it (transactional DDL)",
    applies: (db) => db.dialect.capabilities.transactionalDdl,
    run: (ctx) =>
      withConnection(ctx, async (c) => {
        const before = await c.query(ctx.db.tablesSql);
        await c.begin();
        await c.execute("CREATE TABLE tx_rolled (a INTEGER)");
        await c.execute("INSERT INTO tx_rolled VALUES (?)", [1]);
        await c.rollback();
        assertEquals(await c.query(ctx.db.tablesSql), before);
        await c.begin();
        await c.execute("CREATE TABLE tx_kept (a INTEGER)");
        await c.commit();
        assertEquals(await c.query(ctx.db.tablesSql), [...before, { name: "tx_kept" }]);
      }),
  },
  {
    name: "DDL commits implicitly while DML rolls back (no transactional DDL)",
    applies: (db) => !db.dialect.capabilities.transactionalDdl,
    run: (ctx) =>
      withConnection(ctx, async (c) => {
        await c.begin();
        await c.execute("CREATE TABLE tx_ddl (a INTEGER)");
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
      }),
  },
  {
    name: "the version table statements run",
    run: (ctx) =>
      withConnection(ctx, async (c) => {
        const vt = ctx.db.dialect.versionTable;
        const name = { table: "alembic_version" };
        const exists = vt.exists(name);
        assertEquals(await c.query(exists.sql, exists.params), []);
        await c.execute(vt.create(name));
        assertEquals(await c.query(exists.sql, exists.params), ctx.db.versionTableExists);
        assertEquals(await c.execute(vt.insert(name, "aaa")), 1);
        assertEquals(await c.execute(vt.update(name, "aaa", "bbb")), 1);
        assertEquals(await c.query(vt.select(name)), [{ version_num: "bbb" }]);
        assertEquals(await c.execute(vt.delete(name, "bbb")), 1);
        assertEquals(await c.query(vt.select(name)), []);
      }),
  },
  {
    name: "lock waits for the holder, calls onWait once and then takes it",
    applies: (db) => db.sessionLocks !== undefined,
    async run(ctx) {
      const a = await ctx.connect();
      const b = await ctx.connect();
      // MySQL's lock names are server-wide: the database name keeps parallel test files apart.
      const lock = `retort:${ctx.database}`;
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
    },
  },
  {
    name: "lock returns false after the time-out",
    applies: (db) => db.sessionLocks !== undefined,
    async run(ctx) {
      const a = await ctx.connect();
      const b = await ctx.connect();
      const lock = `retort:${ctx.database}:timeout`;
      try {
        assertEquals(await a.lock(lock, 0), true);
        let waits = 0;
        const started = performance.now();
        assertEquals(await b.lock(lock, 200, () => waits++), false);
        const waited = performance.now() - started;
        assert(waited >= 200 - ctx.db.sessionLocks!.timerSlackMs && waited < 1000, `waited ${waited} ms`);
        assertEquals(waits, 1);
        assertEquals(await b.lock(lock, 0, () => waits++), false);
        assertEquals(waits, 2);
        assertEquals(await b.lock(`${lock}:other`, 0), true);
      } finally {
        await a.close();
        await b.close();
      }
    },
  },
  {
    name: "lock is released when its connection closes or is killed",
    applies: (db) => db.sessionLocks !== undefined && db.server !== undefined,
    async run(ctx) {
      const server = ctx.db.server!;
      const a = await ctx.connect();
      const b = await ctx.connect();
      const lock = `retort:${ctx.database}:gone`;
      try {
        assertEquals(await a.lock(lock, 0), true);
        await a.close();
        assertEquals(await b.lock(lock, 2000), true);
        await b.unlock(lock);

        const killed = await ctx.connect();
        const [{ id }] = await killed.query(server.sessionIdSql);
        assertEquals(await killed.lock(lock, 0), true);
        const admin = await ctx.connect();
        try {
          await admin.query(server.killSql, [Number(id)]);
        } finally {
          await admin.close();
        }
        assertEquals(await b.lock(lock, 2000), true);
        const err = await assertRejects(() => killed.query("SELECT 1"), ConnectionError);
        assertEquals(
          err.message,
          `Cannot run statement: the connection to ${where(server, ctx.database)} ` +
            `was lost (its transaction and locks are gone)`,
        );
        await killed.close();
        await killed.close();
      } finally {
        await b.close();
      }
    },
  },
  {
    name: "close is idempotent and later calls fail",
    async run(ctx) {
      const c = await ctx.connect();
      await c.close();
      await c.close();
      const err = await assertRejects(() => c.query("SELECT 1"), Error);
      const { server } = ctx.db;
      // SQLite reports the runtime binding's own error (a lib/ gap: no ConnectionError there yet).
      if (server) {
        assert(err instanceof ConnectionError, String(err));
        assertEquals(
          err.message,
          `Cannot run statement: the connection to ${where(server, ctx.database)} is closed`,
        );
      }
    },
  },
  {
    name: "a percent-encoded password logs in",
    applies: (db) => db.passwordLogin !== undefined,
    async run(ctx) {
      const login = ctx.db.passwordLogin!;
      await login.prepare(ctx.database);
      const c = await ctx.connect(
        withDatabase(ctx.url, ctx.database, { user: login.user, password: TEST_ROLE_PASSWORD_IN_URL }),
      );
      try {
        assertEquals(await c.query(login.currentUserSql), [{ u: login.user }]);
      } finally {
        await c.close();
      }
    },
  },
  {
    name: "connection errors name where they tried in one line, never the password",
    async run(ctx) {
      const { server } = ctx.db;
      const cases = [
        ...await ctx.db.connectionErrors(ctx.url, ctx.database),
        ...(server ? networkErrorCases(server, ctx.database) : []),
      ];
      for (const c of cases) {
        await ctx.step(c.name, () => checkConnectionError(c, (url) => ctx.connect(url)));
      }
    },
  },
  {
    name: "a server that never answers times out after connect_timeout",
    applies: (db) => db.server !== undefined,
    async run(ctx) {
      const server = ctx.db.server!;
      await withSilentServer(async (port) => {
        const err = await assertRejects(
          () =>
            ctx.connect(
              `${server.scheme}://retort_pw_test:${TEST_ROLE_PASSWORD_IN_URL}@127.0.0.1:${port}/${ctx.database}` +
                "?connect_timeout=0.2",
            ),
          ConnectionError,
        );
        assertEquals(
          err.message,
          `Cannot connect to ${where(server, ctx.database, "127.0.0.1", port)}: ` +
            "no answer within 200 ms (connect_timeout)",
        );
        assert(!errorTexts(err).includes("S3cr"));
        const viaOption = await assertRejects(
          () =>
            ctx.connect(`${server.scheme}://${server.trustedUser}@127.0.0.1:${port}/${ctx.database}`, {
              connectTimeoutMs: 150,
            }),
          ConnectionError,
        );
        assertEquals(
          viaOption.message,
          `Cannot connect to ${where(server, ctx.database, "127.0.0.1", port)}: ` +
            "no answer within 150 ms (connect_timeout)",
        );
      });
    },
  },
  {
    name: "URL options are checked and applied",
    applies: (db) => db.urlOptions !== undefined,
    async run(ctx) {
      const options = ctx.db.urlOptions!;
      for (const r of options.refused) {
        await assertRejects(() => ctx.connect(`${ctx.url}?${r.query}`), UrlError, r.message);
      }
      for (const a of options.applied) {
        const c = await ctx.connect(a.query ? `${ctx.url}?${a.query}` : ctx.url);
        try {
          assertEquals(await c.query(a.sql), a.rows);
        } finally {
          await c.close();
        }
      }
    },
  },
];

/**
 * The context checks of `db` run with on one fresh database.
 *
 * @param db the database under test
 * @param url the URL of a fresh database of it
 * @param step runs a named part of a check
 * @returns the context
 */
export function contractContext(
  db: DialectUnderTest,
  url: string,
  step: (name: string, fn: () => Promise<void>) => Promise<void>,
): ContractContext {
  const parsed = testUrl(url);
  return {
    db,
    url,
    database: parsed.database ?? parsed.path ?? url,
    connect: (other, options) => db.dialect.connect(testUrl(other ?? url), options),
    step,
  };
}

/** A check one database's driver is known to fail under one runtime. */
export interface KnownGap {
  readonly check: string;
  readonly dialect: DialectName;
  readonly runtime: "deno" | "bun";
  /** Why, and where the fix belongs. */
  readonly reason: string;
}

/**
 * Contract checks a driver is known to fail. Runners still run them and require them to fail, so
 * a fix in lib/ shows up as an entry to delete here rather than passing unnoticed.
 */
export const KNOWN_GAPS: readonly KnownGap[] = [
  {
    check: "execute returns 0 for DDL that follows DML",
    dialect: "sqlite",
    runtime: "deno",
    reason: "node:sqlite's run() reports sqlite3_changes() of the last INSERT/UPDATE/DELETE " +
      "(lib/dialects/sqlite/driver_deno.ts)",
  },
  {
    check: "executeScript accepts a blank or comment-only script",
    dialect: "sqlite",
    runtime: "bun",
    reason:
      `bun:sqlite's exec throws "Query contained no valid SQL statement" (lib/dialects/sqlite/driver_bun.ts)`,
  },
];

/** The runtime the tests run under. */
export const RUNTIME: "deno" | "bun" = "Bun" in globalThis ? "bun" : "deno";

/**
 * Run a check, or, when it is a known gap of `db` under this runtime, require that it still fails.
 *
 * @param check the check
 * @param ctx its context
 * @throws {Error} the check's failure, or that a known gap passes now
 */
export async function runCheck(check: ContractCheck, ctx: ContractContext): Promise<void> {
  const gap = KNOWN_GAPS.find((g) =>
    g.check === check.name && g.dialect === ctx.db.name && g.runtime === RUNTIME
  );
  if (gap === undefined) return await check.run(ctx);
  const failed = await check.run(ctx).then(() => false, () => true);
  assert(failed, `"${check.name}" passes on ${ctx.db.name} under ${RUNTIME} now: remove it from KNOWN_GAPS`);
}

/**
 * The checks of {@link DRIVER_CONTRACT} that apply to `db`.
 *
 * @param db the database under test
 * @returns the checks, in order
 */
export function contractFor(db: DialectUnderTest): ContractCheck[] {
  return DRIVER_CONTRACT.filter((check) => check.applies?.(db) ?? true);
}
