/**
 * Reading and parsing the config file's text: TOML (smol-toml) or JSON by the file's extension;
 * a parse error names the file and line (found by hand for JSON, whose errors carry no position
 * under Bun).
 *
 * @module
 */
import { readFileSync } from "node:fs";
import { parse as parseToml, TomlError } from "smol-toml";
import { ConfigError } from "../errors.ts";
import { lineOf } from "./find_key_line.ts";

/**
 * The text of the config file.
 *
 * @param file absolute path
 * @returns its content
 * @throws {ConfigError} `Cannot read config file <file>: <reason>`
 */
export function readConfigText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new ConfigError(`Cannot read config file ${file}: ${(error as Error).message}`, { file }, {
      cause: error,
    });
  }
}

/**
 * Parses the config file's text: JSON for a `.json` file, TOML otherwise.
 *
 * @param file the file's path (its extension picks the format; named in errors)
 * @param text its content
 * @returns the parsed document
 * @throws {ConfigError} `Cannot parse config file <file>:<line>: <detail>`
 */
export function parseConfigText(file: string, text: string): unknown {
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
