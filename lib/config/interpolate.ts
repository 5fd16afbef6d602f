/**
 * `${NAME}` and `${NAME:-default}` in config values, replaced from the environment as a shell does
 * (`:-` also replaces a variable that is set but empty).
 *
 * @module
 */
import { ConfigError } from "../errors.ts";
import { fileAndLine, type Where } from "./find_key_line.ts";

/** An unset `${NAME}`: in `url` it defers to `DATABASE_URL` / `requireUrl` instead of failing at once. */
export class UnsetVariableError extends ConfigError {
  /**
   * @param message the message
   * @param fields file, dotted key and line
   */
  constructor(message: string, fields: { file?: string; key?: string; line?: number }) {
    super(message, fields);
    this.name = "ConfigError"; // private subclass: report it under its public name
  }
}

const VAR_RE = /\$\{([^}]*)\}/g;
const VAR_BODY_RE = /^([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?$/s;

/**
 * Replaces the variables of one string.
 *
 * @param value the string as written
 * @param environ the variables
 * @param key the dotted key it came from, for messages
 * @param where locates a key in the file
 * @returns the string with every variable replaced
 * @throws {UnsetVariableError} when a variable without default is not set
 * @throws {ConfigError} when a `${...}` is malformed or unterminated
 */
export function interpolateString(
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
          fileAndLine(w.file, w.line)
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
        `Cannot load config ${fileAndLine(w.file, w.line)}: "${key}" uses \${${
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
      `Cannot load config ${fileAndLine(w.file, w.line)}: "${key}" holds an unterminated "\${"`,
      w,
    );
  }
  return out;
}

/**
 * Replaces the variables of a value: a string, or each string of an array; other values as given.
 *
 * @param value a setting's value
 * @param environ the variables
 * @param key the dotted key it came from, for messages
 * @param where locates a key in the file
 * @returns the value with every variable replaced
 * @throws {ConfigError} as {@link interpolateString}
 */
export function interpolateValue(
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
