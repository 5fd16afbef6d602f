/**
 * The shared DDL compiler (Kysely's query compiler pattern): one method per operation kind writes
 * the SQL every database agrees on, and each dialect overrides only small hooks (quote character,
 * literals, type names, autoincrement, comments, where a name is qualified), each with a comment on
 * why that database differs.
 *
 * Statements carry no final `;` (offline rendering adds it). Identifiers are quoted only when they
 * need it (see `_sql.ts`).
 *
 * @module
 */
import { UnsupportedOperationError } from "../errors.ts";
import { type ResolvedReference, resolveReference } from "../operations/create.ts";
import type {
  AddColumnOp,
  AddEnumValueOp,
  AlterColumnOp,
  BatchAlterTableOp,
  BulkInsertOp,
  Column,
  CreateCheckConstraintOp,
  CreateEnumOp,
  CreateForeignKeyOp,
  CreateIndexOp,
  CreatePrimaryKeyOp,
  CreateSchemaOp,
  CreateTableCommentOp,
  CreateTableOp,
  CreateUniqueConstraintOp,
  DeferrableOptions,
  DropColumnOp,
  DropConstraintOp,
  DropEnumOp,
  DropIndexOp,
  DropSchemaOp,
  DropTableCommentOp,
  DropTableOp,
  ExecuteOp,
  ForeignKeyConstraint,
  IdentityOptions,
  IndexOptions,
  Operation,
  OperationKind,
  ReferentialAction,
  RenameTableOp,
  SqlExpression,
  SqlValue,
} from "../operations/types.ts";
import { BACKTICK_QUOTES, isWrapped } from "./_parens.ts";
import { hexText, numberText, quoteName, quoteString } from "./_sql.ts";
import type { Dialect, DialectName, VersionTableName } from "./dialect.ts";
import type { SqlStatement } from "./statement.ts";

/** Most rows in one `INSERT` rendered by `bulkInsert`. */
export const BULK_INSERT_MAX_ROWS = 500;

/**
 * Most characters of one `bulkInsert` statement (a new statement starts once a chunk passes it).
 * Keeps statements far below MySQL's `max_allowed_packet` (16 MiB default on MariaDB, 64 MiB on
 * MySQL 8) and SQLite's `SQLITE_MAX_SQL_LENGTH` (1,000,000,000 bytes by default).
 */
export const BULK_INSERT_MAX_CHARS = 1_000_000;

/** A handler per kind: a new {@link Operation} kind without one fails to compile. */
type Handlers = { readonly [K in OperationKind]: (op: Extract<Operation, { kind: K }>) => SqlStatement[] };

/** Where a column is being rendered, which decides what may go inline. */
export interface ColumnContext {
  /** The column is the table's only primary key column. */
  readonly inlinePrimaryKey: boolean;
  /** `REFERENCES` goes into the column definition (else the caller adds a table-level FOREIGN KEY). */
  readonly inlineReferences: boolean;
  readonly kind: "createTable" | "addColumn";
}

/**
 * Base of `SqliteDdl`, `PostgresDdl` and `MysqlDdl`: turns an {@link Operation} into
 * {@link SqlStatement}s.
 */
export abstract class DdlCompiler {
  /** The dialect's name, used in error messages. */
  abstract readonly dialect: DialectName;
  /** The identifier quote character. */
  protected abstract readonly quote: '"' | "`";

  readonly #handlers: Handlers = {
    execute: (op) => this.execute(op),
    createTable: (op) => this.createTable(op),
    dropTable: (op) => this.dropTable(op),
    renameTable: (op) => this.renameTable(op),
    addColumn: (op) => this.addColumn(op),
    dropColumn: (op) => this.dropColumn(op),
    createIndex: (op) => this.createIndex(op),
    dropIndex: (op) => this.dropIndex(op),
    bulkInsert: (op) => this.bulkInsert(op),
    alterColumn: (op) => this.alterColumn(op),
    createPrimaryKey: (op) => this.createPrimaryKey(op),
    createUniqueConstraint: (op) => this.createUniqueConstraint(op),
    createForeignKey: (op) => this.createForeignKey(op),
    createCheckConstraint: (op) => this.createCheckConstraint(op),
    dropConstraint: (op) => this.dropConstraint(op),
    createTableComment: (op) => this.createTableComment(op),
    dropTableComment: (op) => this.dropTableComment(op),
    createEnum: (op) => this.createEnum(op),
    dropEnum: (op) => this.dropEnum(op),
    addEnumValue: (op) => this.addEnumValue(op),
    createSchema: (op) => this.createSchema(op),
    dropSchema: (op) => this.dropSchema(op),
    batchAlterTable: (op) => this.batchAlterTable(op),
  };

  /**
   * Compile one operation.
   *
   * @param op the operation
   * @returns its statements, in order; each has `source: op`
   * @throws {UnsupportedOperationError} when the database cannot do it
   */
  compile(op: Operation): SqlStatement[] {
    const handler = this.#handlers[op.kind] as (op: Operation) => SqlStatement[];
    return handler(op);
  }

  /**
   * Quote an identifier when it needs quoting (upper case, spaces, quotes, reserved words).
   *
   * @param name one identifier (not dotted)
   * @returns `name` or its quoted form
   * @throws {TypeError} for an empty name or one holding NUL
   */
  quoteIdentifier(name: string): string {
    return quoteName(name, this.quote);
  }

  /**
   * Render a value as a literal of this database.
   *
   * @param value any {@link SqlValue}
   * @returns SQL text
   * @throws {RangeError} for a non-finite number or an invalid Date
   */
  quoteLiteral(value: SqlValue): string {
    if (value === null) return "NULL";
    switch (typeof value) {
      case "string":
        return this.stringLiteral(value);
      case "number":
        return numberText(value);
      case "bigint":
        return value.toString();
      case "boolean":
        return this.booleanLiteral(value);
    }
    if (value instanceof Date) return this.dateLiteral(value);
    if (value instanceof Uint8Array) return this.bytesLiteral(value);
    throw new TypeError(`Cannot render ${Object.prototype.toString.call(value)} as an SQL literal`);
  }

  /**
   * The version table statements of DESIGN.md section 6, Alembic-compatible: the constraint is
   * named `<table>_pkc` as Alembic names it, and versions are inlined as literals so the same text
   * serves offline scripts.
   *
   * @returns the `versionTable` member of a {@link Dialect}
   */
  versionTableStatements(): Dialect["versionTable"] {
    const table = (n: VersionTableName) => this.qualify(n.table, n.schema || undefined);
    return {
      create: (n) =>
        `CREATE TABLE ${table(n)} (version_num VARCHAR(32) NOT NULL, CONSTRAINT ${
          this.quoteIdentifier(`${n.table}_pkc`)
        } PRIMARY KEY (version_num))`,
      select: (n) => `SELECT version_num FROM ${table(n)}`,
      insert: (n, version) => `INSERT INTO ${table(n)} (version_num) VALUES (${this.stringLiteral(version)})`,
      update: (n, from, to) =>
        `UPDATE ${table(n)} SET version_num = ${this.stringLiteral(to)} WHERE version_num = ${
          this.stringLiteral(from)
        }`,
      delete: (n, version) => `DELETE FROM ${table(n)} WHERE version_num = ${this.stringLiteral(version)}`,
      exists: (n) => this.versionTableExists(n.table, n.schema || undefined),
    };
  }

  /** The query that returns a row when table `table` exists (in `schema`, else the current one). */
  protected abstract versionTableExists(table: string, schema?: string): { sql: string; params: SqlValue[] };

  /** `schema.name` with each part quoted, or `name` alone. */
  protected qualify(name: string, schema?: string): string {
    return schema
      ? `${this.quoteIdentifier(schema)}.${this.quoteIdentifier(name)}`
      : this.quoteIdentifier(name);
  }

  /** A string literal; the base doubles single quotes and leaves backslashes alone (standard SQL). */
  protected stringLiteral(text: string): string {
    return quoteString(text, false);
  }

  /** A boolean literal. */
  protected abstract booleanLiteral(value: boolean): string;
  /** A Date literal (the instant, written in UTC). */
  protected abstract dateLiteral(value: Date): string;
  /** A byte string literal. */
  protected abstract bytesLiteral(value: Uint8Array): string;
  /** The database's spelling of a column type (portable names mapped, others unchanged). */
  protected abstract mapType(type: string): string;

  /** `X'0aff'`: the blob literal SQLite and MySQL share. */
  protected hexBlobLiteral(value: Uint8Array): string {
    return `X'${hexText(value)}'`;
  }

  // ---- operations -------------------------------------------------------------------------------

  /** Raw SQL and its parameters pass through untouched. */
  protected execute(op: ExecuteOp): SqlStatement[] {
    return [{ sql: op.sql, ...(op.params === undefined ? {} : { params: op.params }), source: op }];
  }

  /**
   * `CREATE TABLE`, one column per line. One `primaryKey` column is marked inline; several make a
   * table-level `PRIMARY KEY (...)`, as does the `primaryKey` option (named when it has a name).
   * Foreign keys are table-level `FOREIGN KEY` clauses (MySQL ignores inline `REFERENCES`, and one
   * form for all keeps the output comparable), followed by unique and check constraints; indexes
   * and the table comment follow as their own statements where the database needs that.
   */
  protected createTable(op: CreateTableOp): SqlStatement[] {
    const entries = Object.entries(op.columns);
    const pk = entries.filter(([, c]) => c.primaryKey === true).map(([name]) => name);
    const lines = entries.map(([name, column]) =>
      this.columnDefinition(op, name, column, {
        inlinePrimaryKey: pk.length === 1 && pk[0] === name,
        inlineReferences: false,
        kind: "createTable",
      })
    );
    if (pk.length > 1) lines.push(`PRIMARY KEY (${this.columnList(pk)})`);
    if (op.primaryKey) {
      lines.push(
        `${this.constraintName(op.primaryKey.name)}PRIMARY KEY (${this.columnList(op.primaryKey.columns)})`,
      );
    }
    for (const [name, column] of entries) {
      if (column.references !== undefined) {
        lines.push(this.foreignKeyClause(name, resolveReference(column.references)));
      }
    }
    for (const fk of op.foreignKeys ?? []) {
      lines.push(`${this.constraintName(fk.name)}${this.foreignKeyBody(fk, op.schema, op.kind)}`);
    }
    for (const u of op.uniqueConstraints ?? []) {
      lines.push(
        `${this.constraintName(u.name)}UNIQUE (${this.columnList(u.columns)})${this.deferrable(u, op.kind)}`,
      );
    }
    for (const c of op.checkConstraints ?? []) {
      lines.push(`${this.constraintName(c.name)}CHECK (${c.condition})`);
    }
    const ifNotExists = op.ifNotExists ? "IF NOT EXISTS " : "";
    const sql = `CREATE TABLE ${ifNotExists}${this.qualify(op.table, op.schema)} (\n    ${
      lines.join(",\n    ")
    }\n)${this.tableOptions(op)}`;
    return [
      { sql, source: op },
      ...entries.flatMap(([name, column]) => this.columnComment(op.table, op.schema, name, column, op)),
      ...(op.comment === undefined ? [] : this.tableCommentAfterCreate(op)),
      ...(op.indexes ?? []).flatMap((ix) =>
        this.createIndex({
          kind: "createIndex",
          table: op.table,
          ...(op.schema ? { schema: op.schema } : {}),
          ...ix,
        })
          .map((st) => ({ ...st, source: op }))
      ),
    ];
  }

  /** Text after the closing parenthesis of `CREATE TABLE` (MySQL's table options); empty in the base. */
  protected tableOptions(_op: CreateTableOp): string {
    return "";
  }

  /** Statements setting the comment of a table just created (PostgreSQL's `COMMENT ON TABLE`). */
  protected tableCommentAfterCreate(op: CreateTableOp): SqlStatement[] {
    return this.createTableComment({
      kind: "createTableComment",
      table: op.table,
      comment: op.comment ?? "",
      ...(op.schema ? { schema: op.schema } : {}),
    }).map((st) => ({ ...st, source: op }));
  }

  /** `DROP TABLE [IF EXISTS] t`. */
  protected dropTable(op: DropTableOp): SqlStatement[] {
    return [{
      sql: `DROP TABLE ${op.ifExists ? "IF EXISTS " : ""}${this.qualify(op.table, op.schema)}`,
      source: op,
    }];
  }

  /** `ALTER TABLE old RENAME TO new`; the new name stays unqualified (it stays in the schema). */
  protected renameTable(op: RenameTableOp): SqlStatement[] {
    return [{
      sql: `ALTER TABLE ${this.qualify(op.table, op.schema)} RENAME TO ${this.quoteIdentifier(op.newName)}`,
      source: op,
    }];
  }

  /** `ALTER TABLE t ADD COLUMN c ...`, with the foreign key inline. */
  protected addColumn(op: AddColumnOp): SqlStatement[] {
    const definition = this.columnDefinition(op, op.column, op.definition, {
      inlinePrimaryKey: op.definition.primaryKey === true,
      inlineReferences: true,
      kind: "addColumn",
    });
    return [
      { sql: `ALTER TABLE ${this.qualify(op.table, op.schema)} ADD COLUMN ${definition}`, source: op },
      ...this.columnComment(op.table, op.schema, op.column, op.definition, op),
    ];
  }

  /** `ALTER TABLE t DROP COLUMN c`. */
  protected dropColumn(op: DropColumnOp): SqlStatement[] {
    return [{
      sql: `ALTER TABLE ${this.qualify(op.table, op.schema)} DROP COLUMN ${this.quoteIdentifier(op.column)}`,
      source: op,
    }];
  }

  /**
   * `CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON schema.table (cols) [WHERE cond]`; expressions in
   * parentheses. `concurrently` and `lengths` are dialect options the base ignores (Alembic's
   * `postgresql_concurrently` and `mysql_length`).
   */
  protected createIndex(op: CreateIndexOp): SqlStatement[] {
    const head = `CREATE ${op.unique ? "UNIQUE " : ""}INDEX ${this.concurrentlyKeyword(op)}${
      op.ifNotExists ? "IF NOT EXISTS " : ""
    }`;
    return [{
      sql: `${head}${this.indexName(op.name, op.schema)} ON ${this.indexTable(op.table, op.schema)} (${
        this.indexColumns(op.columns, op)
      })${this.indexWhere(op)}`,
      source: op,
      ...(op.concurrently && this.concurrentlyKeyword(op) ? { transactional: false } : {}),
    }];
  }

  /** `CONCURRENTLY ` where the database has it (PostgreSQL); empty in the base. */
  protected concurrentlyKeyword(_op: { readonly concurrently?: boolean }): string {
    return "";
  }

  /** ` WHERE cond` of a partial index. */
  protected indexWhere(op: CreateIndexOp): string {
    return op.where === undefined ? "" : ` WHERE ${op.where}`;
  }

  /** `DROP INDEX [IF EXISTS] schema.name`. */
  protected dropIndex(op: DropIndexOp): SqlStatement[] {
    return [{
      sql: `DROP INDEX ${op.ifExists ? "IF EXISTS " : ""}${this.qualify(op.name, op.schema)}`,
      source: op,
    }];
  }

  /**
   * Multi-row `INSERT`s with escaped literals. Consecutive rows with the same set of keys share a
   * statement (at most {@link BULK_INSERT_MAX_ROWS} rows and about {@link BULK_INSERT_MAX_CHARS}
   * characters); a key a row lacks is left out of its insert, so the column default applies, as
   * Alembic's `bulk_insert` uses each row's own keys.
   */
  protected bulkInsert(op: BulkInsertOp): SqlStatement[] {
    const target = this.qualify(op.table, op.schema);
    const out: SqlStatement[] = [];
    let keys: string[] | undefined;
    let signature = "";
    let values: string[] = [];
    let size = 0;
    const flush = () => {
      if (keys === undefined || values.length === 0) return;
      const sql = keys.length === 0 ? this.insertDefaults(target, values.length) : [
        `INSERT INTO ${target} (${keys.map((k) => this.quoteIdentifier(k)).join(", ")}) VALUES ${
          values.join(", ")
        }`,
      ];
      out.push(...sql.map((s) => ({ sql: s, source: op })));
      values = [];
      size = 0;
    };
    for (const row of op.rows) {
      const rowKeys = Object.keys(row);
      const rowSignature = JSON.stringify([...rowKeys].sort());
      if (
        keys === undefined || rowSignature !== signature || values.length >= BULK_INSERT_MAX_ROWS ||
        size >= BULK_INSERT_MAX_CHARS
      ) {
        flush();
        if (keys === undefined || rowSignature !== signature) {
          keys = rowKeys;
          signature = rowSignature;
        }
      }
      const tuple = `(${keys.map((k) => this.quoteLiteral(row[k])).join(", ")})`;
      values.push(tuple);
      size += tuple.length + 2;
    }
    flush();
    return out;
  }

  /** Statements inserting `count` rows of defaults only; standard SQL's `DEFAULT VALUES` takes one row. */
  protected insertDefaults(target: string, count: number): string[] {
    return Array.from({ length: count }, () => `INSERT INTO ${target} DEFAULT VALUES`);
  }

  /**
   * `ALTER TABLE t ALTER COLUMN c ...`, one statement per change in the order type, nullability,
   * default, autoincrement (identity), comment, rename (the rename last, so earlier statements name
   * the column as it was). The base is PostgreSQL's grammar; MySQL and SQLite override.
   */
  protected alterColumn(op: AlterColumnOp): SqlStatement[] {
    const table = this.qualify(op.table, op.schema);
    const col = this.quoteIdentifier(op.column);
    const alter = (action: string): SqlStatement => ({
      sql: `ALTER TABLE ${table} ALTER COLUMN ${col} ${action}`,
      source: op,
    });
    const out: SqlStatement[] = [];
    if (op.type !== undefined) {
      out.push(alter(`TYPE ${this.mapType(op.type)}${op.using === undefined ? "" : ` USING ${op.using}`}`));
    }
    if (op.nullable !== undefined) out.push(alter(op.nullable ? "DROP NOT NULL" : "SET NOT NULL"));
    if (op.default !== undefined) {
      out.push(alter(op.default === null ? "DROP DEFAULT" : `SET DEFAULT ${this.defaultValue(op.default)}`));
    }
    if (op.autoincrement !== undefined) {
      out.push(
        alter(op.autoincrement ? `ADD ${this.identityClause(op.identity)}` : "DROP IDENTITY IF EXISTS"),
      );
    }
    if (op.comment !== undefined) {
      out.push(...this.columnComment(
        op.table,
        op.schema,
        op.column,
        {
          type: op.existing?.type ?? op.type ?? "",
          comment: op.comment ?? undefined,
        },
        op,
        op.comment === null,
      ));
    }
    if (op.newName !== undefined) {
      out.push({
        sql: `ALTER TABLE ${table} RENAME COLUMN ${col} TO ${this.quoteIdentifier(op.newName)}`,
        source: op,
      });
    }
    return out;
  }

  /** `GENERATED BY DEFAULT AS IDENTITY [(START WITH n INCREMENT BY m)]` (SQL standard identity). */
  protected identityClause(identity: IdentityOptions | undefined): string {
    const kind = identity?.always ? "ALWAYS" : "BY DEFAULT";
    const options: string[] = [];
    if (identity?.start !== undefined) options.push(`START WITH ${identity.start}`);
    if (identity?.increment !== undefined) options.push(`INCREMENT BY ${identity.increment}`);
    return `GENERATED ${kind} AS IDENTITY${options.length ? ` (${options.join(" ")})` : ""}`;
  }

  /** `ALTER TABLE t ADD CONSTRAINT name PRIMARY KEY (cols)`. */
  protected createPrimaryKey(op: CreatePrimaryKeyOp): SqlStatement[] {
    return [{
      sql:
        `ALTER TABLE ${this.qualify(op.table, op.schema)} ADD CONSTRAINT ${this.quoteIdentifier(op.name)} ` +
        `PRIMARY KEY (${this.columnList(op.columns)})`,
      source: op,
    }];
  }

  /** `ALTER TABLE t ADD CONSTRAINT name UNIQUE (cols) [DEFERRABLE ...]`. */
  protected createUniqueConstraint(op: CreateUniqueConstraintOp): SqlStatement[] {
    return [{
      sql:
        `ALTER TABLE ${this.qualify(op.table, op.schema)} ADD CONSTRAINT ${this.quoteIdentifier(op.name)} ` +
        `UNIQUE (${this.columnList(op.columns)})${this.deferrable(op, op.kind)}`,
      source: op,
    }];
  }

  /** `ALTER TABLE t ADD CONSTRAINT name FOREIGN KEY (cols) REFERENCES r (cols) ...`. */
  protected createForeignKey(op: CreateForeignKeyOp): SqlStatement[] {
    return [{
      sql:
        `ALTER TABLE ${this.qualify(op.table, op.schema)} ADD CONSTRAINT ${this.quoteIdentifier(op.name)} ` +
        this.foreignKeyBody(op, op.schema, op.kind),
      source: op,
    }];
  }

  /** `ALTER TABLE t ADD CONSTRAINT name CHECK (condition)`. */
  protected createCheckConstraint(op: CreateCheckConstraintOp): SqlStatement[] {
    return [{
      sql:
        `ALTER TABLE ${this.qualify(op.table, op.schema)} ADD CONSTRAINT ${this.quoteIdentifier(op.name)} ` +
        `CHECK (${op.condition})`,
      source: op,
    }];
  }

  /** `ALTER TABLE t DROP CONSTRAINT name`. */
  protected dropConstraint(op: DropConstraintOp): SqlStatement[] {
    return [{
      sql: `ALTER TABLE ${this.qualify(op.table, op.schema)} DROP CONSTRAINT ${
        this.quoteIdentifier(op.name)
      }`,
      source: op,
    }];
  }

  /** `COMMENT ON TABLE t IS '...'` (PostgreSQL's form; MySQL overrides, SQLite renders nothing). */
  protected createTableComment(op: CreateTableCommentOp): SqlStatement[] {
    return [{
      sql: `COMMENT ON TABLE ${this.qualify(op.table, op.schema)} IS ${this.stringLiteral(op.comment)}`,
      source: op,
    }];
  }

  /** `COMMENT ON TABLE t IS NULL`. */
  protected dropTableComment(op: DropTableCommentOp): SqlStatement[] {
    return [{ sql: `COMMENT ON TABLE ${this.qualify(op.table, op.schema)} IS NULL`, source: op }];
  }

  /**
   * `CREATE TYPE name AS ENUM (...)`: PostgreSQL only. Elsewhere an enum lives in its column
   * (`type: "enum"`), so the base renders nothing, as Alembic skips the type on those databases.
   */
  protected createEnum(_op: CreateEnumOp): SqlStatement[] {
    return [];
  }

  /** `DROP TYPE name`: PostgreSQL only; nothing elsewhere (see {@link DdlCompiler.createEnum}). */
  protected dropEnum(_op: DropEnumOp): SqlStatement[] {
    return [];
  }

  /** `ALTER TYPE ... ADD VALUE`: PostgreSQL only. */
  protected addEnumValue(op: AddEnumValueOp): SqlStatement[] {
    throw this.unsupported(
      op.kind,
      `Cannot add a value to enum "${op.name}" on ${this.dialect}: enum types exist only on PostgreSQL`,
      "change the column with op.alterColumn and the new enum values",
    );
  }

  /** `CREATE SCHEMA [IF NOT EXISTS] name` (on MySQL a synonym of CREATE DATABASE). */
  protected createSchema(op: CreateSchemaOp): SqlStatement[] {
    return [{
      sql: `CREATE SCHEMA ${op.ifNotExists ? "IF NOT EXISTS " : ""}${this.quoteIdentifier(op.name)}`,
      source: op,
    }];
  }

  /** `DROP SCHEMA [IF EXISTS] name [CASCADE]`. */
  protected dropSchema(op: DropSchemaOp): SqlStatement[] {
    return [{
      sql: `DROP SCHEMA ${op.ifExists ? "IF EXISTS " : ""}${this.quoteIdentifier(op.name)}${
        op.cascade ? " CASCADE" : ""
      }`,
      source: op,
    }];
  }

  /** The batch's operations one by one (no database but SQLite rebuilds tables). */
  protected batchAlterTable(op: BatchAlterTableOp): SqlStatement[] {
    return op.operations.flatMap((inner) => this.compile(inner).map((st) => ({ ...st, source: op })));
  }

  // ---- pieces -----------------------------------------------------------------------------------

  /**
   * One column: `name TYPE [GENERATED ALWAYS AS (...)] [DEFAULT x] [NOT NULL] [autoincrement]
   * [PRIMARY KEY] [UNIQUE] [COMMENT] [REFERENCES ...]`.
   */
  protected columnDefinition(op: Operation, name: string, column: Column, ctx: ColumnContext): string {
    const parts = [this.quoteIdentifier(name), this.columnType(op, column, ctx)];
    if (column.computed !== undefined) parts.push(this.computedClause(column.computed));
    if (column.default !== undefined) parts.push(`DEFAULT ${this.defaultValue(column.default)}`);
    if (column.nullable === false || (column.primaryKey === true && column.nullable !== true)) {
      parts.push("NOT NULL");
    }
    if (column.autoincrement === true) {
      const clause = this.autoincrementClause(op, column, ctx);
      if (clause) parts.push(clause);
    }
    if (ctx.inlinePrimaryKey) parts.push(this.primaryKeyClause(column));
    if (column.unique === true) parts.push("UNIQUE");
    if (column.comment !== undefined) {
      const clause = this.inlineComment(column.comment);
      if (clause) parts.push(clause);
    }
    if (column.references !== undefined && ctx.inlineReferences) {
      const ref = resolveReference(column.references);
      parts.push(
        `${ref.name ? `CONSTRAINT ${this.quoteIdentifier(ref.name)} ` : ""}${this.referencesClause(ref)}`,
      );
    }
    return parts.join(" ");
  }

  /** The column's type; a hook so SQLite can force `INTEGER` for an autoincrement key. */
  protected columnType(_op: Operation, column: Column, _ctx: ColumnContext): string {
    return this.mapType(column.type);
  }

  /**
   * `GENERATED ALWAYS AS (expr) STORED|VIRTUAL`; with `stored` unset, the database's default kind
   * (the keyword is left out).
   */
  protected computedClause(computed: { readonly sql: string; readonly stored?: boolean }): string {
    const kind = computed.stored === undefined ? "" : computed.stored ? " STORED" : " VIRTUAL";
    return `GENERATED ALWAYS AS (${computed.sql})${kind}`;
  }

  /** A literal default, or an `{ sql }` expression through {@link DdlCompiler.defaultExpression}. */
  protected defaultValue(value: SqlValue | SqlExpression): string {
    if (isExpression(value)) return this.defaultExpression(value.sql);
    return this.quoteLiteral(value);
  }

  /** An expression default, verbatim in the base. */
  protected defaultExpression(sql: string): string {
    return sql;
  }

  /** The autoincrement keyword placed before `PRIMARY KEY`, or `undefined`. */
  protected abstract autoincrementClause(
    op: Operation,
    column: Column,
    ctx: ColumnContext,
  ): string | undefined;

  /** `PRIMARY KEY` (SQLite appends `AUTOINCREMENT` here). */
  protected primaryKeyClause(_column: Column): string {
    return "PRIMARY KEY";
  }

  /** An inline `COMMENT` clause, or `undefined` where comments are separate statements or ignored. */
  protected inlineComment(_comment: string): string | undefined {
    return undefined;
  }

  /**
   * Statements that set a column comment after the table or column exists (PostgreSQL); `drop`
   * removes it.
   */
  protected columnComment(
    _table: string,
    _schema: string | undefined,
    _column: string,
    _definition: Column,
    _source: Operation,
    _drop?: boolean,
  ): SqlStatement[] {
    return [];
  }

  /** `REFERENCES schema.table (column) [ON DELETE ...] [ON UPDATE ...]`. */
  protected referencesClause(ref: ResolvedReference): string {
    return `REFERENCES ${this.qualify(ref.table, ref.schema)} (${this.quoteIdentifier(ref.column)})${
      this.actions(ref.onDelete, ref.onUpdate)
    }`;
  }

  /** Table-level `[CONSTRAINT name] FOREIGN KEY (column) REFERENCES ...`. */
  protected foreignKeyClause(column: string, ref: ResolvedReference): string {
    const name = ref.name ? `CONSTRAINT ${this.quoteIdentifier(ref.name)} ` : "";
    return `${name}FOREIGN KEY (${this.quoteIdentifier(column)}) ${this.referencesClause(ref)}`;
  }

  /** The index name after `CREATE INDEX`; unqualified in the base (it lives in its table's schema). */
  protected indexName(name: string, _schema: string | undefined): string {
    return this.quoteIdentifier(name);
  }

  /** The table after `ON` in `CREATE INDEX`. */
  protected indexTable(table: string, schema: string | undefined): string {
    return this.qualify(table, schema);
  }

  /** Index columns: names quoted, expressions in parentheses. */
  protected indexColumns(columns: readonly (string | SqlExpression)[], _options?: IndexOptions): string {
    return columns.map((c) => typeof c === "string" ? this.quoteIdentifier(c) : `(${c.sql})`).join(", ");
  }

  /** Quoted names joined by `, `. */
  protected columnList(columns: readonly string[]): string {
    return columns.map((c) => this.quoteIdentifier(c)).join(", ");
  }

  /** `CONSTRAINT name ` or nothing. */
  protected constraintName(name: string | undefined): string {
    return name === undefined ? "" : `CONSTRAINT ${this.quoteIdentifier(name)} `;
  }

  /** ` DEFERRABLE [INITIALLY DEFERRED]`, or nothing. */
  protected deferrable(options: DeferrableOptions, _kind: OperationKind): string {
    if (options.deferrable === true) {
      return options.initiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
    }
    if (options.deferrable === false) return " NOT DEFERRABLE";
    return options.initiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : "";
  }

  /** `FOREIGN KEY (cols) REFERENCES t (cols) [ON DELETE x] [ON UPDATE y] [DEFERRABLE]`. */
  protected foreignKeyBody(
    fk: ForeignKeyConstraint & { readonly referencedSchema?: string },
    schema: string | undefined,
    kind: OperationKind,
  ): string {
    const parts = fk.referencedTable.split(".");
    const table = parts.length === 2
      ? this.qualify(parts[1], parts[0])
      : this.qualify(fk.referencedTable, fk.referencedSchema ?? this.referencedSchemaDefault(schema));
    let sql = `FOREIGN KEY (${this.columnList(fk.columns)}) REFERENCES ${table} (${
      this.columnList(fk.referencedColumns)
    })`;
    sql += this.actions(fk.onDelete, fk.onUpdate);
    return sql + this.deferrable(fk, kind);
  }

  /** The schema of a referenced table when the key names none: the referencing table's schema. */
  protected referencedSchemaDefault(schema: string | undefined): string | undefined {
    return schema;
  }

  /** ` ON DELETE x ON UPDATE y` for the actions given. */
  protected actions(onDelete?: ReferentialAction, onUpdate?: ReferentialAction): string {
    let sql = "";
    if (onDelete) sql += ` ON DELETE ${onDelete.toUpperCase()}`;
    if (onUpdate) sql += ` ON UPDATE ${onUpdate.toUpperCase()}`;
    return sql;
  }

  /** An {@link UnsupportedOperationError} for this dialect. */
  protected unsupported(kind: OperationKind, message: string, hint: string): UnsupportedOperationError {
    return new UnsupportedOperationError(`${message} (${hint})`, this.dialect, kind, hint);
  }
}

/**
 * Whether an SQL expression is a single literal or keyword that needs no parentheses as a default:
 * a number, a quoted string, NULL, TRUE/FALSE, CURRENT_TIMESTAMP/DATE/TIME, or an expression already
 * wrapped in one pair of parentheses.
 *
 * @param sql the expression
 * @returns whether it can follow `DEFAULT` as it is
 */
export function isSimpleDefault(sql: string): boolean {
  const s = sql.trim();
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(s)) return true;
  if (/^'([^']|'')*'$/.test(s)) return true;
  if (/^(null|true|false|current_timestamp|current_date|current_time)$/i.test(s)) return true;
  return isWrapped(s, BACKTICK_QUOTES);
}

function isExpression(value: SqlValue | SqlExpression): value is SqlExpression {
  return typeof value === "object" && value !== null && !(value instanceof Date) &&
    !(value instanceof Uint8Array);
}
