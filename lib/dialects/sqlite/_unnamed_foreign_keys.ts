/**
 * SQLite cannot name a foreign key declared without `CONSTRAINT name`, so no `dropConstraint` can
 * reach it: when a rebuild adds a foreign key on the same columns to the same table, the unnamed
 * one it replaces (its ON DELETE / ON UPDATE changed) is left out of the new table instead of being
 * kept beside it.
 *
 * @module
 */
import { type ColumnClause, type ParsedTableConstraint, unquote } from "./_create_table_parser.ts";

/**
 * The table named after `REFERENCES` in a constraint's text, unquoted.
 *
 * @param text a table-level FOREIGN KEY or a column's REFERENCES clause
 * @returns the table name, or `undefined` when the text has none
 */
export function referencedTableOf(text: string): string | undefined {
  const m = /\bREFERENCES\s+("(?:[^"]|"")+"|`[^`]+`|\[[^\]]+\]|[A-Za-z_][\w$]*)/i.exec(text);
  return m ? unquote(m[1]) : undefined;
}

/**
 * Whether a table-level constraint is an unnamed foreign key from `columns` to `table`.
 *
 * @param k a constraint of the parsed CREATE TABLE
 * @param columns the new key's local columns (build names)
 * @param table the new key's referenced table
 * @returns true when the new key replaces it
 */
export function isReplacedTableKey(
  k: ParsedTableConstraint,
  columns: readonly string[],
  table: string,
): boolean {
  return k.kind === "foreignkey" && k.name === undefined && sameNames(k.columns, columns) &&
    referencedTableOf(k.text)?.toLowerCase() === table.toLowerCase();
}

/**
 * Whether a column clause is an unnamed `REFERENCES table` that a new one-column key replaces.
 *
 * @param clause a clause of the key's only column
 * @param table the new key's referenced table
 * @returns true when the new key replaces it
 */
export function isReplacedColumnReference(clause: ColumnClause, table: string): boolean {
  return clause.kind === "references" && clause.name === undefined &&
    referencedTableOf(clause.text)?.toLowerCase() === table.toLowerCase();
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x.toLowerCase() === b[i].toLowerCase());
}
