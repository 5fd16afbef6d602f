/**
 * Runs the lint rules over revisions whose statements the dialect has already turned into facts,
 * and applies what the user switched off: rule ids in the config's `lint_ignore`, and
 * `migrate:lint-ignore RULE reason` comments in a revision file (`--` in SQL, `//` in TypeScript),
 * which switch the rule off for that revision.
 *
 * @module
 */
import type { StatementFacts } from "./facts.ts";
import { LINT_RULES, type LintContext, type LintedRevision, type LintLevel, lintRule } from "./rules.ts";

/** One finding of `migrate lint`. */
export interface LintFinding {
  /** The rule's id. */
  readonly rule: string;
  readonly level: LintLevel;
  readonly revision: string;
  /** `file:line` when known, else the revision's file. */
  readonly at: string;
  /** What fired, with the table and lock. */
  readonly message: string;
  /** The safer alternative. */
  readonly instead: string;
  /** The statement it is about, for statement rules. */
  readonly statement?: string;
  /** The lock the statement takes, in the database's words. */
  readonly lockLevel?: string;
}

/** An ignore comment found in a revision file. */
export interface LintIgnore {
  readonly rule: string;
  readonly reason: string;
  /** 1-based line of the comment. */
  readonly line: number;
}

const IGNORE = /(?:--|\/\/)\s*migrate:lint-ignore\s+([a-z0-9-]+)[ \t]*(.*)$/;

/**
 * The `migrate:lint-ignore RULE reason` comments of a revision file.
 *
 * @param text the file's text
 * @returns one entry per comment, in file order
 * @throws {RangeError} naming the line when the rule id is unknown or the reason is missing
 * @example
 * ```ts
 * import { parseLintIgnores } from "./lint_revisions.ts";
 * parseLintIgnores("-- migrate:lint-ignore rename the old name is unused");
 * // [{ rule: "rename", reason: "the old name is unused", line: 1 }]
 * ```
 */
export function parseLintIgnores(text: string): LintIgnore[] {
  const out: LintIgnore[] = [];
  text.split("\n").forEach((line, i) => {
    const m = IGNORE.exec(line);
    if (!m) return;
    const [, rule, reason] = m;
    if (!lintRule(rule)) {
      throw new RangeError(
        `Cannot read "migrate:lint-ignore ${rule}" at line ${i + 1}: no rule has that id (expected one of ${
          LINT_RULES.map((r) => r.id).join(", ")
        })`,
      );
    }
    if (reason.trim() === "") {
      throw new RangeError(
        `Cannot read "migrate:lint-ignore ${rule}" at line ${i + 1}: give the reason after the rule id`,
      );
    }
    out.push({ rule, reason: reason.trim(), line: i + 1 });
  });
  return out;
}

/** What `lintRevisions` needs besides the revisions. */
export interface LintOptions {
  /** The database rolls DDL back with its transaction. */
  readonly transactionalDdl: boolean;
  /** Rule ids switched off for every revision (the config's `lint_ignore`). */
  readonly ignore?: readonly string[];
  /** Rule ids switched off per revision id (from its file's comments). */
  readonly ignoreByRevision?: ReadonlyMap<string, readonly string[]>;
}

/**
 * Apply every rule to each revision.
 *
 * @param revisions the revisions, in the order they run
 * @param options what the database can roll back and what the user switched off
 * @returns the findings, revision by revision, statement rules in statement order then revision rules
 */
export function lintRevisions(revisions: readonly LintedRevision[], options: LintOptions): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const r of revisions) {
    const off = new Set([...(options.ignore ?? []), ...(options.ignoreByRevision?.get(r.revision) ?? [])]);
    const rules = LINT_RULES.filter((rule) => !off.has(rule.id));
    const newTables = new Set<string>();
    const context: LintContext = { newTables, transactionalDdl: options.transactionalDdl };
    for (const s of r.statements) {
      for (const fact of s.facts) {
        for (const rule of rules) {
          const message = rule.fact?.(fact, context);
          if (message !== undefined) findings.push(finding(rule.id, r, message, s.at, s.sql, fact));
        }
        if (fact.action === "create-table" && fact.table !== undefined) newTables.add(fact.table);
      }
    }
    for (const rule of rules) {
      const message = rule.revision?.(r, context);
      if (message !== undefined) findings.push(finding(rule.id, r, message, undefined, undefined, undefined));
    }
  }
  return findings;
}

function finding(
  id: string,
  r: LintedRevision,
  message: string,
  at: string | undefined,
  statement: string | undefined,
  fact: StatementFacts | undefined,
): LintFinding {
  const rule = lintRule(id)!;
  return {
    rule: id,
    level: rule.level,
    revision: r.revision,
    at: at ?? r.file,
    message,
    instead: rule.instead,
    ...(statement !== undefined ? { statement } : {}),
    ...(fact?.lockLevel !== undefined ? { lockLevel: fact.lockLevel } : {}),
  };
}
