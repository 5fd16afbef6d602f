/**
 * A statement as a script line for the database's command-line client (offline `--sql` output).
 *
 * @module
 */
import type { DialectName } from "./dialect_name.ts";
import { findSqlChars } from "./sql_lexer.ts";
import { sqlLexerFor } from "./sql_lexer_for.ts";

/**
 * End a statement for a script: with `;`, or, where the client splits statements at every `;` and
 * the statement holds `;`s of its own in code (a MySQL routine or trigger body), between
 * `DELIMITER //` and `DELIMITER ;` (the mysql client's command).
 *
 * @param dialect the database the script is for
 * @param text one statement without its final `;`
 * @returns the text to write in the script
 * @example
 * ```ts
 * import { terminatedStatement } from "./terminated_statement.ts";
 * terminatedStatement("postgresql", "SELECT 1"); // "SELECT 1;"
 * ```
 */
export function terminatedStatement(dialect: DialectName, text: string): string {
  const rules = sqlLexerFor(dialect);
  if (rules.delimiterCommand && findSqlChars(rules, text, ";").length > 0) {
    return `DELIMITER //\n${text}\n//\nDELIMITER ;`;
  }
  return `${text};`;
}
