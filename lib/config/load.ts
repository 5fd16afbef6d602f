/**
 * Loading the configuration (DESIGN.md section 3) into a {@link Config}: find the file, parse it,
 * validate it, pick the layers the environment and database select, merge them over the defaults,
 * interpolate variables, choose the URL and make every path absolute. Each job lives in its own
 * module; this one puts them in order.
 *
 * Order of precedence, lowest first: defaults, the file's top level, `[environments.ENV]`,
 * `[databases.NAME]`, `[databases.NAME.environments.ENV]`; then `--url`, and `DATABASE_URL` when no
 * layer sets `url`. Relative paths (and relative `sqlite:///` URLs) in the file are resolved against
 * the file's folder, those from `--url` / `DATABASE_URL` against the working directory.
 *
 * @module
 */
import { dirname, join, resolve } from "node:path";
import process from "node:process";
import { ConfigError } from "../errors.ts";
import type { Config } from "./config.ts";
import { withDotEnv } from "./dot_env.ts";
import { CONFIG_FILE_NAMES, findConfigFile } from "./find_config_file.ts";
import { findKeyLine } from "./find_key_line.ts";
import { interpolateString, interpolateValue, UnsetVariableError } from "./interpolate.ts";
import { SETTING_DEFAULTS, type SettingDefaults, SETTINGS_KEYS } from "./key_rules.ts";
import { parseConfigText, readConfigText } from "./parse_config_text.ts";
import type { ConfigFile, ConfigFileSchema, ConfigSettings } from "./schema.ts";
import { absolutizeFileUrl, cliUrl, nonEmpty } from "./select_url.ts";
import { toConfig } from "./to_config.ts";
import { checkSettings, NeedsSchema, validateConfigFile } from "./validate_config.ts";

/** Options of {@link loadConfig}; each mirrors a global CLI option (DESIGN.md section 7). */
export interface LoadConfigOptions {
  /** Working directory: where the config file is looked up, and base of a relative `--url`. */
  readonly cwd: string;
  /** `-c/--config PATH` (relative to `cwd`); `.json` is read as JSON, anything else as TOML. */
  readonly configPath?: string;
  /** `--url`: overrides every `url` in the file. */
  readonly url?: string;
  /** `-e/--env`: the `[environments.NAME]` to apply; defaults to `MIGRATE_ENV`. */
  readonly env?: string;
  /** `-n/--name`: the `[databases.NAME]` to use. */
  readonly name?: string;
  /** `-x key=value` arguments. */
  readonly x?: Readonly<Record<string, string>>;
  /** Environment variables; defaults to `process.env`. A `.env` beside the config fills in unset ones. */
  readonly environ?: Readonly<Record<string, string | undefined>>;
}

/**
 * Loads the configuration: finds the file, parses it, validates it, applies the environment and
 * database selection, interpolates `${NAME}` / `${NAME:-default}` from the environment (and a
 * `.env` beside the file, which never overrides set variables), fills in defaults and makes every
 * path absolute.
 *
 * Without a config file the result still holds `--url` / `DATABASE_URL` and the defaults, rooted
 * at `cwd`, which is enough for database-only commands; commands that need revisions call
 * `requireConfigFile` (find_config_file.ts).
 *
 * `url` stays a string, but a relative SQLite URL is rewritten to its absolute form
 * (`sqlite:///app.db` in `/p/migrate.toml` becomes `sqlite:////p/app.db`), so `parseUrl(config.url, anything)`
 * gives the right file. When `url` cannot be interpolated (an unset variable) and neither `--url` nor
 * `DATABASE_URL` gives one, `url` is undefined and `urlProblem` says why; `requireUrl` (select_url.ts) throws it.
 *
 * @param options the global CLI options
 * @returns the resolved configuration
 * @throws {ConfigError} when the `-c` file is missing, the file cannot be parsed (names file and line),
 *   a key is unknown or has the wrong type (names file, dotted key, line and what was expected), an
 *   unset variable is used without default, or the environment or database named does not exist
 * @throws {UrlError} when `--url` / `DATABASE_URL` is malformed
 */
export async function loadConfig(options: LoadConfigOptions): Promise<Config> {
  // The work is synchronous (small files, sync reads start fastest). A file the zod-free check
  // (well_formed.ts) does not vouch for is loaded again with zod, which words what is wrong.
  try {
    return loadConfigWith(options, undefined);
  } catch (error) {
    if (!(error instanceof NeedsSchema)) throw error;
  }
  const { configFileSchema } = await import("./schema.ts");
  return loadConfigWith(options, configFileSchema);
}

/**
 * {@link loadConfig}'s work, synchronous. `schema` gives the zod schema for files that
 * `isWellFormedConfig` does not vouch for; without it such a file throws an internal `NeedsSchema`
 * error (`loadConfig` then imports zod and tries again). `loadConfigSync` (load_sync.ts) passes it.
 *
 * @param options the global CLI options
 * @param schema the zod schema's getter, or undefined to avoid loading zod
 * @returns the resolved configuration
 * @throws {ConfigError} as {@link loadConfig}
 */
export function loadConfigWith(
  options: LoadConfigOptions,
  schema: (() => ConfigFileSchema) | undefined,
): Config {
  const cwd = resolve(options.cwd);
  const file = findConfigFile(cwd, options.configPath);
  const root = file ? dirname(file) : cwd;
  const environ = withDotEnv(options.environ ?? process.env, join(root, ".env"));
  const x = { ...(options.x ?? {}) };

  if (!file) {
    if (options.name !== undefined) {
      throw new ConfigError(
        `Cannot select database "${options.name}": no config file (looked for ${
          CONFIG_FILE_NAMES.join(" and ")
        } in ${cwd})`,
        { key: `databases.${options.name}` },
      );
    }
    if (options.env !== undefined) {
      throw new ConfigError(
        `Cannot select environment "${options.env}": no config file (looked for ${
          CONFIG_FILE_NAMES.join(" and ")
        } in ${cwd})`,
        { key: `environments.${options.env}` },
      );
    }
    const url = cliUrl(options.url, environ.DATABASE_URL, cwd);
    return toConfig(
      root,
      undefined,
      { ...SETTING_DEFAULTS },
      url,
      undefined,
      x,
      undefined,
      undefined,
      [],
      [],
    );
  }

  const text = readConfigText(file);
  const data = validateConfigFile(file, text, parseConfigText(file, text), schema);
  const envName = options.env ?? nonEmpty(environ.MIGRATE_ENV);
  const layers: { prefix: string; values: ConfigSettings }[] = [{ prefix: "", values: pickSettings(data) }];

  const topEnv = envName === undefined ? undefined : data.environments?.[envName];
  if (topEnv) layers.push({ prefix: `environments.${envName}.`, values: topEnv });
  if (options.name !== undefined) {
    const db = data.databases?.[options.name];
    if (!db) {
      const known = Object.keys(data.databases ?? {});
      throw new ConfigError(
        `Cannot select database "${options.name}" in ${file}: no [databases.${options.name}] (${
          known.length ? `known: ${known.join(", ")}` : "the file has no [databases] section"
        })`,
        { file, key: `databases.${options.name}` },
      );
    }
    layers.push({ prefix: `databases.${options.name}.`, values: pickSettings(db) });
    const dbEnv = envName === undefined ? undefined : db.environments?.[envName];
    if (dbEnv) layers.push({ prefix: `databases.${options.name}.environments.${envName}.`, values: dbEnv });
    if (envName !== undefined && !topEnv && !dbEnv) throw unknownEnv(file, data, envName, options.env);
  } else if (envName !== undefined && !topEnv) {
    throw unknownEnv(file, data, envName, options.env);
  }

  // Merge, remembering which dotted key each value came from for error messages.
  const merged: Record<string, unknown> = {};
  const origin: Record<string, string> = {};
  const layerOf: Record<string, number> = {};
  layers.forEach((layer, index) => {
    for (const [key, value] of Object.entries(layer.values)) {
      if (value === undefined) continue;
      merged[key] = value;
      origin[key] = layer.prefix + key;
      layerOf[key] = index;
    }
  });
  // A layer that moves script_location also moves the default versions folder under it.
  if (layerOf.version_locations !== undefined && layerOf.script_location > layerOf.version_locations) {
    delete merged.version_locations;
  }

  const where = (key: string) => ({ file, key, line: findKeyLine(text, file, key) });
  let url: { value?: string; problem?: string } = {};
  const interpolated: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(merged)) {
    if (key === "url") continue;
    interpolated[key] = interpolateValue(value, environ, origin[key], where);
  }

  if (options.url !== undefined) {
    url = cliUrl(options.url, undefined, cwd);
  } else if (merged.url !== undefined) {
    const originKey = origin.url;
    try {
      const value = interpolateValue(merged.url, environ, originKey, where) as string;
      url = { value: value === "" ? undefined : absolutizeFileUrl(value, root, where(originKey)) };
    } catch (error) {
      if (!(error instanceof UnsetVariableError)) throw error;
      url = environ.DATABASE_URL ? cliUrl(undefined, environ.DATABASE_URL, cwd) : { problem: error.message };
    }
  } else {
    url = cliUrl(undefined, environ.DATABASE_URL, cwd);
  }

  const fleet = data.fleet
    ? {
      urls: data.fleet.urls?.map((u, i) => interpolateString(u, environ, `fleet.urls.${i}`, where)),
      urlsFile: data.fleet.urls_file === undefined
        ? undefined
        : resolve(root, interpolateString(data.fleet.urls_file, environ, "fleet.urls_file", where)),
      concurrency: data.fleet.concurrency ?? 8,
    }
    : undefined;

  const settings = { ...SETTING_DEFAULTS, ...interpolated } as SettingDefaults & ConfigSettings;
  checkSettings(settings, origin, where);
  return toConfig(
    root,
    file,
    settings,
    url,
    fleet,
    x,
    envName,
    options.name,
    Object.keys(data.environments ?? {}),
    Object.keys(data.databases ?? {}),
  );
}

function pickSettings(values: ConfigSettings): ConfigSettings {
  const out: Record<string, unknown> = {};
  for (const key of SETTINGS_KEYS) if (values[key] !== undefined) out[key] = values[key];
  return out as ConfigSettings;
}

function unknownEnv(file: string, data: ConfigFile, envName: string, given: string | undefined): ConfigError {
  const known = Object.keys(data.environments ?? {});
  const source = given === undefined ? " (from MIGRATE_ENV)" : "";
  return new ConfigError(
    `Cannot select environment "${envName}"${source} in ${file}: no [environments.${envName}] (${
      known.length ? `known: ${known.join(", ")}` : "the file has no [environments] section"
    })`,
    { file, key: `environments.${envName}` },
  );
}
