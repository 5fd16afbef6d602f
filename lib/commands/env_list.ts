/**
 * `migrate env list`: the environments (`[environments.NAME]`) and databases (`[databases.NAME]`)
 * of the config file, each with the URL it resolves to, password masked.
 *
 * @module
 */
import type { LoadConfigOptions } from "../config/load.ts";
import { loadConfigSync } from "../config/load_sync.ts";
import { maskUrl } from "../config/url.ts";
import { ConfigError, errorMessage } from "../errors.ts";

/** One environment (and database, in a multidb config) with its resolved URL. */
export interface EnvEntry {
  /** The environment name; undefined for the file's defaults (no `-e`). */
  readonly environment?: string;
  /** The `[databases.NAME]`, in a multidb config. */
  readonly database?: string;
  /** The resolved URL with its password masked; undefined when it cannot be resolved. */
  readonly url?: string;
  /** Why `url` is undefined (an unset variable, no URL at all). */
  readonly problem?: string;
  /** This is the environment `-e` / `MIGRATE_ENV` selects now. */
  readonly selected: boolean;
}

/** What {@link envList} found. */
export interface EnvListResult {
  /** Absolute path of the config file. */
  readonly file: string;
  /** The environment selected by `-e` / `MIGRATE_ENV`, if any. */
  readonly selected?: string;
  /** The defaults first, then each environment in file order; per database in a multidb config. */
  readonly environments: readonly EnvEntry[];
}

/**
 * Resolve the config once per environment (and database) and report each URL, masked.
 *
 * @param options how the CLI loads its config (`env` marks the selected environment; `name` limits
 *   the listing to one database)
 * @returns the environments in config order
 * @throws {ConfigError} when there is no config file, or it is invalid
 */
export function envList(options: LoadConfigOptions): EnvListResult {
  const base = loadConfigSync({ ...options, env: options.env, name: options.name });
  if (!base.file) {
    throw new ConfigError(
      `Cannot list environments: no config file (looked for migrate.toml and migrate.json in ${base.root})`,
      {},
    );
  }
  const selected = base.environment;
  const databases: (string | undefined)[] = options.name !== undefined
    ? [options.name]
    : base.databaseNames.length > 0
    ? [...base.databaseNames]
    : [undefined];
  const environments: (string | undefined)[] = [undefined, ...base.environmentNames];
  const entries: EnvEntry[] = [];
  for (const database of databases) {
    for (const environment of environments) {
      entries.push(resolveEntry(options, environment, database, selected));
    }
  }
  return { file: base.file, ...(selected === undefined ? {} : { selected }), environments: entries };
}

function resolveEntry(
  options: LoadConfigOptions,
  environment: string | undefined,
  database: string | undefined,
  selected: string | undefined,
): EnvEntry {
  // An empty MIGRATE_ENV means "no environment"; it keeps the defaults row from picking one up.
  const environ = { ...(options.environ ?? {}), MIGRATE_ENV: "" };
  const where = { environment, database, selected: environment === selected };
  try {
    const config = loadConfigSync({ ...options, environ, env: environment, name: database });
    if (config.url !== undefined) return { ...where, url: maskUrl(config.url) };
    return { ...where, problem: config.urlProblem ?? "no url" };
  } catch (error) {
    return { ...where, problem: errorMessage(error) };
  }
}

/**
 * Print the environments as an aligned list: `NAME  URL`, `(default)` for the defaults, `*` before
 * the selected one, and the database as `database/environment` in a multidb config.
 *
 * @param result what {@link envList} returned
 * @returns the text, ending with a newline
 */
export function formatEnvList(result: EnvListResult): string {
  const name = (e: EnvEntry) => {
    const env = e.environment ?? "(default)";
    return e.database === undefined ? env : `${e.database}/${env}`;
  };
  const width = Math.max(...result.environments.map((e) => name(e).length));
  const lines = result.environments.map((e) =>
    `${e.selected ? "*" : " "} ${name(e).padEnd(width)}  ${e.url ?? `(no url: ${e.problem})`}`
  );
  return `${lines.join("\n")}\n`;
}
