/**
 * Where a key or an error is in the config file's text: {@link findKeyLine} for a dotted key,
 * {@link lineOf} for an offset, and {@link fileAndLine} to print `file:line`. Messages name the line.
 *
 * @module
 */

/** Gives the file, dotted key and (when found) line of a key, for a `ConfigError`. */
export type Where = (key: string) => { file: string; key: string; line?: number };

/**
 * `file:line`, or the file alone when the line is unknown.
 *
 * @param file the file's path
 * @param line 1-based line, if known
 * @returns the location as messages print it
 */
export function fileAndLine(file: string, line: number | undefined): string {
  return line === undefined ? file : `${file}:${line}`;
}

/**
 * The 1-based line of an offset in a text.
 *
 * @param text the text
 * @param offset a character offset
 * @returns its line number
 */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Best-effort 1-based line of a dotted key in the config text. TOML: follows `[table]` headers and
 * dotted keys; JSON: finds each `"segment":` in turn. Undefined when not found.
 *
 * @param text the config file's text
 * @param file its path (`.json` is read as JSON, anything else as TOML)
 * @param dottedKey the key, such as `environments.prod.url`
 * @returns the line, or undefined
 */
export function findKeyLine(text: string, file: string, dottedKey: string): number | undefined {
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
