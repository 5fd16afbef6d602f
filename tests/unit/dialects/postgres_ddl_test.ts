import { assertEquals } from "../../_assert.ts";
import { addColumn, bulkInsert, createTable, execute } from "../../../lib/operations/create.ts";
import { postgresDialect } from "../../../lib/dialects/postgres/dialect.ts";
import { postgresType } from "../../../lib/dialects/postgres/types.ts";
import { runDdlCases } from "./run_ddl_cases.ts";

Deno.test("postgresDialect.ddl renders every shared case", (t) => runDdlCases(t, postgresDialect));

Deno.test("postgresDialect.quoteIdentifier doubles double quotes and keeps case", () => {
  assertEquals(postgresDialect.quoteIdentifier("user"), '"user"');
  assertEquals(postgresDialect.quoteIdentifier("userName"), '"userName"');
  assertEquals(postgresDialect.quoteIdentifier('say "hi"'), '"say ""hi"""');
  assertEquals(postgresDialect.quoteIdentifier("a`b"), '"a`b"');
  assertEquals(postgresDialect.quoteIdentifier("snake_case_1"), "snake_case_1");
});

Deno.test("postgresDialect.quoteLiteral renders every SqlValue", () => {
  assertEquals(postgresDialect.quoteLiteral("it's"), "'it''s'");
  assertEquals(postgresDialect.quoteLiteral("C:\\dir\\'x'"), "E'C:\\\\dir\\\\''x'''");
  assertEquals(postgresDialect.quoteLiteral(0.1), "0.1");
  assertEquals(postgresDialect.quoteLiteral(-5n), "-5");
  assertEquals(postgresDialect.quoteLiteral(true), "true");
  assertEquals(postgresDialect.quoteLiteral(false), "false");
  assertEquals(postgresDialect.quoteLiteral(null), "NULL");
  assertEquals(
    postgresDialect.quoteLiteral(new Date(Date.UTC(2024, 1, 29, 12, 0, 0, 0))),
    "'2024-02-29 12:00:00.000+00:00'",
  );
  assertEquals(postgresDialect.quoteLiteral(new Uint8Array([1, 171])), "'\\x01ab'::bytea");
});

Deno.test("postgresDialect.versionTable renders Alembic's statements in a schema", () => {
  const vt = postgresDialect.versionTable;
  const name = { table: "alembic_version", schema: "Migrations" };
  assertEquals(
    vt.create(name),
    'CREATE TABLE "Migrations".alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))',
  );
  assertEquals(vt.select(name), 'SELECT version_num FROM "Migrations".alembic_version');
  assertEquals(vt.insert(name, "ab"), `INSERT INTO "Migrations".alembic_version (version_num) VALUES ('ab')`);
  assertEquals(
    vt.update(name, "ab", "cd"),
    `UPDATE "Migrations".alembic_version SET version_num = 'cd' WHERE version_num = 'ab'`,
  );
  assertEquals(vt.delete(name, "cd"), `DELETE FROM "Migrations".alembic_version WHERE version_num = 'cd'`);
  assertEquals(vt.exists(name), {
    sql: "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
    params: ["Migrations", "alembic_version"],
  });
  assertEquals(vt.exists({ table: "alembic_version" }), {
    sql:
      "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?",
    params: ["alembic_version"],
  });
});

Deno.test("postgresDialect capabilities and offline statements", () => {
  assertEquals(postgresDialect.name, "postgresql");
  assertEquals([postgresDialect.capabilities.transactionalDdl, postgresDialect.capabilities.ifExists], [
    true,
    true,
  ]);
  assertEquals(postgresDialect.offline, { begin: "BEGIN", commit: "COMMIT" });
});

Deno.test("postgresDialect.ddl renders comments as COMMENT ON COLUMN statements", () => {
  assertEquals(
    postgresDialect.ddl(createTable("t", { a: { type: "text", comment: "x" } }, { schema: "s" })).map((s) =>
      s.sql
    ),
    ["CREATE TABLE s.t (\n    a TEXT\n)", "COMMENT ON COLUMN s.t.a IS 'x'"],
  );
  assertEquals(
    postgresDialect.ddl(addColumn("t", "b", { type: "text", comment: "a\\b" })).map((s) => s.sql),
    ["ALTER TABLE t ADD COLUMN b TEXT", "COMMENT ON COLUMN t.b IS E'a\\\\b'"],
  );
});

Deno.test("postgresDialect.ddl renders a virtual column as asked", () => {
  assertEquals(
    postgresDialect.ddl(
      addColumn("t", "c", { type: "integer", computed: { sql: "a + 1", stored: false } }),
    )[0].sql,
    "ALTER TABLE t ADD COLUMN c INTEGER GENERATED ALWAYS AS (a + 1) VIRTUAL",
  );
});

Deno.test("postgresDialect.ddl keeps execute parameters", () => {
  const op = execute("SELECT ?", [new Date(0)]);
  assertEquals(postgresDialect.ddl(op), [{ sql: "SELECT ?", params: [new Date(0)], source: op }]);
  const bare = execute("SELECT 1");
  assertEquals(postgresDialect.ddl(bare), [{ sql: "SELECT 1", source: bare }]);
});

Deno.test("postgresDialect.ddl chunks a large bulkInsert by size", () => {
  const big = "x".repeat(300_000);
  const statements = postgresDialect.ddl(
    bulkInsert("t", [{ v: big }, { v: big }, { v: big }, { v: big }, { v: big }]),
  );
  assertEquals(statements.length, 2);
  assertEquals(statements[0].sql.length, "INSERT INTO t (v) VALUES ".length + 4 * 300_004 + 3 * 2);
});

Deno.test("postgresType maps portable names and passes others through", () => {
  assertEquals(postgresType("double"), "DOUBLE PRECISION");
  assertEquals(postgresType("TimestampTZ"), "TIMESTAMP WITH TIME ZONE");
  assertEquals(postgresType("binary"), "BYTEA");
  assertEquals(postgresType("jsonb"), "jsonb");
  assertEquals(postgresType("integer[]"), "integer[]");
});
