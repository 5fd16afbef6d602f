/**
 * What each shared DDL case does to a real SQLite database, read back through PRAGMAs (not the SQL
 * text). Shared by the Deno driver test and the Bun smoke script, so both drivers run every case.
 *
 * @module
 */
import { assert, assertEquals } from "../_assert.ts";
import type { Connection } from "../../lib/dialects/dialect.ts";
import { sqliteDialect } from "../../lib/dialects/sqlite/dialect.ts";
import type { DatabaseUrl } from "../../lib/config/url.ts";
import { DDL_CASES } from "../unit/dialects/ddl_cases.ts";
import { OBJECT_EFFECTS } from "./ddl_effects_objects.ts";

/** A private in-memory database. */
export const MEMORY: DatabaseUrl = {
  dialect: "sqlite",
  path: ":memory:",
  options: {},
  raw: "sqlite://:memory:",
};

/** `PRAGMA table_info` reduced to what a case sets: name, type, notnull, default, pk. */
export async function columns(conn: Connection, table: string, schema = "main"): Promise<unknown[][]> {
  const rows = await conn.query(`PRAGMA "${schema}".table_info("${table.replaceAll('"', '""')}")`);
  return rows.map((r) => [r.name, r.type, r.notnull, r.dflt_value, r.pk]);
}

export async function tables(conn: Connection, schema = "main"): Promise<string[]> {
  const rows = await conn.query(
    `SELECT name FROM "${schema}".sqlite_master WHERE type = 'table' ORDER BY name`,
  );
  return rows.map((r) => r.name as string);
}

export async function indexes(conn: Connection, table: string, schema = "main"): Promise<unknown[][]> {
  const rows = await conn.query(`PRAGMA "${schema}".index_list("${table}")`);
  return rows.filter((r) => r.origin === "c").map((r) => [r.name, r.unique]);
}

export interface Effect {
  /** Statements run before the case (tables it needs). */
  readonly setup?: string;
  /** Reads the effect back. */
  readonly check: (conn: Connection) => Promise<void>;
}

export const EFFECTS: Record<string, Effect> = {
  "execute passes SQL and params through": {
    setup: "CREATE TABLE account (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO account VALUES (1, 'a');",
    check: async (c) => assertEquals(await c.query("SELECT id, name FROM account"), [{ id: 1, name: "x" }]),
  },
  "createTable renders types, NOT NULL, defaults and an inline primary key": {
    check: async (c) => {
      assertEquals(await columns(c, "account"), [
        ["id", "INTEGER", 1, null, 1],
        ["name", "VARCHAR(50)", 1, null, 0],
        ["active", "BOOLEAN", 0, "1", 0],
        ["balance", "NUMERIC(10, 2)", 0, "0", 0],
        ["created", "DATETIME", 0, "CURRENT_TIMESTAMP", 0],
      ]);
    },
  },
  "createTable renders an autoincrement key per dialect": {
    check: async (c) => {
      assertEquals(await columns(c, "counter"), [["id", "INTEGER", 1, null, 1], [
        "label",
        "TEXT",
        0,
        null,
        0,
      ]]);
      await c.execute("INSERT INTO counter (label) VALUES ('a')");
      // Only AUTOINCREMENT tables get a row in sqlite_sequence.
      assertEquals(await c.query("SELECT name, seq FROM sqlite_sequence"), [{ name: "counter", seq: 1 }]);
    },
  },
  "createTable makes several primaryKey columns one composite key": {
    check: async (c) => {
      assertEquals(await columns(c, "membership"), [
        ["group_id", "BIGINT", 1, null, 1],
        ["user_id", "BIGINT", 1, null, 2],
        ["role", "CHAR(1)", 0, "'m'", 0],
      ]);
    },
  },
  "createTable renders foreign keys, unique and comments": {
    setup: "CREATE TABLE account (id INTEGER PRIMARY KEY);",
    check: async (c) => {
      const fks = await c.query(`PRAGMA foreign_key_list("order")`);
      assertEquals(
        fks.map((r) => [r.table, r.from, r.to, r.on_update, r.on_delete]).sort(),
        [["account", "account_id", "id", "NO ACTION", "CASCADE"], [
          "order",
          "parent_id",
          "id",
          "NO ACTION",
          "NO ACTION",
        ]],
      );
      assertEquals(await indexes(c, "order"), []);
      const unique = await c.query(`PRAGMA index_list("order")`);
      assertEquals(unique.map((r) => [r.unique, r.origin]), [[1, "u"]]);
    },
  },
  "createTable quotes quotes, spaces, mixed case and reserved words": {
    check: async (c) => {
      assertEquals((await columns(c, 'we"ird `name')).map((r) => r[0]), [
        "Mixed Case",
        "select",
        'a"b',
        "a`b",
      ]);
    },
  },
  "createTable maps every portable type": {
    check: async (c) => {
      assertEquals(
        (await columns(c, "types")).map((r) => r[1]),
        [
          "INTEGER",
          "BIGINT",
          "SMALLINT",
          "BOOLEAN",
          "TEXT",
          "VARCHAR(10)",
          "CHAR(2)",
          "NUMERIC(8, 3)",
          "REAL",
          "DOUBLE",
          "DATE",
          "TIME",
          "DATETIME",
          "DATETIME",
          "JSON",
          "CHAR(36)",
          "BLOB",
          "decimal(5,1)",
        ],
      );
    },
  },
  "createTable renders computed columns and expression defaults": {
    check: async (c) => {
      const xinfo = await c.query(`PRAGMA table_xinfo(box)`);
      // hidden: 3 = stored generated column, 2 = virtual generated column.
      assertEquals(xinfo.map((r) => [r.name, r.hidden]), [["w", 0], ["area", 3], ["half", 2], ["note", 0]]);
      await c.execute("INSERT INTO box (w) VALUES (4)");
      assertEquals(await c.query("SELECT area, half, note FROM box"), [{ area: 16, half: 2, note: "x" }]);
    },
  },
  "createTable escapes literal defaults of every kind": {
    check: async (c) => {
      await c.execute("INSERT INTO literals DEFAULT VALUES");
      assertEquals(await c.query("SELECT s, n, CAST(big AS TEXT) AS big, f, z, d, b FROM literals"), [{
        s: "it's a \\ path",
        n: -1.5,
        big: "9007199254740993",
        f: 0,
        z: null,
        d: "2024-01-02 03:04:05.006000",
        b: new Uint8Array([0, 15, 255]),
      }]);
    },
  },
  "createTable qualifies the table with its schema": {
    setup: `ATTACH ':memory:' AS "Sales";`,
    check: async (c) => {
      assertEquals(await columns(c, "item", "Sales"), [["id", "INTEGER", 1, null, 1]]);
      assertEquals(await tables(c), []);
    },
  },
  "dropTable renders IF EXISTS and the schema": {
    setup:
      `ATTACH ':memory:' AS app; CREATE TABLE app."user" (id INTEGER); CREATE TABLE "user" (id INTEGER);`,
    check: async (c) => {
      assertEquals(await tables(c, "app"), []);
      assertEquals(await tables(c), ["user"]);
    },
  },
  "dropTable renders a plain drop": {
    setup: "CREATE TABLE account (id INTEGER); CREATE TABLE other (id INTEGER);",
    check: async (c) => assertEquals(await tables(c), ["other"]),
  },
  "renameTable keeps the table in its schema": {
    setup: "ATTACH ':memory:' AS app; CREATE TABLE app.account (id INTEGER);",
    check: async (c) => assertEquals(await tables(c, "app"), ["Customer"]),
  },
  "renameTable renders a plain rename": {
    setup: "CREATE TABLE account (id INTEGER);",
    check: async (c) => assertEquals(await tables(c), ["customer"]),
  },
  "addColumn renders the full column definition": {
    setup: "CREATE TABLE account (id INTEGER PRIMARY KEY); INSERT INTO account VALUES (1);",
    check: async (c) => {
      assertEquals(await columns(c, "account"), [["id", "INTEGER", 0, null, 1], [
        "email",
        "VARCHAR(200)",
        1,
        "''",
        0,
      ]]);
      assertEquals(await c.query("SELECT email FROM account"), [{ email: "" }]);
    },
  },
  "addColumn renders a foreign key and a comment": {
    setup: `CREATE TABLE account (id INTEGER PRIMARY KEY); CREATE TABLE "order" (id INTEGER PRIMARY KEY);`,
    check: async (c) => {
      const fks = await c.query(`PRAGMA foreign_key_list("order")`);
      assertEquals(fks.map((r) => [r.table, r.from, r.to, r.on_delete]), [[
        "account",
        "owner_id",
        "id",
        "SET NULL",
      ]]);
    },
  },
  "dropColumn quotes a reserved column name": {
    setup: `CREATE TABLE account (id INTEGER, "order" INTEGER);`,
    check: async (c) => assertEquals((await columns(c, "account")).map((r) => r[0]), ["id"]),
  },
  "createIndex renders a unique index": {
    setup: "CREATE TABLE account (id INTEGER, name TEXT);",
    check: async (c) => {
      assertEquals(await indexes(c, "account"), [["ix_account_name", 1]]);
      const info = await c.query("PRAGMA index_info(ix_account_name)");
      assertEquals(info.map((r) => r.name), ["name"]);
    },
  },
  "createIndex renders several columns, IF NOT EXISTS and the schema": {
    setup: "ATTACH ':memory:' AS app; CREATE TABLE app.account (name TEXT, email TEXT);",
    check: async (c) => {
      assertEquals(await indexes(c, "account", "app"), [["Ix Mixed", 0]]);
      const info = await c.query(`PRAGMA app.index_info("Ix Mixed")`);
      assertEquals(info.map((r) => r.name), ["name", "email"]);
    },
  },
  "createIndex renders an expression in parentheses": {
    setup: "CREATE TABLE account (name TEXT, email TEXT);",
    check: async (c) => {
      assertEquals(await indexes(c, "account"), [["ix_lower_email", 0]]);
      const info = await c.query("PRAGMA index_info(ix_lower_email)");
      // An expression key part has cid -2 and no name.
      assertEquals(info.map((r) => [r.cid, r.name]), [[0, "name"], [-2, null]]);
    },
  },
  "dropIndex with its table": {
    setup: "CREATE TABLE account (name TEXT); CREATE INDEX ix_account_name ON account (name);",
    check: async (c) => assertEquals(await indexes(c, "account"), []),
  },
  "dropIndex with IF EXISTS and the schema": {
    setup:
      "ATTACH ':memory:' AS app; CREATE TABLE app.account (name TEXT); CREATE INDEX app.ix_a ON account (name);",
    check: async (c) => assertEquals(await indexes(c, "account", "app"), []),
  },
  "dropIndex without its table is refused on MySQL": {
    setup: "CREATE TABLE account (name TEXT); CREATE INDEX ix_account_name ON account (name);",
    check: async (c) => assertEquals(await indexes(c, "account"), []),
  },
  "bulkInsert renders one multi-row insert with escaped literals": {
    setup: "CREATE TABLE account (id INTEGER PRIMARY KEY, name TEXT, active BOOLEAN);",
    check: async (c) => {
      assertEquals(await c.query("SELECT id, name, active FROM account ORDER BY id"), [
        { id: 1, name: "O'Brien", active: 1 },
        { id: 2, name: "back\\slash", active: 0 },
        { id: 3, name: null, active: 1 },
      ]);
    },
  },
  "bulkInsert splits runs of rows with different keys so defaults apply": {
    setup:
      "ATTACH ':memory:' AS app; CREATE TABLE app.account (id INTEGER PRIMARY KEY, name TEXT DEFAULT 'dflt');",
    check: async (c) => {
      assertEquals(await c.query("SELECT id, name FROM app.account ORDER BY id"), [
        { id: 1, name: "a" },
        { id: 2, name: "b" },
        { id: 3, name: "dflt" },
        { id: 4, name: "d" },
      ]);
    },
  },
  "bulkInsert renders dates, bytes and bigints": {
    setup: "CREATE TABLE blobs (at DATETIME, data BLOB, n BIGINT);",
    check: async (c) => {
      assertEquals(await c.query("SELECT at, data, n, datetime(at) AS parsed FROM blobs"), [
        {
          at: "1999-12-31 23:59:59.999000",
          data: new Uint8Array([222, 173]),
          n: -12,
          parsed: "1999-12-31 23:59:59",
        },
      ]);
    },
  },
  "bulkInsert of rows without keys inserts defaults": {
    setup: "CREATE TABLE counter (id INTEGER PRIMARY KEY, label TEXT DEFAULT 'x');",
    check: async (c) => {
      assertEquals(await c.query("SELECT id, label FROM counter"), [{ id: 1, label: "x" }, {
        id: 2,
        label: "x",
      }]);
    },
  },
  "bulkInsert of no rows renders nothing": {
    setup: "CREATE TABLE account (id INTEGER);",
    check: async (c) => assertEquals(await c.query("SELECT count(*) AS n FROM account"), [{ n: 0 }]),
  },
};

/**
 * Run one shared case on a fresh in-memory database and check its effect.
 *
 * @param name the case name
 * @returns `false` when SQLite refuses the case (nothing to run), else `true` after the checks passed
 */
export async function runSqliteCase(name: string): Promise<boolean> {
  const c = DDL_CASES.find((x) => x.name === name);
  assert(c !== undefined, `No DDL case "${name}"`);
  if (c.expect.sqlite === null) return false;
  const effect = EFFECTS[c.name];
  assert(effect !== undefined, `No effect check for case "${c.name}"`);
  const conn = await sqliteDialect.connect(MEMORY);
  try {
    if (effect.setup) await conn.executeScript(effect.setup);
    for (const statement of sqliteDialect.ddl(c.op)) {
      if (statement.params) await conn.execute(statement.sql, statement.params);
      else await conn.executeScript(statement.sql);
    }
    await effect.check(conn);
  } finally {
    await conn.close();
  }
  return true;
}

const ACCOUNT = "CREATE TABLE account (id INTEGER PRIMARY KEY, name VARCHAR(50), email TEXT, age INTEGER);";

/** Effects of tests/unit/dialects/ddl_cases_operations.ts that SQLite runs without a rebuild. */
const OPERATION_EFFECTS: Record<string, Effect> = {
  "createTable renders table constraints, indexes, comment and MySQL options": {
    setup: "CREATE TABLE account (id INTEGER PRIMARY KEY);",
    check: async (c) => {
      assertEquals(await columns(c, "orders"), [
        ["id", "INTEGER", 0, null, 1],
        ["account_id", "INTEGER", 1, null, 0],
        ["code", "VARCHAR(20)", 1, null, 0],
        ["status", "VARCHAR(4)", 0, "'new'", 0],
        ["total", "NUMERIC(10, 2)", 0, null, 0],
      ]);
      assertEquals(await indexes(c, "orders"), [["ix_orders_code", 1]]);
      const fks = await c.query("PRAGMA foreign_key_list(orders)");
      assertEquals(fks.map((r) => [r.table, r.from, r.to, r.on_delete]), [[
        "account",
        "account_id",
        "id",
        "CASCADE",
      ]]);
      const unique = (await c.query("PRAGMA index_list(orders)")).filter((r) => r.origin === "u");
      assertEquals(unique.length, 1);
      let error = "";
      try {
        await c.execute(
          "INSERT INTO orders (id, account_id, code, total, status) VALUES (1, 1, 'a', -1, 'new')",
        );
      } catch (e) {
        error = (e as Error).message;
      }
      assertEquals(error, "CHECK constraint failed: ck_orders_total");
      try {
        await c.execute(
          "INSERT INTO orders (id, account_id, code, total, status) VALUES (1, 1, 'a', 1, 'lost')",
        );
      } catch (e) {
        error = (e as Error).message;
      }
      assertEquals(error, "CHECK constraint failed: status IN ('new', 'paid')");
    },
  },
  "alterColumn renames a column": {
    setup: ACCOUNT,
    check: async (c) =>
      assertEquals((await columns(c, "account")).map((r) => r[0]), ["id", "full_name", "email", "age"]),
  },
  "alterColumn sets and drops a comment": {
    setup: ACCOUNT,
    check: async (c) => assertEquals((await columns(c, "account")).length, 4),
  },
  "createIndex renders partial, concurrent and prefix options": {
    setup: ACCOUNT,
    check: async (c) => {
      const list = await c.query("PRAGMA index_list(account)");
      assertEquals(list.map((r) => [r.name, r.partial]), [["ix_account_email", 1]]);
    },
  },
  "createIndex concurrently": {
    setup: ACCOUNT,
    check: async (c) => {
      assertEquals(await indexes(c, "account"), [["ix_account_name", 1]]);
      const cols = await c.query("PRAGMA index_xinfo(ix_account_name)");
      assertEquals(cols.filter((r) => r.key === 1).map((r) => [r.cid, r.name]), [[1, "name"], [-2, null]]);
    },
  },
  "createIndex with MySQL prefix lengths": {
    setup: "CREATE TABLE doc (title TEXT, body TEXT);",
    check: async (c) => assertEquals(await indexes(c, "doc"), [["ix_doc_body", 0]]),
  },
  "dropIndex concurrently": {
    setup: ACCOUNT + "CREATE INDEX ix_account_name ON account (name);",
    check: async (c) => assertEquals(await indexes(c, "account"), []),
  },
  "createTableComment": { setup: ACCOUNT, check: async (c) => assertEquals(await tables(c), ["account"]) },
  "dropTableComment": { setup: ACCOUNT, check: async (c) => assertEquals(await tables(c), ["account"]) },
  "createEnum": { check: async (c) => assertEquals(await tables(c), []) },
  "dropEnum": { check: async (c) => assertEquals(await tables(c), []) },
  "batchAlterTable runs its changes one by one where no rebuild is needed": {
    setup: ACCOUNT.replace("email TEXT, ", ""),
    check: async (c) => {
      assertEquals((await columns(c, "account")).map((r) => r[0]), ["id", "name", "age", "email"]);
      assertEquals(await indexes(c, "account"), [["ix_account_email", 0]]);
    },
  },
};

Object.assign(EFFECTS, OPERATION_EFFECTS, OBJECT_EFFECTS);
