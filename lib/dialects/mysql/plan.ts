/**
 * MySQL's `dialect.plan`: an `alterColumn` that MySQL must restate whole (`MODIFY c <definition>`)
 * and that does not say what the column is now (`existing`) reads the column's current definition
 * from the database first, so NOT NULL, the default, the comment, the charset and ON UPDATE are kept
 * as a demanding Alembic user expects (Alembic itself needs `existing_*` and silently drops what is
 * not given). Offline there is no database to read: `MysqlDdl` then refuses and names the way out.
 *
 * @module
 */
import type { AlterColumnOp, Operation } from "../../operations/types.ts";
import type { Connection } from "../dialect.ts";
import type { SqlStatement } from "../statement.ts";
import { mysqlColumnOf } from "./introspect.ts";
import { withCharset } from "./introspect_options.ts";

/** What `plan` needs of the compiler. */
export interface MysqlCompiler {
  compile(op: Operation): SqlStatement[];
}

/**
 * The statements of `op`, with the current definition of an altered column read from `conn` where
 * the operation needs it and does not carry it.
 *
 * @param op the operation
 * @param conn the migration's connection
 * @param compiler MySQL's DDL compiler
 * @returns the statements to run
 * @throws {UnsupportedOperationError} when the column does not exist and MODIFY needs its type
 */
export async function planMysql(
  op: Operation,
  conn: Connection,
  compiler: MysqlCompiler,
): Promise<SqlStatement[]> {
  if (op.kind === "alterColumn") return compiler.compile(await withExisting(op, conn));
  if (op.kind === "batchAlterTable" && op.operations.some((o) => o.kind === "alterColumn")) {
    const operations = [];
    for (const o of op.operations) {
      operations.push(
        o.kind === "alterColumn"
          ? await withExisting({ ...o, table: op.table, ...(op.schema ? { schema: op.schema } : {}) }, conn)
          : o,
      );
    }
    return compiler.compile({ ...op, operations } as Operation);
  }
  return compiler.compile(op);
}

/** Whether MySQL restates the column for this change (see `MysqlDdl.alterColumn`). */
export function restatesColumn(op: AlterColumnOp): boolean {
  return op.type !== undefined || op.nullable !== undefined || op.comment !== undefined ||
    op.autoincrement !== undefined;
}

async function withExisting<T extends AlterColumnOp>(op: T, conn: Connection): Promise<T> {
  if (op.existing !== undefined || !restatesColumn(op)) return op;
  const rows = await conn.query(
    `SELECT c.column_name AS name, c.column_type AS type, c.is_nullable AS nullable, c.column_default AS dflt,
  c.extra, c.column_comment AS comment, c.generation_expression AS gen, c.character_set_name AS charset,
  c.collation_name AS collation, t.table_collation AS table_collation
FROM information_schema.columns c
JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
WHERE c.table_schema = coalesce(?, database()) AND c.table_name = ? AND c.column_name = ?`,
    [op.schema ?? null, op.table, op.column],
  );
  if (rows.length === 0) return op;
  const r: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rows[0])) r[k.toLowerCase()] = v;
  const existing = withCharset(mysqlColumnOf(r), r, { collate: String(r.table_collation ?? "") });
  return { ...op, existing };
}
