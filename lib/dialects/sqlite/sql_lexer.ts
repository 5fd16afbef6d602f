/**
 * SQLite's lexical rules, from its tokenizer (`src/tokenize.c`) and `sqlite3_complete()`
 * (`src/complete.c`): `'...'` strings with `''`, `"..."`, `` `...` `` and `[...]` identifiers
 * (`[...]` has no escape), `X'...'` blobs, `--` and `/* *\/` comments that do not nest; the `;`s of
 * a `CREATE [TEMP] TRIGGER ... BEGIN ... END` body stay inside the statement.
 *
 * @module
 */
import type { SqlLexerRules } from "../sql_lexer.ts";

/** SQLite's lexical rules (see the module docs). */
export const SQLITE_SQL_LEXER: SqlLexerRules = Object.freeze({
  quotes: Object.freeze([
    Object.freeze({ open: "'", close: "'", kind: "string", backslash: false, doubled: true }),
    Object.freeze({ open: '"', close: '"', kind: "identifier", backslash: false, doubled: true }),
    Object.freeze({ open: "`", close: "`", kind: "identifier", backslash: false, doubled: true }),
    Object.freeze({ open: "[", close: "]", kind: "identifier", backslash: false, doubled: false }),
  ]),
  escapeStrings: false,
  dollarQuotes: false,
  hashComments: false,
  dashCommentNeedsSpace: false,
  nestedComments: false,
  executableComments: false,
  stringPrefixes: "xX",
  delimiterCommand: false,
  parenthesesHoldDelimiter: false,
  bodyStatements: Object.freeze([
    Object.freeze(["CREATE", "TRIGGER"]),
    Object.freeze(["CREATE", "TEMP", "TRIGGER"]),
    Object.freeze(["CREATE", "TEMPORARY", "TRIGGER"]),
  ]),
}) satisfies SqlLexerRules;
