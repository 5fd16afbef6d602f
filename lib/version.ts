/**
 * The version `migrate --version` prints.
 *
 * @module
 */

/** Retort's version, as in deno.json and package.json. */
export const VERSION = "0.1.0";
