/**
 * Validation of a parsed config file: the zod-free fast check, else the zod schema with a message
 * naming the file, dotted key, line and what was expected; then the checks no schema expresses
 * (IANA time zone, `file_template` tokens).
 *
 * @module
 */
import { ConfigError } from "../errors.ts";
import type { SettingDefaults } from "./key_rules.ts";
import type { ConfigFile, ConfigFileSchema, ConfigSettings } from "./schema.ts";
import { fileAndLine, findKeyLine, type Where } from "./find_key_line.ts";
import { isWellFormedConfig } from "./well_formed.ts";

/** Thrown by {@link validateConfigFile} without a schema when the file needs zod's judgement. */
export class NeedsSchema extends Error {
  override name: string = "NeedsSchema";
}

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
 * The parsed file as a {@link ConfigFile}, when it passes the rules.
 *
 * @param file the file's path, for messages
 * @param text its text, to find the line of a key
 * @param data the parsed document
 * @param schema the zod schema's getter, or undefined to avoid loading zod
 * @returns the same data, typed
 * @throws {NeedsSchema} when the fast check does not vouch for the file and `schema` is undefined
 * @throws {ConfigError} `Cannot load config <file>:<line>: unknown key "<key>"` or
 *   `"<key>" must be <expectation>, got <value>`, for the first problem in the file
 */
export function validateConfigFile(
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
  throw new ConfigError(`Cannot load config ${fileAndLine(file, first.line)}: ${first.detail}`, {
    file,
    key: first.key,
    line: first.line,
  });
}

/**
 * Checks what the schema does not: `timezone` is an IANA zone, `file_template` uses known tokens.
 *
 * @param settings the merged settings over the defaults
 * @param origin the dotted key each setting came from
 * @param where locates a key in the file
 * @throws {ConfigError} naming the key, its line and what was expected
 */
export function checkSettings(
  settings: SettingDefaults & ConfigSettings,
  origin: Record<string, string>,
  where: Where,
): void {
  const fail = (key: string, detail: string): never => {
    const w = where(origin[key] ?? key);
    throw new ConfigError(`Cannot load config ${fileAndLine(w.file, w.line)}: ${detail}`, w);
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
