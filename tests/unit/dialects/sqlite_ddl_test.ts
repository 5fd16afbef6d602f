import { assertEquals, assertThrows } from "../../_assert.ts";
import { UnsupportedOperationError } from "../../../lib/errors.ts";
import { addColumn, bulkInsert, createTable } from "../../../lib/operations/create.ts";
import { sqliteDialect } from "../../../lib/dialects/sqlite/dialect.ts";
import { sqliteType } from "../../../lib/dialects/sqlite/types.ts";
import { BULK_INSERT_MAX_ROWS } from "../../../lib/dialects/ddl.ts";
import { runDdlCases } from "./run_ddl_cases.ts";

Deno.test("sqliteDialect.ddl renders every shared case", (t) => runDdlCases(t, sqliteDialect));

Deno.test("sqliteDialect.quoteIdentifier quotes only names that need it", () => {
  assertEquals(sqliteDialect.quoteIdentifier("account"), "account");
  assertEquals(sqliteDialect.quoteIdentifier("Account"), '"Account"');
  assertEquals(sqliteDialect.quoteIdentifier("table"), '"table"');
  assertEquals(sqliteDialect.quoteIdentifier('a"b'), '"a""b"');
  assertEquals(sqliteDialect.quoteIdentifier("two words"), '"two words"');
  assertEquals(sqliteDialect.quoteIdentifier("1st"), '"1st"');
  assertEquals(
    assertThrows(() => sqliteDialect.quoteIdentifier(""), TypeError).message,
    "Cannot quote identifier: the name is empty",
  );
});

Deno.test("sqliteDialect.quoteLiteral renders every SqlValue", () => {
  assertEquals(sqliteDialect.quoteLiteral("it's"), "'it''s'");
  assertEquals(sqliteDialect.quoteLiteral("a\\b"), "'a\\b'");
  assertEquals(sqliteDialect.quoteLiteral(42), "42");
  assertEquals(sqliteDialect.quoteLiteral(-0), "0");
  assertEquals(sqliteDialect.quoteLiteral(1e21), "1e+21");
  assertEquals(sqliteDialect.quoteLiteral(12345678901234567890n), "12345678901234567890");
  assertEquals(sqliteDialect.quoteLiteral(true), "1");
  assertEquals(sqliteDialect.quoteLiteral(false), "0");
  assertEquals(sqliteDialect.quoteLiteral(null), "NULL");
  assertEquals(
    sqliteDialect.quoteLiteral(new Date(Date.UTC(2024, 1, 29, 12, 0, 0, 0))),
    "'2024-02-29 12:00:00.000000'",
  );
  assertEquals(sqliteDialect.quoteLiteral(new Uint8Array([1, 171])), "X'01ab'");
  assertEquals(sqliteDialect.quoteLiteral(new Uint8Array([])), "X''");
});

Deno.test("sqliteDialect.quoteLiteral refuses non-finite numbers and invalid dates", () => {
  assertEquals(
    assertThrows(() => sqliteDialect.quoteLiteral(NaN), RangeError).message,
    "Cannot render NaN as an SQL literal: not a finite number",
  );
  assertEquals(
    assertThrows(() => sqliteDialect.quoteLiteral(-Infinity), RangeError).message,
    "Cannot render -Infinity as an SQL literal: not a finite number",
  );
  assertEquals(
    assertThrows(() => sqliteDialect.quoteLiteral(new Date(NaN)), RangeError).message,
    "Cannot render an invalid Date as an SQL literal",
  );
});

Deno.test("sqliteDialect.versionTable renders Alembic's statements", () => {
  const name = { table: "alembic_version" };
  const vt = sqliteDialect.versionTable;
  assertEquals(
    vt.create(name),
    "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
  );
  assertEquals(vt.select(name), "SELECT version_num FROM alembic_version");
  assertEquals(
    vt.insert(name, "1975ea83b712"),
    "INSERT INTO alembic_version (version_num) VALUES ('1975ea83b712')",
  );
  assertEquals(
    vt.update(name, "a", "b"),
    "UPDATE alembic_version SET version_num = 'b' WHERE version_num = 'a'",
  );
  assertEquals(vt.delete(name, "a"), "DELETE FROM alembic_version WHERE version_num = 'a'");
  assertEquals(vt.exists(name), {
    sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?",
    params: ["alembic_version"],
  });
  assertEquals(vt.exists({ table: "v", schema: "aux" }), {
    sql: "SELECT name FROM aux.sqlite_master WHERE type = 'table' AND name = ?",
    params: ["v"],
  });
  assertEquals(
    vt.create({ table: "My Versions", schema: "" }),
    'CREATE TABLE "My Versions" (version_num VARCHAR(32) NOT NULL, CONSTRAINT "My Versions_pkc" PRIMARY KEY (version_num))',
  );
});

Deno.test("sqliteDialect capabilities and offline statements", () => {
  assertEquals(sqliteDialect.name, "sqlite");
  assertEquals([sqliteDialect.capabilities.transactionalDdl, sqliteDialect.capabilities.ifExists], [
    true,
    true,
  ]);
  assertEquals(sqliteDialect.offline, { begin: "BEGIN", commit: "COMMIT" });
});

Deno.test("sqliteDialect.ddl refuses autoincrement that SQLite cannot do", () => {
  const composite = createTable("t", {
    a: { type: "integer", primaryKey: true, autoincrement: true },
    b: { type: "integer", primaryKey: true },
  });
  assertEquals(
    assertThrows(() => sqliteDialect.ddl(composite), UnsupportedOperationError).message,
    "Cannot render autoincrement on SQLite: only a single-column INTEGER PRIMARY KEY can autoincrement " +
      "(make the column the table's only primary key)",
  );
  const text = createTable("t", { a: { type: "text", primaryKey: true, autoincrement: true } });
  assertEquals(
    assertThrows(() => sqliteDialect.ddl(text), UnsupportedOperationError).message,
    'Cannot render autoincrement on SQLite for type "text": only INTEGER PRIMARY KEY can autoincrement (use type "integer")',
  );
  const big = createTable("t", { a: { type: "bigint", primaryKey: true, autoincrement: true } });
  assertEquals(
    sqliteDialect.ddl(big)[0].sql,
    "CREATE TABLE t (\n    a INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT\n)",
  );
});

Deno.test("sqliteDialect.ddl refuses UNIQUE and stored columns in ADD COLUMN with a batch hint", () => {
  const error = assertThrows(
    () => sqliteDialect.ddl(addColumn("t", "c", { type: "integer", unique: true })),
    UnsupportedOperationError,
  );
  assertEquals(
    error.message,
    'Cannot add UNIQUE column "c" to "t" with SQLite\'s ALTER TABLE ADD COLUMN: it needs a table rebuild (run it through the migrator (online or --sql), which rebuilds the table)',
  );
  assertEquals(error.hint, "run it through the migrator (online or --sql), which rebuilds the table");
  assertThrows(
    () => sqliteDialect.ddl(addColumn("t", "c", { type: "integer", computed: { sql: "1", stored: true } })),
    UnsupportedOperationError,
  );
  assertEquals(
    sqliteDialect.ddl(addColumn("t", "c", { type: "integer", computed: { sql: "a + 1" } }))[0].sql,
    "ALTER TABLE t ADD COLUMN c INTEGER GENERATED ALWAYS AS (a + 1)",
  );
});

Deno.test("sqliteDialect.ddl ignores column comments", () => {
  assertEquals(
    sqliteDialect.ddl(addColumn("t", "c", { type: "text", comment: "not stored" })).map((s) => s.sql),
    ["ALTER TABLE t ADD COLUMN c TEXT"],
  );
});

Deno.test("sqliteDialect.ddl wraps expression defaults unless they are simple", () => {
  const render = (sql: string) =>
    sqliteDialect.ddl(addColumn("t", "c", { type: "text", default: { sql } }))[0].sql;
  assertEquals(render("CURRENT_DATE"), "ALTER TABLE t ADD COLUMN c TEXT DEFAULT CURRENT_DATE");
  assertEquals(render("'x'"), "ALTER TABLE t ADD COLUMN c TEXT DEFAULT 'x'");
  assertEquals(render("-3.5e2"), "ALTER TABLE t ADD COLUMN c TEXT DEFAULT -3.5e2");
  assertEquals(render("(1 + 2)"), "ALTER TABLE t ADD COLUMN c TEXT DEFAULT (1 + 2)");
  assertEquals(render("(1) + (2)"), "ALTER TABLE t ADD COLUMN c TEXT DEFAULT ((1) + (2))");
  assertEquals(render("datetime('now')"), "ALTER TABLE t ADD COLUMN c TEXT DEFAULT (datetime('now'))");
});

Deno.test("sqliteDialect.ddl chunks bulkInsert at 500 rows", () => {
  const rows = Array.from({ length: BULK_INSERT_MAX_ROWS * 2 + 1 }, (_, i) => ({ id: i }));
  const statements = sqliteDialect.ddl(bulkInsert("t", rows));
  assertEquals(statements.length, 3);
  assertEquals(statements[0].sql.split("), (").length, 500);
  assertEquals(statements[2].sql, "INSERT INTO t (id) VALUES (1000)");
});

Deno.test("sqliteType maps portable names and passes others through", () => {
  assertEquals(sqliteType("VarChar( 30 )"), "VARCHAR(30)");
  assertEquals(sqliteType("numeric"), "NUMERIC");
  assertEquals(sqliteType("char"), "CHAR");
  assertEquals(sqliteType("varchar"), "varchar");
  assertEquals(sqliteType("integer(3, 4)"), "integer(3, 4)");
  assertEquals(sqliteType("decimal(10,2)"), "decimal(10,2)");
});
