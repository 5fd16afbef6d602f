/**
 * Private: outer parentheses of SQL text, for the DDL compiler (is a default simple enough to write
 * bare?) and the introspectors (servers wrap stored expressions in extra parentheses). Quoted text
 * is skipped, with each database's own quote characters.
 *
 * @module
 */

/** Quote characters: each opening character mapped to the character that closes it. */
export type QuoteChars = Readonly<Record<string, string>>;

/** `'...'`, `"..."` and `` `...` ``: MySQL's quotes, and the union the DDL compiler skips. */
export const BACKTICK_QUOTES: QuoteChars = { "'": "'", '"': '"', "`": "`" };

/** `'...'` and `"..."`: PostgreSQL's quotes. */
export const STANDARD_QUOTES: QuoteChars = { "'": "'", '"': '"' };

/** `'...'`, `"..."`, `` `...` `` and `[...]`: SQLite's quotes. */
export const SQLITE_QUOTES: QuoteChars = { "'": "'", '"': '"', "`": "`", "[": "]" };

/**
 * Whether `s` starts with `(` and the parenthesis it opens closes at the last character, so the
 * whole text is one parenthesised group (`(a) + (b)` is not). A doubled quote inside a quoted run
 * reads as the run closing and opening again, which skips the same characters.
 *
 * @param s SQL text, already trimmed
 * @param quotes the quote characters to skip
 * @returns true for `(...)` with balanced parentheses outside quotes
 */
export function isWrapped(s: string, quotes: QuoteChars): boolean {
  if (!s.startsWith("(") || !s.endsWith(")")) return false;
  let depth = 0;
  let close = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (close) {
      if (ch === close) close = "";
      continue;
    }
    if (Object.hasOwn(quotes, ch)) close = quotes[ch];
    else if (ch === "(") depth++;
    else if (ch === ")") {
      depth--;
      if (depth === 0 && i !== s.length - 1) return false;
    }
  }
  return depth === 0;
}

/**
 * SQL text without its surrounding white space and outer parentheses: `((a > 0))` -> `a > 0`.
 *
 * @param sql SQL text
 * @param quotes the quote characters to skip (see {@link isWrapped})
 * @returns the text inside every wrapping pair, trimmed
 */
export function stripParens(sql: string, quotes: QuoteChars): string {
  let s = sql.trim();
  while (isWrapped(s, quotes)) s = s.slice(1, -1).trim();
  return s;
}
