/**
 * Portable type names in SQLite. SQLite keeps any type name and derives a column affinity from it
 * (https://sqlite.org/datatype3.html section 3.1), so the names follow SQLAlchemy's SQLite spellings
 * while making sure each gets the affinity its values need.
 *
 * @module
 */
import { type PortableSpellings, spellPortableType } from "../_portable_type.ts";

/** The portable names this dialect spells its own way (the reasons are in {@link sqliteType}). */
const SQLITE_SPELLINGS: PortableSpellings = {
  timestamp: "DATETIME",
  timestamptz: "DATETIME",
  uuid: "CHAR(36)",
  binary: "BLOB",
};

/**
 * Map a portable type to SQLite: `timestamp`/`timestamptz` -> `DATETIME` (SQLAlchemy's name; values
 * are stored as ISO text), `uuid` -> `CHAR(36)` (TEXT affinity: a UUID must never be read as a
 * number), `binary` -> `BLOB`, `double` -> `DOUBLE`; the others upper-cased with their arguments.
 * Anything else is returned unchanged.
 *
 * @param type a column's `type`
 * @returns the SQLite type name
 * @example
 * ```ts
 * import { sqliteType } from "./types.ts";
 * sqliteType("varchar(50)"); // "VARCHAR(50)"
 * ```
 */
export function sqliteType(type: string): string {
  return spellPortableType(type, SQLITE_SPELLINGS);
}
