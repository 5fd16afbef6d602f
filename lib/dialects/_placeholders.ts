/**
 * Finds the `?` placeholders of a statement that are real placeholders, i.e. outside string
 * literals, quoted identifiers, comments and dollar quotes, by the dialect's lexical rules (the one
 * lexer, `sql_lexer.ts`), and replaces them: the PostgreSQL driver renumbers them to `$1..$n`; the
 * MySQL driver writes escaped literals.
 *
 * @module
 */
import { MYSQL_SQL_LEXER } from "./mysql/sql_lexer.ts";
import { POSTGRES_SQL_LEXER } from "./postgres/sql_lexer.ts";
import { findSqlChars, type SqlLexerRules } from "./sql_lexer.ts";

/** Lexical rules to follow: PostgreSQL's or MySQL/MariaDB's (default `sql_mode`), by name or as rules. */
export type PlaceholderSyntax = "postgres" | "mysql" | SqlLexerRules;

const BY_NAME: Readonly<Record<"postgres" | "mysql", SqlLexerRules>> = Object.freeze({
  postgres: POSTGRES_SQL_LEXER,
  mysql: MYSQL_SQL_LEXER,
});

/**
 * The statement with each placeholder (see {@link findPlaceholders}) replaced, in order.
 *
 * @param sql the statement text
 * @param syntax whose lexical rules apply
 * @param count how many values are bound
 * @param replacement the text for the placeholder at 0-based position `index`
 * @returns the statement with the replacements in place
 * @throws {RangeError} when the number of placeholders differs from `count` (before any replacement
 *   is asked for), or whatever `replacement` throws
 */
export function replacePlaceholders(
  sql: string,
  syntax: PlaceholderSyntax,
  count: number,
  replacement: (index: number) => string,
): string {
  const at = findPlaceholders(sql, syntax);
  if (at.length !== count) {
    throw new RangeError(
      `Cannot bind parameters: the statement has ${at.length} "?" placeholders but ${count} values were given`,
    );
  }
  return replaceAt(sql, at, replacement);
}

/**
 * `sql` with the one-character placeholder at each offset replaced.
 *
 * @param sql the statement text
 * @param offsets ascending offsets of `?` characters
 * @param replacement the text for the placeholder at 0-based position `index`
 * @returns the new text
 */
export function replaceAt(
  sql: string,
  offsets: readonly number[],
  replacement: (index: number) => string,
): string {
  let out = "";
  let from = 0;
  offsets.forEach((offset, i) => {
    out += sql.slice(from, offset) + replacement(i);
    from = offset + 1;
  });
  return out + sql.slice(from);
}

/**
 * Offsets of the `?` characters in `sql` that are placeholders.
 *
 * PostgreSQL rules: `'...'` with `''`, `E'...'` with backslash escapes, `"..."` identifiers,
 * `$tag$...$tag$` dollar quoting, `--` line comments and nested `/* *\/` comments.
 * MySQL rules: `'...'` and `"..."` with backslash and doubled-quote escapes, `` `...` `` identifiers,
 * `#` and `-- ` line comments, and `/* *\/` comments (not nested).
 * An unterminated quote or comment runs to the end of the text (the server reports the error).
 *
 * @param sql the statement text
 * @param syntax whose lexical rules apply
 * @returns 0-based offsets, ascending
 */
export function findPlaceholders(sql: string, syntax: PlaceholderSyntax): number[] {
  return findSqlChars(typeof syntax === "string" ? BY_NAME[syntax] : syntax, sql, "?");
}
