/**
 * MySQL's and MariaDB's lexical rules with the default `sql_mode` (no `ANSI_QUOTES`, no
 * `NO_BACKSLASH_ESCAPES`), as the `mysql` client reads them (`client/mysql.cc`, and the manual's
 * "Comments" and "String Literals" pages): `'...'` and `"..."` strings with backslash escapes and
 * doubled quotes, `` `...` `` identifiers, `#` comments, `--` comments only when a space or control
 * character follows, `/* *\/` comments that do not nest, `/*! ... *\/` and `/*+ ... *\/` comments that
 * hold code, and the client's `DELIMITER` lines.
 *
 * @module
 */
import type { SqlLexerRules } from "../sql_lexer.ts";

/** MySQL's lexical rules (see the module docs). */
export const MYSQL_SQL_LEXER: SqlLexerRules = Object.freeze({
  quotes: Object.freeze([
    Object.freeze({ open: "'", close: "'", kind: "string", backslash: true, doubled: true }),
    Object.freeze({ open: '"', close: '"', kind: "string", backslash: true, doubled: true }),
    Object.freeze({ open: "`", close: "`", kind: "identifier", backslash: false, doubled: true }),
  ]),
  escapeStrings: false,
  dollarQuotes: false,
  hashComments: true,
  dashCommentNeedsSpace: true,
  nestedComments: false,
  executableComments: true,
  stringPrefixes: "bBxXnN",
  delimiterCommand: true,
  parenthesesHoldDelimiter: false,
  bodyStatements: Object.freeze([]),
}) satisfies SqlLexerRules;
