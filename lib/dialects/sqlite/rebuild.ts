/**
 * SQLite table rebuilds: what SQLite's ALTER TABLE cannot do (`needsRebuild` in `rebuild_rules.ts`,
 * the one pure truth table) is done by SQLite's documented 12-step procedure ("Making Other Kinds Of Table Schema
 * Changes", https://sqlite.org/lang_altertable.html), rendered by {@link rebuildStatements} from
 * the table's current definition ({@link readSqliteTable}).
 *
 * Foreign keys: the procedure wants `PRAGMA foreign_keys=OFF` outside the transaction (inside one
 * it is a no-op). Retort's SQLite connections keep SQLite's default, enforcement off (as SQLAlchemy
 * and Alembic do), so the rebuild runs with it off and needs no PRAGMA; when a script turned
 * enforcement on, {@link planSqlite} refuses to rebuild rather than let `DROP TABLE` fire
 * `ON DELETE` actions in other tables. Either way `PRAGMA foreign_key_check` runs on the table and
 * on every table that references it before the step commits, and any row it returns fails the step.
 *
 * @module
 */
import { UnsupportedOperationError } from "../../errors.ts";
import { isBatchOperation } from "../../operations/batch.ts";
import {
  type AlterColumnOp,
  assertNever,
  type BatchOperation,
  type Operation,
  type RecreateMode,
} from "../../operations/types.ts";
import type { Connection } from "../dialect.ts";
import type { SqlStatement } from "../statement.ts";
import { type ColumnClause, parseCreateTable, type ParsedTableConstraint } from "./_create_table_parser.ts";
import type { SqliteDdl } from "./ddl.ts";
import { isReplacedColumnReference, isReplacedTableKey } from "./_unnamed_foreign_keys.ts";
import { readSqliteTable, type SqliteTableInfo } from "./introspect_table.ts";
import { limitDependsOnTable, mentionsAny, needsRebuild } from "./rebuild_rules.ts";

/** Prefix of the new table during a rebuild: `_retort_tmp_<name>`. */
export const REBUILD_PREFIX = "_retort_tmp_";

/**
 * Plan an operation on SQLite with the database at hand: a `batchAlterTable` (per its `recreate`)
 * or a single batch-kind operation that ALTER TABLE cannot do becomes a table rebuild; everything
 * else compiles as `ddl` would.
 *
 * @param op the operation
 * @param conn a connection (the migration's, or the offline scratch database)
 * @param compiler SQLite's DDL compiler
 * @returns the statements to run
 * @throws {UnsupportedOperationError} for `recreate: "never"` with a change that needs a rebuild,
 *   for a missing table, and when foreign key enforcement is on inside the transaction
 */
export async function planSqlite(
  op: Operation,
  conn: Connection,
  compiler: SqliteDdl,
): Promise<SqlStatement[]> {
  if (op.kind === "batchAlterTable") {
    return await planBatch(op.table, op.schema, op.recreate, op.operations, op, conn, compiler);
  }
  if (!isBatchOperation(op)) return compiler.compile(op);
  // Most answers depend on the operation alone, and then the table need not be read (a dropIndex,
  // which may not even name its table, never needs a rebuild).
  if (op.kind === "dropIndex" || (!limitDependsOnTable(op) && needsRebuild(op) === undefined)) {
    return compiler.compile(op);
  }
  return await planBatch(op.table, op.schema, "auto", [op], op, conn, compiler);
}

async function planBatch(
  tableName: string,
  schema: string | undefined,
  recreate: RecreateMode,
  ops: readonly BatchOperation[],
  source: Operation,
  conn: Connection,
  compiler: SqliteDdl,
): Promise<SqlStatement[]> {
  const table = await readSqliteTable(conn, tableName, schema);
  if (table === undefined) {
    throw new UnsupportedOperationError(
      `Cannot alter table "${tableName}" on SQLite: there is no such table`,
      "sqlite",
      source.kind,
    );
  }
  const reasons = ops.map((o) => needsRebuild(o, table)).filter((r): r is string => r !== undefined);
  if (recreate === "never" && reasons.length > 0) {
    const hint = 'use recreate: "auto" to rebuild the table';
    throw new UnsupportedOperationError(
      `Cannot alter table "${tableName}" on SQLite with recreate: "never": ${reasons[0]} (${hint})`,
      "sqlite",
      source.kind,
      hint,
    );
  }
  if (recreate === "always" || reasons.length > 0) {
    if (table.foreignKeysEnabled) {
      const hint = "leave PRAGMA foreign_keys off during migrations (the connection's default)";
      throw new UnsupportedOperationError(
        `Cannot rebuild table "${tableName}" on SQLite: PRAGMA foreign_keys is ON inside the migration's ` +
          `transaction, where SQLite cannot turn it off, so DROP TABLE would run ON DELETE actions (${hint})`,
        "sqlite",
        source.kind,
        hint,
      );
    }
    return rebuildStatements(table, ops, compiler, source);
  }
  return ops.flatMap((o) => compiler.compile(o).map((st) => ({ ...st, source })));
}

/** A column of the table being rebuilt. */
interface WorkColumn {
  /** Its name in the new CREATE TABLE (renames run natively after the rebuild). */
  readonly name: string;
  /** Its name once the batch's renames are applied. */
  finalName: string;
  nameText: string;
  type: string;
  clauses: ColumnClause[];
  /** The original segment text while unchanged. */
  original?: string;
  /** Copied from the old table (false for added columns). */
  readonly copied: boolean;
  /** Generated columns are never inserted. */
  generated: boolean;
}

/**
 * The statements of SQLite's 12-step procedure for `ops` on `table`: drop the views and triggers
 * that name the table, create `_retort_tmp_<name>` with the new definition, copy the rows (column
 * order kept, generated columns left to compute), carry the AUTOINCREMENT counter over, drop the
 * old table, rename the new one, recreate the indexes, triggers and views, apply column renames
 * natively (so SQLite rewrites every reference), create new indexes, and run
 * `PRAGMA foreign_key_check` on the table and its referencing tables (rows fail the step). Pure.
 *
 * @param table the table's definition before the change
 * @param ops the changes, in order; column names refer to the names as renamed so far
 * @param compiler SQLite's DDL compiler (renders new columns, types, defaults, constraints)
 * @param source the operation to name as each statement's source
 * @returns the statements; the first carries a comment naming the procedure
 * @throws {UnsupportedOperationError} for a change the rebuild cannot make (unknown column,
 *   unnamed constraint, autoincrement change)
 */
export function rebuildStatements(
  table: SqliteTableInfo,
  ops: readonly BatchOperation[],
  compiler: SqliteDdl,
  source: Operation,
): SqlStatement[] {
  const q = (n: string) => compiler.quoteIdentifier(n);
  const qs = (n: string) => (table.schema ? `${q(table.schema)}.${q(n)}` : q(n));
  const parsed = parseCreateTable(table.sql);
  const generated = new Set(table.columns.filter((c) => c.hidden === 2 || c.hidden === 3).map((c) => c.name));
  const segmentTexts = new Map<string, string>();
  const columns: WorkColumn[] = parsed.columns.map((c) => ({
    name: c.name,
    finalName: c.name,
    nameText: c.nameText,
    type: c.type,
    clauses: [...c.clauses],
    original: columnText(c.nameText, c.type, c.clauses),
    copied: true,
    generated: generated.has(c.name),
  }));
  for (const c of columns) segmentTexts.set(c.name, c.original ?? "");
  let constraints: (ParsedTableConstraint & { added?: boolean })[] = [...parsed.constraints];
  const oldIndexes = table.indexes.filter((ix) => ix.sql !== null);
  const droppedIndexes = new Set<string>();
  const newIndexes: SqlStatement[] = [];
  const droppedColumns = new Set<string>();
  const unsupported = (message: string) => new UnsupportedOperationError(message, "sqlite", source.kind);
  const find = (name: string, kind: string): WorkColumn => {
    const c = columns.find((c) => c.finalName.toLowerCase() === name.toLowerCase());
    if (!c) {
      throw unsupported(`Cannot ${kind} "${table.name}.${name}" on SQLite: the table has no such column`);
    }
    return c;
  };
  // Table constraints are written before renames run, so they use the columns' pre-rename names.
  const toBuildNames = (names: readonly string[]) => names.map((n) => find(n, "use column").name);

  for (const op of ops) {
    switch (op.kind) {
      case "addColumn": {
        if (columns.some((c) => c.finalName.toLowerCase() === op.column.toLowerCase())) {
          throw unsupported(`Cannot add column "${table.name}.${op.column}" on SQLite: it exists`);
        }
        const text = compiler.columnSql(op, op.column, op.definition);
        columns.push({
          name: op.column,
          finalName: op.column,
          nameText: q(op.column),
          type: "",
          clauses: [],
          original: text,
          copied: false,
          generated: op.definition.computed !== undefined,
        });
        break;
      }
      case "dropColumn": {
        const c = find(op.column, "drop column");
        columns.splice(columns.indexOf(c), 1);
        droppedColumns.add(c.name.toLowerCase());
        // Constraints on the dropped column go with it, as they would in a CREATE TABLE without it.
        constraints = constraints.filter((k) =>
          !k.columns.some((n) => n.toLowerCase() === c.name.toLowerCase()) &&
          !(k.kind === "check" && k.mentions.some((n) => n.toLowerCase() === c.name.toLowerCase()))
        );
        break;
      }
      case "alterColumn":
        alterWorkColumn(find(op.column, "alter column"), op, compiler, table.name);
        break;
      case "createIndex":
        newIndexes.push(...compiler.compile(op));
        break;
      case "dropIndex":
        if (!oldIndexes.some((ix) => ix.name === op.name)) {
          throw unsupported(`Cannot drop index "${op.name}" of "${table.name}" on SQLite: no such index`);
        }
        droppedIndexes.add(op.name);
        break;
      case "createPrimaryKey":
        for (const c of columns) {
          if (c.clauses.some((k) => k.kind === "primary")) {
            c.clauses = c.clauses.filter((k) => k.kind !== "primary");
            c.original = undefined;
          }
        }
        constraints = constraints.filter((k) => k.kind !== "primary");
        constraints.push(
          added("primary", op.name, compiler.constraintSql({ ...op, columns: toBuildNames(op.columns) })),
        );
        break;
      case "createUniqueConstraint":
        constraints.push(
          added("unique", op.name, compiler.constraintSql({ ...op, columns: toBuildNames(op.columns) })),
        );
        break;
      case "createForeignKey": {
        // An unnamed key on the same columns to the same table is the one this replaces (SQLite
        // offers no name to drop it by).
        const cols = toBuildNames(op.columns);
        constraints = constraints.filter((k) => !isReplacedTableKey(k, cols, op.referencedTable));
        if (cols.length === 1) {
          const c = find(op.columns[0], "use column");
          const kept = c.clauses.filter((k) => !isReplacedColumnReference(k, op.referencedTable));
          if (kept.length !== c.clauses.length) {
            c.clauses = kept;
            c.original = undefined;
          }
        }
        constraints.push(
          added("foreignkey", op.name, compiler.constraintSql({ ...op, columns: cols })),
        );
        break;
      }
      case "createCheckConstraint":
        constraints.push(added("check", op.name, compiler.constraintSql(op)));
        break;
      case "dropConstraint": {
        const before = constraints.length;
        constraints = constraints.filter((k) =>
          !(k.name === op.name || (op.type === "primary" && k.kind === "primary" && k.name === undefined))
        );
        let found = constraints.length !== before;
        for (const c of columns) {
          const kept = c.clauses.filter((k) =>
            !(k.name === op.name || (op.type === "primary" && k.kind === "primary" && k.name === undefined))
          );
          if (kept.length !== c.clauses.length) {
            c.clauses = kept;
            c.original = undefined;
            found = true;
          }
        }
        if (!found) {
          throw unsupported(
            `Cannot drop constraint "${op.name}" of "${table.name}" on SQLite: no constraint has that name ` +
              `(SQLite knows only the names written in CREATE TABLE)`,
          );
        }
        break;
      }
      default:
        assertNever(op);
    }
  }

  const tmp = `${REBUILD_PREFIX}${table.name}`;
  const lines = [
    ...columns.map((c) => c.original ?? columnText(c.nameText, c.type, c.clauses)),
    ...constraints.map((k) => k.text),
  ];
  const createSql = `CREATE TABLE ${qs(tmp)} (\n    ${lines.join(",\n    ")}\n)${
    parsed.tail.replace(/;\s*$/, "")
  }`;
  const copied = columns.filter((c) => c.copied && !c.generated);
  const names = copied.map((c) => q(c.name)).join(", ");
  const touched = touchingObjects(table);
  const out: SqlStatement[] = [];
  const push = (sql: string, extra: Partial<SqlStatement> = {}) => out.push({ sql, source, ...extra });

  for (const o of [...touched].reverse()) {
    push(`DROP ${o.type === "view" ? "VIEW" : "TRIGGER"} IF EXISTS ${qs(o.name)}`);
  }
  push(createSql);
  if (copied.length > 0) push(`INSERT INTO ${qs(tmp)} (${names}) SELECT ${names} FROM ${qs(table.name)}`);
  if (table.hasSequence && /\bAUTOINCREMENT\b/i.test(createSql)) {
    const seq = table.schema ? `${q(table.schema)}.sqlite_sequence` : "sqlite_sequence";
    push(`DELETE FROM ${seq} WHERE name = ${compiler.quoteLiteral(tmp)}`);
    push(
      `INSERT INTO ${seq} (name, seq) SELECT ${compiler.quoteLiteral(tmp)}, seq FROM ${seq} WHERE name = ${
        compiler.quoteLiteral(table.name)
      }`,
    );
  }
  push(`DROP TABLE ${qs(table.name)}`);
  push(`ALTER TABLE ${qs(tmp)} RENAME TO ${q(table.name)}`);
  for (const ix of oldIndexes) {
    if (droppedIndexes.has(ix.name)) continue;
    if (ix.columns.some((c) => c !== null && droppedColumns.has(c.toLowerCase()))) continue;
    push(ix.sql as string);
  }
  for (const o of touched) push(o.sql);
  for (const c of columns) {
    if (c.copied && c.finalName !== c.name) {
      push(`ALTER TABLE ${qs(table.name)} RENAME COLUMN ${q(c.name)} TO ${q(c.finalName)}`);
    }
  }
  out.push(...newIndexes.map((s) => ({ ...s, source })));
  const check = (t: string) =>
    push(`PRAGMA ${table.schema ? `${q(table.schema)}.` : ""}foreign_key_check(${q(t)})`, {
      expectNoRows: `Cannot rebuild table "${table.name}": PRAGMA foreign_key_check(${
        q(t)
      }) found rows that break foreign keys`,
    });
  check(table.name);
  for (const child of table.referencedBy) check(child);
  const what = ops.map((o) => `${o.kind}${"column" in o ? ` ${o.column}` : "name" in o ? ` ${o.name}` : ""}`);
  out[0] = {
    ...out[0],
    comment: `Rebuild "${table.name}" (SQLite's 12-step ALTER TABLE procedure): ${
      what.join(", ") || "recreate"
    }`,
  };
  return out;
}

/** A table constraint made by the batch. */
function added(
  kind: ParsedTableConstraint["kind"],
  name: string,
  text: string,
): ParsedTableConstraint & { added: true } {
  return { kind, name, columns: [], mentions: [], text, added: true };
}

/** Edit one column's definition text for an `alterColumn`. */
function alterWorkColumn(c: WorkColumn, op: AlterColumnOp, compiler: SqliteDdl, table: string): void {
  if (op.autoincrement !== undefined) {
    throw new UnsupportedOperationError(
      `Cannot change autoincrement of "${table}.${op.column}" on SQLite: only an INTEGER PRIMARY KEY written ` +
        `with AUTOINCREMENT at creation autoincrements`,
      "sqlite",
      op.kind,
      "recreate the table with op.createTable",
    );
  }
  if (op.type !== undefined) {
    c.type = compiler.typeSql(op.type);
    // A new type restates its collation, as PostgreSQL's ALTER TYPE and MySQL's MODIFY do.
    c.clauses = c.clauses.filter((k) => k.kind !== "collate");
    c.original = undefined;
  }
  if (op.nullable !== undefined) {
    c.clauses = c.clauses.filter((k) => k.kind !== "notnull" && k.kind !== "null");
    if (!op.nullable) c.clauses.push({ kind: "notnull", text: "NOT NULL" });
    c.original = undefined;
  }
  if (op.default !== undefined) {
    c.clauses = c.clauses.filter((k) => k.kind !== "default");
    if (op.default !== null) {
      c.clauses.push({ kind: "default", text: `DEFAULT ${compiler.defaultSql(op.default)}` });
    }
    c.original = undefined;
  }
  if (op.newName !== undefined) c.finalName = op.newName;
}

function columnText(nameText: string, type: string, clauses: readonly ColumnClause[]): string {
  return [nameText, type, ...clauses.map((k) => k.text)].filter((p) => p !== "").join(" ");
}

/**
 * Triggers and views whose SQL names the table, plus views over those views (transitively), in
 * creation order: the rename in step 8 fails while any of them names a missing table.
 */
function touchingObjects(table: SqliteTableInfo): SqliteTableInfo["triggersAndViews"] {
  const names = new Set([table.name.toLowerCase()]);
  const picked = new Set<number>();
  let grew = true;
  while (grew) {
    grew = false;
    table.triggersAndViews.forEach((o, i) => {
      if (picked.has(i)) return;
      if (o.type === "trigger" && names.has(o.table.toLowerCase()) || mentionsAny(o.sql, names)) {
        picked.add(i);
        if (o.type === "view") names.add(o.name.toLowerCase());
        grew = true;
      }
    });
  }
  return table.triggersAndViews.filter((_, i) => picked.has(i));
}
