/**
 * How a dialect declares its lexical rules: its quotes, and only the rules it turns on. Every rule
 * left out is as in {@link GENERIC_SQL_LEXER} (all off), so a dialect's `sql_lexer.ts` reads as the
 * list of what that database does beyond plain SQL.
 *
 * @module
 */
import { GENERIC_SQL_LEXER, type SqlLexerRules } from "./sql_lexer.ts";

/** A dialect's rules as written: `quotes` always, every other rule only where it is on. */
export type SqlLexerDefinition = Pick<SqlLexerRules, "quotes"> & Partial<SqlLexerRules>;

/**
 * Complete and freeze a dialect's lexical rules.
 *
 * @param definition the dialect's quotes and the rules it turns on
 * @returns the rules, deeply frozen, with every rule not given taken from {@link GENERIC_SQL_LEXER}
 * @example
 * ```ts
 * import { defineSqlLexer } from "./define_sql_lexer.ts";
 * const rules = defineSqlLexer({
 *   quotes: [{ open: "'", close: "'", kind: "string", backslash: false, doubled: true }],
 *   hashComments: true,
 * });
 * rules.nestedComments; // false
 * ```
 */
export function defineSqlLexer(definition: SqlLexerDefinition): SqlLexerRules {
  const bodyStatements = definition.bodyStatements ?? GENERIC_SQL_LEXER.bodyStatements;
  return Object.freeze({
    ...GENERIC_SQL_LEXER,
    ...definition,
    quotes: Object.freeze(definition.quotes.map((quote) => Object.freeze({ ...quote }))),
    bodyStatements: Object.freeze(bodyStatements.map((words) => Object.freeze([...words]))),
  });
}
