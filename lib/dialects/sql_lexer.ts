/**
 * The one SQL lexer. Every scanner of SQL text (statement splitting, placeholders, parentheses,
 * blank sections, SQLite's `CREATE TABLE` parser, offline parameter inlining) asks it where quoted
 * text, comments and dollar-quoted bodies begin and end, so `;`, `?` or `(` inside them are never
 * taken for code. What differs between databases is plain data, {@link SqlLexerRules}, kept in each
 * dialect's folder (`postgres/sql_lexer.ts`, `mysql/sql_lexer.ts`, `sqlite/sql_lexer.ts`, each written
 * through `defineSqlLexer`).
 *
 * References: PostgreSQL's `psql` lexer (`src/fe_utils/psqlscan.l`: `xq`/`xe` strings, `xd`
 * identifiers, `xdolq` dollar quotes, nested `xc` comments, the statement end at a `;` outside
 * parentheses and outside `CREATE FUNCTION ... BEGIN ... END`); the MySQL client (`client/mysql.cc`
 * `add_line`: backslash escapes in `'` and `"` strings, backticks, `#` and `-- ` comments,
 * `/*! ... *\/` executable comments, `DELIMITER`) and the manual's "Comments" page; SQLite's
 * `tokenize.c` and `complete.c` (`[...]` and `` `...` `` identifiers, trigger bodies).
 *
 * The scan works on character codes with lookup tables and `indexOf` jumps, never a regular
 * expression per character: it runs on every SQL revision.
 *
 * An unterminated quote or comment runs to the end of the text (`closed: false`): the server
 * reports the error, and scanners must not invent a statement end inside it.
 *
 * @module
 */

/** One kind of quoted text. */
export interface SqlQuoteRule {
  /** The opening character. */
  readonly open: string;
  /** The closing character (`]` for SQLite's `[...]`). */
  readonly close: string;
  /** `string` for literals, `identifier` for quoted names. */
  readonly kind: "string" | "identifier";
  /** A backslash escapes the next character (MySQL strings). */
  readonly backslash: boolean;
  /** Two closing characters in a row stand for one (`'it''s'`). */
  readonly doubled: boolean;
}

/** A database's lexical rules, as data; see the module docs for the references. */
export interface SqlLexerRules {
  /** Quoted strings and identifiers, each opened by a different character. */
  readonly quotes: readonly SqlQuoteRule[];
  /** PostgreSQL's `E'...'` strings: backslash escapes when `E` (or `e`) stands alone before `'`. */
  readonly escapeStrings: boolean;
  /** PostgreSQL's `$$...$$` and `$tag$...$tag$` bodies. */
  readonly dollarQuotes: boolean;
  /** MySQL's `#` line comments. */
  readonly hashComments: boolean;
  /** MySQL: `--` starts a comment only when a space or control character (or the end) follows. */
  readonly dashCommentNeedsSpace: boolean;
  /** PostgreSQL: `/* /* *\/ *\/` nests. */
  readonly nestedComments: boolean;
  /** MySQL: `/*! ... *\/` and `/*+ ... *\/` hold code the server runs (kept with the statement). */
  readonly executableComments: boolean;
  /** Letters that join a directly following `'...'` into one string token (`X'00'`, `E'a'`). */
  readonly stringPrefixes: string;
  /** The MySQL client's `DELIMITER xx` lines, which change the statement terminator. */
  readonly delimiterCommand: boolean;
  /** `psql`: a `;` inside parentheses does not end a statement. */
  readonly parenthesesHoldDelimiter: boolean;
  /**
   * Leading words (upper case) of statements whose `BEGIN ... END` body holds `;`: PostgreSQL's
   * `CREATE [OR REPLACE] FUNCTION|PROCEDURE` (SQL-standard bodies), SQLite's `CREATE TRIGGER`.
   * Inside such a statement, `BEGIN` opens a block, `CASE` opens one only inside a block, `END`
   * closes one (psqlscan.l's `begin_depth`).
   */
  readonly bodyStatements: readonly (readonly string[])[];
}

/** What a region of text is. */
export type SqlRegionKind = "comment" | "executableComment" | "string" | "identifier" | "dollar";

/** A quoted text, comment or dollar-quoted body. */
export interface SqlRegion {
  readonly kind: SqlRegionKind;
  /** Offset just after its last character. */
  readonly end: number;
  /** False when the text ended before the closing quote or comment end. */
  readonly closed: boolean;
}

/** Token kinds: a region's kind, or white space, a word, a number or one punctuation character. */
export type SqlTokenKind = SqlRegionKind | "space" | "word" | "number" | "punct";

/** One token of {@link tokenizeSql}; `text.slice(start, end)` is its source. */
export interface SqlToken {
  readonly kind: SqlTokenKind;
  readonly start: number;
  readonly end: number;
  /** False for an unterminated quote or comment. */
  readonly closed: boolean;
}

/**
 * Rules for SQL whose database is not known (e.g. a section checked for being blank before a
 * dialect is chosen): `'...'`, `"..."` and `` `...` `` with doubled quotes, `--` and `/* *\/` comments.
 * Also the baseline of every dialect's rules (`define_sql_lexer.ts`): a rule a dialect leaves out is
 * as here, so every rule but `quotes` stays off.
 */
export const GENERIC_SQL_LEXER: SqlLexerRules = Object.freeze({
  quotes: Object.freeze([
    Object.freeze({ open: "'", close: "'", kind: "string", backslash: false, doubled: true }),
    Object.freeze({ open: '"', close: '"', kind: "identifier", backslash: false, doubled: true }),
    Object.freeze({ open: "`", close: "`", kind: "identifier", backslash: false, doubled: true }),
  ]),
  escapeStrings: false,
  dollarQuotes: false,
  hashComments: false,
  dashCommentNeedsSpace: false,
  nestedComments: false,
  executableComments: false,
  stringPrefixes: "",
  delimiterCommand: false,
  parenthesesHoldDelimiter: false,
  bodyStatements: Object.freeze([]),
}) satisfies SqlLexerRules;

const QUOTE = 1;
const DASH = 2;
const SLASH = 3;
const HASH = 4;
const DOLLAR = 5;

/** Character classes of ASCII codes, shared by every rule set. */
const IDENT_START = new Uint8Array(128);
const IDENT_CONT = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  IDENT_START[c] = letter ? 1 : 0;
  IDENT_CONT[c] = letter || (c >= 48 && c <= 57) || c === 36 ? 1 : 0;
}

/**
 * Whether a character may start an unquoted word (letters, `_`, any non-ASCII character).
 *
 * @param code a character code
 * @returns true for a word's first character
 */
export function isWordStart(code: number): boolean {
  return code >= 128 || IDENT_START[code] === 1;
}

/**
 * Whether a character may continue an unquoted word (also digits and `$`, as in all three databases).
 *
 * @param code a character code
 * @returns true for a word's later characters
 */
export function isWordPart(code: number): boolean {
  return code >= 128 || IDENT_CONT[code] === 1;
}

/**
 * Whether a character is white space (what JavaScript's `\s` matches).
 *
 * @param code a character code
 * @returns true for white space
 */
export function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 ||
    code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** The first position at or after `i` in `text` that holds no white space ({@link isSpace}), or `text.length`. */
export function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

interface Compiled {
  /** For each ASCII code, what region it may open (0: none). */
  readonly starts: Uint8Array;
  /** The quote rule each ASCII code opens. */
  readonly quotes: (SqlQuoteRule | undefined)[];
  readonly prefixes: Uint8Array;
}

const compiledRules = new WeakMap<SqlLexerRules, Compiled>();

function compile(rules: SqlLexerRules): Compiled {
  let c = compiledRules.get(rules);
  if (c) return c;
  const starts = new Uint8Array(128);
  const quotes: (SqlQuoteRule | undefined)[] = new Array(128).fill(undefined);
  for (const q of rules.quotes) {
    starts[q.open.charCodeAt(0)] = QUOTE;
    quotes[q.open.charCodeAt(0)] = q;
  }
  starts[45] = DASH;
  starts[47] = SLASH;
  if (rules.hashComments) starts[35] = HASH;
  if (rules.dollarQuotes) starts[36] = DOLLAR;
  const prefixes = new Uint8Array(128);
  for (const p of rules.stringPrefixes) prefixes[p.charCodeAt(0)] = 1;
  c = { starts, quotes, prefixes };
  compiledRules.set(rules, c);
  return c;
}

/**
 * Whether a region (quoted text, comment, dollar quote) may start with the character code `code`:
 * a cheap test before {@link sqlRegionAt}.
 *
 * @param rules the dialect's rules
 * @param code a character code
 * @returns false when no region starts with this character
 */
export function mayStartRegion(rules: SqlLexerRules, code: number): boolean {
  return code < 128 && compile(rules).starts[code] !== 0;
}

/**
 * {@link mayStartRegion} as a table, for scanners' inner loops: the entry of an ASCII code is
 * non-zero when a region may start with that character.
 *
 * @param rules the dialect's rules
 * @returns a table of 128 entries (do not modify it)
 */
export function regionStartTable(rules: SqlLexerRules): Uint8Array {
  return compile(rules).starts;
}

/**
 * The quoted text, comment or dollar-quoted body that starts at `i`, if one does.
 *
 * @param rules the dialect's rules
 * @param text SQL text
 * @param i an offset in `text` where a token starts (not inside a word: `a$b$` opens nothing)
 * @returns the region, or undefined when `text[i]` starts none
 */
export function sqlRegionAt(rules: SqlLexerRules, text: string, i: number): SqlRegion | undefined {
  const code = text.charCodeAt(i);
  if (code >= 128) return undefined;
  const c = compile(rules);
  switch (c.starts[code]) {
    case QUOTE: {
      const q = c.quotes[code]!;
      const backslash = q.backslash || (code === 39 && rules.escapeStrings && isEscapePrefix(text, i));
      return quoted(text, i, q, backslash);
    }
    case DASH: {
      if (text.charCodeAt(i + 1) !== 45) return undefined;
      // MySQL manual: "the second dash [must] be followed by at least one whitespace or control character".
      if (rules.dashCommentNeedsSpace && i + 2 < text.length && text.charCodeAt(i + 2) > 32) return undefined;
      return lineComment(text, i);
    }
    case HASH:
      return lineComment(text, i);
    case SLASH: {
      if (text.charCodeAt(i + 1) !== 42) return undefined;
      const third = text.charCodeAt(i + 2);
      const kind = rules.executableComments && (third === 33 || third === 43)
        ? "executableComment"
        : "comment";
      return blockComment(text, i, rules.nestedComments, kind);
    }
    case DOLLAR:
      return dollarQuoted(text, i);
    default:
      return undefined;
  }
}

/** `E'...'`: the `E` stands alone (`some'` is the word `some`, then a quote). */
function isEscapePrefix(text: string, i: number): boolean {
  const p = text.charCodeAt(i - 1);
  if (p !== 69 && p !== 101) return false;
  return i < 2 || !isWordPart(text.charCodeAt(i - 2));
}

function quoted(text: string, i: number, q: SqlQuoteRule, backslash: boolean): SqlRegion {
  const close = q.close;
  const n = text.length;
  if (!backslash) {
    let j = i + 1;
    for (;;) {
      const at = text.indexOf(close, j);
      if (at < 0) return { kind: q.kind, end: n, closed: false };
      if (q.doubled && text[at + 1] === close) {
        j = at + 2;
        continue;
      }
      return { kind: q.kind, end: at + 1, closed: true };
    }
  }
  // Jump from quote to quote with indexOf; a backslash between escapes the character after it.
  let j = i + 1;
  for (;;) {
    const at = text.indexOf(close, j);
    if (at < 0) return { kind: q.kind, end: n, closed: false };
    let bs = j;
    while (bs < at && text.charCodeAt(bs) !== 92) bs++;
    if (bs < at) {
      j = bs + 2;
      continue;
    }
    if (q.doubled && text[at + 1] === close) {
      j = at + 2;
      continue;
    }
    return { kind: q.kind, end: at + 1, closed: true };
  }
}

function lineComment(text: string, i: number): SqlRegion {
  const eol = text.indexOf("\n", i);
  return { kind: "comment", end: eol < 0 ? text.length : eol, closed: true };
}

function blockComment(text: string, i: number, nested: boolean, kind: SqlRegionKind): SqlRegion {
  if (!nested) {
    const at = text.indexOf("*/", i + 2);
    return at < 0 ? { kind, end: text.length, closed: false } : { kind, end: at + 2, closed: true };
  }
  let depth = 1;
  let j = i + 2;
  for (;;) {
    const close = text.indexOf("*/", j);
    if (close < 0) return { kind, end: text.length, closed: false };
    let open = text.indexOf("/*", j);
    while (open >= 0 && open < close) {
      depth++;
      open = text.indexOf("/*", open + 2);
    }
    depth--;
    j = close + 2;
    if (depth === 0) return { kind, end: j, closed: true };
  }
}

/** `$tag$...$tag$` (psqlscan.l `dolqdelim`: the tag is a word without `$`), or nothing (`$1`, `a$b`). */
function dollarQuoted(text: string, i: number): SqlRegion | undefined {
  if (i > 0 && isWordPart(text.charCodeAt(i - 1))) return undefined;
  let j = i + 1;
  if (j < text.length && text.charCodeAt(j) !== 36) {
    if (!isWordStart(text.charCodeAt(j))) return undefined;
    j++;
    while (j < text.length && text.charCodeAt(j) !== 36 && isWordPart(text.charCodeAt(j))) j++;
  }
  if (text.charCodeAt(j) !== 36) return undefined;
  const tag = text.slice(i, j + 1);
  const at = text.indexOf(tag, j + 1);
  return at < 0
    ? { kind: "dollar", end: text.length, closed: false }
    : { kind: "dollar", end: at + tag.length, closed: true };
}

/**
 * Split SQL text into tokens that cover it exactly (white space and comments included).
 *
 * @param rules the dialect's rules
 * @param text SQL text
 * @returns the tokens in order; unterminated quotes and comments run to the end (`closed: false`)
 * @example
 * ```ts
 * import { GENERIC_SQL_LEXER, tokenizeSql } from "./sql_lexer.ts";
 * tokenizeSql(GENERIC_SQL_LEXER, "a = 'x'").map((t) => t.kind); // ["word", "space", "punct", "space", "string"]
 * ```
 */
export function tokenizeSql(rules: SqlLexerRules, text: string): SqlToken[] {
  const c = compile(rules);
  const out: SqlToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      const j = skipSpace(text, i + 1);
      out.push({ kind: "space", start: i, end: j, closed: true });
      i = j;
      continue;
    }
    if (code < 128 && c.starts[code] !== 0) {
      const r = sqlRegionAt(rules, text, i);
      if (r) {
        out.push({ kind: r.kind, start: i, end: r.end, closed: r.closed });
        i = r.end;
        continue;
      }
    }
    if (isWordStart(code)) {
      if (code < 128 && c.prefixes[code] === 1 && text.charCodeAt(i + 1) === 39) {
        const r = sqlRegionAt(rules, text, i + 1)!;
        out.push({ kind: "string", start: i, end: r.end, closed: r.closed });
        i = r.end;
        continue;
      }
      let j = i + 1;
      while (j < n && isWordPart(text.charCodeAt(j))) j++;
      out.push({ kind: "word", start: i, end: j, closed: true });
      i = j;
      continue;
    }
    if (isDigit(code) || (code === 46 && isDigit(text.charCodeAt(i + 1)))) {
      const j = numberEnd(text, i);
      out.push({ kind: "number", start: i, end: j, closed: true });
      i = j;
      continue;
    }
    out.push({ kind: "punct", start: i, end: i + 1, closed: true });
    i++;
  }
  return out;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** End of a numeric literal: `0x1F`, `12`, `1.5`, `.5`, `1.`, `1e-3`. */
function numberEnd(text: string, i: number): number {
  const n = text.length;
  if (text.charCodeAt(i) === 48 && (text.charCodeAt(i + 1) | 32) === 120) {
    let j = i + 2;
    while (j < n && /[0-9a-f]/i.test(text[j])) j++;
    if (j > i + 2) return j;
  }
  let j = i;
  while (isDigit(text.charCodeAt(j))) j++;
  if (text.charCodeAt(j) === 46) {
    j++;
    while (isDigit(text.charCodeAt(j))) j++;
  }
  if ((text.charCodeAt(j) | 32) === 101) {
    let k = j + 1;
    if (text[k] === "+" || text[k] === "-") k++;
    if (isDigit(text.charCodeAt(k))) {
      while (isDigit(text.charCodeAt(k))) k++;
      j = k;
    }
  }
  return j;
}

/**
 * Offsets of the characters of `chars` that stand outside quoted text, comments and dollar quotes.
 *
 * @param rules the dialect's rules
 * @param text SQL text
 * @param chars the ASCII characters to look for (e.g. `"?"` or `"()"`)
 * @returns offsets, ascending
 * @example
 * ```ts
 * import { findSqlChars, GENERIC_SQL_LEXER } from "./sql_lexer.ts";
 * findSqlChars(GENERIC_SQL_LEXER, "a = ? -- b?", "?"); // [4]
 * ```
 */
export function findSqlChars(rules: SqlLexerRules, text: string, chars: string): number[] {
  const c = compile(rules);
  const wanted = new Uint8Array(128);
  for (const ch of chars) wanted[ch.charCodeAt(0)] = 1;
  const out: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code >= 128) {
      i++;
      continue;
    }
    if (wanted[code] === 1) {
      out.push(i);
      i++;
    } else if (c.starts[code] !== 0) {
      const r = sqlRegionAt(rules, text, i);
      i = r ? r.end : i + 1;
    } else if (IDENT_START[code] === 1) {
      // Skip the whole word, so `a$b$` never reads as a dollar quote.
      i++;
      while (i < n && isWordPart(text.charCodeAt(i))) i++;
    } else {
      i++;
    }
  }
  return out;
}

/**
 * Whether SQL text holds anything but white space and comments (a MySQL `/*! ... *\/` comment, and
 * an unterminated `/*` comment, count as code).
 *
 * @param rules the dialect's rules
 * @param text SQL text
 * @returns true when some code is present
 */
export function hasSqlCode(rules: SqlLexerRules, text: string): boolean {
  const n = text.length;
  for (let i = skipSpace(text, 0); i < n; i = skipSpace(text, i)) {
    const code = text.charCodeAt(i);
    const r = mayStartRegion(rules, code) ? sqlRegionAt(rules, text, i) : undefined;
    // An unterminated comment is left for the server to report.
    if (r === undefined || r.kind !== "comment" || !r.closed) return true;
    i = r.end;
  }
  return false;
}
