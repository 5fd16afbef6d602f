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
import { defineSqlLexer } from "../define_sql_lexer.ts";
import type { SqlLexerRules } from "../sql_lexer.ts";

/** MySQL's lexical rules (see the module docs). */
export const MYSQL_SQL_LEXER: SqlLexerRules = defineSqlLexer({
  quotes: [
    { open: "'", close: "'", kind: "string", backslash: true, doubled: true },
    { open: '"', close: '"', kind: "string", backslash: true, doubled: true },
    { open: "`", close: "`", kind: "identifier", backslash: false, doubled: true },
  ],
  hashComments: true,
  dashCommentNeedsSpace: true,
  executableComments: true,
  stringPrefixes: "bBxXnN",
  delimiterCommand: true,
});
