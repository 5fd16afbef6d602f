/**
 * Splitting a SQL revision section into statements, the way each database's own command-line
 * client does (`psql`, `mysql`): a `;` ends a statement only outside quotes, comments, PostgreSQL
 * dollar-quoted bodies and, for MySQL, only when it is the current `DELIMITER`.
 *
 * The runner splits where one multi-statement round trip cannot do the job: on MySQL, which commits
 * DDL as it goes and must report which statements of a failed revision had already run; and for
 * `transaction:false` sections on PostgreSQL, where several statements sent at once form an
 * implicit transaction (which `CREATE INDEX CONCURRENTLY` refuses).
 *
 * @module
 */
import type { DialectName } from "../dialects/dialect.ts";

/** One statement of a section. */
export interface SplitStatement {
  /** The statement text without its terminator, trimmed. */
  readonly sql: string;
  /** Character offset of the statement's first character in the text. */
  readonly offset: number;
  /** 0-based line of the statement's first character in the text. */
  readonly line: number;
}

/**
 * Split `text` into statements.
 *
 * Understands `'...'` (with `''`, and backslash escapes on MySQL and in PostgreSQL `E'...'`),
 * `"..."`, MySQL `` `...` ``, `-- ...` and `/* ... *\/` comments (nested on PostgreSQL), MySQL `#`
 * comments and `DELIMITER` lines (as the `mysql` client), PostgreSQL `$tag$...$tag$` bodies, and
 * SQLite `CREATE TRIGGER ... BEGIN ... END` bodies. Statements holding only comments are dropped.
 *
 * @param text a section's SQL
 * @param dialect which database's lexical rules apply
 * @returns the statements in order
 */
export function splitSqlStatements(text: string, dialect: DialectName): SplitStatement[] {
  const out: SplitStatement[] = [];
  const mysql = dialect === "mysql";
  const pg = dialect === "postgresql";
  let delimiter = ";";
  let i = 0;
  let hasCode = false;
  let codeStart = -1;
  // SQLite trigger bodies hold `;` between BEGIN and END.
  let words: string[] = [];
  let triggerDepth = 0;
  const n = text.length;
  const push = (end: number) => {
    if (hasCode) {
      const raw = text.slice(codeStart, end);
      const sql = raw.trim();
      if (sql) out.push({ sql, offset: codeStart, line: lineAt(text, codeStart) });
    }
    hasCode = false;
    codeStart = -1;
    words = [];
    triggerDepth = 0;
  };
  const mark = (at: number) => {
    if (!hasCode) {
      hasCode = true;
      codeStart = at;
    }
  };
  while (i < n) {
    const ch = text[i];
    // MySQL client's DELIMITER directive: a line of its own, before any code of the statement.
    if (mysql && !hasCode && /^delimiter[ \t]/i.test(text.slice(i, i + 10)) && atLineStart(text, i)) {
      const eol = text.indexOf("\n", i);
      const end = eol < 0 ? n : eol;
      delimiter = text.slice(i + 10, end).trim() || ";";
      i = end;
      continue;
    }
    if (ch === "-" && text[i + 1] === "-") {
      i = skipLine(text, i);
      continue;
    }
    if (mysql && ch === "#") {
      i = skipLine(text, i);
      continue;
    }
    if (ch === "/" && text[i + 1] === "*") {
      // MySQL's /*! ... */ is executable code, kept in the statement.
      if (mysql && text[i + 2] === "!") mark(i);
      i = skipBlockComment(text, i, pg);
      continue;
    }
    if (ch === "'" || ch === '"' || (mysql && ch === "`")) {
      mark(i);
      const backslash = ch === "'" && (mysql || (pg && /[eE]$/.test(text.slice(Math.max(0, i - 1), i)) &&
        !/[A-Za-z0-9_]/.test(text[i - 2] ?? "")));
      i = skipQuoted(text, i, ch, backslash);
      continue;
    }
    if (pg && ch === "$") {
      const m = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i, i + 64));
      if (m && !/[A-Za-z0-9_]/.test(text[i - 1] ?? "")) {
        mark(i);
        const close = text.indexOf(m[0], i + m[0].length);
        i = close < 0 ? n : close + m[0].length;
        continue;
      }
    }
    if (text.startsWith(delimiter, i) && triggerDepth === 0) {
      push(i);
      i += delimiter.length;
      continue;
    }
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    mark(i);
    if (dialect === "sqlite" && /[A-Za-z]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 64))!;
      const word = m[0].toUpperCase();
      if (words.length < 8) words.push(word);
      const isTrigger = words.includes("TRIGGER") && words[0] === "CREATE";
      if (isTrigger && (word === "BEGIN" || word === "CASE")) triggerDepth++;
      else if (isTrigger && word === "END" && triggerDepth > 0) triggerDepth--;
      i += m[0].length;
      continue;
    }
    i++;
  }
  push(n);
  return out;
}

function lineAt(text: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function atLineStart(text: string, i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    if (text[j] === "\n") return true;
    if (text[j] !== " " && text[j] !== "\t") return false;
  }
  return true;
}

function skipLine(text: string, i: number): number {
  const eol = text.indexOf("\n", i);
  return eol < 0 ? text.length : eol + 1;
}

function skipBlockComment(text: string, i: number, nested: boolean): number {
  let depth = 0;
  while (i < text.length) {
    if (text[i] === "/" && text[i + 1] === "*") {
      depth = nested ? depth + 1 : 1;
      i += 2;
    } else if (text[i] === "*" && text[i + 1] === "/") {
      depth--;
      i += 2;
      if (depth <= 0) return i;
    } else i++;
  }
  return i;
}

function skipQuoted(text: string, i: number, quote: string, backslash: boolean): number {
  i++;
  while (i < text.length) {
    const ch = text[i];
    if (backslash && ch === "\\") {
      i += 2;
      continue;
    }
    if (ch === quote) {
      if (text[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return i;
}

/**
 * The statement of `text` that holds the character at `offset`.
 *
 * @param statements the split of `text`
 * @param offset a 0-based character offset
 * @returns the statement, or undefined when the offset lies outside every statement
 */
export function statementAt(
  statements: readonly SplitStatement[],
  offset: number,
): SplitStatement | undefined {
  let found: SplitStatement | undefined;
  for (const s of statements) {
    if (s.offset <= offset) found = s;
    else break;
  }
  return found;
}
