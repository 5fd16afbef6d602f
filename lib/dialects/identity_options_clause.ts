/**
 * The clause that changes an identity column's options in place (PostgreSQL `ALTER COLUMN c SET
 * GENERATED ... SET START WITH ...`, PostgreSQL docs "ALTER TABLE"): every option restated, an
 * absent one as PostgreSQL's default, so the column ends with exactly the options given.
 *
 * @module
 */
import type { IdentityOptions } from "../operations/types.ts";

/**
 * `SET GENERATED {ALWAYS | BY DEFAULT} SET START WITH n SET INCREMENT BY m SET [NO] MINVALUE ...`.
 * `SET START WITH` changes where a `RESTART` would go, not the next value: the sequence keeps its
 * position.
 *
 * @param identity the options the column should have
 * @returns the text after `ALTER COLUMN c`
 */
export function identityOptionsClause(identity: IdentityOptions | undefined): string {
  const i = identity ?? {};
  const increment = i.increment ?? 1;
  const start = i.start ?? (increment > 0 ? i.minValue ?? 1 : i.maxValue ?? -1);
  return [
    `SET GENERATED ${i.always ? "ALWAYS" : "BY DEFAULT"}`,
    `SET START WITH ${start}`,
    `SET INCREMENT BY ${increment}`,
    i.minValue === undefined ? "SET NO MINVALUE" : `SET MINVALUE ${i.minValue}`,
    i.maxValue === undefined ? "SET NO MAXVALUE" : `SET MAXVALUE ${i.maxValue}`,
    `SET CACHE ${i.cache ?? 1}`,
    i.cycle ? "SET CYCLE" : "SET NO CYCLE",
  ].join(" ");
}
