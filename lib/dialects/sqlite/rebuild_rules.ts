/**
 * What SQLite's ALTER TABLE can do in place, decided in one pure function ({@link alterTableLimit},
 * Atlas's "alterable" check): the DDL compiler refuses what SQLite always refuses, and the planner
 * (`rebuild.ts`) rebuilds the table for every limit. The rules are SQLite's documented ones
 * (https://sqlite.org/lang_altertable.html).
 *
 * @module
 */
import { assertNever, type BatchOperation } from "../../operations/types.ts";
import { isSimpleDefault } from "../ddl_fragments.ts";
import { parseCreateTable, tokenize, unquote } from "./_create_table_parser.ts";
import type { SqliteTableInfo } from "./introspect_table.ts";

/** Why SQLite's ALTER TABLE cannot carry out an operation, so the table must be rebuilt. */
export interface AlterTableLimit {
  /** The reason, as rebuild comments and errors give it: `alterColumn "name": ...`. */
  readonly reason: string;
  /**
   * SQLite refuses the statement whatever the table holds (a key, `UNIQUE`, a constraint, a column
   * change). When `false` the refusal depends on the rows (SQLite adds a `NOT NULL` column without a
   * default, or one with a non-constant default, to an empty table only) or on the table's
   * definition, so a compiler that cannot read the table still writes the ALTER TABLE.
   */
  readonly always: boolean;
  /** The refused part in the compiler's words: `PRIMARY KEY`, `type, nullable`, ... */
  readonly what: string;
}

/**
 * The limit of SQLite's ALTER TABLE that `op` hits, or `undefined` when ALTER TABLE can do it.
 * ADD COLUMN refuses PRIMARY KEY, UNIQUE and STORED generated columns always, and NOT NULL without a
 * default or a non-constant default on a table with rows; DROP COLUMN refuses a column that is in
 * the primary key, in an index or a UNIQUE constraint, in a foreign key, or named in a CHECK or
 * generated column; nothing alters a column's type, nullability, default or autoincrement, and
 * nothing adds or drops a constraint. Indexes are always fine.
 *
 * @param op a batch operation
 * @param table the table's current definition; without it a DROP COLUMN counts as possible
 * @returns the limit hit, or `undefined`
 */
export function alterTableLimit(op: BatchOperation, table?: SqliteTableInfo): AlterTableLimit | undefined {
  switch (op.kind) {
    case "addColumn": {
      const d = op.definition;
      const [what, always] = d.primaryKey
        ? ["PRIMARY KEY", true]
        : d.unique
        ? ["UNIQUE", true]
        : d.computed?.stored
        ? ["STORED generated", true]
        : d.nullable === false && d.default === undefined && d.computed === undefined
        ? ["NOT NULL without a default", false]
        : isExpressionDefault(d.default)
        ? ["non-constant default", false]
        : [undefined, false];
      if (what === undefined) return undefined;
      const phrase = what === "NOT NULL without a default"
        ? "a NOT NULL column without a default"
        : what === "non-constant default"
        ? "a column with a non-constant default"
        : `a ${what} column`;
      return {
        reason: `addColumn "${op.column}": ALTER TABLE ADD COLUMN cannot add ${phrase}`,
        always,
        what,
      };
    }
    case "dropColumn": {
      if (table === undefined) return undefined;
      const name = op.column.toLowerCase();
      const column = table.columns.find((c) => c.name.toLowerCase() === name);
      if (column === undefined) return undefined;
      const why = column.pk > 0
        ? "it is in the primary key"
        : table.indexes.some((ix) => ix.columns.some((c) => c?.toLowerCase() === name))
        ? "it is indexed or UNIQUE"
        : table.foreignKeys.some((fk) => fk.from.some((c) => c.toLowerCase() === name))
        ? "it is in a foreign key"
        : mentionsInChecks(table.sql, op.column)
        ? "a CHECK constraint or generated column uses it"
        : undefined;
      if (why === undefined) return undefined;
      return {
        reason: `dropColumn "${op.column}": ALTER TABLE DROP COLUMN refuses it because ${why}`,
        always: false,
        what: why,
      };
    }
    case "alterColumn": {
      const changes = (["type", "nullable", "default", "autoincrement"] as const).filter((k) =>
        op[k] !== undefined
      );
      if (changes.length === 0) return undefined;
      const what = changes.join(", ");
      return {
        reason: `alterColumn "${op.column}": ALTER TABLE cannot change a column's ${what}`,
        always: true,
        what,
      };
    }
    case "createIndex":
    case "dropIndex":
      return undefined;
    case "createPrimaryKey":
    case "createUniqueConstraint":
    case "createForeignKey":
    case "createCheckConstraint":
      return {
        reason: `${op.kind} "${op.name}": ALTER TABLE cannot add a constraint`,
        always: true,
        what: op.kind,
      };
    case "dropConstraint":
      return {
        reason: `dropConstraint "${op.name}": ALTER TABLE cannot drop a constraint`,
        always: true,
        what: op.kind,
      };
    default:
      return assertNever(op);
  }
}

/**
 * Why SQLite's ALTER TABLE cannot carry out `op` (so the table must be rebuilt), or `undefined`
 * when it can: the reason of {@link alterTableLimit}.
 *
 * @param op a batch operation
 * @param table the table's current definition; without it a DROP COLUMN counts as possible
 * @returns a reason (`alterColumn "name": ALTER TABLE cannot change a column's type, nullable`) or `undefined`
 */
export function needsRebuild(op: BatchOperation, table?: SqliteTableInfo): string | undefined {
  return alterTableLimit(op, table)?.reason;
}

/**
 * Whether {@link alterTableLimit}'s answer for this kind depends on the table's definition (so the
 * planner must read the table before it can decide): only DROP COLUMN's does.
 *
 * @param op a batch operation
 * @returns true when the table must be read
 */
export function limitDependsOnTable(op: BatchOperation): boolean {
  return op.kind === "dropColumn";
}

/**
 * Whether `sql` names one of `names` as an identifier (quoted or not, any case).
 *
 * @param sql SQL text
 * @param names lower-case identifiers
 * @returns true when one appears
 */
export function mentionsAny(sql: string, names: ReadonlySet<string>): boolean {
  return tokenize(sql).some((t) =>
    (t.kind === "word" || t.kind === "quoted") && names.has(unquote(t.text).toLowerCase())
  );
}

function mentionsInChecks(createSql: string, column: string): boolean {
  const parsed = parseCreateTable(createSql);
  const name = new Set([column.toLowerCase()]);
  if (parsed.constraints.some((k) => k.kind === "check" && mentionsAny(k.text, name))) return true;
  return parsed.columns.some((c) =>
    c.clauses.some((k) => (k.kind === "check" || k.kind === "generated") && mentionsAny(k.text, name))
  );
}

function isExpressionDefault(value: unknown): boolean {
  if (typeof value !== "object" || value === null || value instanceof Date || value instanceof Uint8Array) {
    return false;
  }
  const sql = (value as { sql: string }).sql;
  return !isSimpleDefault(sql) || /^\s*\(/.test(sql) || /^\s*current_(timestamp|date|time)\s*$/i.test(sql);
}
