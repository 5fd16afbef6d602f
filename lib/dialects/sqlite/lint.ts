/**
 * SQLite's statement analysis for `migrate lint`: SQLite locks the whole database for every write,
 * and what its ALTER TABLE cannot do (SQLite docs, "ALTER TABLE", section 7; decided in
 * `rebuild_rules.ts`) Retort does by rebuilding the table: a copy of every row while the database
 * is locked for writing.
 *
 * @module
 */
import type { DialectLinter, StatementFacts } from "../../lint/facts.ts";
import { classifySql } from "../../lint/classify_sql.ts";
import { operationFacts } from "../../lint/operation_facts.ts";
import type { BatchOperation, Operation } from "../../operations/types.ts";
import { isBatchOperation } from "../../operations/batch.ts";
import { alterTableLimit } from "./rebuild_rules.ts";
import { SQLITE_SQL_LEXER } from "./sql_lexer.ts";

const WRITE_LOCK = "the database write lock";

function rebuilds(ops: readonly BatchOperation[], recreate: "auto" | "always" | "never"): boolean {
  if (recreate === "always") return true;
  if (recreate === "never") return false;
  return ops.some((o) => alterTableLimit(o) !== undefined);
}

function withLock(fact: StatementFacts): StatementFacts {
  return { ...fact, lockLevel: WRITE_LOCK };
}

/** SQLite's {@link DialectLinter}. */
export const sqliteLinter: DialectLinter = {
  statement: (sql) => Promise.resolve(classifySql(SQLITE_SQL_LEXER, sql).map(withLock)),
  operation(op: Operation, statements) {
    if (op.kind === "execute") {
      return Promise.resolve(statements.flatMap((s) => classifySql(SQLITE_SQL_LEXER, s.sql).map(withLock)));
    }
    const batch = op.kind === "batchAlterTable" ? op.operations : isBatchOperation(op) ? [op] : undefined;
    const recreate = op.kind === "batchAlterTable" ? op.recreate : "auto";
    const facts = operationFacts(op).map(withLock);
    // The planner rebuilds when ALTER TABLE cannot do it (which may depend on the table, e.g. a
    // column in an index): its statements then start with the new table's CREATE TABLE.
    const rebuilt = batch !== undefined &&
      (rebuilds(batch, recreate) || statements.some((s) => /^\s*CREATE\s+TABLE\b/i.test(s.sql)));
    if (rebuilt) {
      // The rebuild copies the table once (SQLite keeps no declared lengths, so a type change loses
      // nothing by itself); dropped columns and renames are still reported one by one.
      return Promise.resolve([
        { action: "rebuild-table", table: batch![0]?.table, lockLevel: WRITE_LOCK, rewritesTable: true },
        ...facts.filter((f) => f.action !== "alter-column-type" && f.action !== "set-not-null"),
      ]);
    }
    return Promise.resolve(facts);
  },
};
