/**
 * Portable type names in MySQL / MariaDB.
 *
 * @module
 */
import { type PortableSpellings, spellPortableType } from "../_portable_type.ts";

/** The portable names this dialect spells its own way (the reasons are in {@link mysqlType}). */
const MYSQL_SPELLINGS: PortableSpellings = {
  boolean: "BOOL",
  real: "FLOAT",
  timestamp: "DATETIME",
  timestamptz: "DATETIME",
  uuid: "CHAR(36)",
  binary: "LONGBLOB",
};

/**
 * Map a portable type to MySQL: `boolean` -> `BOOL` (TINYINT(1)), `real` -> `FLOAT` (MySQL's REAL is
 * a DOUBLE unless REAL_AS_FLOAT), `timestamp`/`timestamptz` -> `DATETIME` (MySQL's TIMESTAMP converts
 * through the session time zone, stops in 2038 and may auto-update; SQLAlchemy also uses DATETIME),
 * `uuid` -> `CHAR(36)` (MySQL has no UUID type), `binary` -> `LONGBLOB`; the others upper-cased with
 * their arguments. Anything else is returned unchanged.
 *
 * @param type a column's `type`
 * @returns the MySQL type name
 * @example
 * ```ts
 * import { mysqlType } from "./types.ts";
 * mysqlType("uuid"); // "CHAR(36)"
 * ```
 */
export function mysqlType(type: string): string {
  return spellPortableType(type, MYSQL_SPELLINGS);
}
