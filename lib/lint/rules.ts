/**
 * The lint rules of `migrate lint`: each has a stable id, a level, a one-line reason and a safer
 * alternative, phrased as strong_migrations does ("what is unsafe, why, what to do instead"). They
 * read {@link StatementFacts} that each dialect's linter derives from its own documented behaviour,
 * so one rule serves every database that has the fact. `docs/lint.md` is generated from this table.
 *
 * @module
 */
import type { StatementFacts } from "./facts.ts";

/** How serious a finding is: an `error` makes `migrate lint` exit 1. */
export type LintLevel = "error" | "warning";

/** One statement of a revision, with the facts its dialect found. */
export interface LintedStatement {
  /** The statement's text. */
  readonly sql: string;
  /** `file:line` it comes from, when known (a SQL section's line or the `op` call's line). */
  readonly at?: string;
  /** What it does. */
  readonly facts: readonly StatementFacts[];
}

/** One revision step as lint sees it. */
export interface LintedRevision {
  /** The revision id. */
  readonly revision: string;
  /** Its file. */
  readonly file: string;
  /** The upgrade's statements, in order. */
  readonly statements: readonly LintedStatement[];
  /** How many statements its downgrade renders (0: empty or missing). */
  readonly downgradeStatements: number;
  /** The revision runs outside a transaction (`nonTransactional`, `transaction:false`). */
  readonly nonTransactional: boolean;
}

/** What a rule sees besides the statement. */
export interface LintContext {
  /** Tables created earlier in the same revision: changing them locks nobody out. */
  readonly newTables: ReadonlySet<string>;
  /** The database rolls DDL back with its transaction (`capabilities.transactionalDdl`). */
  readonly transactionalDdl: boolean;
}

/** A rule over one statement's facts, or over a whole revision. */
export interface LintRule {
  /** Stable id, used in output, in `lint_ignore` and in `-- migrate:lint-ignore RULE reason`. */
  readonly id: string;
  readonly level: LintLevel;
  /** What is unsafe, in one line. */
  readonly summary: string;
  /** What to do instead. */
  readonly instead: string;
  /** Returns the finding's message when the rule fires on a fact. */
  readonly fact?: (fact: StatementFacts, context: LintContext) => string | undefined;
  /** Returns the finding's message when the rule fires on a revision. */
  readonly revision?: (revision: LintedRevision, context: LintContext) => string | undefined;
}

const existing = (fact: StatementFacts, context: LintContext) =>
  fact.table !== undefined && !context.newTables.has(fact.table);
const lockOf = (fact: StatementFacts) => fact.lockLevel ? ` (takes ${fact.lockLevel})` : "";
const on = (fact: StatementFacts) =>
  fact.table === undefined ? "" : ` on "${fact.table}${fact.column ? `.${fact.column}` : ""}"`;

/** Every rule, in the order findings are reported for one statement. */
export const LINT_RULES: readonly LintRule[] = [
  {
    id: "table-rewrite",
    level: "error",
    summary: "the statement rewrites or copies the whole table while it blocks other sessions",
    instead:
      "add a new column, backfill it in batches and switch over; on PostgreSQL a binary-coercible type change (varchar(n) to a wider varchar or text) does not rewrite",
    fact: (f, c) =>
      f.rewritesTable && existing(f, c)
        ? `${f.action.replaceAll("-", " ")}${on(f)} rewrites every row${lockOf(f)}`
        : undefined,
  },
  {
    id: "index-without-concurrently",
    level: "error",
    summary: "CREATE/DROP INDEX without CONCURRENTLY blocks writes to the table until it ends",
    instead:
      "use { concurrently: true } (CREATE INDEX CONCURRENTLY) in a nonTransactional revision, or a `-- migrate:up transaction:false` section",
    fact: (f, c) =>
      (f.action === "create-index" || f.action === "drop-index") && f.concurrently === false && existing(f, c)
        ? `${f.action.replaceAll("-", " ")}${on(f)} without CONCURRENTLY${lockOf(f)}`
        : undefined,
  },
  {
    id: "constraint-without-not-valid",
    level: "error",
    summary: "adding a foreign key or check constraint scans every row while it blocks writes",
    instead:
      "add it NOT VALID, then VALIDATE CONSTRAINT in a later step (that takes only SHARE UPDATE EXCLUSIVE)",
    fact: (f, c) =>
      (f.action === "add-foreign-key" || f.action === "add-check") && f.notValid === false && existing(f, c)
        ? `${f.action.replaceAll("-", " ")}${on(f)} validates existing rows${lockOf(f)}`
        : undefined,
  },
  {
    id: "unique-without-index",
    level: "error",
    summary: "adding a unique or primary key constraint builds its index while it blocks reads and writes",
    instead: "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... UNIQUE USING INDEX",
    fact: (f, c) =>
      (f.action === "add-unique" || f.action === "add-primary-key") && f.usingIndex === false &&
        existing(f, c)
        ? `${f.action.replaceAll("-", " ")}${on(f)} builds an index${lockOf(f)}`
        : undefined,
  },
  {
    id: "add-not-null-without-default",
    level: "error",
    summary: "adding a NOT NULL column without a default fails on a table that has rows",
    instead: "add it nullable (or with a default), backfill it, then set NOT NULL",
    fact: (f, c) =>
      f.action === "add-column" && f.notNullWithoutDefault && existing(f, c)
        ? `add column${on(f)} is NOT NULL without a default`
        : undefined,
  },
  {
    id: "set-not-null",
    level: "warning",
    summary: "SET NOT NULL checks every row while it blocks the table",
    instead:
      "on PostgreSQL 12+: ADD CONSTRAINT ... CHECK (col IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL (it uses the check)",
    fact: (f, c) =>
      f.action === "set-not-null" && !f.rewritesTable && existing(f, c)
        ? `set not null${on(f)} scans the table${lockOf(f)}`
        : undefined,
  },
  {
    id: "rename",
    level: "warning",
    summary: "renaming a table or column breaks the running application, which still uses the old name",
    instead:
      "add the new name beside the old one (a view or a new column), move the code, then drop the old one",
    fact: (f) =>
      f.action === "rename-table" || f.action === "rename-column"
        ? `${f.action.replaceAll("-", " ")}${on(f)}: code that reads the old name fails`
        : undefined,
  },
  {
    id: "data-loss",
    level: "warning",
    summary: "the statement drops data that no downgrade can bring back",
    instead: "stop reading and writing it in the code first, back it up, and drop it in a later release",
    fact: (f, c) =>
      (f.action === "drop-table" || f.action === "drop-column") && existing(f, c)
        ? `${f.action.replaceAll("-", " ")}${on(f)} loses its data`
        : f.action === "alter-column-type" && f.narrowing && existing(f, c)
        ? `alter column type${on(f)} narrows the type: values that do not fit are lost or refused`
        : undefined,
  },
  {
    id: "empty-downgrade",
    level: "warning",
    summary: "the revision's downgrade does nothing, so `downgrade` past it leaves its changes in place",
    instead:
      "write the downgrade (autogenerate writes one), or make it raise when the change cannot be undone",
    revision: (r) =>
      r.statements.length > 0 && r.downgradeStatements === 0
        ? `revision ${r.revision} changes the database but its downgrade is empty`
        : undefined,
  },
  {
    id: "ddl-with-data",
    level: "warning",
    summary:
      "schema and data changes in one revision that cannot roll back: a failure half-way leaves both half done",
    instead: "put the data change in a revision of its own",
    revision: (r, c) => {
      if (c.transactionalDdl && !r.nonTransactional) return undefined;
      const facts = r.statements.flatMap((s) => s.facts);
      const data = facts.some((f) => f.action === "data-change");
      const ddl = facts.some((f) => f.action !== "data-change" && f.action !== "other");
      return data && ddl
        ? `revision ${r.revision} mixes DDL with data changes ${
          c.transactionalDdl ? "outside a transaction" : "and its DDL commits as it runs"
        }`
        : undefined;
    },
  },
];

/**
 * Look up a rule.
 *
 * @param id a rule id
 * @returns the rule, or undefined for an unknown id
 */
export function lintRule(id: string): LintRule | undefined {
  return LINT_RULES.find((r) => r.id === id);
}
