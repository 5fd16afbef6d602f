/**
 * PostgreSQL's lexical rules, from `psql`'s lexer (`src/fe_utils/psqlscan.l`) with
 * `standard_conforming_strings` on (the default since 9.1): `'...'` with `''` only, `E'...'` with
 * backslash escapes, `"..."` identifiers, `$tag$...$tag$` bodies, `--` and nested `/* *\/` comments;
 * a `;` ends a statement only outside parentheses and outside the `BEGIN ... END` body of a
 * `CREATE [OR REPLACE] FUNCTION|PROCEDURE` (SQL-standard function bodies).
 *
 * @module
 */
import { defineSqlLexer } from "../define_sql_lexer.ts";
import type { SqlLexerRules } from "../sql_lexer.ts";

/** PostgreSQL's lexical rules (see the module docs). */
export const POSTGRES_SQL_LEXER: SqlLexerRules = defineSqlLexer({
  quotes: [
    { open: "'", close: "'", kind: "string", backslash: false, doubled: true },
    { open: '"', close: '"', kind: "identifier", backslash: false, doubled: true },
  ],
  escapeStrings: true,
  dollarQuotes: true,
  nestedComments: true,
  stringPrefixes: "eEbBxXnN",
  parenthesesHoldDelimiter: true,
  bodyStatements: [
    ["CREATE", "FUNCTION"],
    ["CREATE", "PROCEDURE"],
    ["CREATE", "OR", "REPLACE", "FUNCTION"],
    ["CREATE", "OR", "REPLACE", "PROCEDURE"],
  ],
});
