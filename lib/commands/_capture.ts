/**
 * An offline walk of a plan that records what it would send, step by step: each statement with the
 * operation that produced it and the `file:line` of its `op` call, and each SQL section. `migrate
 * lint` and `upgrade --plan` read that record; the script text itself is dropped.
 *
 * @module
 */
import type { Dialect } from "../dialects/dialect.ts";
import type { SqlStatement } from "../dialects/statement.ts";
import type { DialectLinter } from "../lint/facts.ts";
import type { LintedStatement } from "../lint/rules.ts";
import type { Operation } from "../operations/types.ts";
import type { PlanStep } from "../revision/revision.ts";
import type { RunSink, SqlSection } from "../runtime/run_sink.ts";
import { TextSink } from "../runtime/sink_text.ts";
import { splitSqlStatements } from "../runtime/sql_split.ts";

/** One statement of a captured step, with its `op` call site. */
export interface CapturedStatement {
  readonly stmt: SqlStatement;
  readonly at?: string;
}

/** One step of an offline walk, as the capture sink saw it. */
export interface CapturedStep {
  readonly step: PlanStep;
  readonly transactional: boolean;
  readonly statements: CapturedStatement[];
  /** SQL sections of `.sql` revisions, with their file and 0-based line. */
  readonly sections: { readonly section: SqlSection; readonly file: string }[];
}

/**
 * A text sink that also remembers, step by step, each statement with the operation that produced
 * it and the `file:line` of its `op` call; lint reads that record, the script text is dropped.
 */
export class CaptureSink extends TextSink implements RunSink {
  readonly steps: CapturedStep[] = [];
  #inTransaction = false;

  override begin(): Promise<void> {
    this.#inTransaction = true;
    return super.begin();
  }

  override commit(): Promise<void> {
    this.#inTransaction = false;
    return super.commit();
  }

  override step(
    step: PlanStep,
    body: () => Promise<void>,
    actions: PlanStep["versionActions"],
  ): Promise<void> {
    this.steps.push({ step, transactional: this.#inTransaction, statements: [], sections: [] });
    return super.step(step, body, actions);
  }

  override statement(stmt: SqlStatement, callSite?: string): Promise<void> {
    this.steps.at(-1)?.statements.push({ stmt, ...(callSite !== undefined ? { at: callSite } : {}) });
    return super.statement(stmt);
  }

  override script(section: SqlSection, file?: string): Promise<void> {
    this.steps.at(-1)?.sections.push({ section, file: file ?? "" });
    return super.script(section);
  }
}

/** The 1-based file line of each statement of a SQL section. */
function sectionStatements(
  dialect: Dialect,
  section: SqlSection,
  file: string,
): { sql: string; at: string }[] {
  return splitSqlStatements(section.sql, dialect.sqlLexer).map((s) => ({
    sql: s.sql,
    at: `${file}:${section.line + 2 + s.line}`,
  }));
}

/**
 * The statements of a captured step with the facts the dialect finds in them: an operation's
 * statements together, then the statements of its SQL sections.
 *
 * @param linter the dialect's linter
 * @param dialect splits SQL sections with its lexer
 * @param c the captured step
 * @returns one entry per operation or SQL statement
 */
export async function lintedStatements(
  linter: DialectLinter,
  dialect: Dialect,
  c: CapturedStep,
): Promise<LintedStatement[]> {
  const out: LintedStatement[] = [];
  // Statements of one operation are analysed together (a SQLite rebuild is several statements).
  const groups: { source?: Operation; items: CapturedStatement[] }[] = [];
  for (const s of c.statements) {
    const last = groups.at(-1);
    if (s.stmt.source !== undefined && last?.source === s.stmt.source) last.items.push(s);
    else groups.push({ source: s.stmt.source, items: [s] });
  }
  for (const g of groups) {
    if (g.source === undefined) continue; // version-table statements
    const facts = await linter.operation(g.source, g.items.map((i) => i.stmt));
    out.push({ sql: g.items.map((i) => i.stmt.sql).join(";\n"), at: g.items[0].at, facts });
  }
  for (const { section, file } of c.sections) {
    for (const s of sectionStatements(dialect, section, file)) {
      out.push({ sql: s.sql, at: s.at, facts: await linter.statement(s.sql) });
    }
  }
  return out;
}
