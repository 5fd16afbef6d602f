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
import { resolveReference } from "../operations/create.ts";
import type {
  AddColumnOp,
  AddEnumValueOp,
  AlterColumnOp,
  BatchAlterTableOp,
  BulkInsertOp,
  CreateCheckConstraintOp,
  CreateEnumOp,
  CreateForeignKeyOp,
  CreateIndexOp,
  CreatePrimaryKeyOp,
  CreateSchemaOp,
  CreateTableCommentOp,
  CreateTableOp,
  CreateUniqueConstraintOp,
  DropColumnOp,
  DropConstraintOp,
  DropEnumOp,
  DropIndexOp,
  DropSchemaOp,
  DropTableCommentOp,
  DropTableOp,
  ExecuteOp,
  IdentityOptions,
  Operation,
  OperationKind,
  RenameTableOp,
} from "../operations/types.ts";
import type { SqlStatement } from "./statement.ts";
import { DdlObjects } from "./ddl_objects.ts";
import { indexKindKeyword, indexTail, indexUsing } from "./index_sql.ts";
import { identityOptionsClause } from "./identity_options_clause.ts";

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

/**
 * Base of `SqliteDdl`, `PostgresDdl` and `MysqlDdl`: turns an {@link Operation} into
 * {@link SqlStatement}s.
 */
export abstract class DdlCompiler extends DdlObjects {
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
    createExclusionConstraint: (op) => this.createExclusionConstraint(op),
    dropConstraint: (op) => this.dropConstraint(op),
    createTableComment: (op) => this.createTableComment(op),
    dropTableComment: (op) => this.dropTableComment(op),
    createEnum: (op) => this.createEnum(op),
    dropEnum: (op) => this.dropEnum(op),
    addEnumValue: (op) => this.addEnumValue(op),
    createSchema: (op) => this.createSchema(op),
    dropSchema: (op) => this.dropSchema(op),
    ...this.objectHandlers(),
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
        `${this.constraintName(u.name)}UNIQUE${this.uniqueNulls(u, op.kind)} (${this.columnList(u.columns)})${
          this.deferrable(u, op.kind)
        }`,
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
    const refuse = (message: string, hint: string) => this.unsupported(op.kind, message, hint);
    const syntax = this.indexSyntax;
    const head = `CREATE ${indexKindKeyword(op.name, op, syntax, refuse)}INDEX ${
      this.concurrentlyKeyword(op)
    }${op.ifNotExists ? "IF NOT EXISTS " : ""}`;
    const quote = (n: string) => this.quoteIdentifier(n);
    return [{
      sql: `${head}${this.indexName(op.name, op.schema)} ON ${this.indexTable(op.table, op.schema)}${
        indexUsing(op.name, op, "beforeColumns", syntax, refuse)
      } (${this.indexColumns(op.columns, op)})${indexUsing(op.name, op, "afterColumns", syntax, refuse)}${
        indexTail(op.name, op, syntax, quote, refuse)
      }${this.indexWhere(op)}`,
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
    if (op.autoincrement === true && op.existing?.autoincrement === true) {
      // Already an identity: its options change in place (SET ... keeps the sequence's position).
      out.push(alter(identityOptionsClause(op.identity)));
    } else if (op.autoincrement !== undefined) {
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

  /**
   * `GENERATED BY DEFAULT AS IDENTITY [(START WITH n INCREMENT BY m MINVALUE a MAXVALUE b CACHE c
   * CYCLE)]` (SQL standard identity with PostgreSQL's sequence options).
   */
  protected identityClause(identity: IdentityOptions | undefined): string {
    const kind = identity?.always ? "ALWAYS" : "BY DEFAULT";
    const options: string[] = [];
    if (identity?.start !== undefined) options.push(`START WITH ${identity.start}`);
    if (identity?.increment !== undefined) options.push(`INCREMENT BY ${identity.increment}`);
    if (identity?.minValue !== undefined) options.push(`MINVALUE ${identity.minValue}`);
    if (identity?.maxValue !== undefined) options.push(`MAXVALUE ${identity.maxValue}`);
    if (identity?.cache !== undefined) options.push(`CACHE ${identity.cache}`);
    if (identity?.cycle) options.push("CYCLE");
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
        `UNIQUE${this.uniqueNulls(op, op.kind)} (${this.columnList(op.columns)})${
          this.deferrable(op, op.kind)
        }`,
      source: op,
    }];
  }

  /** `ALTER TABLE t ADD CONSTRAINT name FOREIGN KEY (cols) REFERENCES r (cols) ...`. */
  protected createForeignKey(op: CreateForeignKeyOp): SqlStatement[] {
    return [{
      sql:
        `ALTER TABLE ${this.qualify(op.table, op.schema)} ADD CONSTRAINT ${this.quoteIdentifier(op.name)} ` +
        this.foreignKeyBody(op, op.schema, op.kind) + this.notValid(op),
      source: op,
    }];
  }

  /** `ALTER TABLE t ADD CONSTRAINT name CHECK (condition)`. */
  protected createCheckConstraint(op: CreateCheckConstraintOp): SqlStatement[] {
    return [{
      sql:
        `ALTER TABLE ${this.qualify(op.table, op.schema)} ADD CONSTRAINT ${this.quoteIdentifier(op.name)} ` +
        `CHECK (${op.condition})${this.notValid(op)}`,
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
}
