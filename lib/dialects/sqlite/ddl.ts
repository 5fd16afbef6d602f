/**
 * SQLite's DDL: the shared compiler with SQLite's hooks.
 *
 * @module
 */
import type { AddColumnOp, Column, Operation, SqlValue } from "../../operations/types.ts";
import { quoteString, timestampText } from "../_sql.ts";
import { type ColumnContext, DdlCompiler, isSimpleDefault } from "../ddl.ts";
import type { SqlStatement } from "../statement.ts";
import { sqliteType } from "./types.ts";

const BATCH_HINT = "use op.batchAlterTable to rebuild the table";

/**
 * Compiles operations for SQLite. Renders (CREATE TABLE with an autoincrement key):
 * `id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT`. Column comments are ignored: SQLite has no
 * comment storage (SQLAlchemy drops them too).
 */
export class SqliteDdl extends DdlCompiler {
  readonly dialect = "sqlite" as const;
  protected readonly quote = '"' as const;

  // SQLite has no boolean type before 3.23 and stores TRUE as 1 anyway; 1/0 works in every version.
  protected booleanLiteral(value: boolean): string {
    return value ? "1" : "0";
  }

  // SQLite has no date type: its date functions read ISO text, so a Date becomes UTC text.
  protected dateLiteral(value: Date): string {
    return quoteString(timestampText(value), false);
  }

  protected bytesLiteral(value: Uint8Array): string {
    return this.hexBlobLiteral(value);
  }

  protected mapType(type: string): string {
    return sqliteType(type);
  }

  // AUTOINCREMENT is only legal on the rowid alias, whose type must be spelled exactly INTEGER.
  protected override columnType(op: Operation, column: Column, ctx: ColumnContext): string {
    if (column.autoincrement !== true) return super.columnType(op, column, ctx);
    if (!ctx.inlinePrimaryKey) {
      throw this.unsupported(
        op.kind,
        "Cannot render autoincrement on SQLite: only a single-column INTEGER PRIMARY KEY can autoincrement",
        "make the column the table's only primary key",
      );
    }
    if (!/^\s*(integer|int|bigint|smallint)\s*$/i.test(column.type)) {
      throw this.unsupported(
        op.kind,
        `Cannot render autoincrement on SQLite for type "${column.type}": only INTEGER PRIMARY KEY can autoincrement`,
        'use type "integer"',
      );
    }
    return "INTEGER";
  }

  protected autoincrementClause(): string | undefined {
    return undefined;
  }

  // SQLite's grammar wants AUTOINCREMENT right after PRIMARY KEY.
  protected override primaryKeyClause(column: Column): string {
    return column.autoincrement === true ? "PRIMARY KEY AUTOINCREMENT" : "PRIMARY KEY";
  }

  // SQLite accepts only a literal, a signed number or a parenthesised expression after DEFAULT.
  protected override defaultExpression(sql: string): string {
    return isSimpleDefault(sql) ? sql : `(${sql})`;
  }

  // SQLite's ALTER TABLE ADD COLUMN refuses keys, UNIQUE and stored generated columns
  // (https://sqlite.org/lang_altertable.html); those need the 12-step rebuild.
  protected override addColumn(op: AddColumnOp): SqlStatement[] {
    const d = op.definition;
    const refused = d.primaryKey
      ? "PRIMARY KEY"
      : d.unique
      ? "UNIQUE"
      : d.computed?.stored
      ? "STORED generated"
      : "";
    if (refused) {
      throw this.unsupported(
        op.kind,
        `Cannot add ${refused} column "${op.column}" to "${op.table}" on SQLite: ALTER TABLE ADD COLUMN does not allow it`,
        BATCH_HINT,
      );
    }
    return super.addColumn(op);
  }

  // SQLite qualifies the index name, not the table: the index lives in the table's database.
  protected override indexName(name: string, schema: string | undefined): string {
    return this.qualify(name, schema);
  }

  protected override indexTable(table: string): string {
    return this.quoteIdentifier(table);
  }

  protected versionTableExists(table: string, schema?: string): { sql: string; params: SqlValue[] } {
    const master = schema ? `${this.quoteIdentifier(schema)}.sqlite_master` : "sqlite_master";
    return { sql: `SELECT name FROM ${master} WHERE type = 'table' AND name = ?`, params: [table] };
  }
}
