/**
 * How a `Date` is stored on SQLite, which has no date type: as SQLAlchemy's SQLite `DateTime`
 * stores it (its `DATETIME` type's default storage format), so rows written by `bulkInsert`, by a
 * bound value or by a column default compare and sort with rows an SQLAlchemy application (or an
 * Alembic `bulk_insert` with a `DateTime` column) writes.
 *
 * @module
 */
import { timestampText } from "../_sql.ts";

/**
 * `YYYY-MM-DD HH:MM:SS.ffffff` in UTC: SQLAlchemy's SQLite `DATETIME` storage format
 * (`%(year)04d-%(month)02d-%(day)02d %(hour)02d:%(minute)02d:%(second)02d.%(microsecond)06d`), always
 * six fractional digits (a `Date` holds milliseconds, so the last three are zeros). SQLite's date
 * functions read it (they accept any number of fractional digits).
 *
 * @param date a valid Date
 * @returns the text to store, without quotes
 * @throws {RangeError} for an invalid Date
 * @example
 * ```ts
 * import { sqliteDateText } from "./date_text.ts";
 * sqliteDateText(new Date("2024-01-02T03:04:05.006Z")); // "2024-01-02 03:04:05.006000"
 * ```
 */
export function sqliteDateText(date: Date): string {
  return `${timestampText(date)}000`;
}
