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
