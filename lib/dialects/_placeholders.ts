/**
 * Finds the `?` placeholders of a statement that are real placeholders, i.e. outside string
 * literals, quoted identifiers and comments, following each server's lexical rules, and replaces
 * them: the PostgreSQL driver renumbers them to `$1..$n`; the MySQL driver writes escaped literals.
 *
 * @module
 */

/** Lexical rules to follow: PostgreSQL's or MySQL/MariaDB's (default `sql_mode`). */
export type PlaceholderSyntax = "postgres" | "mysql";

/**
 * The statement with each placeholder (see {@link findPlaceholders}) replaced, in order.
 *
 * @param sql the statement text
 * @param syntax whose lexical rules apply
 * @param count how many values are bound
 * @param replacement the text for the placeholder at 0-based position `index`
 * @returns the statement with the replacements in place
 * @throws {RangeError} when the number of placeholders differs from `count` (before any replacement
 *   is asked for), or whatever `replacement` throws
 */
export function replacePlaceholders(
  sql: string,
  syntax: PlaceholderSyntax,
  count: number,
  replacement: (index: number) => string,
): string {
  const at = findPlaceholders(sql, syntax);
  if (at.length !== count) {
    throw new RangeError(
      `Cannot bind parameters: the statement has ${at.length} "?" placeholders but ${count} values were given`,
    );
  }
  let out = "";
  let from = 0;
  at.forEach((offset, i) => {
    out += sql.slice(from, offset) + replacement(i);
    from = offset + 1;
  });
  return out + sql.slice(from);
}

/**
 * Offsets of the `?` characters in `sql` that are placeholders.
 *
 * PostgreSQL rules: `'...'` with `''`, `E'...'` with backslash escapes, `"..."` identifiers,
 * `$tag$...$tag$` dollar quoting, `--` line comments and nested `/* *\/` comments.
 * MySQL rules: `'...'` and `"..."` with backslash and doubled-quote escapes, `` `...` `` identifiers,
 * `#` and `-- ` line comments, and `/* *\/` comments (not nested).
 * An unterminated quote or comment runs to the end of the text (the server reports the error).
 *
 * @param sql the statement text
 * @param syntax whose lexical rules apply
 * @returns 0-based offsets, ascending
 */
export function findPlaceholders(sql: string, syntax: PlaceholderSyntax): number[] {
  const out: number[] = [];
  const n = sql.length;
  let i = 0;
  while (i < n) {
    const c = sql[i];
    if (c === "?") {
      out.push(i);
      i++;
    } else if (c === "'") {
      const backslash = syntax === "mysql" || isEscapeStringPrefix(sql, i);
      i = skipQuoted(sql, i, "'", backslash);
    } else if (c === '"') {
      i = skipQuoted(sql, i, '"', syntax === "mysql");
    } else if (c === "`" && syntax === "mysql") {
      i = skipQuoted(sql, i, "`", false);
    } else if (c === "-" && sql[i + 1] === "-") {
      // MySQL needs whitespace (or the end) after `--` for it to start a comment.
      if (syntax === "mysql" && i + 2 < n && !/\s/.test(sql[i + 2])) {
        i += 2;
      } else {
        i = skipLine(sql, i);
      }
    } else if (c === "#" && syntax === "mysql") {
      i = skipLine(sql, i);
    } else if (c === "/" && sql[i + 1] === "*") {
      i = skipBlockComment(sql, i, syntax === "postgres");
    } else if (c === "$" && syntax === "postgres") {
      i = skipDollarQuoted(sql, i);
    } else {
      i++;
    }
  }
  return out;
}

/** Whether the quote at `i` opens a PostgreSQL `E'...'` string (backslash escapes apply). */
function isEscapeStringPrefix(sql: string, i: number): boolean {
  const p = sql[i - 1];
  if (p !== "E" && p !== "e") return false;
  // `E` must be a token of its own, not the end of an identifier such as `some'`.
  const pp = sql[i - 2];
  return pp === undefined || !/[\w$]/.test(pp);
}

/** Offset just after the quoted text that starts at `i`. */
function skipQuoted(sql: string, i: number, quote: string, backslash: boolean): number {
  let j = i + 1;
  while (j < sql.length) {
    const c = sql[j];
    if (backslash && c === "\\") {
      j += 2;
    } else if (c === quote) {
      if (sql[j + 1] === quote) j += 2;
      else return j + 1;
    } else {
      j++;
    }
  }
  return sql.length;
}

/** Offset of the end of the line that starts a line comment at `i`. */
function skipLine(sql: string, i: number): number {
  const j = sql.indexOf("\n", i);
  return j === -1 ? sql.length : j + 1;
}

/** Offset just after the block comment at `i`; PostgreSQL block comments nest. */
function skipBlockComment(sql: string, i: number, nested: boolean): number {
  let depth = 1;
  let j = i + 2;
  while (j < sql.length) {
    if (sql[j] === "*" && sql[j + 1] === "/") {
      depth--;
      j += 2;
      if (depth === 0 || !nested) return j;
    } else if (nested && sql[j] === "/" && sql[j + 1] === "*") {
      depth++;
      j += 2;
    } else {
      j++;
    }
  }
  return sql.length;
}

/** Offset after a `$tag$...$tag$` string at `i`, or `i + 1` when `$` does not open one (`$1`, `a$b`). */
function skipDollarQuoted(sql: string, i: number): number {
  const prev = sql[i - 1];
  if (prev !== undefined && /[\w$]/.test(prev)) return i + 1;
  const m = /^\$([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/.exec(sql.slice(i, i + 64));
  if (!m) return i + 1;
  const tag = m[0];
  const end = sql.indexOf(tag, i + tag.length);
  return end === -1 ? sql.length : end + tag.length;
}
