/**
 * The body of a SQL revision file (DESIGN.md section 4): `-- migrate:up` and `-- migrate:down`
 * sections, dbmate's markers, each optionally followed by `transaction:false`.
 *
 * Markers are found line by line, as dbmate does, not by the lexer: the file is read before its
 * dialect is known, and reading it with the wrong rules (a MySQL `'it\'s'`, an apostrophe inside a
 * PostgreSQL `$$` body) would hide every marker after it.
 *
 * @module
 */
import { GENERIC_SQL_LEXER, hasSqlCode, type SqlLexerRules } from "../dialects/sql_lexer.ts";
import { RevisionFileError } from "../errors.ts";

/** One section of a SQL revision. */
export interface SqlSection {
  /** The SQL text between the marker and the next marker (may hold many statements). */
  readonly sql: string;
  /** False when the marker says `transaction:false`. */
  readonly transactional: boolean;
  /** 1-based line of the marker. */
  readonly line: number;
}

/** The two sections of a SQL revision; a missing section is empty. */
export interface SqlSections {
  readonly up: SqlSection;
  readonly down: SqlSection;
}

const MARKER = /^--\s*migrate:(up|down)\b(.*)$/;

/**
 * Split a SQL revision into its up and down sections.
 *
 * @param file path, for error messages
 * @param text the file's content
 * @returns both sections (an absent `-- migrate:down` gives an empty down section)
 * @throws {RevisionFileError} when `-- migrate:up` is missing (the file would be recorded as
 *   applied with nothing run), or a marker repeats or has an unknown option
 */
export function parseSqlSections(file: string, text: string): SqlSections {
  const lines = text.split(/\r?\n/);
  const found: Partial<Record<"up" | "down", { start: number; line: number; transactional: boolean }>> = {};
  const order: { name: "up" | "down"; start: number }[] = [];
  lines.forEach((raw, i) => {
    const m = MARKER.exec(raw.trim());
    if (!m) return;
    const name = m[1] as "up" | "down";
    if (found[name]) {
      throw new RevisionFileError(
        `Cannot read ${file}:${i + 1}: "-- migrate:${name}" appears twice (first at line ${
          found[name]!.line
        })`,
        file,
        i + 1,
      );
    }
    let transactional = true;
    for (const option of m[2].trim().split(/\s+/).filter(Boolean)) {
      if (option === "transaction:false") transactional = false;
      else if (option === "transaction:true") transactional = true;
      else {
        throw new RevisionFileError(
          `Cannot read ${file}:${
            i + 1
          }: unknown option "${option}" after "-- migrate:${name}" (expected "transaction:false")`,
          file,
          i + 1,
        );
      }
    }
    found[name] = { start: i + 1, line: i + 1, transactional };
    order.push({ name, start: i + 1 });
  });
  if (!found.up) {
    const hint = found.down
      ? `only "-- migrate:down" (line ${found.down.line}) is there`
      : `no "-- migrate:up" or "-- migrate:down" line was found`;
    throw new RevisionFileError(
      `Cannot read ${file}: a SQL revision needs a "-- migrate:up" line before its upgrade SQL; ${hint}`,
      file,
      found.down?.line,
    );
  }
  const section = (name: "up" | "down"): SqlSection => {
    const at = found[name];
    if (!at) return { sql: "", transactional: true, line: 0 };
    const next = order.find((o) => o.start > at.start);
    const body = lines.slice(at.start, next ? next.start - 1 : lines.length).join("\n").trim();
    return { sql: body, transactional: at.transactional, line: at.line };
  };
  return { up: section("up"), down: section("down") };
}

/**
 * True when a SQL text holds nothing but whitespace and comments, read by the one lexer.
 *
 * @param sql any SQL text
 * @param rules the dialect's lexical rules; by default `--` and `/* *\/` comments and the common
 *   quotes (enough to tell blank from not blank whatever the dialect)
 * @returns whether the text holds no code
 */
export function isBlankSql(sql: string, rules: SqlLexerRules = GENERIC_SQL_LEXER): boolean {
  return !hasSqlCode(rules, sql);
}
