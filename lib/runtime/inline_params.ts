/**
 * Parameters written into offline SQL text.
 *
 * @module
 */
import type { Dialect } from "../dialects/dialect.ts";
import type { SqlValue } from "../operations/types.ts";

/**
 * Replace the `?` placeholders of one statement with escaped literals, for offline output; a
 * trailing `;` is removed (the caller writes its own).
 *
 * Known limit: only quotes (`'`, `"`, `` ` ``) are skipped, not comments or dollar quotes, so a `?`
 * inside `-- a comment?` takes a parameter; the dialect's SQL lexer is to replace this scan.
 *
 * @param dialect renders each value with `quoteLiteral`
 * @param sql the statement with `?` placeholders
 * @param params the values, in placeholder order; extra placeholders stay as they are
 * @returns the statement text without a final `;`
 */
export function inlineParams(dialect: Dialect, sql: string, params: readonly SqlValue[] | undefined): string {
  const text = sql.trimEnd().replace(/;$/, "");
  if (!params || params.length === 0) return text;
  let i = 0;
  let out = "";
  let quote: string | undefined;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = undefined;
      out += ch;
    } else if (ch === "'" || ch === '"' || ch === "`") {
      quote = ch;
      out += ch;
    } else if (ch === "?" && i < params.length) out += dialect.quoteLiteral(params[i++]);
    else out += ch;
  }
  return out;
}
