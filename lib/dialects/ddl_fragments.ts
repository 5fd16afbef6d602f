/**
 * The SQL pieces every DDL statement is assembled from: quoted identifiers, literals, column
 * definitions, constraint clauses and the version table statements. `DdlCompiler` (`ddl.ts`) builds
 * one method per operation kind on top of them; each dialect overrides the hooks where its
 * database differs.
 *
 * @module
 */
import { UnsupportedOperationError } from "../errors.ts";
import { type ResolvedReference, resolveReference } from "../operations/create.ts";
import type {
  Column,
  CreateExclusionConstraintOp,
  DeferrableOptions,
  ForeignKeyConstraint,
  IndexColumn,
  IndexOptions,
  Operation,
  OperationKind,
  ReferentialAction,
  SqlExpression,
  SqlValue,
} from "../operations/types.ts";
import { BACKTICK_QUOTES, isWrapped } from "./_parens.ts";
import { indexColumnsSql, type IndexSyntax } from "./index_sql.ts";
import { hexText, numberText, quoteName, quoteString } from "./_sql.ts";
import type { Dialect, DialectName, VersionTableName } from "./dialect.ts";
import type { SqlStatement } from "./statement.ts";

/** Where a column is being rendered, which decides what may go inline. */
export interface ColumnContext {
  /** The column is the table's only primary key column. */
  readonly inlinePrimaryKey: boolean;
  /** `REFERENCES` goes into the column definition (else the caller adds a table-level FOREIGN KEY). */
  readonly inlineReferences: boolean;
  readonly kind: "createTable" | "addColumn";
}

/**
 * Base of `DdlCompiler` (`ddl.ts`): the pieces of SQL (identifiers, literals, columns,
 * clauses) that per-kind methods assemble, with the hooks dialects override.
 */
export abstract class DdlFragments {
  /** The dialect's name, used in error messages. */
  abstract readonly dialect: DialectName;
  /** The identifier quote character. */
  protected abstract readonly quote: '"' | "`";

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

  // ---- pieces -----------------------------------------------------------------------------------

  /**
   * One column: `name TYPE [GENERATED ALWAYS AS (...)] [DEFAULT x] [NOT NULL] [autoincrement]
   * [PRIMARY KEY] [UNIQUE] [COMMENT] [REFERENCES ...]`.
   */
  protected columnDefinition(op: Operation, name: string, column: Column, ctx: ColumnContext): string {
    const parts = [this.quoteIdentifier(name), this.columnType(op, column, ctx)];
    const collation = this.collationClause(column);
    if (collation) parts.push(collation);
    if (column.computed !== undefined) parts.push(this.computedClause(column.computed));
    if (column.default !== undefined) parts.push(`DEFAULT ${this.defaultValue(column.default)}`);
    const onUpdate = column.onUpdate === undefined ? undefined : this.onUpdateClause(column.onUpdate);
    if (onUpdate) parts.push(onUpdate);
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

  /**
   * `COLLATE name` (a qualified `schema.name` quoted part by part); MySQL adds `CHARACTER SET`,
   * which the others do not have (ignored there, as the table options of MySQL are).
   */
  protected collationClause(column: Column): string | undefined {
    if (column.collation === undefined) return undefined;
    return `COLLATE ${column.collation.split(".").map((p) => this.quoteIdentifier(p)).join(".")}`;
  }

  /** MySQL's `ON UPDATE expr`; `undefined` where the database has none (it takes a trigger there). */
  protected onUpdateClause(_sql: string): string | undefined {
    return undefined;
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

  /**
   * What this database's `CREATE INDEX` has; the base is PostgreSQL's grammar (access methods,
   * per-column collation, operator class and NULLS placement, INCLUDE), dialects narrow it.
   */
  protected get indexSyntax(): IndexSyntax {
    return {
      label: "PostgreSQL",
      using: "beforeColumns",
      nulls: true,
      collation: true,
      opclass: true,
      include: true,
      mysqlKinds: false,
    };
  }

  /** Index columns: names quoted, expressions in parentheses, each with its sort options. */
  protected indexColumns(
    columns: readonly IndexColumn[],
    options?: IndexOptions & { name?: string },
  ): string {
    return indexColumnsSql(
      options?.name ?? "",
      columns,
      options,
      this.indexSyntax,
      (n) => this.quoteIdentifier(n),
      (message, hint) => this.unsupported("createIndex", message, hint),
    );
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
    sql += this.foreignKeyMatch(fk, kind) + this.actions(fk.onDelete, fk.onUpdate);
    return sql + this.deferrable(fk, kind);
  }

  /**
   * Whether this database has PostgreSQL's constraint clauses: MATCH, NOT VALID, UNIQUE NULLS NOT
   * DISTINCT (15) and EXCLUDE. Dialects without them (MySQL and SQLite parse MATCH and ignore it,
   * check the existing rows, never let NULLs collide) answer false and each clause is refused.
   */
  protected get postgresConstraintClauses(): boolean {
    return true;
  }

  /** ` NULLS NOT DISTINCT` of a unique constraint (PostgreSQL 15); dialects without it refuse it. */
  protected uniqueNulls(u: { readonly nullsNotDistinct?: boolean }, kind: OperationKind): string {
    if (!u.nullsNotDistinct) return "";
    if (this.postgresConstraintClauses) return " NULLS NOT DISTINCT";
    throw this.unsupported(
      kind,
      `Cannot create a UNIQUE NULLS NOT DISTINCT constraint on ${this.indexSyntax.label}: NULLs never collide there`,
      "drop nullsNotDistinct",
    );
  }

  /** ` NOT VALID` of a constraint added to a table (PostgreSQL); dialects without it refuse it. */
  protected notValid(op: { readonly notValid?: boolean; readonly kind: OperationKind }): string {
    if (!op.notValid) return "";
    if (this.postgresConstraintClauses) return " NOT VALID";
    throw this.unsupported(
      op.kind,
      `Cannot add a NOT VALID constraint on ${this.indexSyntax.label}: it checks existing rows`,
      "drop notValid",
    );
  }

  /**
   * ` MATCH FULL` / ` MATCH SIMPLE` (PostgreSQL), or nothing; dialects that ignore MATCH refuse
   * MATCH FULL, since a key they do not enforce that way would not be one, and drop the others.
   */
  protected foreignKeyMatch(fk: { readonly match?: string }, kind: OperationKind): string {
    if (fk.match === undefined) return "";
    if (this.postgresConstraintClauses) return ` MATCH ${fk.match.toUpperCase()}`;
    if (fk.match === "full") {
      throw this.unsupported(
        kind,
        `Cannot create a MATCH FULL foreign key on ${this.indexSyntax.label}: it ignores MATCH`,
        "drop match",
      );
    }
    return "";
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

  /**
   * `ALTER TABLE t ADD CONSTRAINT name EXCLUDE USING method (element WITH op, ...) [WHERE (p)]`, in
   * PostgreSQL's grammar; dialects without exclusion constraints refuse it.
   */
  protected createExclusionConstraint(op: CreateExclusionConstraintOp): SqlStatement[] {
    if (!this.postgresConstraintClauses) {
      throw this.unsupported(
        op.kind,
        `Cannot create exclusion constraint "${op.name}" on ${this.indexSyntax.label}: it has no EXCLUDE constraints`,
        "use a unique index where the operator is =, or a trigger that refuses overlapping rows",
      );
    }
    const elements = op.elements.map(({ operator, ...e }) =>
      `${this.indexColumns([e as IndexColumn], { name: op.name })} WITH ${operator}`
    ).join(", ");
    const where = op.where === undefined ? "" : ` WHERE (${op.where})`;
    return [{
      sql: `ALTER TABLE ${this.qualify(op.table, op.schema)} ADD ${
        this.constraintName(op.name)
      }EXCLUDE USING ${op.using ?? "gist"} (${elements})${where}${this.deferrable(op, op.kind)}`,
      source: op,
    }];
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
