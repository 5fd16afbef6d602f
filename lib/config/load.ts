/**
 * Finding, parsing and resolving the config file (DESIGN.md section 3) into a {@link Config}.
 *
 * Order of precedence, lowest first: defaults, the file's top level, `[environments.ENV]`,
 * `[databases.NAME]`, `[databases.NAME.environments.ENV]`; then `--url`, and `DATABASE_URL` when no
 * layer sets `url`. Relative paths (and relative `sqlite:///` URLs) in the file are resolved against
 * the file's folder, those from `--url` / `DATABASE_URL` against the working directory.
 *
 * @module
 */
import { readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import process from "node:process";
import { parse as parseToml, TomlError } from "smol-toml";
import { ConfigError } from "../errors.ts";
import type { Config } from "./config.ts";
import type { ConfigFile, ConfigFileSchema, ConfigSettings } from "./schema.ts";
import { isWellFormedConfig, SETTINGS_KEYS } from "./well_formed.ts";
import { maskUrl, parseUrl } from "./url.ts";

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

/** File names looked up in the working directory, in order. */
export const CONFIG_FILE_NAMES: readonly string[] = ["migrate.toml", "migrate.json"];

const DEFAULTS = {
  script_location: "migrations",
  version_table: "alembic_version",
  transaction_per_migration: true,
  file_template: "%(rev)s_%(slug)s",
  truncate_slug_length: 40,
  timezone: "UTC",
  compare_type: true,
  compare_server_default: true,
  include_tables: ["*"],
  exclude_tables: [] as string[],
  post_write_hooks: [] as string[],
  lock_timeout: 60,
  revision_format: "ts" as const,
};

/** Tokens of Alembic's `file_template` that Retort fills in. */
const FILE_TEMPLATE_TOKENS = new Set([
  "rev",
  "slug",
  "year",
  "month",
  "day",
  "hour",
  "minute",
  "second",
  "epoch",
]);

/**
 * Loads the configuration: finds the file, parses it, validates it, applies the environment and
 * database selection, interpolates `${NAME}` / `${NAME:-default}` from the environment (and a
 * `.env` beside the file, which never overrides set variables), fills in defaults and makes every
 * path absolute.
 *
 * Without a config file the result still holds `--url` / `DATABASE_URL` and the defaults, rooted
 * at `cwd`, which is enough for database-only commands; commands that need revisions call
 * {@link requireConfigFile}.
 *
 * `url` stays a string, but a relative SQLite URL is rewritten to its absolute form
 * (`sqlite:///app.db` in `/p/migrate.toml` becomes `sqlite:////p/app.db`), so `parseUrl(config.url, anything)`
 * gives the right file. When `url` cannot be interpolated (an unset variable) and neither `--url` nor
 * `DATABASE_URL` gives one, `url` is undefined and `urlProblem` says why; {@link requireUrl} throws it.
 *
 * @param options the global CLI options
 * @returns the resolved configuration
 * @throws {ConfigError} when the `-c` file is missing, the file cannot be parsed (names file and line),
 *   a key is unknown or has the wrong type (names file, dotted key, line and what was expected), an
 *   unset variable is used without default, or the environment or database named does not exist
 * @throws {UrlError} when `--url` / `DATABASE_URL` is malformed
 */
export async function loadConfig(options: LoadConfigOptions): Promise<Config> {
  // The work is synchronous (small files, sync reads start fastest). A file the hand-written check
  // does not vouch for is loaded again with zod, which words what is wrong.
  try {
    return loadConfigWith(options, undefined);
  } catch (error) {
    if (!(error instanceof NeedsSchema)) throw error;
  }
  const { configFileSchema } = await import("./schema.ts");
  return loadConfigWith(options, configFileSchema);
}

/** Thrown by {@link loadConfigWith} without a schema when the file needs zod's judgement. */
class NeedsSchema extends Error {
  override name: string = "NeedsSchema";
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
    return finish(root, undefined, { ...DEFAULTS }, url, undefined, x, undefined, undefined, [], []);
  }

  const text = readText(file);
  const data = validate(file, text, parseText(file, text), schema);
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
      url = { value: value === "" ? undefined : absolutizeSqlite(value, root, where(originKey)) };
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

  const settings = { ...DEFAULTS, ...interpolated } as typeof DEFAULTS & ConfigSettings;
  checkSettings(settings, origin, where);
  return finish(
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
 * Parses the text of a `.env` file: `KEY=VALUE` lines, optional `export `, `#` comments, values in
 * single quotes (literal) or double quotes (`\n`, `\t`, `\"`, `\\` escapes); an unquoted value ends
 * at ` #`. Lines that are blank or comments are skipped.
 *
 * @param text the file's content
 * @param file the file's path, for messages
 * @returns the variables, in file order (a later line wins)
 * @throws {ConfigError} naming the file and line of a line that is not `KEY=VALUE`
 */
export function parseDotEnv(text: string, file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "" || line.startsWith("#")) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*)$/.exec(line);
    if (!m) {
      throw new ConfigError(`Cannot read ${file}:${i + 1}: expected KEY=VALUE`, { file, line: i + 1 });
    }
    let value = m[2];
    const quote = value[0];
    if (quote === '"' || quote === "'") {
      const end = quote === "'" ? value.indexOf("'", 1) : findClosingQuote(value);
      if (end < 0) {
        throw new ConfigError(`Cannot read ${file}:${i + 1}: unterminated ${quote} quote`, {
          file,
          line: i + 1,
        });
      }
      const inner = value.slice(1, end);
      value = quote === "'"
        ? inner
        : inner.replace(/\\([nrt"\\])/g, (_, c: string) =>
          ({ n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" })[c] as string);
    } else {
      const hash = value.search(/\s#/);
      if (hash >= 0) value = value.slice(0, hash);
      value = value.trim();
    }
    out[m[1]] = value;
  }
  return out;
}

function findClosingQuote(value: string): number {
  for (let i = 1; i < value.length; i++) {
    if (value[i] === "\\") i++;
    else if (value[i] === '"') return i;
  }
  return -1;
}

function withDotEnv(
  environ: Readonly<Record<string, string | undefined>>,
  file: string,
): Record<string, string | undefined> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return { ...environ };
  }
  const out: Record<string, string | undefined> = { ...environ };
  for (const [key, value] of Object.entries(parseDotEnv(text, file))) {
    if (out[key] === undefined) out[key] = value;
  }
  return out;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new ConfigError(`Cannot read config file ${file}: ${(error as Error).message}`, { file }, {
      cause: error,
    });
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}

function parseText(file: string, text: string): unknown {
  if (file.toLowerCase().endsWith(".json")) {
    try {
      return JSON.parse(text);
    } catch (error) {
      const { offset, detail } = locateJsonError(text);
      const line = lineOf(text, offset);
      throw new ConfigError(`Cannot parse config file ${file}:${line}: ${detail}`, { file, line }, {
        cause: error,
      });
    }
  }
  try {
    return parseToml(text);
  } catch (error) {
    if (error instanceof TomlError) {
      const detail = error.message.split("\n")[0].replace(/^Invalid TOML document:\s*/, "");
      throw new ConfigError(`Cannot parse config file ${file}:${error.line}: ${detail}`, {
        file,
        line: error.line,
      }, { cause: error });
    }
    throw error;
  }
}

function validate(
  file: string,
  text: string,
  data: unknown,
  schema: (() => ConfigFileSchema) | undefined,
): ConfigFile {
  if (isWellFormedConfig(data)) return data as ConfigFile;
  if (schema === undefined) throw new NeedsSchema(file);
  const result = schema().safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.map(String);
    if (issue.code === "unrecognized_keys") {
      const key = [...path, issue.keys[0]].join(".");
      const extra = issue.keys.length > 1
        ? ` (and ${issue.keys.slice(1).map((k) => `"${k}"`).join(", ")})`
        : "";
      return { key, line: findKeyLine(text, file, key), detail: `unknown key "${key}"${extra}` };
    }
    const key = path.join(".");
    const actual = valueAt(data, issue.path as PropertyKey[]);
    return {
      key,
      line: findKeyLine(text, file, key),
      detail: `"${key}" must be ${issue.message}, got ${describe(actual)}`,
    };
  });
  problems.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  const first = problems[0];
  throw new ConfigError(`Cannot load config ${at(file, first.line)}: ${first.detail}`, {
    file,
    key: first.key,
    line: first.line,
  });
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

/** An unset `${NAME}`: in `url` it defers to `DATABASE_URL` / `requireUrl` instead of failing at once. */
class UnsetVariableError extends ConfigError {
  constructor(message: string, fields: { file?: string; key?: string; line?: number }) {
    super(message, fields);
    this.name = "ConfigError"; // private subclass: report it under its public name
  }
}

type Where = (key: string) => { file: string; key: string; line?: number };

const VAR_RE = /\$\{([^}]*)\}/g;
const VAR_BODY_RE = /^([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?$/s;

function interpolateString(
  value: string,
  environ: Readonly<Record<string, string | undefined>>,
  key: string,
  where: Where,
): string {
  if (!value.includes("${")) return value;
  const out = value.replace(VAR_RE, (whole, body: string) => {
    const m = VAR_BODY_RE.exec(body);
    if (!m) {
      const w = where(key);
      throw new ConfigError(
        `Cannot load config ${
          at(w.file, w.line)
        }: "${key}" holds "${whole}": expected \${NAME} or \${NAME:-default}`,
        w,
      );
    }
    const set = environ[m[1]];
    // As in the shell, ":-" also replaces a variable that is set but empty.
    if (m[2] !== undefined) return set === undefined || set === "" ? m[2] : set;
    if (set === undefined) {
      const w = where(key);
      throw new UnsetVariableError(
        `Cannot load config ${at(w.file, w.line)}: "${key}" uses \${${
          m[1]
        }}, which is not set (set it, or write \${${m[1]}:-default})`,
        w,
      );
    }
    return set;
  });
  if (/\$\{/.test(out.replace(VAR_RE, ""))) {
    const w = where(key);
    throw new ConfigError(
      `Cannot load config ${at(w.file, w.line)}: "${key}" holds an unterminated "\${"`,
      w,
    );
  }
  return out;
}

function interpolateValue(
  value: unknown,
  environ: Readonly<Record<string, string | undefined>>,
  key: string,
  where: Where,
): unknown {
  if (typeof value === "string") return interpolateString(value, environ, key, where);
  if (Array.isArray(value)) {
    return value.map((v, i) =>
      typeof v === "string" ? interpolateString(v, environ, `${key}.${i}`, where) : v
    );
  }
  return value;
}

function cliUrl(given: string | undefined, databaseUrl: string | undefined, cwd: string): { value?: string } {
  const raw = given ?? nonEmpty(databaseUrl);
  if (raw === undefined) return {};
  return { value: absolutizeSqlite(raw, cwd) };
}

/** Rewrites a relative `sqlite:///x.db` to `sqlite:////abs/x.db`; other URLs are returned as given. */
function absolutizeSqlite(
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
      `Cannot load config ${at(w.file, w.line)}: "${w.key}" is not a valid database URL: ${
        (error as Error).message.replace(/^Cannot parse database URL "[^"]*": /, "")
      } (got "${maskUrl(raw)}")`,
      w,
      { cause: error },
    );
  }
  if (parsed.dialect !== "sqlite" || parsed.path === ":memory:" || parsed.path === undefined) return raw;
  const m = /^([^:]+):\/\/([^?]*)(\?.*)?$/s.exec(raw.trim());
  if (!m) return raw;
  return `${m[1]}:///${parsed.path}${m[3] ?? ""}`;
}

function checkSettings(
  settings: typeof DEFAULTS & ConfigSettings,
  origin: Record<string, string>,
  where: Where,
): void {
  const fail = (key: string, detail: string): never => {
    const w = where(origin[key] ?? key);
    throw new ConfigError(`Cannot load config ${at(w.file, w.line)}: ${detail}`, w);
  };
  if (settings.timezone !== "UTC") {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: settings.timezone });
    } catch {
      fail(
        "timezone",
        `"${origin.timezone}" must be an IANA time zone such as "Europe/Paris", got "${settings.timezone}"`,
      );
    }
  }
  for (const m of settings.file_template.matchAll(/%\(([^)]*)\)/g)) {
    if (!FILE_TEMPLATE_TOKENS.has(m[1])) {
      fail(
        "file_template",
        `"${origin.file_template}" uses unknown token "%(${m[1]})": expected one of ${
          [...FILE_TEMPLATE_TOKENS].join(", ")
        }`,
      );
    }
  }
}

function finish(
  root: string,
  file: string | undefined,
  s: typeof DEFAULTS & ConfigSettings,
  url: { value?: string; problem?: string },
  fleet: Config["fleet"],
  x: Record<string, string>,
  environment: string | undefined,
  databaseName: string | undefined,
  environmentNames: string[],
  databaseNames: string[],
): Config {
  const scriptLocation = resolve(root, s.script_location);
  const versionLocations = s.version_locations?.map((p) => resolve(root, p)) ??
    [join(scriptLocation, "versions")];
  return {
    file,
    root,
    scriptLocation,
    versionLocations,
    url: url.value,
    urlProblem: url.value === undefined ? url.problem : undefined,
    versionTable: s.version_table,
    versionTableSchema: s.version_table_schema === "" ? undefined : s.version_table_schema,
    transactionPerMigration: s.transaction_per_migration,
    fileTemplate: s.file_template,
    truncateSlugLength: s.truncate_slug_length,
    timezone: s.timezone,
    schema: s.schema === undefined || s.schema === "" ? undefined : resolve(root, s.schema),
    compareType: s.compare_type,
    compareServerDefault: s.compare_server_default,
    includeTables: s.include_tables,
    excludeTables: s.exclude_tables,
    postWriteHooks: s.post_write_hooks,
    lockTimeoutMs: Math.round(s.lock_timeout * 1000),
    ...(s.statement_timeout === undefined
      ? {}
      : { statementTimeoutMs: Math.round(s.statement_timeout * 1000) }),
    revisionFormat: s.revision_format,
    fleet,
    x,
    environment,
    databaseName,
    environmentNames,
    databaseNames,
  };
}

function at(file: string, line: number | undefined): string {
  return line === undefined ? file : `${file}:${line}`;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value instanceof Date) return `a date (${value.toISOString()})`;
  if (Array.isArray(value)) return value.length === 0 ? "[]" : `an array`;
  if (typeof value === "object" && value !== null) return "a table";
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

/**
 * Best-effort 1-based line of a dotted key in the config text. TOML: follows `[table]` headers and
 * dotted keys; JSON: finds each `"segment":` in turn. Undefined when not found.
 */
function findKeyLine(text: string, file: string, dottedKey: string): number | undefined {
  const segments = dottedKey.split(".");
  // Array indexes point at the array's own key.
  while (segments.length > 1 && /^\d+$/.test(segments[segments.length - 1])) segments.pop();
  const lines = text.split("\n");
  if (file.toLowerCase().endsWith(".json")) {
    let from = 0;
    let found = -1;
    for (const seg of segments) {
      const idx = text.indexOf(`${JSON.stringify(seg)}`, from);
      if (idx < 0) break;
      const colon = /^\s*:/.test(text.slice(idx + JSON.stringify(seg).length));
      if (!colon) break;
      found = idx;
      from = idx + 1;
    }
    return found < 0 ? undefined : lineOf(text, found);
  }
  const want = segments.join(".");
  let table = "";
  let headerLine: number | undefined;
  let best: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const header = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$/.exec(line);
    if (header) {
      table = normalizeTomlKey(header[1]);
      if (table === want && headerLine === undefined) headerLine = i + 1;
      continue;
    }
    const assign =
      /^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=/.exec(
        line,
      );
    if (!assign) continue;
    const full = (table ? `${table}.` : "") + normalizeTomlKey(assign[1]);
    if (full === want) return i + 1;
    if (best === undefined && want.startsWith(`${full}.`)) best = i + 1;
  }
  return headerLine ?? best;
}

function normalizeTomlKey(key: string): string {
  return key.split(/\s*\.\s*(?=(?:[^"']|"[^"]*"|'[^']*')*$)/).map((k) => k.trim().replace(/^["']|["']$/g, ""))
    .join(".");
}

/**
 * Finds where JSON text first goes wrong, since Bun's `JSON.parse` errors carry no position.
 * Returns the offset and a short description.
 */
function locateJsonError(text: string): { offset: number; detail: string } {
  let i = 0;
  const n = text.length;
  class Stop extends Error {
    constructor(readonly offset: number, readonly detail: string) {
      super(detail);
    }
  }
  const ws = () => {
    while (i < n && " \t\r\n".includes(text[i])) i++;
  };
  const unexpected = (): never => {
    throw new Stop(i, i >= n ? "unexpected end of file" : `unexpected character ${JSON.stringify(text[i])}`);
  };
  const str = () => {
    i++;
    while (i < n && text[i] !== '"') {
      if (text[i] === "\\") i++;
      else if (text.charCodeAt(i) < 0x20) unexpected();
      i++;
    }
    if (i >= n) throw new Stop(i, "unterminated string");
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') unexpected();
        str();
        ws();
        if (text[i] !== ":") unexpected();
        i++;
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return;
        }
        unexpected();
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return;
        }
        unexpected();
      }
    }
    if (c === '"') return str();
    const lit = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      text.slice(i, i + 400),
    );
    if (!lit) unexpected();
    i += lit![0].length;
  };
  try {
    value();
    ws();
    if (i < n) unexpected();
  } catch (error) {
    if (error instanceof Stop) return { offset: error.offset, detail: error.detail };
    throw error;
  }
  return { offset: 0, detail: "invalid JSON" };
}
