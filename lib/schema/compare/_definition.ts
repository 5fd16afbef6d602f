/**
 * How the differ compares the SQL text of objects beyond tables (view queries, routine and trigger
 * statements, raw objects). Introspection reports each as the database prints it, and `schema dump`
 * writes that text, so a dumped file and its database compare equal as they are; a definition
 * written by hand is compared with white space folded outside quotes and comments (the lexer's
 * space tokens become one space, a final `;` is left out). A hand-written query that the database
 * prints differently (PostgreSQL adds parentheses and casts) shows as a change until the file takes
 * the database's text, which `check`'s diff shows.
 *
 * @module
 */
import { GENERIC_SQL_LEXER, tokenizeSql } from "../../dialects/sql_lexer.ts";

/**
 * The comparable form of an SQL definition: runs of white space between tokens folded to one space,
 * trimmed, without a final `;`.
 *
 * @param sql a definition
 * @returns its folded text
 */
export function foldSql(sql: string): string {
  let out = "";
  for (const t of tokenizeSql(GENERIC_SQL_LEXER, sql.trim())) {
    out += t.kind === "space" ? " " : sql.trim().slice(t.start, t.end);
  }
  return out.replace(/\s*;\s*$/, "");
}

/**
 * Whether two definitions are the same SQL once white space is folded ({@link foldSql}).
 *
 * @param a one definition
 * @param b the other
 * @returns true when they compare equal
 */
export function sameSql(a: string, b: string): boolean {
  return a === b || foldSql(a) === foldSql(b);
}

/**
 * The bare name of an object key: without schema and without a routine's argument list
 * (`util.f(integer)` -> `f`).
 *
 * @param key a key of a schema's object record
 * @returns the name as SQL text would mention it
 */
export function bareName(key: string): string {
  const noArgs = key.includes("(") ? key.slice(0, key.indexOf("(")) : key;
  return noArgs.slice(noArgs.lastIndexOf(".") + 1);
}
