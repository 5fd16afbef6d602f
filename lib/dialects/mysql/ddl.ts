/**
 * MySQL / MariaDB DDL: the shared compiler with MySQL's hooks.
 *
 * @module
 */
import { resolveReference } from "../../operations/create.ts";
import type {
  AddColumnOp,
  AlterColumnOp,
  Column,
  CreateIndexOp,
  CreateTableCommentOp,
  CreateTableOp,
  DeferrableOptions,
  DropConstraintOp,
  DropIndexOp,
  DropSchemaOp,
  DropTableCommentOp,
  Operation,
  OperationKind,
  RenameTableOp,
  SqlValue,
} from "../../operations/types.ts";
import { quoteString, timestampText } from "../_sql.ts";
import { DdlCompiler } from "../ddl.ts";
import { informationSchemaTableExists } from "../_information_schema.ts";
import type { ObjectDdlRules } from "../ddl_objects.ts";
import { type ColumnContext, isSimpleDefault } from "../ddl_fragments.ts";
import type { IndexSyntax } from "../index_sql.ts";
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
  // MySQL/MariaDB have views, stored routines and triggers (DROP TRIGGER [schema.]name), no
  // materialized views, sequences of PostgreSQL's kind, extensions or domains.
  protected override readonly objectRules: ObjectDdlRules = {
    objects: ["view", "routine", "trigger"],
    dropTriggerOnTable: false,
    orReplaceView: true,
  };
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

  // MySQL spells an enum inline: ENUM('a', 'b').
  protected override columnType(op: Operation, column: Column, ctx: ColumnContext): string {
    if (column.enum !== undefined && column.type.trim().toLowerCase() === "enum") {
      return `ENUM(${column.enum.values.map((v) => this.stringLiteral(v)).join(", ")})`;
    }
    return super.columnType(op, column, ctx);
  }

  // Engine, charset, collation, comment and the first AUTO_INCREMENT value are table options.
  protected override tableOptions(op: CreateTableOp): string {
    const parts: string[] = [];
    if (op.mysql?.engine) parts.push(`ENGINE=${op.mysql.engine}`);
    if (op.mysql?.charset) parts.push(`DEFAULT CHARSET=${op.mysql.charset}`);
    if (op.mysql?.collate) parts.push(`COLLATE=${op.mysql.collate}`);
    if (op.mysql?.rowFormat) parts.push(`ROW_FORMAT=${op.mysql.rowFormat}`);
    const start = Object.values(op.columns).find((c) => c.identity?.start !== undefined)?.identity?.start;
    if (start !== undefined) parts.push(`AUTO_INCREMENT=${start}`);
    if (op.comment !== undefined) parts.push(`COMMENT=${this.stringLiteral(op.comment)}`);
    if (op.partitionBy) parts.push(`PARTITION BY ${op.partitionBy}`);
    if (op.partitionOf || op.inherits) {
      throw this.unsupported(
        op.kind,
        `Cannot create table "${op.table}" on MySQL as a partition or heir of another: MySQL has no PARTITION OF or INHERITS`,
        "declare the partitions in partitionBy",
      );
    }
    return parts.length ? ` ${parts.join(" ")}` : "";
  }

  // A column's own character set and collation: `CHARACTER SET cs COLLATE name`.
  protected override collationClause(column: Column): string | undefined {
    const parts: string[] = [];
    if (column.charset !== undefined) parts.push(`CHARACTER SET ${column.charset}`);
    if (column.collation !== undefined) parts.push(`COLLATE ${column.collation}`);
    return parts.length ? parts.join(" ") : undefined;
  }

  // MySQL updates a TIMESTAMP/DATETIME column on every UPDATE of the row with ON UPDATE.
  protected override onUpdateClause(sql: string): string {
    return `ON UPDATE ${sql}`;
  }

  protected override tableCommentAfterCreate(): [] {
    return [];
  }

  protected override createTableComment(op: CreateTableCommentOp): SqlStatement[] {
    return [{
      sql: `ALTER TABLE ${this.qualify(op.table, op.schema)} COMMENT = ${this.stringLiteral(op.comment)}`,
      source: op,
    }];
  }

  // MySQL has no NULL comment: the empty comment is no comment.
  protected override dropTableComment(op: DropTableCommentOp): SqlStatement[] {
    return [{ sql: `ALTER TABLE ${this.qualify(op.table, op.schema)} COMMENT = ''`, source: op }];
  }

  // MySQL has no deferrable constraints: every check runs at the end of each statement.
  protected override deferrable(options: DeferrableOptions, kind: OperationKind): string {
    if (options.deferrable || options.initiallyDeferred) {
      throw this.unsupported(
        kind,
        "Cannot render a deferrable constraint on MySQL: MySQL has none",
        "leave deferrable unset for MySQL",
      );
    }
    return "";
  }

  // MySQL has no partial indexes.
  protected override indexWhere(op: CreateIndexOp): string {
    if (op.where !== undefined) {
      throw this.unsupported(
        op.kind,
        `Cannot create partial index "${op.name}" on MySQL: MySQL has no partial indexes`,
        "drop the where option for MySQL",
      );
    }
    return "";
  }

  // MATCH, NOT VALID, NULLS NOT DISTINCT and EXCLUDE are PostgreSQL's; the base refuses them.
  protected override get postgresConstraintClauses(): boolean {
    return false;
  }

  // Prefix lengths (Alembic's mysql_length), FULLTEXT/SPATIAL and DESC; MySQL has no operator
  // classes, NULLS placement, per-column collation or INCLUDE.
  protected override get indexSyntax(): IndexSyntax {
    return {
      label: "MySQL",
      using: "afterColumns",
      nulls: false,
      collation: false,
      opclass: false,
      include: false,
      mysqlKinds: true,
    };
  }

  // Each kind of constraint has its own DROP clause; CHECK (and an unknown type) use DROP
  // CONSTRAINT, which MariaDB 10.2+ and MySQL 8.0.19+ understand.
  protected override dropConstraint(op: DropConstraintOp): SqlStatement[] {
    const table = this.qualify(op.table, op.schema);
    const clause = op.type === "foreignkey"
      ? `DROP FOREIGN KEY ${this.quoteIdentifier(op.name)}`
      : op.type === "primary"
      ? "DROP PRIMARY KEY"
      : op.type === "unique"
      ? `DROP INDEX ${this.quoteIdentifier(op.name)}`
      : `DROP CONSTRAINT ${this.quoteIdentifier(op.name)}`;
    return [{ sql: `ALTER TABLE ${table} ${clause}`, source: op }];
  }

  // DROP DATABASE always drops everything inside; CASCADE is not MySQL syntax.
  protected override dropSchema(op: DropSchemaOp): SqlStatement[] {
    return [{
      sql: `DROP SCHEMA ${op.ifExists ? "IF EXISTS " : ""}${this.quoteIdentifier(op.name)}`,
      source: op,
    }];
  }

  /**
   * MySQL restates a column whole: `MODIFY c <definition>`, or `CHANGE c new <definition>` with a
   * rename (Alembic's MySQL implementation). The definition is `existing` with the changes applied.
   * A change of the default alone is `ALTER COLUMN c SET DEFAULT x | DROP DEFAULT`, and a rename
   * alone is `RENAME COLUMN`, neither of which needs `existing`.
   */
  protected override alterColumn(op: AlterColumnOp): SqlStatement[] {
    const table = this.qualify(op.table, op.schema);
    const col = this.quoteIdentifier(op.column);
    const restate = op.type !== undefined || op.nullable !== undefined || op.comment !== undefined ||
      op.autoincrement !== undefined;
    if (!restate) {
      const out: SqlStatement[] = [];
      if (op.default !== undefined) {
        out.push({
          sql: `ALTER TABLE ${table} ALTER COLUMN ${col} ${
            op.default === null ? "DROP DEFAULT" : `SET DEFAULT ${this.defaultValue(op.default)}`
          }`,
          source: op,
        });
      }
      if (op.newName !== undefined) {
        out.push({
          sql: `ALTER TABLE ${table} RENAME COLUMN ${col} TO ${this.quoteIdentifier(op.newName)}`,
          source: op,
        });
      }
      return out;
    }
    const type = op.type ?? op.existing?.type;
    if (type === undefined || op.existing === undefined) {
      // Online, the dialect's plan() reads `existing` from the database; offline nothing can.
      throw this.unsupported(
        op.kind,
        `Cannot alter column "${op.table}.${op.column}" on MySQL without its current definition: MODIFY restates the whole column, and what is not restated (NOT NULL, default, comment) is lost`,
        "pass existing: { type, nullable, default, comment } (Alembic's existing_type, existing_nullable, existing_server_default, existing_comment), or run it online, where it is read from the database",
      );
    }
    const e = op.existing;
    const merged: Record<string, unknown> = { type };
    const nullable = op.nullable ?? e?.nullable;
    if (nullable !== undefined) merged.nullable = nullable;
    const dflt = op.default === undefined ? e?.default : op.default === null ? undefined : op.default;
    if (dflt !== undefined) merged.default = dflt;
    const comment = op.comment === undefined ? e?.comment : op.comment ?? undefined;
    if (comment !== undefined) merged.comment = comment;
    if (op.autoincrement ?? e?.autoincrement) merged.autoincrement = true;
    if (e?.enum && op.type === undefined) merged.enum = e.enum;
    if (e?.computed && op.type === undefined) merged.computed = e.computed;
    // A new type restates the character set, collation and ON UPDATE written after it, if any.
    for (const key of ["charset", "collation", "onUpdate"] as const) {
      if (e?.[key] !== undefined && op.type === undefined) merged[key] = e[key];
    }
    const definition = this.columnDefinition(op, op.newName ?? op.column, merged as unknown as Column, {
      inlinePrimaryKey: false,
      inlineReferences: false,
      kind: "addColumn",
    });
    const head = op.newName === undefined ? `MODIFY ${definition}` : `CHANGE ${col} ${definition}`;
    return [{ sql: `ALTER TABLE ${table} ${head}`, source: op }];
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
    return informationSchemaTableExists(table, schema, "database()");
  }
}
