import { assertEquals, assertThrows } from "../../_assert.ts";
import { MYSQL_SQL_LEXER } from "../../../lib/dialects/mysql/sql_lexer.ts";
import { POSTGRES_SQL_LEXER } from "../../../lib/dialects/postgres/sql_lexer.ts";
import {
  findSqlChars,
  GENERIC_SQL_LEXER,
  hasSqlCode,
  type SqlLexerRules,
  tokenizeSql,
} from "../../../lib/dialects/sql_lexer.ts";
import { sqlLexerFor } from "../../../lib/dialects/sql_lexer_for.ts";
import { SQLITE_SQL_LEXER } from "../../../lib/dialects/sqlite/sql_lexer.ts";

const DIALECTS = { postgres: POSTGRES_SQL_LEXER, mysql: MYSQL_SQL_LEXER, sqlite: SQLITE_SQL_LEXER } as const;
type Name = keyof typeof DIALECTS;

/** Non-space tokens as `kind:text`, with a final `!` when unterminated. */
function tokens(rules: SqlLexerRules, text: string): string[] {
  return tokenizeSql(rules, text).filter((t) => t.kind !== "space").map((t) =>
    `${t.kind}:${text.slice(t.start, t.end)}${t.closed ? "" : "!"}`
  );
}

interface Case {
  readonly name: string;
  readonly text: string;
  /** Expected tokens per dialect; `all` applies to every dialect not listed. */
  readonly expect: Partial<Record<Name | "all", readonly string[]>>;
}

const CASES: readonly Case[] = [
  {
    name: "single quotes with doubled quotes",
    text: "'it''s' x",
    expect: { all: ["string:'it''s'", "word:x"] },
  },
  {
    name: "backslash escapes only in MySQL strings",
    text: "'a\\'b' x",
    expect: {
      mysql: ["string:'a\\'b'", "word:x"],
      // B'...' is a bit string on PostgreSQL.
      postgres: ["string:'a\\'", "string:b' x!"],
      sqlite: ["string:'a\\'", "word:b", "string:' x!"],
    },
  },
  {
    name: "PostgreSQL E strings take backslash escapes",
    text: "E'a\\'b' e'\\\\' x",
    expect: {
      postgres: ["string:E'a\\'b'", "string:e'\\\\'", "word:x"],
      mysql: ["word:E", "string:'a\\'b'", "word:e", "string:'\\\\'", "word:x"],
      sqlite: ["word:E", "string:'a\\'", "word:b", "string:' e'", "punct:\\", "punct:\\", "string:' x!"],
    },
  },
  {
    name: "an E ending a word is no string prefix",
    text: "some'a\\' x",
    expect: {
      postgres: ["word:some", "string:'a\\'", "word:x"],
      sqlite: ["word:some", "string:'a\\'", "word:x"],
      mysql: ["word:some", "string:'a\\' x!"],
    },
  },
  {
    name: "double-quoted identifiers, MySQL double-quoted strings",
    text: '"a""b" "c\\"d" x',
    expect: {
      mysql: ['string:"a""b"', 'string:"c\\"d"', "word:x"],
      all: ['identifier:"a""b"', 'identifier:"c\\"', "word:d", 'identifier:" x!'],
    },
  },
  {
    name: "backticks on MySQL and SQLite",
    text: "`a``b` x",
    expect: {
      postgres: ["punct:`", "word:a", "punct:`", "punct:`", "word:b", "punct:`", "word:x"],
      all: ["identifier:`a``b`", "word:x"],
    },
  },
  {
    name: "SQLite bracket identifiers",
    text: "[a b] x",
    expect: {
      sqlite: ["identifier:[a b]", "word:x"],
      all: ["punct:[", "word:a", "word:b", "punct:]", "word:x"],
    },
  },
  {
    name: "PostgreSQL dollar quotes, not $1 nor inside words",
    text: "$$a;'b$$ $t$ $$ $t$ $1 a$b$ x",
    expect: {
      postgres: ["dollar:$$a;'b$$", "dollar:$t$ $$ $t$", "punct:$", "number:1", "word:a$b$", "word:x"],
      all: [
        "punct:$",
        "punct:$",
        "word:a",
        "punct:;",
        "string:'b$$ $t$ $$ $t$ $1 a$b$ x!",
      ],
    },
  },
  {
    name: "-- line comments; MySQL wants a space after --",
    text: "a -- c\nb --d\ne",
    expect: {
      mysql: ["word:a", "comment:-- c", "word:b", "punct:-", "punct:-", "word:d", "word:e"],
      all: ["word:a", "comment:-- c", "word:b", "comment:--d", "word:e"],
    },
  },
  {
    name: "-- at the very end is a comment everywhere",
    text: "a --",
    expect: { all: ["word:a", "comment:--"] },
  },
  {
    name: "# comments on MySQL",
    text: "a # c\nb",
    expect: { mysql: ["word:a", "comment:# c", "word:b"], all: ["word:a", "punct:#", "word:c", "word:b"] },
  },
  {
    name: "block comments nest on PostgreSQL only",
    text: "/* a /* b */ c */ d",
    expect: {
      postgres: ["comment:/* a /* b */ c */", "word:d"],
      all: ["comment:/* a /* b */", "word:c", "punct:*", "punct:/", "word:d"],
    },
  },
  {
    name: "MySQL executable comments",
    text: "/*!40101 SET x */ /*+ HINT */ y",
    expect: {
      mysql: ["executableComment:/*!40101 SET x */", "executableComment:/*+ HINT */", "word:y"],
      all: ["comment:/*!40101 SET x */", "comment:/*+ HINT */", "word:y"],
    },
  },
  {
    name: "unterminated comments and quotes run to the end",
    text: "x /* a",
    expect: { all: ["word:x", "comment:/* a!"] },
  },
  {
    name: "numbers and blobs",
    text: "1.5e3 .5 0x1F 7. X'00'",
    expect: {
      all: ["number:1.5e3", "number:.5", "number:0x1F", "number:7.", "string:X'00'"],
    },
  },
];

for (const [name, rules] of Object.entries(DIALECTS) as [Name, SqlLexerRules][]) {
  Deno.test(`tokenizeSql with ${name} rules`, async (t) => {
    for (const c of CASES) {
      const expected = c.expect[name] ?? c.expect.all;
      if (!expected) continue;
      await t.step(c.name, () => {
        assertEquals(tokens(rules, c.text), [...expected]);
        const all = tokenizeSql(rules, c.text);
        assertEquals(all.map((tok) => c.text.slice(tok.start, tok.end)).join(""), c.text);
      });
    }
  });
}

Deno.test("findSqlChars finds characters outside quotes, comments and dollar quotes", () => {
  const text = "(a) '(' \"(\" -- (\n/* ( */ $$($$ (b)";
  assertEquals(findSqlChars(POSTGRES_SQL_LEXER, text, "()").map((i) => text[i]).join(""), "()()");
  assertEquals(findSqlChars(SQLITE_SQL_LEXER, "[?] ?", "?"), [4]);
  assertEquals(findSqlChars(MYSQL_SQL_LEXER, "# ?\n'\\'?' ?", "?"), [10]);
});

Deno.test("hasSqlCode is false only for white space and closed comments", () => {
  assertEquals(hasSqlCode(GENERIC_SQL_LEXER, "  -- x\n/* y */\n"), false);
  assertEquals(hasSqlCode(GENERIC_SQL_LEXER, "-- x\nSELECT 1"), true);
  assertEquals(hasSqlCode(GENERIC_SQL_LEXER, "/* open"), true);
  assertEquals(hasSqlCode(MYSQL_SQL_LEXER, "/*!40101 SET x */"), true);
  assertEquals(hasSqlCode(MYSQL_SQL_LEXER, "# only\n"), false);
  assertEquals(hasSqlCode(POSTGRES_SQL_LEXER, "/* a /* b */ c */"), false);
});

Deno.test("sqlLexerFor maps each dialect name to the rules in its folder", () => {
  assertEquals(sqlLexerFor("postgresql"), POSTGRES_SQL_LEXER);
  assertEquals(sqlLexerFor("mysql"), MYSQL_SQL_LEXER);
  assertEquals(sqlLexerFor("sqlite"), SQLITE_SQL_LEXER);
  assertThrows(() => sqlLexerFor("oracle" as "mysql"), RangeError, 'dialect "oracle"');
});
