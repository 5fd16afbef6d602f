/**
 * Portable type names in PostgreSQL.
 *
 * @module
 */
import { type PortableSpellings, spellPortableType } from "../_portable_type.ts";

/** The portable names this dialect spells its own way (the reasons are in {@link postgresType}). */
const POSTGRES_SPELLINGS: PortableSpellings = {
  double: "DOUBLE PRECISION",
  timestamptz: "TIMESTAMP WITH TIME ZONE",
  binary: "BYTEA",
};

/**
 * Map a portable type to PostgreSQL: `double` -> `DOUBLE PRECISION`, `timestamptz` ->
 * `TIMESTAMP WITH TIME ZONE`, `binary` -> `BYTEA`; the others upper-cased with their arguments
 * (`json` stays `JSON`: write `jsonb` to get JSONB). Anything else is returned unchanged.
 *
 * @param type a column's `type`
 * @returns the PostgreSQL type name
 * @example
 * ```ts
 * import { postgresType } from "./types.ts";
 * postgresType("timestamptz"); // "TIMESTAMP WITH TIME ZONE"
 * ```
 */
export function postgresType(type: string): string {
  return spellPortableType(type, POSTGRES_SPELLINGS);
}
