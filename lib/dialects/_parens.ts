/**
 * Private: outer parentheses of SQL text, for the DDL compiler (is a default simple enough to write
 * bare?) and the introspectors (servers wrap stored expressions in extra parentheses). Quoted text,
 * comments and dollar quotes are skipped by the one lexer (`sql_lexer.ts`) with the dialect's rules.
 *
 * @module
 */
import { POSTGRES_SQL_LEXER } from "./postgres/sql_lexer.ts";
import { findSqlChars, GENERIC_SQL_LEXER, type SqlLexerRules } from "./sql_lexer.ts";
import { SQLITE_SQL_LEXER } from "./sqlite/sql_lexer.ts";

/** The lexical rules to follow (kept under this name for the callers that pass the constants below). */
export type QuoteChars = SqlLexerRules;

/** `'...'`, `"..."` and `` `...` `` without backslash escapes: the union the DDL compiler skips. */
export const BACKTICK_QUOTES: SqlLexerRules = GENERIC_SQL_LEXER;

/** PostgreSQL's rules. */
export const STANDARD_QUOTES: SqlLexerRules = POSTGRES_SQL_LEXER;

/** SQLite's rules. */
export const SQLITE_QUOTES: SqlLexerRules = SQLITE_SQL_LEXER;

/**
 * Whether `s` starts with `(` and the parenthesis it opens closes at the last character, so the
 * whole text is one parenthesised group (`(a) + (b)` is not).
 *
 * @param s SQL text, already trimmed
 * @param rules the dialect's lexical rules
 * @returns true for `(...)` with balanced parentheses outside quotes and comments
 */
export function isWrapped(s: string, rules: SqlLexerRules): boolean {
  if (!s.startsWith("(") || !s.endsWith(")")) return false;
  let depth = 0;
  const last = s.length - 1;
  for (const i of findSqlChars(rules, s, "()")) {
    if (s.charCodeAt(i) === 40) depth++;
    else {
      depth--;
      if (depth === 0 && i !== last) return false;
    }
  }
  return depth === 0;
}

/**
 * SQL text without its surrounding white space and outer parentheses: `((a > 0))` -> `a > 0`.
 *
 * @param sql SQL text
 * @param rules the dialect's lexical rules (see {@link isWrapped})
 * @returns the text inside every wrapping pair, trimmed
 */
export function stripParens(sql: string, rules: SqlLexerRules): string {
  let s = sql.trim();
  while (isWrapped(s, rules)) s = s.slice(1, -1).trim();
  return s;
}

/**
 * The first parenthesised group of `sql` at or after `from`, outside quotes and comments.
 *
 * @param sql SQL text
 * @param rules the dialect's lexical rules
 * @param from where to start looking
 * @returns the offsets of `(` and of its matching `)` (the end of the text when unbalanced), or
 *   undefined when there is no `(`
 */
export function parenGroup(
  sql: string,
  rules: SqlLexerRules,
  from = 0,
): { readonly open: number; readonly close: number; readonly inner: string } | undefined {
  let depth = 0;
  let open = -1;
  for (const i of findSqlChars(rules, sql, "()")) {
    if (i < from) continue;
    if (sql.charCodeAt(i) === 40) {
      if (depth === 0) open = i;
      depth++;
    } else if (depth > 0) {
      depth--;
      if (depth === 0) return { open, close: i, inner: sql.slice(open + 1, i) };
    }
  }
  return open < 0 ? undefined : { open, close: sql.length, inner: sql.slice(open + 1) };
}
