/**
 * Offline parameter inlining: a statement's `?` placeholders replaced in order by quoted literals,
 * for `--sql` output, where nothing binds parameters.
 *
 * @module
 */
import { findPlaceholders, replaceAt } from "./_placeholders.ts";
import type { SqlLexerRules } from "./sql_lexer.ts";

/**
 * Replace the `?` placeholders of `sql`, in order, with `quoteLiteral(params[i])`. Only a `?` outside
 * string literals, quoted identifiers, comments and dollar quotes (by the dialect's `rules`) is a
 * placeholder, so `-- who?` or `'?'` stay as written.
 *
 * @param rules the dialect's lexical rules (`dialect.sqlLexer`)
 * @param sql the statement text
 * @param params the values, one per placeholder
 * @param quoteLiteral renders one value as an SQL literal (`dialect.quoteLiteral`)
 * @returns the statement with the literals in place
 * @throws {RangeError} when the statement has more or fewer placeholders than `params` has values
 *   (before any value is quoted), or whatever `quoteLiteral` throws
 * @example
 * ```ts
 * import { inlineParameters } from "./inline_parameters.ts";
 * import { POSTGRES_SQL_LEXER } from "./postgres/sql_lexer.ts";
 * inlineParameters(POSTGRES_SQL_LEXER, "UPDATE t SET a = ? -- who?\nWHERE b = ?", ["x", 7], (v) => `'${v}'`);
 * // "UPDATE t SET a = 'x' -- who?\nWHERE b = '7'"
 * ```
 */
export function inlineParameters<T>(
  rules: SqlLexerRules,
  sql: string,
  params: readonly T[],
  quoteLiteral: (value: T) => string,
): string {
  const at = findPlaceholders(sql, rules);
  if (at.length !== params.length) {
    throw new RangeError(
      `Cannot inline parameters: the statement has ${at.length} "?" placeholders but ${params.length} values were given`,
    );
  }
  return replaceAt(sql, at, (i) => quoteLiteral(params[i]));
}
