import { assertEquals, assertThrows } from "../../_assert.ts";
import { inlineParameters } from "../../../lib/dialects/inline_parameters.ts";
import { MYSQL_SQL_LEXER } from "../../../lib/dialects/mysql/sql_lexer.ts";
import { POSTGRES_SQL_LEXER } from "../../../lib/dialects/postgres/sql_lexer.ts";
import type { SqlLexerRules } from "../../../lib/dialects/sql_lexer.ts";
import { SQLITE_SQL_LEXER } from "../../../lib/dialects/sqlite/sql_lexer.ts";

const literal = (v: string | number) => typeof v === "number" ? String(v) : `'${v.replaceAll("'", "''")}'`;

interface Case {
  readonly name: string;
  readonly sql: string;
  readonly params: readonly (string | number)[];
  readonly expect: string;
}

const COMMON: readonly Case[] = [
  {
    name: "a ? in a line comment is no placeholder",
    sql: "UPDATE t SET a = ? -- who?\n WHERE b = ?",
    params: ["x", 7],
    expect: "UPDATE t SET a = 'x' -- who?\n WHERE b = 7",
  },
  {
    name: "a ? in a block comment is no placeholder",
    sql: "SELECT /* ? */ ?",
    params: [1],
    expect: "SELECT /* ? */ 1",
  },
  {
    name: "a ? in a single-quoted string is no placeholder",
    sql: "SELECT '?', 'it''s ?', ?",
    params: ["y"],
    expect: "SELECT '?', 'it''s ?', 'y'",
  },
  {
    name: "a value holding ? is not read again",
    sql: "SELECT ?, ?",
    params: ["?", 2],
    expect: "SELECT '?', 2",
  },
];

const CASES: Readonly<Record<string, { rules: SqlLexerRules; cases: readonly Case[] }>> = {
  postgres: {
    rules: POSTGRES_SQL_LEXER,
    cases: [
      ...COMMON,
      {
        name: "double-quoted identifiers",
        sql: 'SELECT "a?" FROM t WHERE x = ?',
        params: [1],
        expect: 'SELECT "a?" FROM t WHERE x = 1',
      },
      {
        name: "nested block comments",
        sql: "SELECT /* a /* ? */ ? */ ?",
        params: [1],
        expect: "SELECT /* a /* ? */ ? */ 1",
      },
      {
        name: "dollar quotes",
        sql: "DO $$ BEGIN PERFORM '?'; END $$; SELECT $f$ ? $f$, ?",
        params: [2],
        expect: "DO $$ BEGIN PERFORM '?'; END $$; SELECT $f$ ? $f$, 2",
      },
      {
        name: "E strings with backslash-escaped quotes",
        sql: "SELECT E'\\' ?', ?",
        params: [3],
        expect: "SELECT E'\\' ?', 3",
      },
    ],
  },
  mysql: {
    rules: MYSQL_SQL_LEXER,
    cases: [
      ...COMMON,
      {
        name: "backticks",
        sql: "SELECT `a?` FROM t WHERE x = ?",
        params: [1],
        expect: "SELECT `a?` FROM t WHERE x = 1",
      },
      {
        name: "backslash escapes in both string quotes",
        sql: "SELECT '\\' ?', \"\\\" ?\", ?",
        params: [4],
        expect: "SELECT '\\' ?', \"\\\" ?\", 4",
      },
      {
        name: "# comments, and -- without a space is no comment",
        sql: "SELECT 1 --?\n# ?\n, ?",
        params: [5, 6],
        expect: "SELECT 1 --5\n# ?\n, 6",
      },
      {
        name: "block comments do not nest",
        sql: "SELECT /* /* ? */ ?",
        params: [7],
        expect: "SELECT /* /* ? */ 7",
      },
    ],
  },
  sqlite: {
    rules: SQLITE_SQL_LEXER,
    cases: [
      ...COMMON,
      {
        name: "double-quoted, backticked and bracketed identifiers",
        sql: 'SELECT "?", `?`, [?] FROM t WHERE x = ?',
        params: [1],
        expect: 'SELECT "?", `?`, [?] FROM t WHERE x = 1',
      },
    ],
  },
};

for (const [dialect, { rules, cases }] of Object.entries(CASES)) {
  Deno.test(`inlineParameters with ${dialect} rules`, async (t) => {
    for (const c of cases) {
      await t.step(c.name, () => assertEquals(inlineParameters(rules, c.sql, c.params, literal), c.expect));
    }
    await t.step("too few values is a RangeError naming both counts", () => {
      assertThrows(
        () => inlineParameters(rules, "SELECT ?, ? -- ?", [1], literal),
        RangeError,
        'Cannot inline parameters: the statement has 2 "?" placeholders but 1 values were given',
      );
    });
    await t.step("too many values is a RangeError naming both counts", () => {
      assertThrows(
        () => inlineParameters(rules, "SELECT '?'", [1], literal),
        RangeError,
        'the statement has 0 "?" placeholders but 1 values were given',
      );
    });
    await t.step("no quoting happens before the count is checked", () => {
      const quoted: unknown[] = [];
      assertThrows(() =>
        inlineParameters(rules, "SELECT ?", [1, 2], (v) => {
          quoted.push(v);
          return "x";
        }), RangeError);
      assertEquals(quoted, []);
    });
  });
}
