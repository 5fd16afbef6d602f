/**
 * {@link DialectName}, apart from `dialect.ts` so that `config/url.ts` can name a dialect without
 * importing the dialect contract (which imports `url.ts` back).
 *
 * @module
 */

/** Dialect names as they appear in URLs after normalisation. */
export type DialectName = "sqlite" | "postgresql" | "mysql";
