/**
 * SQLite's lexical rules, from its tokenizer (`src/tokenize.c`) and `sqlite3_complete()`
 * (`src/complete.c`): `'...'` strings with `''`, `"..."`, `` `...` `` and `[...]` identifiers
 * (`[...]` has no escape), `X'...'` blobs, `--` and `/* *\/` comments that do not nest; the `;`s of
 * a `CREATE [TEMP] TRIGGER ... BEGIN ... END` body stay inside the statement.
 *
 * @module
 */
import { defineSqlLexer } from "../define_sql_lexer.ts";
import type { SqlLexerRules } from "../sql_lexer.ts";

/** SQLite's lexical rules (see the module docs). */
export const SQLITE_SQL_LEXER: SqlLexerRules = defineSqlLexer({
  quotes: [
    { open: "'", close: "'", kind: "string", backslash: false, doubled: true },
    { open: '"', close: '"', kind: "identifier", backslash: false, doubled: true },
    { open: "`", close: "`", kind: "identifier", backslash: false, doubled: true },
    { open: "[", close: "]", kind: "identifier", backslash: false, doubled: false },
  ],
  stringPrefixes: "xX",
  bodyStatements: [
    ["CREATE", "TRIGGER"],
    ["CREATE", "TEMP", "TRIGGER"],
    ["CREATE", "TEMPORARY", "TRIGGER"],
  ],
});
