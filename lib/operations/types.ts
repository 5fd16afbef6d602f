/**
 * Operations as plain data (DESIGN.md section 2). Scripts, autogenerate, offline mode and batch
 * mode all produce and consume these frozen objects; dialects turn them into SQL. An operation's
 * `kind` is the name of its `op` facade method, so `op.addColumn(...)` yields `{ kind: "addColumn" }`.
 *
 * @module
 */
import type {
  CheckConstraint,
  Column,
  DeferrableOptions,
  ExclusionConstraint,
  ExclusionElement,
  ForeignKeyConstraint,
  IdentityOptions,
  IndexColumn,
  IndexDefinition,
  IndexOptions,
  MysqlTableOptions,
  PrimaryKeyConstraint,
  ReferentialAction,
  SqlExpression,
  SqliteTableOptions,
  SqlValue,
  TablePartitioning,
  UniqueConstraint,
} from "./definitions.ts";
import type { ObjectOperation } from "./object_types.ts";
import type {
  AddEnumValueOp,
  CreateEnumOp,
  CreateSchemaOp,
  DropEnumOp,
  DropSchemaOp,
} from "./enum_schema_types.ts";

export type * from "./definitions.ts";
export type * from "./object_types.ts";
export type * from "./enum_schema_types.ts";

/** Raw SQL written by the script author, with optional bound parameters (`?` placeholders). */
export interface ExecuteOp {
  /** Always `"execute"` (`op.execute`). */
  readonly kind: "execute";
  /** One SQL statement, run as written (Alembic's `op.execute`). */
  readonly sql: string;
  /** Values bound to the `?` placeholders, in order; offline (`--sql`) output inlines them as literals. */
  readonly params?: readonly SqlValue[];
}

/** `CREATE TABLE name (...)`. Columns keep the order of the object's keys. */
export interface CreateTableOp {
  /** Always `"createTable"` (`op.createTable`). */
  readonly kind: "createTable";
  /** Table name, one identifier (quoted by the dialect where needed; the schema goes in `schema`). */
  readonly table: string;
  /** Column name to definition, in the order of the object's keys; at least one. */
  readonly columns: Readonly<Record<string, Column>>;
  /** Schema (PostgreSQL) or database (MySQL) name. */
  readonly schema?: string;
  /** `CREATE TABLE IF NOT EXISTS`: no error when the table exists. */
  readonly ifNotExists?: boolean;
  /** Table-level primary key; when set, no column may say `primaryKey`. */
  readonly primaryKey?: PrimaryKeyConstraint;
  /** Table-level `UNIQUE (...)` constraints. */
  readonly uniqueConstraints?: readonly UniqueConstraint[];
  /** Table-level (possibly composite) `FOREIGN KEY` constraints. */
  readonly foreignKeys?: readonly ForeignKeyConstraint[];
  /** Table-level `CHECK (...)` constraints. */
  readonly checkConstraints?: readonly CheckConstraint[];
  /** Indexes created right after the table, as `createIndex` would. */
  readonly indexes?: readonly IndexDefinition[];
  /** Table comment (PostgreSQL, MySQL; ignored by SQLite). */
  readonly comment?: string;
  /** MySQL `ENGINE=`, `DEFAULT CHARSET=`, `COLLATE=`, `ROW_FORMAT=`. */
  readonly mysql?: MysqlTableOptions;
  /** SQLite `WITHOUT ROWID`, `STRICT`. */
  readonly sqlite?: SqliteTableOptions;
  /** `PARTITION BY ...` (PostgreSQL, MySQL), see {@link TablePartitioning}. */
  readonly partitionBy?: string;
  /** PostgreSQL `PARTITION OF parent FOR VALUES ...`, see {@link TablePartitioning}. */
  readonly partitionOf?: TablePartitioning["partitionOf"];
  /** PostgreSQL `INHERITS (...)`, see {@link TablePartitioning}. */
  readonly inherits?: readonly string[];
}

/** `DROP TABLE name`. */
export interface DropTableOp {
  /** Always `"dropTable"` (`op.dropTable`). */
  readonly kind: "dropTable";
  /** Table to drop. */
  readonly table: string;
  /** Schema holding the table (a database on MySQL, an attached database on SQLite). */
  readonly schema?: string;
  /** `DROP TABLE IF EXISTS`: no error when the table is missing. */
  readonly ifExists?: boolean;
}

/** `ALTER TABLE old RENAME TO new`. */
export interface RenameTableOp {
  /** Always `"renameTable"` (`op.renameTable`). */
  readonly kind: "renameTable";
  /** Current table name. */
  readonly table: string;
  /** New name, unqualified: the table stays in `schema`. */
  readonly newName: string;
  /** Schema holding the table (a database on MySQL, an attached database on SQLite). */
  readonly schema?: string;
}

/** `ALTER TABLE t ADD COLUMN c ...`. */
export interface AddColumnOp {
  /** Always `"addColumn"` (`op.addColumn`). */
  readonly kind: "addColumn";
  /** Table that gets the column. */
  readonly table: string;
  /** The new column's name. */
  readonly column: string;
  /** The new column; its `references` becomes a foreign key in the same statement. */
  readonly definition: Column;
  /** Schema holding the table (a database on MySQL, an attached database on SQLite). */
  readonly schema?: string;
}

/** `ALTER TABLE t DROP COLUMN c`. */
export interface DropColumnOp {
  /** Always `"dropColumn"` (`op.dropColumn`). */
  readonly kind: "dropColumn";
  /** Table that loses the column. */
  readonly table: string;
  /** Column to drop. */
  readonly column: string;
  /** Schema holding the table (a database on MySQL, an attached database on SQLite). */
  readonly schema?: string;
}

/** `CREATE [UNIQUE] INDEX name ON table (columns)`. */
export interface CreateIndexOp extends IndexOptions {
  /** Always `"createIndex"` (`op.createIndex`). */
  readonly kind: "createIndex";
  /** Index name. */
  readonly name: string;
  /** Table to index. */
  readonly table: string;
  /** Column names, `{ sql }` expressions, or either with sort options. */
  readonly columns: readonly IndexColumn[];
  /** Schema holding the table, and so the index (a database on MySQL, an attached database on SQLite). */
  readonly schema?: string;
  /** `CREATE INDEX IF NOT EXISTS`: no error when the index exists. */
  readonly ifNotExists?: boolean;
  /** PostgreSQL `CREATE INDEX CONCURRENTLY` (runs outside the transaction). */
  readonly concurrently?: boolean;
}

/** `DROP INDEX name` (MySQL needs the table: `DROP INDEX name ON table`). */
export interface DropIndexOp {
  /** Always `"dropIndex"` (`op.dropIndex`). */
  readonly kind: "dropIndex";
  /** Index name. */
  readonly name: string;
  /** Table of the index: MySQL needs it (`DROP INDEX name ON table`); PostgreSQL and SQLite ignore it. */
  readonly table?: string;
  /** Schema holding the index and its table (a database on MySQL, an attached database on SQLite). */
  readonly schema?: string;
  /** `DROP INDEX IF EXISTS`: no error when the index is missing. */
  readonly ifExists?: boolean;
  /** PostgreSQL `DROP INDEX CONCURRENTLY` (runs outside the transaction). */
  readonly concurrently?: boolean;
}

/** `INSERT INTO table (...) VALUES ...` for many rows; rendered with escaped literals. */
export interface BulkInsertOp {
  /** Always `"bulkInsert"` (`op.bulkInsert`). */
  readonly kind: "bulkInsert";
  /** Table to insert into. */
  readonly table: string;
  /**
   * Rows of column name to value (`bulkInsert` has already turned objects and arrays into JSON
   * text). A key a row lacks is left out of its `INSERT`, so the column's default applies.
   */
  readonly rows: readonly Readonly<Record<string, SqlValue>>[];
  /** Schema holding the table (a database on MySQL, an attached database on SQLite). */
  readonly schema?: string;
}

/**
 * Change one column (Alembic's `alter_column`). Only the fields present change; `default: null`
 * drops the server default, `comment: null` drops the comment.
 */
export interface AlterColumnOp {
  /** Always `"alterColumn"` (`op.alterColumn`). */
  readonly kind: "alterColumn";
  /** Table of the column. */
  readonly table: string;
  /** Column name as it is before the change (before any `newName`). */
  readonly column: string;
  /** Schema holding the table (a database on MySQL, an attached database on SQLite). */
  readonly schema?: string;
  /** New type. */
  readonly type?: string;
  /** PostgreSQL `USING expr` for the type change. */
  readonly using?: string;
  /** New nullability (Alembic's `nullable`): `true` drops `NOT NULL`, `false` sets it. */
  readonly nullable?: boolean;
  /** New server default; `null` drops it. */
  readonly default?: SqlValue | SqlExpression | null;
  /** Rename the column to this (Alembic's `new_column_name`). */
  readonly newName?: string;
  /** New comment; `null` drops it. */
  readonly comment?: string | null;
  /** Add (`true`) or remove (`false`) autoincrement / identity. */
  readonly autoincrement?: boolean;
  /** Identity details when `autoincrement: true` (PostgreSQL). */
  readonly identity?: IdentityOptions;
  /**
   * The column as it was (Alembic's `existing_type`, `existing_nullable`, ...). MySQL needs it to
   * restate the full definition in `MODIFY`/`CHANGE`; `reverseOperation` needs it to undo the change.
   */
  readonly existing?: Column;
}

/** `ALTER TABLE t ADD CONSTRAINT name PRIMARY KEY (columns)`. */
export interface CreatePrimaryKeyOp {
  /** Always `"createPrimaryKey"` (`op.createPrimaryKey`). */
  readonly kind: "createPrimaryKey";
  /** Constraint name (MySQL always calls a primary key `PRIMARY`). */
  readonly name: string;
  /** Table that gets the key. */
  readonly table: string;
  /** Key columns, in key order; at least one. */
  readonly columns: readonly string[];
  /** Schema holding the table (a database on MySQL, an attached database on SQLite). */
  readonly schema?: string;
}

/** `ALTER TABLE t ADD CONSTRAINT name UNIQUE (columns)`. */
export interface CreateUniqueConstraintOp
  extends DeferrableOptions, Pick<UniqueConstraint, "nullsNotDistinct"> {
  /** Always `"createUniqueConstraint"` (`op.createUniqueConstraint`). */
  readonly kind: "createUniqueConstraint";
  /** Constraint name. */
  readonly name: string;
  /** Table that gets the constraint. */
  readonly table: string;
  /** Columns whose combined values must be unique; at least one. */
  readonly columns: readonly string[];
  /** Schema holding the table (a database on MySQL, an attached database on SQLite). */
  readonly schema?: string;
}

/**
 * `ALTER TABLE source ADD CONSTRAINT name FOREIGN KEY (localColumns) REFERENCES referent
 * (remoteColumns)` (Alembic's `create_foreign_key(name, source, referent, local_cols, remote_cols)`).
 */
export interface CreateForeignKeyOp extends DeferrableOptions {
  /** Always `"createForeignKey"` (`op.createForeignKey`). */
  readonly kind: "createForeignKey";
  /** Constraint name. */
  readonly name: string;
  /** Table that gets the key (Alembic's `source_table`). */
  readonly table: string;
  /** Table it points to (Alembic's `referent_table`); may be `schema.table`. */
  readonly referencedTable: string;
  /** Local columns (Alembic's `local_cols`); at least one. */
  readonly columns: readonly string[];
  /** Referenced columns (Alembic's `remote_cols`), as many as `columns` and paired with them by position. */
  readonly referencedColumns: readonly string[];
  /** `ON DELETE` action (Alembic's `ondelete`); the database's default, `NO ACTION`, when absent. */
  readonly onDelete?: ReferentialAction;
  /** `ON UPDATE` action (Alembic's `onupdate`); the database's default, `NO ACTION`, when absent. */
  readonly onUpdate?: ReferentialAction;
  /** `MATCH FULL` (PostgreSQL; MySQL and SQLite refuse it); absent for the default, `MATCH SIMPLE`. */
  readonly match?: "full" | "simple";
  /** `NOT VALID` (PostgreSQL): existing rows are not checked. */
  readonly notValid?: boolean;
  /** Schema holding `table` (a database on MySQL, an attached database on SQLite). */
  readonly schema?: string;
  /** Schema of the referenced table; defaults to `schema`. */
  readonly referencedSchema?: string;
}

/** `ALTER TABLE t ADD CONSTRAINT name CHECK (condition)`. */
export interface CreateCheckConstraintOp {
  /** Always `"createCheckConstraint"` (`op.createCheckConstraint`). */
  readonly kind: "createCheckConstraint";
  /** Constraint name. */
  readonly name: string;
  /** Table that gets the constraint. */
  readonly table: string;
  /** The condition, as SQL, rendered verbatim inside `CHECK (...)`. */
  readonly condition: string;
  /** `NOT VALID` (PostgreSQL): existing rows are not checked. */
  readonly notValid?: boolean;
  /** Schema holding the table (a database on MySQL, an attached database on SQLite). */
  readonly schema?: string;
}

/** `ALTER TABLE t ADD CONSTRAINT name EXCLUDE USING method (...)` (PostgreSQL). */
export interface CreateExclusionConstraintOp extends Omit<ExclusionConstraint, "name" | "elements"> {
  /** Always `"createExclusionConstraint"` (`op.createExclusionConstraint`). */
  readonly kind: "createExclusionConstraint";
  /** Constraint name. */
  readonly name: string;
  /** Table that gets the constraint. */
  readonly table: string;
  /** The elements, at least one. */
  readonly elements: readonly ExclusionElement[];
  /** Schema holding the table. */
  readonly schema?: string;
}

/** What kind of constraint `dropConstraint` drops; MySQL needs it (`DROP FOREIGN KEY` etc.). */
export type ConstraintType = "primary" | "unique" | "foreignkey" | "check" | "exclusion";

/** `ALTER TABLE t DROP CONSTRAINT name`. */
export interface DropConstraintOp {
  /** Always `"dropConstraint"` (`op.dropConstraint`). */
  readonly kind: "dropConstraint";
  /** Constraint name. */
  readonly name: string;
  /** Table holding the constraint. */
  readonly table: string;
  /**
   * Which kind of constraint it is (Alembic's `type_`). MySQL needs it to pick `DROP FOREIGN KEY`,
   * `DROP PRIMARY KEY` or `DROP INDEX` (a check, or no type, gives `DROP CONSTRAINT`).
   */
  readonly type?: ConstraintType;
  /** Schema holding the table (a database on MySQL, an attached database on SQLite). */
  readonly schema?: string;
}

/** Set a table's comment. */
export interface CreateTableCommentOp {
  /** Always `"createTableComment"` (`op.createTableComment`). */
  readonly kind: "createTableComment";
  /** Table to comment. */
  readonly table: string;
  /**
   * The new comment (may be empty): `COMMENT ON TABLE` on PostgreSQL, `ALTER TABLE ... COMMENT =`
   * on MySQL; ignored by SQLite.
   */
  readonly comment: string;
  /** The comment it had, for `reverseOperation`. */
  readonly existingComment?: string;
  /** Schema holding the table (a database on MySQL, an attached database on SQLite). */
  readonly schema?: string;
}

/** Remove a table's comment. */
export interface DropTableCommentOp {
  /** Always `"dropTableComment"` (`op.dropTableComment`). */
  readonly kind: "dropTableComment";
  /** Table whose comment is removed. */
  readonly table: string;
  /** The comment it had, for `reverseOperation`. */
  readonly existingComment?: string;
  /** Schema holding the table (a database on MySQL, an attached database on SQLite). */
  readonly schema?: string;
}

/** Alembic's `recreate` of `batch_alter_table`. */
export type RecreateMode = "auto" | "always" | "never";

/** An operation allowed inside `batchAlterTable`: each names the batch's table. */
export type BatchOperation =
  | AddColumnOp
  | DropColumnOp
  | AlterColumnOp
  | CreateIndexOp
  | DropIndexOp
  | CreatePrimaryKeyOp
  | CreateUniqueConstraintOp
  | CreateForeignKeyOp
  | CreateCheckConstraintOp
  | DropConstraintOp;

/**
 * Several changes to one table applied together (Alembic's `batch_alter_table`). On SQLite they
 * share one table rebuild when any of them needs it (`recreate: "auto"`), always (`"always"`), or
 * never (`"never"`: a change that needs a rebuild fails). Elsewhere the changes run one by one.
 */
export interface BatchAlterTableOp {
  /** Always `"batchAlterTable"` (`op.batchAlterTable`). */
  readonly kind: "batchAlterTable";
  /** The table every operation changes. */
  readonly table: string;
  /** Schema holding the table (a database on MySQL, an attached database on SQLite). */
  readonly schema?: string;
  /**
   * When SQLite rebuilds the table (Alembic's `recreate`, see {@link RecreateMode}); other
   * databases never rebuild.
   */
  readonly recreate: RecreateMode;
  /** The changes, in order; each names `table` (not checked for a `dropIndex`). */
  readonly operations: readonly BatchOperation[];
}

/** Every operation kind. Add a kind here and every dialect and renderer must handle it to compile. */
export type Operation =
  | ExecuteOp
  | CreateTableOp
  | DropTableOp
  | RenameTableOp
  | AddColumnOp
  | DropColumnOp
  | CreateIndexOp
  | DropIndexOp
  | BulkInsertOp
  | AlterColumnOp
  | CreatePrimaryKeyOp
  | CreateUniqueConstraintOp
  | CreateForeignKeyOp
  | CreateCheckConstraintOp
  | CreateExclusionConstraintOp
  | DropConstraintOp
  | CreateTableCommentOp
  | DropTableCommentOp
  | CreateEnumOp
  | DropEnumOp
  | AddEnumValueOp
  | CreateSchemaOp
  | DropSchemaOp
  | ObjectOperation
  | BatchAlterTableOp;

/** The `kind` strings of {@link Operation}. */
export type OperationKind = Operation["kind"];

/**
 * Compile-time exhaustiveness guard for `switch` statements over kinds.
 *
 * @param value a value the type system proved impossible
 * @throws {TypeError} always, naming the unexpected value
 */
export function assertNever(value: never): never {
  throw new TypeError(`Unexpected value: ${JSON.stringify(value)}`);
}
