/**
 * Portable type names in PostgreSQL.
 *
 * @module
 */
import { parsePortableType, withArgs } from "../_portable_type.ts";

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
  const t = parsePortableType(type);
  if (t === undefined) return type;
  switch (t.name) {
    case "double":
      return "DOUBLE PRECISION";
    case "timestamptz":
      return "TIMESTAMP WITH TIME ZONE";
    case "binary":
      return "BYTEA";
    default:
      return withArgs(t.name.toUpperCase(), t.args);
  }
}
