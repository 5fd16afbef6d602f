/**
 * Which database URL a configuration uses (DESIGN.md section 3): `--url`, else the file's `url`
 * (after interpolation), else `DATABASE_URL`; a relative SQLite path made absolute against the
 * config file's folder (from the file) or the working directory (from `--url` / `DATABASE_URL`).
 *
 * @module
 */
import { ConfigError } from "../errors.ts";
import type { Config } from "./config.ts";
import { fileAndLine } from "./find_key_line.ts";
import { maskUrl, parseUrl } from "./url.ts";

/**
 * The database URL of a configuration, for commands that connect.
 *
 * @param config a loaded configuration
 * @returns the URL (a relative SQLite path already made absolute)
 * @throws {ConfigError} when no URL is configured: either the reason recorded in `urlProblem` (an
 *   unset variable in `url`) or `Cannot find a database URL: ...` naming the ways to give one
 */
export function requireUrl(config: Config): string {
  if (config.url !== undefined) return config.url;
  if (config.urlProblem) throw new ConfigError(config.urlProblem, { file: config.file, key: "url" });
  throw new ConfigError(
    `Cannot find a database URL: set "url" in ${
      config.file ?? "the config file"
    }, the DATABASE_URL variable or --url`,
    { file: config.file, key: "url" },
  );
}

/**
 * The URL given outside the file: `--url`, else a non-empty `DATABASE_URL`.
 *
 * @param given the `--url` value, if any
 * @param databaseUrl the `DATABASE_URL` variable, if any
 * @param cwd the working directory, base of a relative SQLite path
 * @returns the URL, absolute for SQLite; `{}` when neither is given
 * @throws {UrlError} when the URL is malformed
 */
export function cliUrl(
  given: string | undefined,
  databaseUrl: string | undefined,
  cwd: string,
): { value?: string } {
  const raw = given ?? nonEmpty(databaseUrl);
  if (raw === undefined) return {};
  return { value: absolutizeFileUrl(raw, cwd) };
}

/**
 * Rewrites a URL naming a relative file (`sqlite:///x.db`) to its absolute form (`sqlite:////abs/x.db`);
 * URLs without a file (a server, or `:memory:`) are returned as given.
 *
 * @param raw the URL as written
 * @param base the folder a relative file is relative to
 * @param w where the URL is in the config file, to word a parse error as a config error
 * @returns the URL
 * @throws {ConfigError} when `w` is given and the URL is malformed
 * @throws {UrlError} when `w` is not given and the URL is malformed
 */
export function absolutizeFileUrl(
  raw: string,
  base: string,
  w?: { file: string; key: string; line?: number },
): string {
  let parsed;
  try {
    parsed = parseUrl(raw, base);
  } catch (error) {
    if (!w) throw error;
    throw new ConfigError(
      `Cannot load config ${fileAndLine(w.file, w.line)}: "${w.key}" is not a valid database URL: ${
        (error as Error).message.replace(/^Cannot parse database URL "[^"]*": /, "")
      } (got "${maskUrl(raw)}")`,
      w,
      { cause: error },
    );
  }
  // Only a URL naming a file has a path (SQLite's); a server URL or an in-memory database stays as is.
  if (parsed.path === undefined || parsed.path === ":memory:") return raw;
  const m = /^([^:]+):\/\/([^?]*)(\?.*)?$/s.exec(raw.trim());
  if (!m) return raw;
  return `${m[1]}:///${parsed.path}${m[3] ?? ""}`;
}

/**
 * A variable's value, treating `""` as unset.
 *
 * @param value the value
 * @returns the value, or undefined when empty
 */
export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}
