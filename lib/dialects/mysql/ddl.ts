/**
 * MySQL / MariaDB DDL: the shared compiler with MySQL's hooks.
 *
 * @module
 */
import { resolveReference } from "../../operations/create.ts";
import type { AddColumnOp, DropIndexOp, RenameTableOp, SqlValue } from "../../operations/types.ts";
import { quoteString, timestampText } from "../_sql.ts";
import { DdlCompiler, isSimpleDefault } from "../ddl.ts";
import type { SqlStatement } from "../statement.ts";
import { mysqlType } from "./types.ts";

/** Options of {@link MysqlDdl}. */
export interface MysqlDdlOptions {
  /**
   * The server runs with `sql_mode` `NO_BACKSLASH_ESCAPES`, so backslashes in strings are literal.
   * Default `false`: backslashes are escaped, as MySQL's default mode needs.
   */
  readonly noBackslashEscapes?: boolean;
}

/**
 * Compiles operations for MySQL and MariaDB. Autoincrement renders `AUTO_INCREMENT`; comments are
 * inline `COMMENT '...'`; foreign keys added with a column become an `ADD FOREIGN KEY` clause in
 * the same ALTER TABLE, because MySQL parses and ignores inline `REFERENCES`.
 */
export class MysqlDdl extends DdlCompiler {
  readonly dialect = "mysql" as const;
  protected readonly quote = "`" as const;
  readonly #noBackslashEscapes: boolean;

  /** @param options see {@link MysqlDdlOptions} */
  constructor(options: MysqlDdlOptions = {}) {
    super();
    this.#noBackslashEscapes = options.noBackslashEscapes ?? false;
  }

  // In MySQL's default sql_mode a backslash starts an escape sequence inside string literals.
  protected override stringLiteral(text: string): string {
    return quoteString(text, !this.#noBackslashEscapes);
  }

  protected booleanLiteral(value: boolean): string {
    return value ? "TRUE" : "FALSE";
  }

  // DATETIME has no zone (and MariaDB rejects offsets), so a Date is written as UTC wall-clock time.
  protected dateLiteral(value: Date): string {
    return `'${timestampText(value)}'`;
  }

  protected bytesLiteral(value: Uint8Array): string {
    return this.hexBlobLiteral(value);
  }

  protected mapType(type: string): string {
    return mysqlType(type);
  }

  protected autoincrementClause(): string | undefined {
    return "AUTO_INCREMENT";
  }

  protected override inlineComment(comment: string): string | undefined {
    return `COMMENT ${this.stringLiteral(comment)}`;
  }

  // MySQL 8 needs parentheses around expression defaults, except the CURRENT_TIMESTAMP family
  // (which may carry ON UPDATE ...); MariaDB accepts both forms.
  protected override defaultExpression(sql: string): string {
    if (isSimpleDefault(sql) || /^\s*(current_timestamp|now|localtime|localtimestamp)\b/i.test(sql)) {
      return sql;
    }
    return `(${sql})`;
  }

  protected override addColumn(op: AddColumnOp): SqlStatement[] {
    const definition = this.columnDefinition(op, op.column, op.definition, {
      inlinePrimaryKey: op.definition.primaryKey === true,
      inlineReferences: false,
      kind: "addColumn",
    });
    let sql = `ALTER TABLE ${this.qualify(op.table, op.schema)} ADD COLUMN ${definition}`;
    if (op.definition.references !== undefined) {
      sql += `, ADD ${this.foreignKeyClause(op.column, resolveReference(op.definition.references))}`;
    }
    return [{ sql, source: op }];
  }

  // Without a qualified new name MySQL moves the table into the connection's default database.
  protected override renameTable(op: RenameTableOp): SqlStatement[] {
    return [{
      sql: `ALTER TABLE ${this.qualify(op.table, op.schema)} RENAME TO ${
        this.qualify(op.newName, op.schema)
      }`,
      source: op,
    }];
  }

  // MySQL indexes belong to their table: DROP INDEX needs it.
  protected override dropIndex(op: DropIndexOp): SqlStatement[] {
    if (op.table === undefined) {
      throw this.unsupported(
        op.kind,
        `Cannot drop index "${op.name}" on MySQL without its table`,
        `pass the table: op.dropIndex("${op.name}", { table: "..." })`,
      );
    }
    return [{
      sql: `DROP INDEX ${op.ifExists ? "IF EXISTS " : ""}${this.quoteIdentifier(op.name)} ON ${
        this.qualify(op.table, op.schema)
      }`,
      source: op,
    }];
  }

  // MySQL has no DEFAULT VALUES; an empty column list with empty tuples inserts defaults.
  protected override insertDefaults(target: string, count: number): string[] {
    return [`INSERT INTO ${target} () VALUES ${Array.from({ length: count }, () => "()").join(", ")}`];
  }

  protected versionTableExists(table: string, schema?: string): { sql: string; params: SqlValue[] } {
    return schema
      ? {
        sql: "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
        params: [schema, table],
      }
      : {
        sql:
          "SELECT table_name FROM information_schema.tables WHERE table_schema = database() AND table_name = ?",
        params: [table],
      };
  }
}
