/**
 * Private: the one parser of SQLite's stored `CREATE TABLE` and `CREATE INDEX` texts, for the table
 * rebuild and introspection. Split a stored SQLite `CREATE TABLE` text into column definitions and table
 * constraints, and each column definition into its name, type and column constraints, keeping the
 * original text of every piece. A table rebuild edits these pieces and writes the rest back
 * unchanged, so whatever the table had (collations, conflict clauses, CHECKs, generated columns,
 * `WITHOUT ROWID`, `STRICT`) survives. Grammar: https://sqlite.org/lang_createtable.html.
 *
 * @module
 */
import { type SqlTokenKind, tokenizeSql } from "../sql_lexer.ts";
import { SQLITE_QUOTES, stripParens } from "../_parens.ts";
import { SQLITE_SQL_LEXER } from "./sql_lexer.ts";

/** One lexical token; `text` is exactly the source text. */
interface Token {
  readonly kind: "word" | "quoted" | "string" | "number" | "punct" | "space" | "comment" | "blob";
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A column-level constraint clause, e.g. `CONSTRAINT nn NOT NULL` or `DEFAULT (1 + 2)`. */
export interface ColumnClause {
  /** `primary`, `notnull`, `null`, `unique`, `check`, `default`, `collate`, `references`, `generated`. */
  readonly kind: string;
  /** Constraint name after `CONSTRAINT`, if any. */
  readonly name?: string;
  readonly text: string;
}

/** A column definition. */
export interface ParsedColumn {
  readonly name: string;
  /** The name as written (quoted or not). */
  readonly nameText: string;
  /** The type text as written; empty when the column has none. */
  readonly type: string;
  readonly clauses: readonly ColumnClause[];
}

/** A table constraint. */
export interface ParsedTableConstraint {
  readonly kind: "primary" | "unique" | "foreignkey" | "check";
  readonly name?: string;
  /** Columns named in its first parenthesised list (PRIMARY KEY, UNIQUE, FOREIGN KEY). */
  readonly columns: readonly string[];
  /** Every identifier it mentions (for CHECK). */
  readonly mentions: readonly string[];
  readonly text: string;
}

/** A `CREATE TABLE` text taken apart. */
export interface ParsedCreateTable {
  readonly columns: readonly ParsedColumn[];
  readonly constraints: readonly ParsedTableConstraint[];
  /** What follows the closing parenthesis (`WITHOUT ROWID`, `STRICT`), as written. */
  readonly tail: string;
}

/** How the lexer's token kinds read in this parser. */
const KINDS: Readonly<Record<SqlTokenKind, Token["kind"]>> = {
  space: "space",
  comment: "comment",
  executableComment: "comment",
  string: "string",
  identifier: "quoted",
  dollar: "string",
  word: "word",
  number: "number",
  punct: "punct",
};

/**
 * Tokenize SQLite SQL with SQLite's rules (the one lexer, `../sql_lexer.ts`), keeping every character.
 *
 * @param sql the text
 * @returns tokens covering `sql` exactly
 * @throws {SyntaxError} on an unterminated quote or comment
 */
export function tokenize(sql: string): Token[] {
  return tokenizeSql(SQLITE_SQL_LEXER, sql).map((t) => {
    const text = sql.slice(t.start, t.end);
    if (!t.closed) {
      throw new SyntaxError(
        t.kind === "comment"
          ? "Cannot parse SQL: unterminated comment"
          : `Cannot parse SQL: unterminated ${text[0]} quote`,
      );
    }
    const kind = t.kind === "string" && (text[0] === "x" || text[0] === "X") ? "blob" : KINDS[t.kind];
    return { kind, text, start: t.start, end: t.end };
  });
}

/**
 * An identifier token's name: quotes removed, doubled quotes undone.
 *
 * @param text a word or quoted token
 * @returns the name
 */
export function unquote(text: string): string {
  const q = text[0];
  if (q === '"' || q === "`") return text.slice(1, -1).replaceAll(q + q, q);
  if (q === "[") return text.slice(1, -1);
  if (q === "'") return text.slice(1, -1).replaceAll("''", "'");
  return text;
}

/**
 * Take a stored `CREATE TABLE` text apart.
 *
 * @param sql the text from `sqlite_master.sql`
 * @returns columns, table constraints and tail
 * @throws {SyntaxError} when the text is not a `CREATE TABLE ... ( ... )` (e.g. `CREATE TABLE ... AS SELECT`)
 */
export function parseCreateTable(sql: string): ParsedCreateTable {
  const tokens = tokenize(sql);
  const open = tokens.findIndex((t) => t.text === "(");
  if (open < 0) throw new SyntaxError("Cannot parse CREATE TABLE: no column list");
  const { segments, close } = listItems(tokens, open);
  if (close < 0) throw new SyntaxError("Cannot parse CREATE TABLE: unbalanced parentheses");
  const columns: ParsedColumn[] = [];
  const constraints: ParsedTableConstraint[] = [];
  for (const segment of segments) {
    const sig = segment.filter(significant);
    if (sig.length === 0) continue;
    const text = joinText(trim(segment));
    const first = sig[0].kind === "word" ? sig[0].text.toUpperCase() : "";
    if (["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"].includes(first)) {
      constraints.push(parseTableConstraint(sig, text));
    } else {
      columns.push(parseColumn(sig, segment));
    }
  }
  return { columns, constraints, tail: tokens.slice(close + 1).map((t) => t.text).join("") };
}

/** The items of the parenthesised list opened by `tokens[open]`, and the index of its `)` (-1 when unbalanced). */
function listItems(tokens: Token[], open: number): { segments: Token[][]; close: number } {
  let depth = 0;
  const segments: Token[][] = [[]];
  for (let k = open; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.text === "(") {
      depth++;
      if (depth === 1) continue;
    } else if (t.text === ")") {
      depth--;
      if (depth === 0) return { segments, close: k };
    } else if (t.text === "," && depth === 1) {
      segments.push([]);
      continue;
    }
    segments[segments.length - 1].push(t);
  }
  return { segments, close: -1 };
}

/** A stored `CREATE INDEX` taken apart. */
export interface ParsedCreateIndex {
  /** Each indexed column or expression as written, without outer parentheses, `COLLATE` and `ASC`/`DESC`. */
  readonly columns: readonly string[];
  /** Each entry's explicit `COLLATE` name (unquoted), by position; absent where none is written. */
  readonly collations?: readonly (string | undefined)[];
  /** The partial index's predicate, as written. */
  readonly where?: string;
}

/**
 * Take a stored `CREATE INDEX` text apart.
 *
 * @param sql the text from `sqlite_master.sql`
 * @returns the column texts and the `WHERE` predicate (no columns when the text has no `ON (...)`)
 * @throws {SyntaxError} on an unterminated quote or comment
 */
export function parseCreateIndex(sql: string): ParsedCreateIndex {
  const tokens = tokenize(sql);
  const on = tokens.findIndex((t) => t.kind === "word" && t.text.toUpperCase() === "ON");
  const open = on < 0 ? -1 : tokens.findIndex((t, k) => k > on && t.text === "(");
  if (open < 0) return { columns: [] };
  const { segments, close } = listItems(tokens, open);
  const collations: (string | undefined)[] = [];
  const columns = segments.map((s) => joinText(trim(s))).filter((c) => c !== "").map((c) => {
    const noOrder = c.replace(/\s+(ASC|DESC)$/i, "");
    const collate = /\s+COLLATE\s+("[^"]+"|`[^`]+`|\[[^\]]+\]|[A-Za-z_][A-Za-z0-9_]*)$/i.exec(noOrder);
    collations.push(collate ? unquote(collate[1]) : undefined);
    return stripParens(collate ? noOrder.slice(0, collate.index) : noOrder, SQLITE_QUOTES);
  });
  const where = close < 0 ? null : /^\s*WHERE\s+([\s\S]*)$/i.exec(sql.slice(tokens[close].end));
  return {
    columns,
    ...(collations.some((x) => x !== undefined) ? { collations } : {}),
    ...(where ? { where: where[1].trim() } : {}),
  };
}

function parseTableConstraint(sig: Token[], text: string): ParsedTableConstraint {
  let k = 0;
  let name: string | undefined;
  if (sig[0].text.toUpperCase() === "CONSTRAINT") {
    name = unquote(sig[1].text);
    k = 2;
  }
  const word = sig[k]?.text.toUpperCase();
  const kind = word === "PRIMARY"
    ? "primary"
    : word === "UNIQUE"
    ? "unique"
    : word === "FOREIGN"
    ? "foreignkey"
    : "check";
  const columns: string[] = [];
  const openAt = sig.findIndex((t, i) => i > k && t.text === "(");
  if (kind !== "check" && openAt >= 0) {
    let depth = 0;
    for (let i = openAt; i < sig.length; i++) {
      if (sig[i].text === "(") depth++;
      else if (sig[i].text === ")") {
        depth--;
        if (depth === 0) break;
      } else if (depth === 1 && (sig[i].kind === "word" || sig[i].kind === "quoted")) {
        const prev = sig[i - 1];
        // Only the first identifier of each list item is a column (skip COLLATE x, ASC/DESC).
        if (prev.text === "(" || prev.text === ",") columns.push(unquote(sig[i].text));
      }
    }
  }
  const mentions = sig.filter((t) => t.kind === "word" || t.kind === "quoted").map((t) => unquote(t.text));
  return { kind, ...(name === undefined ? {} : { name }), columns, mentions, text };
}

/** How one kind of column constraint reads: its `kind`, and where it ends. */
interface ColumnClauseRule {
  readonly kind: string;
  /** The index just after the clause, given the index of its first keyword. */
  readonly end: (sig: Token[], k: number) => number;
}

/**
 * The column constraints by their first keyword (https://sqlite.org/syntax/column-constraint.html).
 * These keywords, and `CONSTRAINT`, are also where a column's type text stops.
 */
const COLUMN_CLAUSES: Readonly<Record<string, ColumnClauseRule>> = {
  PRIMARY: { kind: "primary", end: primaryKeyEnd },
  NOT: { kind: "notnull", end: (sig, k) => conflictClause(sig, k + 2) },
  NULL: { kind: "null", end: (sig, k) => conflictClause(sig, k + 1) },
  UNIQUE: { kind: "unique", end: (sig, k) => conflictClause(sig, k + 1) },
  CHECK: { kind: "check", end: (sig, k) => skipParens(sig, k + 1) },
  DEFAULT: { kind: "default", end: defaultEnd },
  COLLATE: { kind: "collate", end: (_sig, k) => k + 2 },
  REFERENCES: { kind: "references", end: (sig, k) => referencesTail(sig, skipParens(sig, k + 2)) },
  // `GENERATED ALWAYS AS (...)` or its short form `AS (...)`.
  GENERATED: { kind: "generated", end: (sig, k) => generatedEnd(sig, k + 2) },
  AS: { kind: "generated", end: generatedEnd },
};

const CLAUSE_START = new Set(["CONSTRAINT", ...Object.keys(COLUMN_CLAUSES)]);

function parseColumn(sig: Token[], segment: Token[]): ParsedColumn {
  const nameText = sig[0].text;
  let k = 1;
  // The type: everything up to the first clause keyword at depth 0.
  const typeStart = k;
  let depth = 0;
  while (k < sig.length) {
    const t = sig[k];
    if (t.text === "(") depth++;
    else if (t.text === ")") depth--;
    else if (depth === 0 && t.kind === "word" && CLAUSE_START.has(t.text.toUpperCase())) break;
    k++;
  }
  const type = k > typeStart ? sourceBetween(segment, sig[typeStart], sig[k - 1]) : "";
  const clauses: ColumnClause[] = [];
  while (k < sig.length) {
    const start = k;
    let name: string | undefined;
    if (sig[k].text.toUpperCase() === "CONSTRAINT") {
      name = unquote(sig[k + 1].text);
      k += 2;
    }
    const word = (sig[k]?.text ?? "").toUpperCase();
    if (!Object.hasOwn(COLUMN_CLAUSES, word)) {
      throw new SyntaxError(`Cannot parse column "${unquote(nameText)}": unexpected "${sig[k]?.text}"`);
    }
    const { kind, end } = COLUMN_CLAUSES[word];
    k = end(sig, k);
    clauses.push({
      kind,
      ...(name === undefined ? {} : { name }),
      text: sourceBetween(segment, sig[start], sig[Math.min(k, sig.length) - 1]),
    });
  }
  return { name: unquote(nameText), nameText, type, clauses };
}

/** `PRIMARY KEY [ASC|DESC] [ON CONFLICT ...] [AUTOINCREMENT]`. */
function primaryKeyEnd(sig: Token[], k: number): number {
  k += 2;
  if (/^(ASC|DESC)$/i.test(sig[k]?.text ?? "")) k++;
  k = conflictClause(sig, k);
  if ((sig[k]?.text ?? "").toUpperCase() === "AUTOINCREMENT") k++;
  return k;
}

/** `DEFAULT (expr)`, or `DEFAULT` and one literal, signed number or word. */
function defaultEnd(sig: Token[], k: number): number {
  k++;
  if (sig[k]?.text === "(") return skipParens(sig, k);
  if (sig[k]?.text === "-" || sig[k]?.text === "+") k++;
  return k + 1;
}

/** `AS (expr) [STORED|VIRTUAL]`, given the index of `AS`. */
function generatedEnd(sig: Token[], k: number): number {
  k = skipParens(sig, k + 1);
  if (/^(STORED|VIRTUAL)$/i.test(sig[k]?.text ?? "")) k++;
  return k;
}

function conflictClause(sig: Token[], k: number): number {
  if ((sig[k]?.text ?? "").toUpperCase() === "ON" && (sig[k + 1]?.text ?? "").toUpperCase() === "CONFLICT") {
    return k + 3;
  }
  return k;
}

function referencesTail(sig: Token[], k: number): number {
  for (;;) {
    const w = (sig[k]?.text ?? "").toUpperCase();
    if (w === "ON") {
      const action = (sig[k + 2]?.text ?? "").toUpperCase();
      k += action === "SET" || action === "NO" ? 4 : 3;
    } else if (w === "MATCH") k += 2;
    else if (w === "NOT" && (sig[k + 1]?.text ?? "").toUpperCase() === "DEFERRABLE") k += 1;
    else if (w === "DEFERRABLE") {
      k++;
      if ((sig[k]?.text ?? "").toUpperCase() === "INITIALLY") k += 2;
    } else return k;
  }
}

function skipParens(sig: Token[], k: number): number {
  if (sig[k]?.text !== "(") return k;
  let depth = 0;
  for (; k < sig.length; k++) {
    if (sig[k].text === "(") depth++;
    else if (sig[k].text === ")") {
      depth--;
      if (depth === 0) return k + 1;
    }
  }
  return k;
}

function significant(t: Token): boolean {
  return t.kind !== "space" && t.kind !== "comment";
}

function trim(segment: Token[]): Token[] {
  let a = 0;
  let b = segment.length;
  while (a < b && !significant(segment[a])) a++;
  while (b > a && !significant(segment[b - 1])) b--;
  return segment.slice(a, b);
}

function joinText(tokens: Token[]): string {
  return tokens.map((t) => t.text).join("");
}

/** The source text from token `a` through token `b`, comments and spaces inside kept. */
function sourceBetween(segment: Token[], a: Token, b: Token): string {
  const i = segment.indexOf(a);
  const j = segment.indexOf(b);
  return joinText(segment.slice(i, j + 1));
}
