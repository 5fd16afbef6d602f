/**
 * The config file's shape (DESIGN.md section 3) as a zod schema, in the file's snake_case keys.
 *
 * Built on `zod/mini`: the CLI validates the config on every command, and in the compiled binary
 * `zod/mini` starts in about 3 ms where classic `zod` takes about 8 ms (measured with
 * `bun build --compile`, import plus building and running a small schema).
 *
 * Every schema carries its expectation as the issue message (`"a string"`, `"an integer >= 1"`),
 * so `load.ts` can say `"truncate_slug_length" must be an integer >= 1, got "40"`.
 *
 * @module
 */
import * as z from "zod/mini";

const str = () => z.string({ error: "a string" });
const nonEmptyStr = () =>
  z.string({ error: "a non-empty string" }).check(z.minLength(1, "a non-empty string"));
const bool = () => z.boolean({ error: "true or false" });
const strList = () => z.array(str(), { error: "an array of strings" });

/** Keys allowed at the top level, in `[environments.NAME]` and in `[databases.NAME]`. */
const buildSettingsShape = () => ({
  script_location: z.optional(nonEmptyStr()),
  url: z.optional(str()),
  version_locations: z.optional(
    z.array(nonEmptyStr(), { error: "an array of strings" }).check(
      z.minLength(1, "a non-empty array of strings"),
    ),
  ),
  version_table: z.optional(nonEmptyStr()),
  version_table_schema: z.optional(str()),
  transaction_per_migration: z.optional(bool()),
  file_template: z.optional(nonEmptyStr()),
  truncate_slug_length: z.optional(
    z.int({ error: "an integer >= 1" }).check(z.gte(1, "an integer >= 1")),
  ),
  timezone: z.optional(nonEmptyStr()),
  schema: z.optional(str()),
  compare_type: z.optional(bool()),
  compare_server_default: z.optional(bool()),
  include_tables: z.optional(strList()),
  exclude_tables: z.optional(strList()),
  post_write_hooks: z.optional(strList()),
  /** Seconds to wait for the migration lock. */
  lock_timeout: z.optional(
    z.number({ error: "a number of seconds >= 0" }).check(z.gte(0, "a number of seconds >= 0")),
  ),
  /** Seconds a migration statement may run (PostgreSQL statement_timeout, MySQL max_execution_time). */
  statement_timeout: z.optional(
    z.number({ error: "a number of seconds > 0" }).check(z.gt(0, "a number of seconds > 0")),
  ),
  /** Format `migrate revision` writes by default; `sql` in the `sql` template. Retort-only key. */
  revision_format: z.optional(z.enum(["ts", "sql"], { error: '"ts" or "sql"' })),
});

/**
 * Schema of a whole config file (TOML or JSON), strict: an unknown key at any level is an error.
 *
 * Each `[databases.NAME]` takes the top-level keys plus its own `environments`; `[environments.NAME]`
 * takes the top-level keys that describe one migration set (not `environments`, `databases`, `fleet`).
 * Built on first use: a well-formed file passes `isWellFormedConfig` and never needs it, which
 * keeps zod's set-up (about 2.5 ms) off every command's start-up.
 *
 * @returns the (memoised) zod schema
 */
export function configFileSchema(): ConfigFileSchema {
  return (built ??= buildConfigFileSchema());
}

let built: ConfigFileSchema | undefined;

function buildConfigFileSchema() {
  const settingsShape = buildSettingsShape();
  const settings = z.strictObject(settingsShape, { error: "a table" });
  const environments = z.record(z.string(), settings, { error: "a table of environments" });
  const fleet = z.strictObject({
    urls_file: z.optional(nonEmptyStr()),
    urls: z.optional(strList()),
    concurrency: z.optional(z.int({ error: "an integer >= 1" }).check(z.gte(1, "an integer >= 1"))),
  }, { error: "a table" });
  const database = z.strictObject({ ...settingsShape, environments: z.optional(environments) }, {
    error: "a table",
  });
  return z.strictObject({
    ...settingsShape,
    environments: z.optional(environments),
    databases: z.optional(z.record(z.string(), database, { error: "a table of databases" })),
    fleet: z.optional(fleet),
  }, { error: "a table" });
}

type ConfigFileSchema = ReturnType<typeof buildConfigFileSchema>;

/** The settings one layer of the file may give (top level, one environment, one database). */
export type ConfigSettings = z.infer<z.ZodMiniObject<ReturnType<typeof buildSettingsShape>>>;

/** A validated config file, keys as written (snake_case). */
export type ConfigFile = z.infer<ConfigFileSchema>;

/** Names of the keys {@link ConfigSettings} may hold, for merging layers. */
export const SETTINGS_KEYS: readonly (keyof ConfigSettings)[] = [
  "script_location",
  "url",
  "version_locations",
  "version_table",
  "version_table_schema",
  "transaction_per_migration",
  "file_template",
  "truncate_slug_length",
  "timezone",
  "schema",
  "compare_type",
  "compare_server_default",
  "include_tables",
  "exclude_tables",
  "post_write_hooks",
  "lock_timeout",
  "statement_timeout",
  "revision_format",
];

/**
 * Whether `data` certainly passes {@link configFileSchema}: a hand-written check of the same rules,
 * so well-formed files skip zod entirely. It may say false for data zod accepts; then zod decides
 * (and words the error). It never says true for data zod rejects (tested).
 *
 * @param data a parsed TOML or JSON document
 */
export function isWellFormedConfig(data: unknown): boolean {
  if (!isTable(data)) return false;
  for (const [key, value] of Object.entries(data)) {
    if (key === "environments") {
      if (!isTable(value) || !Object.values(value).every((env) => isSettings(env, false))) return false;
    } else if (key === "databases") {
      if (!isTable(value) || !Object.values(value).every((db) => isSettings(db, true))) return false;
    } else if (key === "fleet") {
      if (!isFleet(value)) return false;
    } else if (!isSetting(key, value)) return false;
  }
  return true;
}

function isTable(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  // smol-toml builds its tables without a prototype; JSON.parse with Object's.
  const proto = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype;
}

function isSettings(value: unknown, withEnvironments: boolean): boolean {
  if (!isTable(value)) return false;
  for (const [key, v] of Object.entries(value)) {
    if (key === "environments" && withEnvironments) {
      if (!isTable(v) || !Object.values(v).every((env) => isSettings(env, false))) return false;
    } else if (!isSetting(key, v)) return false;
  }
  return true;
}

function isFleet(value: unknown): boolean {
  if (!isTable(value)) return false;
  for (const [key, v] of Object.entries(value)) {
    if (key === "urls_file") {
      if (!isNonEmptyString(v)) return false;
    } else if (key === "urls") {
      if (!isStringList(v)) return false;
    } else if (key === "concurrency") {
      if (!(Number.isSafeInteger(v) && (v as number) >= 1)) return false;
    } else return false;
  }
  return true;
}

const isString = (v: unknown): v is string => typeof v === "string";
const isNonEmptyString = (v: unknown): v is string => typeof v === "string" && v.length > 0;
const isStringList = (v: unknown): boolean => Array.isArray(v) && v.every(isString);
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

const SETTING_CHECKS: Readonly<Record<string, (v: unknown) => boolean>> = {
  script_location: isNonEmptyString,
  url: isString,
  version_locations: (v) => Array.isArray(v) && v.length > 0 && v.every(isNonEmptyString),
  version_table: isNonEmptyString,
  version_table_schema: isString,
  transaction_per_migration: (v) => typeof v === "boolean",
  file_template: isNonEmptyString,
  truncate_slug_length: (v) => Number.isSafeInteger(v) && (v as number) >= 1,
  timezone: isNonEmptyString,
  schema: isString,
  compare_type: (v) => typeof v === "boolean",
  compare_server_default: (v) => typeof v === "boolean",
  include_tables: isStringList,
  exclude_tables: isStringList,
  post_write_hooks: isStringList,
  lock_timeout: (v) => isNumber(v) && v >= 0,
  statement_timeout: (v) => isNumber(v) && v > 0,
  revision_format: (v) => v === "ts" || v === "sql",
};

function isSetting(key: string, value: unknown): boolean {
  const check = Object.hasOwn(SETTING_CHECKS, key) ? SETTING_CHECKS[key] : undefined;
  return check !== undefined && check(value);
}
