/**
 * Every key of the config file (DESIGN.md section 3) with its rule, declared once: the zod schema
 * (`schema.ts`) and the zod-free fast check (`well_formed.ts`) are both built from these tables, so
 * a key added here is known to both, and to the types (`z.infer` of the schema).
 *
 * This module imports nothing: loading it costs nothing on a command's start.
 *
 * @module
 */

/**
 * What one key accepts, and its value when no layer of the file sets it (`default`, where there is
 * one). Each rule also words its expectation for error messages ({@link expectation}).
 */
export type KeyRule =
  & { readonly default?: unknown }
  & (
    /** A string; `nonEmpty` refuses `""`. */
    | { readonly kind: "string"; readonly nonEmpty: boolean }
    /** An array of strings; `nonEmptyItems` refuses `""` items, `nonEmptyList` refuses `[]`. */
    | { readonly kind: "strings"; readonly nonEmptyItems: boolean; readonly nonEmptyList: boolean }
    /** `true` or `false`. */
    | { readonly kind: "boolean" }
    /** A safe integer `>= min`. */
    | { readonly kind: "integer"; readonly min: number }
    /** A finite number of seconds, `>= min` (or `> min` when `exclusive`). */
    | { readonly kind: "seconds"; readonly min: number; readonly exclusive: boolean }
    /** One of the given strings. */
    | { readonly kind: "enum"; readonly values: readonly [string, ...string[]] }
  );

const string = { kind: "string", nonEmpty: false } as const;
const nonEmptyString = { kind: "string", nonEmpty: true } as const;
const strings = { kind: "strings", nonEmptyItems: false, nonEmptyList: false } as const;
const boolean = { kind: "boolean" } as const;

/**
 * Keys allowed at the top level, in `[environments.NAME]` and in `[databases.NAME]`, in the order
 * the documentation lists them.
 */
export const SETTING_RULES = {
  script_location: { ...nonEmptyString, default: "migrations" },
  url: string,
  version_locations: { kind: "strings", nonEmptyItems: true, nonEmptyList: true },
  version_table: { ...nonEmptyString, default: "alembic_version" },
  version_table_schema: string,
  transaction_per_migration: { ...boolean, default: true },
  file_template: { ...nonEmptyString, default: "%(rev)s_%(slug)s" },
  truncate_slug_length: { kind: "integer", min: 1, default: 40 },
  timezone: { ...nonEmptyString, default: "UTC" },
  schema: string,
  compare_type: { ...boolean, default: true },
  compare_server_default: { ...boolean, default: true },
  include_tables: { ...strings, default: ["*"] },
  exclude_tables: { ...strings, default: [] },
  post_write_hooks: { ...strings, default: [] },
  /** Seconds to wait for the migration lock. */
  lock_timeout: { kind: "seconds", min: 0, exclusive: false, default: 60 },
  /** Seconds a migration statement may run (PostgreSQL statement_timeout, MySQL max_execution_time). */
  statement_timeout: { kind: "seconds", min: 0, exclusive: true },
  /** Lint rule ids `migrate lint` and `--plan` leave out (docs/lint.md). Retort-only key. */
  lint_ignore: { ...strings, default: [] },
  /** Format `migrate revision` writes by default; `sql` in the `sql` template. Retort-only key. */
  revision_format: { kind: "enum", values: ["ts", "sql"], default: "ts" },
} as const satisfies Readonly<Record<string, KeyRule>>;

/** Keys of the `[fleet]` section. */
export const FLEET_RULES = {
  urls_file: nonEmptyString,
  urls: strings,
  concurrency: { kind: "integer", min: 1 },
} as const satisfies Readonly<Record<string, KeyRule>>;

/** A key one settings layer may hold (top level, one environment, one database). */
export type SettingKey = keyof typeof SETTING_RULES;

/** Names of the keys a settings layer may hold, in {@link SETTING_RULES} order, for merging layers. */
export const SETTINGS_KEYS: readonly SettingKey[] = Object.keys(SETTING_RULES) as SettingKey[];

/** The keys whose rule has a default. */
type DefaultedKey = {
  [K in SettingKey]: (typeof SETTING_RULES)[K] extends { default: unknown } ? K : never;
}[SettingKey];

/** The value of every key that has a default, as {@link SETTING_DEFAULTS} holds them. */
export type SettingDefaults = { readonly [K in DefaultedKey]: RuleValue<(typeof SETTING_RULES)[K]> };

/** The defaults of {@link SETTING_RULES}: the bottom layer every configuration starts from. */
export const SETTING_DEFAULTS: SettingDefaults = Object.fromEntries(
  Object.entries(SETTING_RULES as Readonly<Record<string, KeyRule>>)
    .filter(([, rule]) => rule.default !== undefined)
    .map(([key, rule]) => [key, rule.default]),
) as unknown as SettingDefaults;

/**
 * The value type a rule accepts, for typing the zod schema built from it.
 *
 * @typeParam R the rule
 */
export type RuleValue<R extends KeyRule> = R extends { kind: "string" } ? string
  : R extends { kind: "strings" } ? string[]
  : R extends { kind: "boolean" } ? boolean
  : R extends { kind: "integer" | "seconds" } ? number
  : R extends { kind: "enum"; values: readonly (infer V)[] } ? V
  : never;

/**
 * What a rule expects, as error messages say it: `"a string"`, `"an integer >= 1"`, ... so that a
 * message reads `"truncate_slug_length" must be an integer >= 1, got "40"`.
 *
 * @param rule the rule
 * @returns the expectation, starting with an article (or a quoted value for an enum)
 */
export function expectation(rule: KeyRule): string {
  switch (rule.kind) {
    case "string":
      return rule.nonEmpty ? "a non-empty string" : "a string";
    case "strings":
      return "an array of strings";
    case "boolean":
      return "true or false";
    case "integer":
      return `an integer >= ${rule.min}`;
    case "seconds":
      return `a number of seconds ${rule.exclusive ? ">" : ">="} ${rule.min}`;
    case "enum":
      return rule.values.map((v) => `"${v}"`).join(" or ");
  }
}
