/**
 * MySQL's and MariaDB's statement analysis for `migrate lint`, after the online DDL tables of the
 * MySQL 8.0 manual (section 17.12.1, "Online DDL Operations") and MariaDB's "InnoDB Online DDL
 * Operations" pages: adding, dropping and renaming columns is INSTANT (MySQL 8.0.29+, MariaDB 10.4+),
 * indexes build INPLACE with concurrent DML, while changing a column's type and adding a foreign key
 * with `foreign_key_checks` on copy the table (ALGORITHM=COPY) and block writes until the copy ends.
 * Every statement takes an exclusive metadata lock at its start and end.
 *
 * @module
 */
import type { DialectLinter, StatementFacts } from "../../lint/facts.ts";
import { classifySql } from "../../lint/classify_sql.ts";
import { operationFacts } from "../../lint/operation_facts.ts";
import type { Operation } from "../../operations/types.ts";
import { MYSQL_SQL_LEXER } from "./sql_lexer.ts";

const COPY = "exclusive metadata lock; writes blocked while the table is copied (ALGORITHM=COPY)";
const INPLACE = "exclusive metadata lock at start and end; INPLACE with concurrent DML";
const INSTANT = "exclusive metadata lock (INSTANT)";

const VARCHAR = /^(?:varchar|character varying)\((\d+)\)$/i;

/** A VARCHAR that grows within the same length-prefix size changes in place (MySQL docs 17.12.1). */
function inPlaceWidening(from: string | undefined, to: string | undefined): boolean {
  const a = from === undefined ? null : VARCHAR.exec(from.trim());
  const b = to === undefined ? null : VARCHAR.exec(to.trim());
  if (!a || !b) return false;
  const [n, m] = [Number(a[1]), Number(b[1])];
  // utf8mb4: up to 63 characters fit a 1-byte length prefix.
  return m >= n && (m <= 63) === (n <= 63);
}

function narrowing(from: string | undefined, to: string | undefined): boolean {
  const a = from === undefined ? null : VARCHAR.exec(from.trim());
  const b = to === undefined ? null : VARCHAR.exec(to.trim());
  return !!a && !!b && Number(b[1]) < Number(a[1]);
}

function mysqlFacts(fact: StatementFacts, op?: Operation): StatementFacts {
  switch (fact.action) {
    case "add-column":
      // Existing rows get the type's implicit default: a NOT NULL column without one does not fail.
      return { ...fact, lockLevel: INSTANT, notNullWithoutDefault: undefined };
    case "drop-column":
    case "rename-column":
    case "rename-table":
      return { ...fact, lockLevel: INSTANT };
    case "alter-column-type": {
      const from = op?.kind === "alterColumn" ? op.existing?.type : undefined;
      const to = op?.kind === "alterColumn" ? op.type : undefined;
      const inPlace = inPlaceWidening(from, to);
      return {
        ...fact,
        lockLevel: inPlace ? INPLACE : COPY,
        rewritesTable: !inPlace,
        narrowing: narrowing(from, to),
      };
    }
    case "set-not-null":
    case "add-primary-key":
    case "add-unique":
    case "create-index":
    case "drop-index":
      return { ...fact, lockLevel: INPLACE };
    case "add-foreign-key":
    case "add-check":
      return { ...fact, lockLevel: COPY, rewritesTable: true };
    default:
      return fact;
  }
}

/** MySQL's and MariaDB's {@link DialectLinter}. */
export const mysqlLinter: DialectLinter = {
  statement: (sql) => Promise.resolve(classifySql(MYSQL_SQL_LEXER, sql).map((f) => mysqlFacts(f))),
  operation(op, statements) {
    if (op.kind === "execute") {
      return Promise.resolve(
        statements.flatMap((s) => classifySql(MYSQL_SQL_LEXER, s.sql).map((f) => mysqlFacts(f))),
      );
    }
    const inner = op.kind === "batchAlterTable" ? op.operations : [op];
    return Promise.resolve(inner.flatMap((o) => operationFacts(o).map((f) => mysqlFacts(f, o))));
  },
};
