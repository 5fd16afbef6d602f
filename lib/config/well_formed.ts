/**
 * The config file's rules checked by hand, without zod: {@link isWellFormedConfig} says when a
 * parsed file certainly passes the zod schema of `schema.ts`, so the common case (a valid file)
 * never loads zod (about 0.7 ms of every command's start in the compiled binary).
 *
 * @module
 */
import type { ConfigSettings } from "./schema.ts";

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
