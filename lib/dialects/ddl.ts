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
  BulkInsertOp,
  Column,
  CreateIndexOp,
  CreateTableOp,
  DropColumnOp,
  DropIndexOp,
  DropTableOp,
  ExecuteOp,
  Operation,
  OperationKind,
  RenameTableOp,
  SqlExpression,
  SqlValue,
} from "../operations/types.ts";
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
   * table-level `PRIMARY KEY (...)`. Foreign keys are table-level `FOREIGN KEY` clauses (MySQL
   * ignores inline `REFERENCES`, and one form for all keeps the output comparable).
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
    if (pk.length > 1) lines.push(`PRIMARY KEY (${pk.map((n) => this.quoteIdentifier(n)).join(", ")})`);
    for (const [name, column] of entries) {
      if (column.references !== undefined) {
        lines.push(this.foreignKeyClause(name, resolveReference(column.references)));
      }
    }
    const ifNotExists = op.ifNotExists ? "IF NOT EXISTS " : "";
    const sql = `CREATE TABLE ${ifNotExists}${this.qualify(op.table, op.schema)} (\n    ${
      lines.join(",\n    ")
    }\n)`;
    return [
      { sql, source: op },
      ...entries.flatMap(([name, column]) => this.columnComment(op.table, op.schema, name, column, op)),
    ];
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

  /** `CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON schema.table (cols)`; expressions in parentheses. */
  protected createIndex(op: CreateIndexOp): SqlStatement[] {
    const head = `CREATE ${op.unique ? "UNIQUE " : ""}INDEX ${op.ifNotExists ? "IF NOT EXISTS " : ""}`;
    return [{
      sql: `${head}${this.indexName(op.name, op.schema)} ON ${this.indexTable(op.table, op.schema)} (${
        this.indexColumns(op.columns)
      })`,
      source: op,
    }];
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

  /** Statements that set a column comment after the table or column exists (PostgreSQL). */
  protected columnComment(
    _table: string,
    _schema: string | undefined,
    _column: string,
    _definition: Column,
    _source: Operation,
  ): SqlStatement[] {
    return [];
  }

  /** `REFERENCES schema.table (column) [ON DELETE ...] [ON UPDATE ...]`. */
  protected referencesClause(ref: ResolvedReference): string {
    let sql = `REFERENCES ${this.qualify(ref.table, ref.schema)} (${this.quoteIdentifier(ref.column)})`;
    if (ref.onDelete) sql += ` ON DELETE ${ref.onDelete.toUpperCase()}`;
    if (ref.onUpdate) sql += ` ON UPDATE ${ref.onUpdate.toUpperCase()}`;
    return sql;
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
  protected indexColumns(columns: readonly (string | SqlExpression)[]): string {
    return columns.map((c) => typeof c === "string" ? this.quoteIdentifier(c) : `(${c.sql})`).join(", ");
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
  return isWrapped(s);
}

/** Whether the first `(` closes at the last character, skipping quoted strings. */
function isWrapped(s: string): boolean {
  if (!s.startsWith("(") || !s.endsWith(")")) return false;
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === "`") quote = ch;
    else if (ch === "(") depth++;
    else if (ch === ")") {
      depth--;
      if (depth === 0 && i !== s.length - 1) return false;
    }
  }
  return depth === 0;
}

function isExpression(value: SqlValue | SqlExpression): value is SqlExpression {
  return typeof value === "object" && value !== null && !(value instanceof Date) &&
    !(value instanceof Uint8Array);
}
