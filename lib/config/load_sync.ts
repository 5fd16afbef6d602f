/**
 * {@link loadConfigSync}: `loadConfig` without the promise. Apart from `load.ts` because it needs
 * the zod schema synchronously, so it imports zod, which `loadConfig` loads only for a file with a
 * problem.
 *
 * @module
 */
import type { Config } from "./config.ts";
import { type LoadConfigOptions, loadConfigWith } from "./load.ts";
import { configFileSchema } from "./schema.ts";

/**
 * `loadConfig` without the promise: the same work and result, done with synchronous file reads.
 *
 * @param options the global CLI options
 * @returns the resolved configuration
 * @throws {ConfigError} as `loadConfig`: the `-c` file is missing, the file cannot be parsed, a key
 *   is unknown or has the wrong type (names file, dotted key and line), an unset variable, an
 *   unknown environment or database
 * @throws {UrlError} when `--url` / `DATABASE_URL` is malformed
 */
export function loadConfigSync(options: LoadConfigOptions): Config {
  return loadConfigWith(options, configFileSchema);
}
