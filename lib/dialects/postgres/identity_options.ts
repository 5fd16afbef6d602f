/**
 * A PostgreSQL identity column's options as a schema file writes them: only those that differ from
 * what `GENERATED ... AS IDENTITY` gives without options (PostgreSQL docs, CREATE SEQUENCE: an
 * ascending sequence starts at MINVALUE 1 and ends at the type's maximum, a descending one the other
 * way round, CACHE 1, NO CYCLE), so a plain identity column stays `autoincrement: true`.
 *
 * @module
 */
import type { IdentityOptions } from "../../operations/types.ts";

/** The identity's sequence as the catalog query returns it (numbers as text: int8 exceeds a double). */
export interface SequenceRow {
  readonly start: string;
  readonly increment: string;
  readonly min: string;
  readonly max: string;
  readonly cache: string;
  readonly cycle: boolean;
  /** `smallint`, `integer` or `bigint`. */
  readonly type: string;
}

const LIMITS: Readonly<Record<string, readonly [bigint, bigint]>> = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};

/**
 * The options of an identity column that are not PostgreSQL's defaults.
 *
 * @param always `GENERATED ALWAYS` (else `BY DEFAULT`)
 * @param seq the identity's sequence, when found
 * @returns the options, or `undefined` when all are the defaults
 */
export function identityOptions(
  always: boolean,
  seq: SequenceRow | null | undefined,
): IdentityOptions | undefined {
  const out: { -readonly [K in keyof IdentityOptions]: IdentityOptions[K] } = {};
  if (always) out.always = true;
  if (seq) {
    const [typeMin, typeMax] = LIMITS[seq.type] ?? LIMITS.bigint;
    const increment = BigInt(seq.increment);
    const ascending = increment > 0n;
    const defaultMin = ascending ? 1n : typeMin;
    const defaultMax = ascending ? typeMax : -1n;
    const min = BigInt(seq.min);
    const max = BigInt(seq.max);
    const start = BigInt(seq.start);
    if (start !== (ascending ? min : max)) out.start = Number(start);
    if (increment !== 1n) out.increment = Number(increment);
    if (min !== defaultMin) out.minValue = Number(min);
    if (max !== defaultMax) out.maxValue = Number(max);
    if (BigInt(seq.cache) !== 1n) out.cache = Number(seq.cache);
    if (seq.cycle) out.cycle = true;
  }
  return Object.keys(out).length ? out : undefined;
}
