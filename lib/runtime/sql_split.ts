/**
 * Splitting a SQL revision section into statements, the way each database's own command-line
 * client does (`psql`, `mysql`, `sqlite3`): a `;` ends a statement only outside quotes, comments,
 * PostgreSQL dollar-quoted bodies and parentheses, outside the `BEGIN ... END` body of a PostgreSQL
 * SQL-standard function or a SQLite trigger, and, for MySQL, only when it is the current `DELIMITER`.
 * The lexical rules are the dialect's (`lib/dialects/<name>/sql_lexer.ts`, read by the one lexer
 * `lib/dialects/sql_lexer.ts`).
 *
 * The runner splits where one multi-statement round trip cannot do the job: on MySQL, which commits
 * DDL as it goes and must report which statements of a failed revision had already run; and for
 * `transaction:false` sections on PostgreSQL, where several statements sent at once form an
 * implicit transaction (which `CREATE INDEX CONCURRENTLY` refuses).
 *
 * @module
 */
import type { DialectName } from "../dialects/dialect.ts";
import {
  isWordPart,
  isWordStart,
  regionStartTable,
  skipSpace,
  type SqlLexerRules,
  sqlRegionAt,
} from "../dialects/sql_lexer.ts";
import { sqlLexerFor } from "../dialects/sql_lexer_for.ts";

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
 * Follows the dialect's {@link SqlLexerRules}: quotes, comments and dollar quotes hide `;`; MySQL's
 * `/*! ... *\/` comments are code; MySQL `DELIMITER` lines (a line of their own, before any code of
 * the statement, as the `mysql` client reads them) change the terminator; PostgreSQL holds `;`
 * inside parentheses and SQL-standard function bodies, SQLite inside trigger bodies. Statements
 * holding only comments are dropped.
 *
 * @param text a section's SQL
 * @param dialect which database's lexical rules apply: a dialect name or the rules themselves
 * @returns the statements in order
 * @throws {RangeError} for an unknown dialect name
 * @example
 * ```ts
 * import { splitSqlStatements } from "./sql_split.ts";
 * splitSqlStatements("SELECT ';'; SELECT 2", "sqlite").map((s) => s.sql); // ["SELECT ';'", "SELECT 2"]
 * ```
 */
export function splitSqlStatements(text: string, dialect: DialectName | SqlLexerRules): SplitStatement[] {
  const rules = typeof dialect === "string" ? sqlLexerFor(dialect) : dialect;
  const out: SplitStatement[] = [];
  const n = text.length;
  const starts = regionStartTable(rules);
  const holdInParens = rules.parenthesesHoldDelimiter;
  const openers = rules.bodyStatements;
  const maxWords = openers.reduce((m, o) => Math.max(m, o.length), 0);
  let delimiter = ";";
  let delimiterCode = 59;
  let codeStart = -1;
  let parenDepth = 0;
  // Body tracking (psqlscan.l's identifier list and begin_depth).
  let words: string[] = [];
  let inBody = false;
  let bodyDepth = 0;
  // Lines are counted forward from the last statement, never from the start again.
  let lineFrom = 0;
  let line = 0;
  const push = (end: number) => {
    if (codeStart >= 0) {
      const sql = text.slice(codeStart, end).trim();
      if (sql) {
        line += countLines(text, lineFrom, codeStart);
        lineFrom = codeStart;
        out.push({ sql, offset: codeStart, line });
      }
    }
    codeStart = -1;
    parenDepth = 0;
    words = [];
    inBody = false;
    bodyDepth = 0;
  };
  for (let i = skipSpace(text, 0); i < n; i = skipSpace(text, i)) {
    const code = text.charCodeAt(i);
    if (
      codeStart < 0 && rules.delimiterCommand && (code | 32) === 100 &&
      /^delimiter[ \t]/i.test(text.slice(i, i + 10)) &&
      atLineStart(text, i)
    ) {
      const eol = text.indexOf("\n", i);
      const end = eol < 0 ? n : eol;
      delimiter = text.slice(i + 10, end).trim() || ";";
      delimiterCode = delimiter.length === 1 ? delimiter.charCodeAt(0) : -1;
      i = end;
      continue;
    }
    if (code < 128 && starts[code] !== 0) {
      const region = sqlRegionAt(rules, text, i);
      if (region) {
        if (codeStart < 0 && region.kind !== "comment") codeStart = i;
        i = region.end;
        continue;
      }
    }
    if (
      (delimiterCode >= 0 ? code === delimiterCode : text.startsWith(delimiter, i)) && parenDepth === 0 &&
      bodyDepth === 0
    ) {
      push(i);
      i += delimiter.length;
      continue;
    }
    if (codeStart < 0) codeStart = i;
    // Words matter only to find bodies; elsewhere a word may end in the delimiter (MySQL `END$$`).
    if (maxWords > 0 && isWordStart(code)) {
      let j = i + 1;
      while (j < n && isWordPart(text.charCodeAt(j))) j++;
      if (parenDepth === 0 && (inBody || words.length < maxWords)) {
        const word = text.slice(i, j).toUpperCase();
        if (inBody) {
          if (word === "BEGIN") bodyDepth++;
          else if (word === "CASE" && bodyDepth > 0) bodyDepth++;
          else if (word === "END" && bodyDepth > 0) bodyDepth--;
        } else {
          words.push(word);
          inBody = openers.some((o) => o.length === words.length && o.every((w, k) => w === words[k]));
        }
      }
      i = j;
      continue;
    }
    if (holdInParens) {
      if (code === 40) parenDepth++;
      else if (code === 41 && parenDepth > 0) parenDepth--;
    }
    i++;
  }
  push(n);
  return out;
}

/** Newlines in `text` from `from` (inclusive) to `to` (exclusive). */
function countLines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf("\n", from); at >= 0 && at < to; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

function atLineStart(text: string, i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    if (text[j] === "\n") return true;
    if (text[j] !== " " && text[j] !== "\t") return false;
  }
  return true;
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
