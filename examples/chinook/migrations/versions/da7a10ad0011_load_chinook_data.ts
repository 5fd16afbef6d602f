/**
 * load chinook data
 *
 * Loads the real Chinook rows (275 artists, 347 albums, 3503 tracks, 8715 playlist entries, ...)
 * from the upstream `Chinook_Sqlite.sql` script, read at run time so the example carries no copy of
 * it. The file is `${config.root}/../../../shared/corpus/chinook/Chinook_Sqlite.sql` unless
 * `-x chinook_sql=PATH` names another one. Only its `INSERT INTO [Table] ([Col], ...) VALUES ...;`
 * statements are read; table and column names are turned into this example's snake_case.
 *
 * Revision ID: da7a10ad0011
 * Revises: 3e69e0000010
 * Create Date: 2026-11-21 09:50:00
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { MigrationContext } from "@retort/migrate";

export const revision = "da7a10ad0011";
export const downRevision: string | string[] | null = "3e69e0000010";
export const branchLabels: string[] = [];
export const dependsOn: string[] = [];

/** Tables in foreign-key order: every table comes after the tables it references. */
const LOAD_ORDER = [
  "genre",
  "media_type",
  "artist",
  "album",
  "track",
  "employee",
  "customer",
  "invoice",
  "invoice_line",
  "playlist",
  "playlist_track",
];

type Value = string | number | null;
type Row = Record<string, Value>;

export async function upgrade({ op, config, x }: MigrationContext): Promise<void> {
  const file = x.chinook_sql
    ? resolve(x.chinook_sql)
    : resolve(config.root, "..", "..", "..", "shared", "corpus", "chinook", "Chinook_Sqlite.sql");
  if (!existsSync(file)) {
    throw new Error(`Cannot load the Chinook data: "${file}" does not exist (pass -x chinook_sql=PATH)`);
  }
  const rows = parseInserts(file, readFileSync(file, "utf8"));
  for (const table of rows.keys()) {
    if (!LOAD_ORDER.includes(table)) {
      throw new Error(`Cannot load the Chinook data: "${file}" inserts into unknown table "${table}"`);
    }
  }
  for (const table of LOAD_ORDER) {
    const tableRows = rows.get(table);
    if (!tableRows) {
      throw new Error(`Cannot load the Chinook data: "${file}" has no rows for table "${table}"`);
    }
    await op.bulkInsert(table, tableRows);
  }
}

export function downgrade({ op }: MigrationContext): void {
  // employee references itself; MySQL checks foreign keys row by row, so unlink before deleting.
  for (const table of [...LOAD_ORDER].reverse()) {
    if (table === "employee") op.execute("UPDATE employee SET reports_to = NULL");
    op.execute(`DELETE FROM ${table}`);
  }
}

/** `InvoiceLineId` -> `invoice_line_id`. */
function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}

/** A position in the script being read, for error messages and the tokenizer. */
interface Cursor {
  readonly file: string;
  readonly text: string;
  at: number;
}

function fail(cursor: Cursor, what: string): never {
  const line = cursor.text.slice(0, cursor.at).split("\n").length;
  throw new Error(`Cannot load the Chinook data: ${cursor.file}:${line}: expected ${what}`);
}

function skipSpace(cursor: Cursor): void {
  while (cursor.at < cursor.text.length && /\s/.test(cursor.text[cursor.at])) cursor.at++;
}

/** `'text'` or `N'text'` (`''` is a quote), a number, or `NULL`. */
function readValue(cursor: Cursor): Value {
  const { text } = cursor;
  if (text.startsWith("NULL", cursor.at)) {
    cursor.at += 4;
    return null;
  }
  if (text[cursor.at] === "N" && text[cursor.at + 1] === "'") cursor.at++;
  if (text[cursor.at] === "'") {
    let value = "";
    cursor.at++;
    for (;;) {
      const end = text.indexOf("'", cursor.at);
      if (end < 0) fail(cursor, "a closing quote");
      value += text.slice(cursor.at, end);
      cursor.at = end + 1;
      if (text[cursor.at] !== "'") return value;
      value += "'";
      cursor.at++;
    }
  }
  const number = /^-?\d+(?:\.\d+)?/.exec(text.slice(cursor.at, cursor.at + 40));
  if (!number) return fail(cursor, "a string, a number or NULL");
  cursor.at += number[0].length;
  return Number(number[0]);
}

/** One `(v, v, ...)` tuple, as a row keyed by `columns`. */
function readRow(cursor: Cursor, table: string, columns: readonly string[]): Row {
  skipSpace(cursor);
  if (cursor.text[cursor.at] !== "(") fail(cursor, `"(" to start a row of ${table}`);
  cursor.at++;
  const values: Value[] = [];
  for (;;) {
    skipSpace(cursor);
    values.push(readValue(cursor));
    skipSpace(cursor);
    const next = cursor.text[cursor.at++];
    if (next === ")") break;
    if (next !== ",") fail(cursor, `"," or ")" in a row of ${table}`);
  }
  if (values.length !== columns.length) fail(cursor, `${columns.length} values in a row of ${table}`);
  return Object.fromEntries(columns.map((c, i) => [c, values[i]]));
}

/**
 * Reads every `INSERT INTO [Table] ([Col], ...) VALUES (...), (...);` statement of the script,
 * grouped by snake_case table name.
 */
function parseInserts(file: string, text: string): Map<string, Row[]> {
  const result = new Map<string, Row[]>();
  const head = /INSERT INTO \[(\w+)\] \(([^)]*)\) VALUES\s*/g;
  let match: RegExpExecArray | null;
  while ((match = head.exec(text)) !== null) {
    const table = snakeCase(match[1]);
    const columns = match[2].split(",").map((c) => snakeCase(c.trim().replace(/^\[|\]$/g, "")));
    const rows = result.get(table) ?? [];
    result.set(table, rows);
    const cursor: Cursor = { file, text, at: head.lastIndex };
    for (;;) {
      rows.push(readRow(cursor, table, columns));
      skipSpace(cursor);
      const next = text[cursor.at++];
      if (next === ";") break;
      if (next !== ",") fail(cursor, `"," or ";" after a row of ${table}`);
    }
    head.lastIndex = cursor.at;
  }
  return result;
}
