/**
 * Parameters written into offline SQL text.
 *
 * @module
 */
import type { Dialect } from "../dialects/dialect.ts";
import { inlineParameters } from "../dialects/inline_parameters.ts";
import type { SqlValue } from "../operations/types.ts";

/**
 * Replace the `?` placeholders of one statement with escaped literals, for offline output; a
 * trailing `;` is removed (the caller writes its own). Placeholders are found by the dialect's SQL
 * lexer, so a `?` inside a string, a quoted identifier, a comment or a dollar quote stays as written.
 * A statement without parameters is returned as it is, so an operator such as PostgreSQL's jsonb `?`
 * in plain SQL is never taken for a placeholder.
 *
 * @param dialect its `sqlLexer` finds the placeholders; `quoteLiteral` renders each value
 * @param sql the statement with `?` placeholders
 * @param params the values, in placeholder order
 * @returns the statement text without a final `;`
 * @throws {RangeError} when the statement has more or fewer placeholders than `params` has values
 */
export function inlineParams(dialect: Dialect, sql: string, params: readonly SqlValue[] | undefined): string {
  const text = sql.trimEnd().replace(/;$/, "");
  if (!params || params.length === 0) return text;
  return inlineParameters(dialect.sqlLexer, text, params, (v) => dialect.quoteLiteral(v));
}
