import { assertEquals, assertThrows } from "../../_assert.ts";
import { isBlankSql, parseSqlSections } from "../../../lib/script/sql_sections.ts";
import { RevisionFileError } from "../../../lib/errors.ts";

const FILE = "/p/versions/abc_x.sql";

Deno.test("parseSqlSections splits up and down sections with their options", () => {
  const text = [
    "-- revision: abc",
    "-- down_revision:",
    "",
    "-- migrate:up transaction:false",
    "CREATE INDEX CONCURRENTLY ix ON t (a);",
    "",
    "-- migrate:down",
    "DROP INDEX ix;",
    "",
  ].join("\n");
  const s = parseSqlSections(FILE, text);
  assertEquals(s.up, { sql: "CREATE INDEX CONCURRENTLY ix ON t (a);", transactional: false, line: 4 });
  assertEquals(s.down, { sql: "DROP INDEX ix;", transactional: true, line: 7 });
});

Deno.test("parseSqlSections accepts down before up and a missing section", () => {
  const s = parseSqlSections(FILE, "-- migrate:down\nDROP TABLE a;\n-- migrate:up\nCREATE TABLE a (x int);");
  assertEquals(s.up.sql, "CREATE TABLE a (x int);");
  assertEquals(s.down.sql, "DROP TABLE a;");
  assertEquals(parseSqlSections(FILE, "-- migrate:up\nSELECT 1;").down, {
    sql: "",
    transactional: true,
    line: 0,
  });
});

Deno.test("parseSqlSections rejects a repeated marker naming file and line", () => {
  const e = assertThrows(
    () => parseSqlSections(FILE, "-- migrate:up\nA;\n-- migrate:up\nB;"),
    RevisionFileError,
  );
  assertEquals(e.message, `Cannot read ${FILE}:3: "-- migrate:up" appears twice (first at line 1)`);
  assertEquals(e.line, 3);
});

Deno.test("parseSqlSections rejects an unknown marker option", () => {
  const e = assertThrows(
    () => parseSqlSections(FILE, "-- migrate:up transaction:maybe\nA;"),
    RevisionFileError,
  );
  assertEquals(
    e.message,
    `Cannot read ${FILE}:1: unknown option "transaction:maybe" after "-- migrate:up" (expected "transaction:false")`,
  );
});

Deno.test("isBlankSql is true only for whitespace and comments", () => {
  assertEquals(isBlankSql("  -- nothing\n/* at all */\n"), true);
  assertEquals(isBlankSql("-- x\nSELECT 1;"), false);
});

Deno.test("parseSqlSections refuses a file without -- migrate:up, naming it", () => {
  const none = assertThrows(() => parseSqlSections(FILE, "CREATE TABLE a (x int);"), RevisionFileError);
  assertEquals(
    none.message,
    `Cannot read ${FILE}: a SQL revision needs a "-- migrate:up" line before its upgrade SQL; no "-- migrate:up" or "-- migrate:down" line was found`,
  );
  const downOnly = assertThrows(
    () => parseSqlSections(FILE, "-- x\n-- migrate:down\nDROP TABLE a;"),
    RevisionFileError,
  );
  assertEquals(downOnly.line, 2);
});
