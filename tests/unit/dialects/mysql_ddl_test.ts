import { assertEquals, assertThrows } from "../../_assert.ts";
import { UnsupportedOperationError } from "../../../lib/errors.ts";
import {
  addColumn,
  alterColumn,
  bulkInsert,
  createTable,
  dropIndex,
} from "../../../lib/operations/create.ts";
import { createMysqlDialect, mysqlDialect } from "../../../lib/dialects/mysql/dialect.ts";
import { mysqlType } from "../../../lib/dialects/mysql/types.ts";
import { runDdlCases } from "./run_ddl_cases.ts";

Deno.test("mysqlDialect.ddl renders every shared case", (t) => runDdlCases(t, mysqlDialect));

Deno.test("mysqlDialect.quoteIdentifier doubles backticks", () => {
  assertEquals(mysqlDialect.quoteIdentifier("a`b"), "`a``b`");
  assertEquals(mysqlDialect.quoteIdentifier('a"b'), '`a"b`');
  assertEquals(mysqlDialect.quoteIdentifier("key"), "`key`");
  assertEquals(mysqlDialect.quoteIdentifier("plain"), "plain");
});

Deno.test("mysqlDialect.quoteLiteral escapes backslashes and renders every SqlValue", () => {
  assertEquals(mysqlDialect.quoteLiteral("it's a \\n"), "'it''s a \\\\n'");
  assertEquals(mysqlDialect.quoteLiteral("nul\0"), "'nul\\0'");
  assertEquals(mysqlDialect.quoteLiteral(3), "3");
  assertEquals(mysqlDialect.quoteLiteral(3n), "3");
  assertEquals(mysqlDialect.quoteLiteral(true), "TRUE");
  assertEquals(mysqlDialect.quoteLiteral(false), "FALSE");
  assertEquals(mysqlDialect.quoteLiteral(null), "NULL");
  assertEquals(
    mysqlDialect.quoteLiteral(new Date(Date.UTC(2024, 1, 29, 12, 0, 0, 0))),
    "'2024-02-29 12:00:00.000'",
  );
  assertEquals(mysqlDialect.quoteLiteral(new Uint8Array([255])), "X'ff'");
  assertThrows(() => mysqlDialect.quoteLiteral(Infinity), RangeError);
});

Deno.test("createMysqlDialect with noBackslashEscapes leaves backslashes alone", () => {
  const dialect = createMysqlDialect({ noBackslashEscapes: true });
  assertEquals(dialect.quoteLiteral("a\\b'c"), "'a\\b''c'");
  assertEquals(dialect.ddl(bulkInsert("t", [{ p: "C:\\x" }]))[0].sql, "INSERT INTO t (p) VALUES ('C:\\x')");
});

Deno.test("mysqlDialect.versionTable renders Alembic's statements", () => {
  const vt = mysqlDialect.versionTable;
  assertEquals(
    vt.create({ table: "alembic_version", schema: "app" }),
    "CREATE TABLE app.alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
  );
  assertEquals(vt.select({ table: "version" }), "SELECT version_num FROM version");
  assertEquals(vt.insert({ table: "v" }, "a\\b"), "INSERT INTO v (version_num) VALUES ('a\\\\b')");
  assertEquals(vt.exists({ table: "alembic_version" }), {
    sql:
      "SELECT table_name FROM information_schema.tables WHERE table_schema = database() AND table_name = ?",
    params: ["alembic_version"],
  });
  assertEquals(vt.exists({ table: "alembic_version", schema: "app" }), {
    sql: "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
    params: ["app", "alembic_version"],
  });
});

Deno.test("mysqlDialect capabilities and offline statements", () => {
  assertEquals(mysqlDialect.name, "mysql");
  assertEquals([mysqlDialect.capabilities.transactionalDdl, mysqlDialect.capabilities.ifExists], [
    false,
    true,
  ]);
  assertEquals(mysqlDialect.offline, { begin: "", commit: "" });
});

Deno.test("mysqlDialect.ddl refuses dropIndex without a table and names the way out", () => {
  const error = assertThrows(() => mysqlDialect.ddl(dropIndex("ix_a")), UnsupportedOperationError);
  assertEquals(
    error.message,
    'Cannot drop index "ix_a" on MySQL without its table (pass the table: op.dropIndex("ix_a", { table: "..." }))',
  );
  assertEquals(error.hint, 'pass the table: op.dropIndex("ix_a", { table: "..." })');
  assertEquals(error.dialect, "mysql");
  assertEquals(error.kind, "dropIndex");
});

Deno.test("mysqlDialect.ddl wraps expression defaults except the CURRENT_TIMESTAMP family", () => {
  const render = (sql: string) =>
    mysqlDialect.ddl(addColumn("t", "c", { type: "datetime", default: { sql } }))[0].sql;
  assertEquals(
    render("CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP"),
    "ALTER TABLE t ADD COLUMN c datetime DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP",
  );
  assertEquals(render("now()"), "ALTER TABLE t ADD COLUMN c datetime DEFAULT now()");
  assertEquals(render("uuid()"), "ALTER TABLE t ADD COLUMN c datetime DEFAULT (uuid())");
});

Deno.test("mysqlType maps portable names and passes others through", () => {
  assertEquals(mysqlType("boolean"), "BOOL");
  assertEquals(mysqlType("real"), "FLOAT");
  assertEquals(mysqlType("timestamptz"), "DATETIME");
  assertEquals(mysqlType("uuid"), "CHAR(36)");
  assertEquals(mysqlType("tinyint(1)"), "tinyint(1)");
});

Deno.test("mysqlDialect.ddl refuses an offline alterColumn that would drop what it does not restate", () => {
  const error = assertThrows(
    () => mysqlDialect.ddl(alterColumn("t", "c", { type: "varchar(20)" })),
    UnsupportedOperationError,
  );
  assertEquals(
    error.message.startsWith(
      'Cannot alter column "t.c" on MySQL without its current definition: MODIFY restates the whole column',
    ),
    true,
  );
  assertEquals(
    mysqlDialect.ddl(alterColumn("t", "c", {
      type: "varchar(20)",
      existing: {
        type: "varchar(10)",
        nullable: false,
        default: "x",
        charset: "latin1",
        collation: "latin1_bin",
        comment: "k",
      },
    }))[0].sql,
    "ALTER TABLE t MODIFY c VARCHAR(20) DEFAULT 'x' NOT NULL COMMENT 'k'",
  );
  assertEquals(
    mysqlDialect.ddl(alterColumn("t", "ts", {
      nullable: false,
      existing: {
        type: "timestamp(0)",
        onUpdate: "CURRENT_TIMESTAMP",
        charset: "latin1",
        collation: "latin1_bin",
      },
    }))[0].sql,
    "ALTER TABLE t MODIFY ts timestamp(0) CHARACTER SET latin1 COLLATE latin1_bin ON UPDATE CURRENT_TIMESTAMP NOT NULL",
  );
});

Deno.test("mysqlDialect.ddl renders table options, partitions, charset, collation and ON UPDATE", () => {
  const sql = mysqlDialect.ddl(createTable("t", {
    id: { type: "integer" },
    s: { type: "varchar(5)", charset: "latin1", collation: "latin1_bin" },
    u: { type: "timestamp(0)", default: { sql: "CURRENT_TIMESTAMP" }, onUpdate: "CURRENT_TIMESTAMP" },
  }, {
    mysql: {
      engine: "InnoDB",
      charset: "utf8mb4",
      collate: "utf8mb4_bin",
      rowFormat: "DYNAMIC",
    },
    partitionBy: "HASH(id) PARTITIONS 2",
  }))[0].sql;
  assertEquals(
    sql,
    "CREATE TABLE t (\n    id INTEGER,\n    s VARCHAR(5) CHARACTER SET latin1 COLLATE latin1_bin,\n" +
      "    u timestamp(0) DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP\n)" +
      " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC PARTITION BY HASH(id) PARTITIONS 2",
  );
});
