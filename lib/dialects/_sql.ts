/**
 * Private quoting helpers shared by the dialects. Identifiers are quoted only when they need it
 * (like SQLAlchemy): anything but a lower-case `[a-z_][a-z0-9_]*` name, and reserved words. Quoting
 * a name that did not need it is harmless, so one union of the three databases' reserved words
 * serves all of them.
 *
 * @module
 */

/**
 * Reserved words of SQL:2016, PostgreSQL, MySQL 8 / MariaDB and SQLite (union, lower case). A name in
 * this set is always quoted.
 */
const RESERVED = new Set(
  `abort accessible action add after all alter always analyze and any array as asc asensitive
  attach authorization autoincrement before begin between bigint binary blob both by call cascade case cast
  change char character check collate column commit conflict constraint continue convert create cross
  current current_date current_role current_time current_timestamp current_user cursor database databases
  day_hour day_microsecond day_minute day_second dec decimal declare default deferrable deferred delayed
  delete desc describe detach distinct distinctrow div do double drop each else elseif enclosed end
  escape escaped except exclude exclusive exists exit explain false fetch filter first float float4
  float8 following for force foreign freeze from full fulltext function generated glob grant group
  groups having high_priority hour_microsecond hour_minute hour_second if ignore ilike immediate in
  index infile initially inner inout insensitive insert instead int int1 int2 int3 int4 int8 integer
  intersect interval into is isnull iterate join key keys kill last lateral leading leave left like
  limit linear lines load localtime localtimestamp lock long longblob longtext loop low_priority match
  materialized mediumblob mediumint mediumtext middleint minute_microsecond minute_second mod modifies
  natural no not nothing notnull no_write_to_binlog null nulls numeric of offset on only optimize
  optionally or order others out outer outfile over overlaps partition placing plan pragma preceding
  precision primary procedure purge query raise range read reads real recursive references regexp
  reindex release rename repeat replace require resignal restrict return returning revoke right rlike
  row rows savepoint schema schemas second_microsecond select sensitive separator set show signal
  similar smallint some spatial specific sql sqlexception sqlstate sqlwarning sql_big_result
  sql_calc_found_rows sql_small_result ssl starting stored straight_join symmetric system table temp
  temporary terminated then ties time timestamp tinyblob tinyint tinytext to trailing transaction
  trigger true unbounded undo union unique unlock unsigned update usage use user using utc_date utc_time
  utc_timestamp vacuum values varbinary varchar varcharacter variadic varying verbose view virtual when
  where while window with without write xor year_month zerofill`.split(/\s+/),
);

const PLAIN = /^[a-z_][a-z0-9_]*$/;

/**
 * Quote an identifier with `quote` (`"` or `` ` ``) when it needs quoting, doubling any quote
 * character inside.
 *
 * @param name the identifier, as it should be stored
 * @param quote the dialect's identifier quote
 * @returns `name` unchanged when it is a plain lower-case non-reserved name, else the quoted form
 * @throws {TypeError} when `name` is empty or holds a NUL character (no database accepts either)
 */
export function quoteName(name: string, quote: '"' | "`"): string {
  if (typeof name !== "string" || name === "") {
    throw new TypeError("Cannot quote identifier: the name is empty");
  }
  if (name.includes("\0")) throw new TypeError(`Cannot quote identifier "${name}": it holds a NUL character`);
  if (PLAIN.test(name) && !RESERVED.has(name)) return name;
  return quote + name.replaceAll(quote, quote + quote) + quote;
}

/**
 * Quote a string literal: single quotes doubled, and backslashes doubled when the database treats
 * them as escapes (MySQL without `NO_BACKSLASH_ESCAPES`).
 *
 * @param text the string value
 * @param escapeBackslashes whether `\` must be written `\\`
 * @returns the literal including its quotes
 */
export function quoteString(text: string, escapeBackslashes: boolean): string {
  let body = text.replaceAll("'", "''");
  if (escapeBackslashes) body = body.replaceAll("\\", "\\\\").replaceAll("\0", "\\0");
  return `'${body}'`;
}

/**
 * Render a finite number as SQL text.
 *
 * @param value the number
 * @returns its shortest round-trip decimal form (`1e+21` style for very large values)
 * @throws {RangeError} for `NaN` and infinities, which no SQL literal can express
 */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) {
    throw new RangeError(`Cannot render ${value} as an SQL literal: not a finite number`);
  }
  return Object.is(value, -0) ? "0" : String(value);
}

/**
 * Format a Date as `YYYY-MM-DD HH:MM:SS.sss` in UTC: the text form SQLite's date functions read
 * and the timestamp form PostgreSQL and MySQL accept.
 *
 * @param date a valid Date
 * @returns the UTC timestamp text, without quotes
 * @throws {RangeError} for an invalid Date
 */
export function timestampText(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError("Cannot render an invalid Date as an SQL literal");
  const iso = date.toISOString();
  // toISOString gives ±YYYYYY for years outside 0..9999; those stay as they are and the database decides.
  return iso.replace("T", " ").replace(/Z$/, "");
}

/**
 * Hexadecimal digits of some bytes, lower case.
 *
 * @param bytes the bytes
 * @returns two digits per byte
 */
export function hexText(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}
