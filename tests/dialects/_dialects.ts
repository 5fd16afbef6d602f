/**
 * The three databases the dialect suites run against, one row each, with what each one is expected
 * to answer in the same row (the pattern of Kysely's and Hono's multi-database suites). A suite
 * loops over {@link DIALECTS}; a check that holds for only some databases asks the row for what it
 * needs (`server`, `sessionLocks`, ...) instead of comparing names.
 *
 * PostgreSQL and MySQL/MariaDB come from tests/_db.ts: a server that cannot be reached fails the test
 * with the URL tried, never skips. SQLite gets a file in a fresh temporary directory.
 *
 * @module
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Dialect, DialectName } from "../../lib/dialects/dialect.ts";
import { mysqlDialect } from "../../lib/dialects/mysql/dialect.ts";
import { postgresDialect } from "../../lib/dialects/postgres/dialect.ts";
import { sqliteDialect } from "../../lib/dialects/sqlite/dialect.ts";
import {
  ensureMysqlPasswordUser,
  MYSQL_TEST_URL,
  POSTGRES_TEST_URL,
  TEST_ROLE_PASSWORD_IN_URL,
  testUrl,
  withDatabase,
  withMysqlDatabase,
  withPostgresDatabase,
} from "../_db.ts";
import {
  mysqlCatalog,
  postgresCatalog,
  renderOps,
  runClient,
  sqliteCatalog,
  type StepExpectations,
} from "../_operations.ts";
import type { Operation, SqlValue } from "../../lib/operations/types.ts";
import { openSqliteScratch } from "../../lib/dialects/sqlite/scratch.ts";
import { MYSQL_CATALOG_CHANGES } from "./_catalog_changes_mysql.ts";
import { POSTGRESQL_CATALOG_CHANGES } from "./_catalog_changes_postgresql.ts";
import { SQLITE_CATALOG_CHANGES } from "./_catalog_changes_sqlite.ts";

/** A connection failure: the URL to open and the message expected (exact, or a pattern). */
export interface ConnectionErrorCase {
  readonly name: string;
  readonly url: string;
  readonly message: string | RegExp;
}

/** A database reached over the network. */
export interface ServerUnderTest {
  /** How messages name the database ("PostgreSQL", "MySQL"). */
  readonly label: string;
  /** The URL scheme. */
  readonly scheme: string;
  /** Host and port of the test server, as messages name them. */
  readonly host: string;
  readonly port: number;
  /** A user the server trusts without a password. */
  readonly trustedUser: string;
  /** A query returning the current session's id as `{ id }`. */
  readonly sessionIdSql: string;
  /** A statement ending the session whose id is bound to its `?`, as an administrator would. */
  readonly killSql: string;
}

/** A query and the rows it returns, compared after {@link plainRows}. */
export interface QueryCase {
  readonly sql: string;
  readonly params?: readonly SqlValue[];
  readonly rows: readonly Record<string, unknown>[];
}

/** One database under test; the operations suite's expectations come from {@link StepExpectations}. */
export interface DialectUnderTest extends StepExpectations {
  readonly name: DialectName;
  readonly dialect: Dialect;
  /**
   * Run `fn` with the URL of a new, empty database, removed afterwards.
   *
   * @throws {Error} naming the URL tried when the server does not answer
   */
  withDatabase<T>(fn: (url: string) => Promise<T>, prefix: string): Promise<T>;
  /** The server, for databases that have one (absent for SQLite). */
  readonly server?: ServerUnderTest;
  /**
   * Named session locks (advisory locks, `GET_LOCK`), held until `unlock` or the session ends.
   * `timerSlackMs`: how much earlier than asked a time-out may end (the server's timer).
   * Absent for SQLite, whose `lock` only sets `busy_timeout` (tests/sqlite/_driver_checks.ts).
   */
  readonly sessionLocks?: { readonly timerSlackMs: number };
  /** Queries binding `?` parameters, and the rows they return. */
  readonly queries: readonly QueryCase[];
  /** A script of several statements, a query reading back its effect, and a failing script. */
  readonly script: {
    readonly sql: string;
    readonly check: QueryCase;
    readonly failing: string;
    readonly error: (database: string) => string;
  };
  /** A query listing the current database's tables as rows `{ name }`, sorted. */
  readonly tablesSql: string;
  /** What `versionTable.exists` returns once the table exists. */
  readonly versionTableExists: readonly Record<string, unknown>[];
  /** Failures beyond the refused port and the unknown host every server shares. */
  connectionErrors(url: string, database: string): Promise<ConnectionErrorCase[]>;
  /** A user with a percent-encoded password who may log in; absent where tested elsewhere. */
  readonly passwordLogin?: {
    prepare(database: string): Promise<void>;
    readonly user: string;
    /** A query returning `{ u: <user> }`. */
    readonly currentUserSql: string;
  };
  /** URL options: values refused, and settings they make. */
  readonly urlOptions?: {
    readonly refused: readonly { readonly query: string; readonly message: string }[];
    readonly applied: readonly ({ readonly query: string } & QueryCase)[];
  };
  /** Operations suite: the command-line client, fed rendered operations. */
  readonly offline: {
    readonly client: string;
    /**
     * Render `ops` as offline SQL and run it in the client against the database `url` names.
     *
     * @param fromBase the script starts from an empty database (the base schema)
     */
    apply(url: string, ops: readonly Operation[], fromBase: boolean): Promise<void>;
  };
}

/**
 * Rows with the values `assertEquals` cannot compare across drivers made plain: a `Date` becomes
 * `Date(<ISO text>)` and bytes become `bytes(<hex>)`, so a string never passes for either.
 *
 * @param rows query rows
 * @returns the same rows, values made plain
 */
export function plainRows(rows: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [
        k,
        v instanceof Date
          ? `Date(${v.toISOString()})`
          : v instanceof Uint8Array
          ? `bytes(${[...v].map((b) => b.toString(16).padStart(2, "0")).join("")})`
          : v,
      ]),
    )
  );
}

/**
 * Where the test server `raw` names is, as messages name it.
 *
 * @param label how messages name the database
 * @param raw the server's URL
 * @param trustedUser a user it lets in without a password
 * @returns the server's label, scheme, host, port and trusted user
 */
function serverAt(
  label: string,
  raw: string,
  trustedUser: string,
): Omit<ServerUnderTest, "sessionIdSql" | "killSql"> {
  const url = testUrl(raw);
  return {
    label,
    scheme: raw.slice(0, raw.indexOf(":")),
    host: url.host ?? "127.0.0.1",
    port: url.port!,
    trustedUser,
  };
}

/**
 * The values the server databases' binding query binds to `a, s, b, y, n, t, d` (its `q` and `r`
 * are a quoted "?" and a "?"-named column, which must stay untouched).
 */
const BOUND_PARAMS: readonly SqlValue[] = [1, "it's", 5n, new Uint8Array([1, 2]), null, true, new Date(0)];

/** What every server returns for the binding query's columns that read back alike. */
const BOUND_ROW = { a: 1, q: "?", r: 1, s: "it's", y: "bytes(0102)", n: null };

/** PostgreSQL 13+ (postgres.js driver). */
const POSTGRESQL: DialectUnderTest = {
  name: "postgresql",
  dialect: postgresDialect,
  withDatabase: (fn, prefix) => withPostgresDatabase(fn, `pg${prefix}`),
  server: {
    ...serverAt("PostgreSQL", POSTGRES_TEST_URL, "postgres"),
    sessionIdSql: "select pg_backend_pid() as id",
    killSql: "select pg_terminate_backend(?)",
  },
  sessionLocks: { timerSlackMs: 0 },
  queries: [
    {
      sql: `select ?::int as a, '?' as q, "?" as r, ?::text as s, ?::bigint as b, ?::bytea as y, ? as n, ` +
        `?::boolean as t, ?::timestamptz as d from (select 1 as "?") x -- ?`,
      params: BOUND_PARAMS,
      // bigint comes back as text, booleans as booleans, timestamptz as a Date.
      rows: [{ ...BOUND_ROW, b: "5", t: true, d: "Date(1970-01-01T00:00:00.000Z)" }],
    },
    { sql: "select array['a', null] as x, array[1, 2] as y", rows: [{ x: ["a", null], y: [1, 2] }] },
    // Without parameters the text goes as is, so jsonb's ? operator works.
    { sql: `select '{"a":1}'::jsonb ? 'a' as has`, rows: [{ has: true }] },
  ],
  script: {
    sql: `
      create table script_a (id int primary key, note text);
      -- a comment with a ? and a ;
      insert into script_a values (1, 'semi;colon ?');
      create function script_f() returns int language sql as $$ select 1; $$;
    `,
    check: { sql: "select note, script_f() as f from script_a", rows: [{ note: "semi;colon ?", f: 1 }] },
    failing: "select 1;\nselect * from nope;",
    error: () => `relation "nope" does not exist (at character 25)`,
  },
  tablesSql: "select tablename as name from pg_tables where schemaname = 'public' order by 1",
  versionTableExists: [{ table_name: "alembic_version" }],
  connectionErrors() {
    // Wrong passwords need the password roles: tests/postgres/driver_test.ts checks them.
    const { host, port } = POSTGRESQL.server!;
    return Promise.resolve([{
      name: "wrong database as postgres",
      url: withDatabase(POSTGRES_TEST_URL, "nope"),
      message:
        `Cannot connect to PostgreSQL at ${host}:${port} database "nope": database "nope" does not exist`,
    }]);
  },
  urlOptions: {
    refused: [
      {
        query: "sslmode=sometimes",
        message:
          `Cannot use sslmode "sometimes": expected one of disable, allow, prefer, require, verify-ca, verify-full`,
      },
      {
        query: "sslrootcert=/tmp/ca.pem",
        message:
          `Cannot use URL option "sslrootcert" with PostgreSQL: Retort's driver (postgres.js) does not support it`,
      },
    ],
    applied: [
      {
        query: "application_name=retort_app&search_path=other,public&sslmode=prefer",
        sql: "select current_setting('application_name') as a, current_setting('search_path') as s",
        rows: [{ a: "retort_app", s: "other,public" }],
      },
      { query: "", sql: "select current_setting('application_name') as a", rows: [{ a: "retort" }] },
    ],
  },
  catalog: postgresCatalog,
  catalogChanges: POSTGRESQL_CATALOG_CHANGES,
  offline: {
    client: "psql",
    apply: async (url, ops) => runClient("postgresql", url, await renderOps(postgresDialect, ops)),
  },
  typedValues: { timestamp: "2024-02-29T12:30:00.000Z", json: '{"a":[1,2]}', true: true, false: false },
};

/** MySQL 5.7+ / MariaDB 10.3+ (mysql2 driver). */
const MYSQL: DialectUnderTest = {
  name: "mysql",
  dialect: mysqlDialect,
  withDatabase: (fn, prefix) => withMysqlDatabase(fn, `my${prefix}`),
  server: {
    ...serverAt("MySQL", MYSQL_TEST_URL, "root"),
    sessionIdSql: "SELECT CONNECTION_ID() AS id",
    killSql: "KILL ?",
  },
  // GET_LOCK waits on the server, whose timer may end the wait a little early.
  sessionLocks: { timerSlackMs: 10 },
  queries: [
    {
      sql:
        "SELECT ? AS a, '?' AS q, `?` AS r, ? AS s, ? AS b, ? AS y, ? AS n, ? AS t, CAST(? AS DATETIME(3)) AS d " +
        "FROM (SELECT 1 AS `?`) x -- ?",
      params: BOUND_PARAMS,
      // true is bound as 1; DATETIME(3) comes back as text.
      rows: [{ ...BOUND_ROW, b: 5, t: 1, d: "1970-01-01 00:00:00.000" }],
    },
    {
      sql: "SELECT 9007199254740993 AS big, CAST(1.5 AS DECIMAL(4,2)) AS num",
      rows: [{ big: "9007199254740993", num: "1.50" }],
    },
  ],
  script: {
    sql: `
      CREATE TABLE script_a (id INT PRIMARY KEY, note TEXT);
      -- a comment with a ? and a ;
      INSERT INTO script_a VALUES (1, 'semi;colon ?');
      # another comment
      INSERT INTO script_a VALUES (2, "two");
    `,
    check: {
      sql: "SELECT note FROM script_a ORDER BY id",
      rows: [{ note: "semi;colon ?" }, { note: "two" }],
    },
    failing: "SELECT 1;\nSELECT * FROM nope;",
    error: (database) => `Table '${database}.nope' doesn't exist (ER_NO_SUCH_TABLE)`,
  },
  tablesSql:
    "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1",
  versionTableExists: [{ table_name: "alembic_version" }],
  async connectionErrors(url, database) {
    await ensureMysqlPasswordUser(database);
    const { host, port } = MYSQL.server!;
    const where = `${host}:${port}`;
    return [
      {
        name: "wrong database",
        url: withDatabase(url, "nope", { user: "retort_pw_test", password: TEST_ROLE_PASSWORD_IN_URL }),
        message: `Cannot connect to MySQL at ${where} database "nope": ` +
          `Access denied for user 'retort_pw_test'@'%' to database 'nope'`,
      },
      {
        name: "wrong database as root",
        url: withDatabase(MYSQL_TEST_URL, "nope"),
        message: `Cannot connect to MySQL at ${where} database "nope": Unknown database 'nope'`,
      },
      {
        name: "wrong password",
        url: withDatabase(url, database, { user: "retort_pw_test", password: "wrong%20S3cr%25t%20p%40ss" }),
        message: new RegExp(
          `^Cannot connect to MySQL at ${where.replaceAll(".", "\\.")} database "${database}": ` +
            `Access denied for user 'retort_pw_test'@'[^']+' \\(using password: YES\\)$`,
        ),
      },
    ];
  },
  passwordLogin: {
    prepare: ensureMysqlPasswordUser,
    user: "retort_pw_test",
    currentUserSql: "SELECT SUBSTRING_INDEX(CURRENT_USER(), '@', 1) AS u",
  },
  urlOptions: {
    refused: [
      {
        query: "ssl_mode=sometimes",
        message:
          `Cannot use ssl_mode "sometimes": expected one of DISABLED, PREFERRED, REQUIRED, VERIFY_CA, VERIFY_IDENTITY`,
      },
      {
        query: "connect_timeout=soon",
        message: `Cannot use connect_timeout "soon": expected a positive number of seconds`,
      },
    ],
    applied: [
      {
        query: "charset=latin1&ssl-mode=DISABLED",
        sql: "SELECT @@character_set_client AS cs",
        rows: [{ cs: "latin1" }],
      },
    ],
  },
  catalog: mysqlCatalog,
  catalogChanges: MYSQL_CATALOG_CHANGES,
  offline: {
    client: "mysql",
    apply: async (url, ops) => runClient("mysql", testUrl(url).database!, await renderOps(mysqlDialect, ops)),
  },
  typedValues: { timestamp: "2024-02-29 12:30:00", json: '{"a":[1,2]}', true: 1, false: 0 },
};

/**
 * Run `fn` with the URL of a SQLite file in a new temporary directory, removed afterwards.
 *
 * @param fn receives the `sqlite:///` URL (the file does not exist yet)
 * @returns what `fn` returns
 */
export async function withSqliteFile<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "retort-sqlite-"));
  try {
    return await fn(`sqlite:///${join(dir, "db.sqlite")}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** SQLite 3.35+ (node:sqlite under Deno, bun:sqlite under Bun). */
const SQLITE: DialectUnderTest = {
  name: "sqlite",
  dialect: sqliteDialect,
  withDatabase: (fn) => withSqliteFile(fn),
  queries: [{
    sql: "SELECT ? AS s, ? AS n, ? AS big, ? AS t, ? AS f, ? AS z, ? AS d, ? AS b",
    params: [
      "x'y",
      1.5,
      12n,
      true,
      false,
      null,
      new Date(Date.UTC(2024, 5, 1, 8, 30, 0, 250)),
      new Uint8Array([7]),
    ],
    rows: [{
      s: "x'y",
      n: 1.5,
      big: 12,
      t: 1,
      f: 0,
      z: null,
      d: "2024-06-01 08:30:00.250000",
      b: "bytes(07)",
    }],
  }],
  script: {
    sql: `
      CREATE TABLE script_a (id INTEGER PRIMARY KEY, note TEXT);
      -- a comment with a ? and a ;
      INSERT INTO script_a VALUES (1, 'semi;colon ?');
      INSERT INTO script_a VALUES (2, 'two');
    `,
    check: {
      sql: "SELECT note FROM script_a ORDER BY id",
      rows: [{ note: "semi;colon ?" }, { note: "two" }],
    },
    failing: "SELECT 1;\nSELECT * FROM nope;",
    error: () => "no such table: nope",
  },
  tablesSql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
  versionTableExists: [{ name: "alembic_version" }],
  connectionErrors: () =>
    Promise.resolve([{
      name: "a file it cannot open",
      url: "sqlite:////nonexistent-dir-retort/x.db",
      message: /^Cannot open SQLite database "\/nonexistent-dir-retort\/x\.db": /,
    }]),
  catalog: sqliteCatalog,
  catalogChanges: SQLITE_CATALOG_CHANGES,
  offline: {
    client: "sqlite3",
    // Rendered against a scratch copy of the schema, as `renderOffline` does, so rebuilds plan.
    async apply(raw, ops, fromBase) {
      const url = testUrl(raw);
      const scratch = await openSqliteScratch(url, fromBase);
      let sql: string;
      try {
        sql = await renderOps(sqliteDialect, ops, scratch);
      } finally {
        await scratch.close();
      }
      runClient("sqlite", url.path!, fromBase ? sql : `BEGIN;\n${sql}COMMIT;\n`);
    },
  },
  typedValues: { timestamp: "2024-02-29 12:30:00.000000", json: '{"a": [1, 2]}', true: 1, false: 0 },
};

/** Every database under test, in the order suites run them. */
export const DIALECTS: readonly DialectUnderTest[] = [POSTGRESQL, MYSQL, SQLITE];
