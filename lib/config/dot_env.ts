/**
 * The `.env` file beside the config (DESIGN.md section 3): {@link parseDotEnv} reads its text,
 * {@link withDotEnv} fills in the variables it sets that the environment does not.
 *
 * @module
 */
import { readFileSync } from "node:fs";
import { ConfigError } from "../errors.ts";

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

/**
 * The environment with a `.env` file's variables added where unset (it never overrides).
 *
 * @param environ the process environment (or the caller's stand-in)
 * @param file the `.env` file's path; a missing or unreadable file adds nothing
 * @returns a new record
 * @throws {ConfigError} when the file holds a line that is not `KEY=VALUE`
 */
export function withDotEnv(
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
