/**
 * Reads a revision file's header without importing it (DESIGN.md section 4): a regex scan of the
 * four `export const` literals of a TypeScript revision, or of the `-- key: value` lines of a SQL
 * revision. `migrate heads` scans every file on every run, so this never parses TypeScript.
 *
 * @module
 */
import { RevisionFileError } from "../errors.ts";
import type { Revision } from "../revision/revision.ts";

type HeaderKey = "revision" | "downRevision" | "branchLabels" | "dependsOn";

// `export const NAME` then any type annotation (no "=" in it), then "=".
const EXPORT_RE =
  /export[ \t]+const[ \t]+(revision|downRevision|branchLabels|dependsOn)\b[^=;\n]*(?:\n[^=;\n]*)?=[ \t]*/g;
const ID_RE = /^[^\s,]{1,32}$/;

const EXPECTED: Readonly<Record<HeaderKey, string>> = {
  revision: "a string literal",
  downRevision: "a string literal, an array of string literals or null",
  branchLabels: "a string literal, an array of string literals or null",
  dependsOn: "a string literal, an array of string literals or null",
};

/**
 * Scans the header of a revision file: a `.sql` path is read as SQL (`-- revision:` lines),
 * anything else as TypeScript.
 *
 * TypeScript: the `export const revision`, `downRevision`, `branchLabels` and `dependsOn`
 * initialisers must be literals (a string, an array of strings, or `null`; `as const` and any type
 * annotation are allowed); the scan stops once all four are found. `message` is the first line of
 * the leading `/** ... *\/` docstring and `createDate` its `Create Date:` line.
 *
 * SQL: leading `-- revision:`, `-- down_revision:`, `-- branch_labels:`, `-- depends_on:`,
 * `-- message:` and `-- create_date:` comment lines; lists are comma-separated, and an empty value
 * or `none` means none. The scan stops at the first line that is not a comment or blank.
 *
 * @param path the file's absolute path (recorded in the result and in errors)
 * @param text the file's text, or at least its beginning
 * @returns the revision the header declares
 * @throws {RevisionFileError} `Cannot read revision header of <file>:<line>: expected ... for <name>`
 *   when a value is not a literal of the right kind, and `Cannot read revision header of <file>: no
 *   "export const revision" found` (or `no "-- revision:" line found`) when the id is missing, and
 *   likewise when `downRevision` / `-- down_revision:` is missing
 * @example
 * ```ts
 * import { deepStrictEqual as assertEquals } from "node:assert/strict";
 * const rev = scanHeader("/m/versions/b.ts", 'export const revision = "b";\nexport const downRevision = "a";\n');
 * assertEquals([rev.revision, rev.downRevisions], ["b", ["a"]]);
 * ```
 */
export function scanHeader(path: string, text: string): Revision {
  if (path.toLowerCase().endsWith(".sql")) return scanSqlHeader(path, text);
  const scan = scanTsHeader(path, text);
  if (!scan.hasDownRevision) throw missingDownRevision(path);
  return scan.revision;
}

/**
 * The error for a TypeScript revision without `export const downRevision`: Alembic requires
 * `down_revision`, and a misspelt one would otherwise silently make a new base.
 *
 * @param path the revision file
 * @returns the error to throw
 */
export function missingDownRevision(path: string): RevisionFileError {
  return new RevisionFileError(
    `Cannot read revision header of ${path}: no "export const downRevision" found (use null for a base revision)`,
    path,
  );
}

/**
 * The TypeScript scan, also telling whether all four exports were found, so a caller that passed
 * only the beginning of a large file knows whether it must read more.
 *
 * @param path the file's path, for the result and errors
 * @param text the file's text or its beginning
 * @returns the revision; `complete`: true when all four exports were seen; `hasDownRevision`: whether
 *   `downRevision` was (a caller that saw the whole file treats its absence as an error)
 * @throws {RevisionFileError} as {@link scanHeader}
 */
export function scanTsHeader(
  path: string,
  text: string,
): { revision: Revision; complete: boolean; hasDownRevision: boolean } {
  const fast = scanCanonical(path, text);
  if (fast) return { revision: fast, complete: true, hasDownRevision: true };
  const found: Partial<Record<HeaderKey, string[] | string | null>> = {};
  let count = 0;
  EXPORT_RE.lastIndex = 0;
  while (count < 4) {
    const m = EXPORT_RE.exec(text);
    if (m === null) break;
    // Unanchored for speed (cold runs matter): a match counts only at the start of a line.
    if (!atLineStart(text, m.index)) continue;
    const key = m[1] as HeaderKey;
    if (key in found) continue;
    const start = m.index + m[0].length;
    const { value, end } = readLiteral(path, text, start, key);
    found[key] = value;
    count++;
    EXPORT_RE.lastIndex = end;
  }
  if (found.revision === undefined) {
    throw new RevisionFileError(
      `Cannot read revision header of ${path}: no "export const revision" found`,
      path,
    );
  }
  const { message, createDate, headerId } = readDocstring(text);
  checkHeaderId(path, text, found.revision as string, headerId);
  const revision = toRevision(path, found.revision as string, found, message, createDate);
  return { revision, complete: count === 4, hasDownRevision: found.downRevision !== undefined };
}

// Sticky regexes read at a position without copying the text.
const STRING_AT = /"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`([^`\\$]*)`/y;
const SPACE_AT = /\s*/y;
const TAIL_AT = /[ \t]*(?:as[ \t]+const[ \t]*)?(?:;|\r?\n|$)/y;

function readLiteral(
  path: string,
  text: string,
  start: number,
  key: HeaderKey,
): { value: string | string[] | null; end: number } {
  const fail = (): never => {
    throw new RevisionFileError(
      `Cannot read revision header of ${path}:${lineAt(text, start)}: expected ${EXPECTED[key]} for ${key}`,
      path,
      lineAt(text, start),
    );
  };
  let value: string | string[] | null;
  let i = start;
  const c = text.charCodeAt(i);
  if (c === 34 || c === 39 || c === 96) { // " ' `
    STRING_AT.lastIndex = i;
    const s = STRING_AT.exec(text);
    if (!s) return fail();
    value = unescape(s[1] ?? s[2] ?? s[3]);
    i = STRING_AT.lastIndex;
  } else if (key !== "revision" && text.startsWith("null", i)) {
    value = null;
    i += 4;
  } else if (key !== "revision" && c === 91) { // [
    const items: string[] = [];
    i++;
    for (;;) {
      SPACE_AT.lastIndex = i;
      SPACE_AT.exec(text);
      i = SPACE_AT.lastIndex;
      if (text.charCodeAt(i) === 93) { // ]
        i++;
        break;
      }
      STRING_AT.lastIndex = i;
      const item = STRING_AT.exec(text);
      if (!item) return fail();
      items.push(unescape(item[1] ?? item[2] ?? item[3]));
      SPACE_AT.lastIndex = STRING_AT.lastIndex;
      SPACE_AT.exec(text);
      i = SPACE_AT.lastIndex;
      if (text.charCodeAt(i) === 44) i++; // ,
      else if (text.charCodeAt(i) !== 93) return fail();
    }
    value = items;
  } else {
    return fail();
  }
  TAIL_AT.lastIndex = i;
  if (!TAIL_AT.exec(text)) return fail();
  return { value, end: TAIL_AT.lastIndex };
}

const DOC_START = /^\s*(?:#![^\n]*\n\s*)?\/\*\*/;
// From just after "/**": skip blanks and leading "*" (not the "*" of "*/"), take the rest of the line.
const DOC_FIRST_LINE = /(?:\s|\*(?!\/))*([^\n]*)/y;

/**
 * Message (first non-empty line) and `Create Date:` of a leading `/** ... *\/` docstring. Native
 * regex and indexOf only: this runs cold (uncompiled) for every file on every command.
 */
function readDocstring(
  text: string,
): { message?: string; createDate?: string; headerId?: { id: string; offset: number } } {
  const start = DOC_START.exec(text);
  if (!start) return {};
  const from = start[0].length;
  const end = text.indexOf("*/", from);
  if (end < 0) return {};
  DOC_FIRST_LINE.lastIndex = from;
  const first = DOC_FIRST_LINE.exec(text);
  let message: string | undefined;
  if (first && DOC_FIRST_LINE.lastIndex - first[1].length < end) {
    message = first[1].trim();
    if (message.endsWith("*/")) message = message.slice(0, -2).trim();
    if (message === "" || message.startsWith("Revision ID:") || message.startsWith("Create Date:")) {
      message = undefined;
    }
  }
  let createDate: string | undefined;
  const date = text.indexOf("Create Date:", from);
  if (date >= 0 && date < end) {
    let nl = text.indexOf("\n", date);
    if (nl < 0 || nl > end) nl = end;
    createDate = text.slice(date + 12, nl).trim();
  }
  let headerId: { id: string; offset: number } | undefined;
  const idAt = text.indexOf("Revision ID:", from);
  if (idAt >= 0 && idAt < end) {
    let nl = text.indexOf("\n", idAt);
    if (nl < 0 || nl > end) nl = end;
    const id = text.slice(idAt + 12, nl).trim();
    if (id !== "") headerId = { id, offset: idAt };
  }
  return { message, createDate, headerId };
}

/** Revision ids that are words of the identifier grammar: a revision so named would hide the word. */
const RESERVED_IDS = new Set(["head", "heads", "base"]);

/**
 * Refuse a docstring whose `Revision ID:` differs from the exported `revision` (a copied file
 * whose export was edited and whose docstring was not, or the other way round).
 */
function checkHeaderId(
  path: string,
  text: string,
  id: string,
  headerId: { id: string; offset: number } | undefined,
): void {
  if (headerId === undefined || headerId.id === id) return;
  const line = lineAt(text, headerId.offset);
  throw new RevisionFileError(
    `Cannot read revision header of ${path}:${line}: the docstring says "Revision ID: ${headerId.id}" ` +
      `but the file exports revision = "${id}"; make them the same`,
    path,
    line,
  );
}

// The four exports exactly as script.ts.tmpl writes them (ids of word characters): one native regex
// instead of the general scan, which matters because this code runs cold on every command.
const LIST = String.raw`(null|"\w{1,32}"|\[(?:"\w{1,32}"(?:, *"\w{1,32}")*)?\])`;
const CANONICAL = new RegExp(
  String.raw`export const revision(?:: *string)? *= *"(\w{1,32})";?\r?\n` +
    String.raw`export const downRevision(?:: *[^=\n]*)? *= *${LIST};?\r?\n` +
    String.raw`export const branchLabels(?:: *[^=\n]*)? *= *${LIST};?\r?\n` +
    String.raw`export const dependsOn(?:: *[^=\n]*)? *= *${LIST};?\r?\n`,
  "y",
);

function scanCanonical(path: string, text: string): Revision | undefined {
  const at = text.indexOf("export const revision");
  if (at < 0 || !atLineStart(text, at)) return undefined;
  CANONICAL.lastIndex = at;
  const m = CANONICAL.exec(text);
  if (!m) return undefined;
  const { message, createDate, headerId } = readDocstring(text);
  checkHeaderId(path, text, m[1], headerId);
  checkReserved(path, m[1]);
  return {
    revision: m[1],
    downRevisions: canonicalList(m[2]),
    branchLabels: canonicalList(m[3]),
    dependsOn: canonicalList(m[4]),
    path,
    message,
    createDate,
  };
}

function canonicalList(literal: string): string[] {
  if (literal === "null" || literal === "[]") return [];
  if (literal.charCodeAt(0) === 34) return [literal.slice(1, -1)];
  return literal.slice(2, -2).split(/", *"/);
}

function atLineStart(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return true;
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

function unescape(body: string): string {
  if (!body.includes("\\")) return body;
  return body.replace(/\\(.)/g, (_, c: string) => ({ n: "\n", t: "\t", r: "\r" })[c] ?? c);
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

function checkReserved(path: string, id: string): void {
  if (!RESERVED_IDS.has(id)) return;
  throw new RevisionFileError(
    `Cannot read revision header of ${path}: revision id "${id}" is a reserved word of revision ` +
      `targets (head, heads, base); choose another id`,
    path,
  );
}

function asList(value: string | string[] | null | undefined): string[] {
  if (value === undefined || value === null) return [];
  return typeof value === "string" ? [value] : value;
}

function toRevision(
  path: string,
  id: string,
  found: Partial<Record<HeaderKey, string[] | string | null>>,
  message: string | undefined,
  createDate: string | undefined,
): Revision {
  if (!ID_RE.test(id)) {
    throw new RevisionFileError(
      `Cannot read revision header of ${path}: revision id "${id}" must be 1 to 32 characters without spaces or commas`,
      path,
    );
  }
  checkReserved(path, id);
  return {
    revision: id,
    downRevisions: asList(found.downRevision),
    branchLabels: asList(found.branchLabels),
    dependsOn: asList(found.dependsOn),
    path,
    message,
    createDate,
  };
}

const SQL_KEYS: Readonly<Record<string, HeaderKey | "message" | "createDate">> = {
  revision: "revision",
  down_revision: "downRevision",
  branch_labels: "branchLabels",
  depends_on: "dependsOn",
  message: "message",
  create_date: "createDate",
};

function scanSqlHeader(path: string, text: string): Revision {
  const found: Partial<Record<HeaderKey, string[] | string | null>> = {};
  let message: string | undefined;
  let createDate: string | undefined;
  let revisionLine = 0;
  let lineNo = 0;
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl).trim();
    lineNo++;
    pos = nl + 1;
    if (line === "") continue;
    if (!line.startsWith("--")) break;
    const m = /^--\s*([a-z_]+)\s*:(.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === "migrate") break;
    const key = SQL_KEYS[m[1]];
    if (!key) continue;
    const value = m[2].trim();
    if (key === "message") message = value === "" ? undefined : value;
    else if (key === "createDate") createDate = value === "" ? undefined : value;
    else if (key === "revision") {
      if (value === "" || value.includes(",")) {
        throw new RevisionFileError(
          `Cannot read revision header of ${path}:${lineNo}: expected one revision id after "-- revision:"`,
          path,
          lineNo,
        );
      }
      found.revision = value;
      revisionLine = lineNo;
    } else {
      const items = value.split(",").map((v) => v.trim());
      const list = value === "" || value.toLowerCase() === "none" ? [] : items;
      if (list.some((v) => v === "")) {
        throw new RevisionFileError(
          `Cannot read revision header of ${path}:${lineNo}: empty item in the list after "-- ${m[1]}:"`,
          path,
          lineNo,
        );
      }
      found[key] = list;
    }
  }
  if (found.revision === undefined) {
    throw new RevisionFileError(`Cannot read revision header of ${path}: no "-- revision:" line found`, path);
  }
  if (found.downRevision === undefined) {
    throw new RevisionFileError(
      `Cannot read revision header of ${path}:${revisionLine}: no "-- down_revision:" line found (leave it empty for a base revision)`,
      path,
      revisionLine,
    );
  }
  return toRevision(path, found.revision as string, found, message, createDate);
}
