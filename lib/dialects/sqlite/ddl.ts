/**
 * SQLite's DDL: the shared compiler with SQLite's hooks.
 *
 * @module
 */
import type {
  AddColumnOp,
  AlterColumnOp,
  BatchAlterTableOp,
  BatchOperation,
  Column,
  CreateCheckConstraintOp,
  CreateForeignKeyOp,
  CreatePrimaryKeyOp,
  CreateSchemaOp,
  CreateTableCommentOp,
  CreateTableOp,
  CreateUniqueConstraintOp,
  DropSchemaOp,
  DropTableCommentOp,
  Operation,
  OperationKind,
  SqlExpression,
  SqlValue,
} from "../../operations/types.ts";
import { quoteString } from "../_sql.ts";
import { sqliteDateText } from "./date_text.ts";
import { DdlCompiler } from "../ddl.ts";
import type { ObjectDdlRules } from "../ddl_objects.ts";
import { type ColumnContext, isSimpleDefault } from "../ddl_fragments.ts";
import type { IndexSyntax } from "../index_sql.ts";
import type { SqlStatement } from "../statement.ts";
import { sqliteType } from "./types.ts";
import { assertNever } from "../../operations/types.ts";
import { alterTableLimit, needsRebuild } from "./rebuild_rules.ts";

const BATCH_HINT = "run it through the migrator (online or --sql), which rebuilds the table";

// The constraint operations SQLite's ALTER TABLE cannot do, as the refusal words them.
const CONSTRAINT_REFUSALS: Partial<Record<OperationKind, readonly [string, "to" | "of"]>> = {
  createPrimaryKey: ["add primary key", "to"],
  createUniqueConstraint: ["add unique constraint", "to"],
  createForeignKey: ["add foreign key", "to"],
  createCheckConstraint: ["add check constraint", "to"],
  dropConstraint: ["drop constraint", "of"],
};

/**
 * Compiles operations for SQLite. Renders (CREATE TABLE with an autoincrement key):
 * `id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT`. Column comments are ignored: SQLite has no
 * comment storage (SQLAlchemy drops them too).
 */
export class SqliteDdl extends DdlCompiler {
  readonly dialect = "sqlite" as const;
  protected readonly quote = '"' as const;
  // SQLite has views and triggers only, and no CREATE OR REPLACE VIEW.
  protected override readonly objectRules: ObjectDdlRules = {
    objects: ["view", "trigger"],
    dropTriggerOnTable: false,
    orReplaceView: false,
  };

  // SQLite has no boolean type before 3.23 and stores TRUE as 1 anyway; 1/0 works in every version.
  protected booleanLiteral(value: boolean): string {
    return value ? "1" : "0";
  }

  // SQLite has no date type: a Date becomes UTC text as SQLAlchemy's SQLite DateTime stores it.
  protected dateLiteral(value: Date): string {
    return quoteString(sqliteDateText(value), false);
  }

  protected bytesLiteral(value: Uint8Array): string {
    return this.hexBlobLiteral(value);
  }

  protected mapType(type: string): string {
    return sqliteType(type);
  }

  /**
   * One column definition as `ADD COLUMN` or a rebuilt `CREATE TABLE` writes it (the rebuild's hook).
   *
   * @param op the operation being rendered (for error messages)
   * @param name column name
   * @param column its definition
   * @returns the definition text, `REFERENCES` inline
   */
  columnSql(op: Operation, name: string, column: Column): string {
    return this.columnDefinition(op, name, column, {
      inlinePrimaryKey: column.primaryKey === true,
      inlineReferences: true,
      kind: "addColumn",
    });
  }

  /**
   * A type as SQLite spells it (portable names mapped).
   *
   * @param type a column type
   * @returns the SQLite type text
   */
  typeSql(type: string): string {
    return this.mapType(type);
  }

  /**
   * The text after `DEFAULT` for a server default.
   *
   * @param value a literal or `{ sql }`
   * @returns the default's SQL
   */
  defaultSql(value: SqlValue | SqlExpression): string {
    return this.defaultValue(value);
  }

  /**
   * A table-constraint clause for a rebuilt `CREATE TABLE`: `CONSTRAINT name PRIMARY KEY (...)`,
   * `UNIQUE (...)`, `FOREIGN KEY (...) REFERENCES ...` or `CHECK (...)`.
   *
   * @param op the constraint operation
   * @returns the clause text
   */
  constraintSql(
    op: CreatePrimaryKeyOp | CreateUniqueConstraintOp | CreateForeignKeyOp | CreateCheckConstraintOp,
  ): string {
    const name = this.constraintName(op.name);
    switch (op.kind) {
      case "createPrimaryKey":
        return `${name}PRIMARY KEY (${this.columnList(op.columns)})`;
      case "createUniqueConstraint":
        return `${name}UNIQUE${this.uniqueNulls(op, op.kind)} (${this.columnList(op.columns)})${
          this.deferrable(op, op.kind)
        }`;
      case "createForeignKey":
        return `${name}${this.foreignKeyBody(op, undefined, op.kind)}${this.notValid(op)}`;
      case "createCheckConstraint":
        return `${name}CHECK (${op.condition})${this.notValid(op)}`;
      default:
        return assertNever(op);
    }
  }

  // SQLite keeps a referenced table's name without its schema: a foreign key points into the
  // same database file.
  protected override referencedSchemaDefault(): undefined {
    return undefined;
  }

  // SQLite has no partitioning and no table inheritance.
  protected override tableOptions(op: CreateTableOp): string {
    if (op.partitionBy !== undefined || op.partitionOf !== undefined || op.inherits !== undefined) {
      throw this.unsupported(
        op.kind,
        `Cannot create table "${op.table}" partitioned or inheriting on SQLite: SQLite has neither`,
        "leave partitionBy, partitionOf and inherits out of SQLite schemas",
      );
    }
    const options = [
      ...(op.sqlite?.strict ? ["STRICT"] : []),
      ...(op.sqlite?.withoutRowid ? ["WITHOUT ROWID"] : []),
    ];
    return options.length ? ` ${options.join(", ")}` : "";
  }

  // SQLite's collation names are plain words (NOCASE, RTRIM, BINARY or one the application made).
  protected override collationClause(column: Column): string | undefined {
    if (column.collation === undefined) return undefined;
    return `COLLATE ${
      /^[A-Za-z_][A-Za-z0-9_]*$/.test(column.collation)
        ? column.collation
        : this.quoteIdentifier(column.collation)
    }`;
  }

  // SQLite has no ENUM: the values become a CHECK on a VARCHAR as long as the longest value
  // (SQLAlchemy's non-native Enum).
  protected override columnDefinition(
    op: Operation,
    name: string,
    column: Column,
    ctx: ColumnContext,
  ): string {
    const sql = super.columnDefinition(op, name, column, ctx);
    if (column.enum === undefined || column.type.trim().toLowerCase() !== "enum") return sql;
    return `${sql} CHECK (${this.quoteIdentifier(name)} IN (${
      column.enum.values.map((v) => this.stringLiteral(v)).join(", ")
    }))`;
  }

  // Only a rename is an ALTER TABLE on SQLite; the other changes need a rebuild (plan()), and a
  // comment has nowhere to go.
  protected override alterColumn(op: AlterColumnOp): SqlStatement[] {
    const limit = alterTableLimit(op);
    if (limit?.always) {
      throw this.unsupported(
        op.kind,
        `Cannot alter ${limit.what} of column "${op.table}.${op.column}" with SQLite's ALTER TABLE: it needs a table rebuild`,
        BATCH_HINT,
      );
    }
    if (op.newName === undefined) return [];
    return [{
      sql: `ALTER TABLE ${this.qualify(op.table, op.schema)} RENAME COLUMN ${
        this.quoteIdentifier(op.column)
      } TO ${this.quoteIdentifier(op.newName)}`,
      source: op,
    }];
  }

  // The constraint operations SQLite's ALTER TABLE has no clause for are refused before the shared
  // compiler renders them; the rebuild of a batch runs them as part of a new table instead.
  override compile(op: Operation): SqlStatement[] {
    const refusal = CONSTRAINT_REFUSALS[op.kind];
    if (refusal !== undefined) {
      const { name, table } = op as { readonly name: string; readonly table: string };
      if (alterTableLimit(op as BatchOperation)?.always) {
        throw this.needsRebuild(op.kind, `${refusal[0]} "${name}" ${refusal[1]} "${table}"`);
      }
    }
    return super.compile(op);
  }

  // SQLite stores no comments (column comments are ignored the same way).
  protected override createTableComment(_op: CreateTableCommentOp): SqlStatement[] {
    return [];
  }

  protected override dropTableComment(_op: DropTableCommentOp): SqlStatement[] {
    return [];
  }

  protected override tableCommentAfterCreate(): SqlStatement[] {
    return [];
  }

  // A SQLite "schema" is an attached database file, which belongs to the connection, not the DDL.
  protected override createSchema(op: CreateSchemaOp): SqlStatement[] {
    throw this.unsupported(
      op.kind,
      `Cannot create schema "${op.name}" on SQLite: schemas are attached database files`,
      "use op.execute(\"ATTACH DATABASE 'file.db' AS name\")",
    );
  }

  protected override dropSchema(op: DropSchemaOp): SqlStatement[] {
    throw this.unsupported(
      op.kind,
      `Cannot drop schema "${op.name}" on SQLite: schemas are attached database files`,
      'use op.execute("DETACH DATABASE name")',
    );
  }

  // Without the table's definition a batch can only run its changes one by one; the migrator
  // calls plan() (rebuild.ts), which reads the table and rebuilds it when needed.
  protected override batchAlterTable(op: BatchAlterTableOp): SqlStatement[] {
    const reason = op.recreate === "always"
      ? 'recreate: "always"'
      : op.operations.map((o) => needsRebuild(o)).find((r) => r !== undefined);
    if (reason !== undefined) {
      throw this.unsupported(
        op.kind,
        `Cannot rebuild table "${op.table}" without reading its definition (${reason})`,
        BATCH_HINT,
      );
    }
    return super.batchAlterTable(op);
  }

  private needsRebuild(kind: Operation["kind"], what: string) {
    return this.unsupported(
      kind,
      `Cannot ${what} with SQLite's ALTER TABLE: it needs a table rebuild`,
      BATCH_HINT,
    );
  }

  // AUTOINCREMENT is only legal on the rowid alias, whose type must be spelled exactly INTEGER.
  protected override columnType(op: Operation, column: Column, ctx: ColumnContext): string {
    if (column.enum !== undefined && column.type.trim().toLowerCase() === "enum") {
      return `VARCHAR(${Math.max(1, ...column.enum.values.map((v) => v.length))})`;
    }
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

  // SQLite's ALTER TABLE ADD COLUMN always refuses keys, UNIQUE and stored generated columns
  // (alterTableLimit); those need the 12-step rebuild. What it refuses only on a table with rows
  // is left to SQLite, since the compiler cannot see the rows.
  protected override addColumn(op: AddColumnOp): SqlStatement[] {
    const limit = alterTableLimit(op);
    if (limit?.always) {
      throw this.unsupported(
        op.kind,
        `Cannot add ${limit.what} column "${op.column}" to "${op.table}" with SQLite's ALTER TABLE ADD COLUMN: it needs a table rebuild`,
        BATCH_HINT,
      );
    }
    return super.addColumn(op);
  }

  // MATCH, NOT VALID, NULLS NOT DISTINCT and EXCLUDE are PostgreSQL's; the base refuses them.
  protected override get postgresConstraintClauses(): boolean {
    return false;
  }

  // SQLite's indexed-column grammar has COLLATE and ASC/DESC only.
  protected override get indexSyntax(): IndexSyntax {
    return {
      label: "SQLite",
      using: false,
      nulls: false,
      collation: true,
      opclass: false,
      include: false,
      mysqlKinds: false,
    };
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
