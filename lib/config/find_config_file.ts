/**
 * Finding the config file (DESIGN.md section 3): `-c PATH`, else `migrate.toml`, else
 * `migrate.json` in the working directory.
 *
 * @module
 */
import { statSync } from "node:fs";
import { join, resolve } from "node:path";
import { ConfigError } from "../errors.ts";
import type { Config } from "./config.ts";

/** File names looked up in the working directory, in order. */
export const CONFIG_FILE_NAMES: readonly string[] = ["migrate.toml", "migrate.json"];

/**
 * Finds the config file: `configPath` if given (relative to `cwd`), else `migrate.toml`, else
 * `migrate.json` in `cwd` (DESIGN.md section 3).
 *
 * @param cwd absolute working directory
 * @param configPath the `-c/--config` value, if any
 * @returns the absolute path of the file, or undefined when no file was given and none exists
 * @throws {ConfigError} when `configPath` is given but is not a file
 */
export function findConfigFile(cwd: string, configPath?: string): string | undefined {
  if (configPath !== undefined) {
    const file = resolve(cwd, configPath);
    if (!isFile(file)) throw new ConfigError(`Cannot find config file "${file}": no such file`, { file });
    return file;
  }
  for (const name of CONFIG_FILE_NAMES) {
    const file = join(cwd, name);
    if (isFile(file)) return file;
  }
  return undefined;
}

/**
 * The config file of a configuration, for commands that need revisions (DESIGN.md section 3:
 * "commands that need revisions and find no config fail with exit 2 and say where they looked").
 *
 * @param config a loaded configuration
 * @returns the absolute path of its config file
 * @throws {ConfigError} `Cannot find a config file: looked for migrate.toml and migrate.json in <cwd>; create
 *   one with "migrate init", or pass -c PATH`
 *   when the configuration came from `--url` / `DATABASE_URL` alone
 */
export function requireConfigFile(config: Config): string {
  if (config.file) return config.file;
  throw new ConfigError(
    `Cannot find a config file: looked for ${CONFIG_FILE_NAMES.join(" and ")} in ${config.root}; ` +
      `create one with "migrate init", or pass -c PATH`,
  );
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
