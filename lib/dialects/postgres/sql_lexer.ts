/**
 * PostgreSQL's lexical rules, from `psql`'s lexer (`src/fe_utils/psqlscan.l`) with
 * `standard_conforming_strings` on (the default since 9.1): `'...'` with `''` only, `E'...'` with
 * backslash escapes, `"..."` identifiers, `$tag$...$tag$` bodies, `--` and nested `/* *\/` comments;
 * a `;` ends a statement only outside parentheses and outside the `BEGIN ... END` body of a
 * `CREATE [OR REPLACE] FUNCTION|PROCEDURE` (SQL-standard function bodies).
 *
 * @module
 */
import type { SqlLexerRules } from "../sql_lexer.ts";

/** PostgreSQL's lexical rules (see the module docs). */
export const POSTGRES_SQL_LEXER: SqlLexerRules = Object.freeze({
  quotes: Object.freeze([
    Object.freeze({ open: "'", close: "'", kind: "string", backslash: false, doubled: true }),
    Object.freeze({ open: '"', close: '"', kind: "identifier", backslash: false, doubled: true }),
  ]),
  escapeStrings: true,
  dollarQuotes: true,
  hashComments: false,
  dashCommentNeedsSpace: false,
  nestedComments: true,
  executableComments: false,
  stringPrefixes: "eEbBxXnN",
  delimiterCommand: false,
  parenthesesHoldDelimiter: true,
  bodyStatements: Object.freeze([
    Object.freeze(["CREATE", "FUNCTION"]),
    Object.freeze(["CREATE", "PROCEDURE"]),
    Object.freeze(["CREATE", "OR", "REPLACE", "FUNCTION"]),
    Object.freeze(["CREATE", "OR", "REPLACE", "PROCEDURE"]),
  ]),
}) satisfies SqlLexerRules;
