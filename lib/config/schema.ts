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

/** The type of {@link configFileSchema}'s schema. */
export type ConfigFileSchema = ReturnType<typeof buildConfigFileSchema>;

/** The settings one layer of the file may give (top level, one environment, one database). */
export type ConfigSettings = z.infer<z.ZodMiniObject<ReturnType<typeof buildSettingsShape>>>;

/** A validated config file, keys as written (snake_case). */
export type ConfigFile = z.infer<ConfigFileSchema>;

// The hand-written check that lets well-formed files skip zod lives apart, so that loading a config
// never loads zod unless the file has a problem to word.
export { isWellFormedConfig, SETTINGS_KEYS } from "./well_formed.ts";
