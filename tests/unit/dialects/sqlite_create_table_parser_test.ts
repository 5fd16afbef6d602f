import { assertEquals, assertThrows } from "../../_assert.ts";
import {
  parseCreateIndex,
  parseCreateTable,
  tokenize,
} from "../../../lib/dialects/sqlite/_create_table_parser.ts";

Deno.test("parseCreateIndex reads column texts and the WHERE predicate outside quotes and comments", () => {
  assertEquals(
    parseCreateIndex(
      'CREATE UNIQUE INDEX "ix on (x)" ON t (a COLLATE nocase DESC, (lower(b)), "c,d" ASC) WHERE a > 0',
    ),
    // COLLATE is taken off the column text and reported apart (introspection makes it an option).
    { columns: ["a", "lower(b)", '"c,d"'], collations: ["nocase", undefined, undefined], where: "a > 0" },
  );
  assertEquals(parseCreateIndex("CREATE INDEX ix ON t (a)"), { columns: ["a"] });
  assertEquals(parseCreateIndex("not an index"), { columns: [] });
});

Deno.test("parseCreateTable reads SQLite quotes, blobs and comments through the lexer", () => {
  const parsed = parseCreateTable(
    "CREATE TABLE [t] (\n  [a b] BLOB DEFAULT x'00', -- a, comment (\n  `c` TEXT /* ) */ CHECK (c <> ')')\n) STRICT",
  );
  assertEquals(parsed.columns.map((c) => [c.name, c.type, c.clauses.map((k) => k.text)]), [
    ["a b", "BLOB", ["DEFAULT x'00'"]],
    ["c", "TEXT", ["CHECK (c <> ')')"]],
  ]);
  assertEquals(parsed.tail, " STRICT");
  assertEquals(tokenize("x'0a'")[0].kind, "blob");
  assertThrows(() => tokenize("'open"), SyntaxError, "unterminated ' quote");
  assertThrows(() => tokenize("/* open"), SyntaxError, "unterminated comment");
});

Deno.test("parseCreateTable reads every kind of column constraint, and names an unexpected word", () => {
  const parsed = parseCreateTable(`CREATE TABLE t (
  id INTEGER CONSTRAINT pk PRIMARY KEY DESC ON CONFLICT ABORT AUTOINCREMENT,
  a VARCHAR(10) NOT NULL ON CONFLICT IGNORE NULL UNIQUE COLLATE nocase DEFAULT -1,
  b INT DEFAULT (1 + 2) CHECK (b > 0) REFERENCES p (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  c INT GENERATED ALWAYS AS (b * 2) STORED,
  d AS (b + 1),
  e DEFAULT 'x' REFERENCES p MATCH FULL NOT DEFERRABLE
)`);
  assertEquals(
    parsed.columns.map((c) => [c.name, c.type, c.clauses.map((k) => [k.kind, k.text, k.name ?? null])]),
    [
      ["id", "INTEGER", [[
        "primary",
        "CONSTRAINT pk PRIMARY KEY DESC ON CONFLICT ABORT AUTOINCREMENT",
        "pk",
      ]]],
      ["a", "VARCHAR(10)", [
        ["notnull", "NOT NULL ON CONFLICT IGNORE", null],
        ["null", "NULL", null],
        ["unique", "UNIQUE", null],
        ["collate", "COLLATE nocase", null],
        ["default", "DEFAULT -1", null],
      ]],
      ["b", "INT", [
        ["default", "DEFAULT (1 + 2)", null],
        ["check", "CHECK (b > 0)", null],
        ["references", "REFERENCES p (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED", null],
      ]],
      ["c", "INT", [["generated", "GENERATED ALWAYS AS (b * 2) STORED", null]]],
      ["d", "", [["generated", "AS (b + 1)", null]]],
      ["e", "", [["default", "DEFAULT 'x'", null], [
        "references",
        "REFERENCES p MATCH FULL NOT DEFERRABLE",
        null,
      ]]],
    ],
  );
  assertThrows(
    () => parseCreateTable("CREATE TABLE t (a INT NOT NULL FOO)"),
    SyntaxError,
    'Cannot parse column "a": unexpected "FOO"',
  );
});
