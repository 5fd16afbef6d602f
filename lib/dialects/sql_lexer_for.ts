/**
 * The lexical rules of a dialect named by string, for callers that hold only the name (the runner
 * passes `conn.dialect.name`). A lookup table, so no code compares dialect names.
 *
 * @module
 */
import type { DialectName } from "./dialect.ts";
import { MYSQL_SQL_LEXER } from "./mysql/sql_lexer.ts";
import { POSTGRES_SQL_LEXER } from "./postgres/sql_lexer.ts";
import type { SqlLexerRules } from "./sql_lexer.ts";
import { SQLITE_SQL_LEXER } from "./sqlite/sql_lexer.ts";

const RULES: Readonly<Record<DialectName, SqlLexerRules>> = Object.freeze({
  postgresql: POSTGRES_SQL_LEXER,
  mysql: MYSQL_SQL_LEXER,
  sqlite: SQLITE_SQL_LEXER,
});

/**
 * A dialect's lexical rules.
 *
 * @param name `postgresql`, `mysql` or `sqlite`
 * @returns the rules kept in that dialect's folder
 * @throws {RangeError} for any other name
 */
export function sqlLexerFor(name: DialectName): SqlLexerRules {
  const rules = Object.hasOwn(RULES, name) ? RULES[name] : undefined;
  if (!rules) {
    throw new RangeError(
      `Cannot find SQL lexer rules for dialect "${name as string}": expected "sqlite", "postgresql" or "mysql"`,
    );
  }
  return rules;
}
