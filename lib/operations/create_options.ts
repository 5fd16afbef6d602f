/**
 * The options objects of the operation factories (`create_*.ts`).
 *
 * @module
 */
import type {
  AlterColumnOp,
  CreateTableOp,
  DeferrableOptions,
  IndexOptions,
  ReferentialAction,
} from "./types.ts";

/** Options shared by operations on one table. */
export interface SchemaOption {
  /** Schema (PostgreSQL), database (MySQL) or attached database (SQLite) holding the table. */
  readonly schema?: string;
}

/**
 * Options of `createTable`: table-level constraints, indexes, comment, MySQL options; the
 * fields of {@link CreateTableOp} after its table and columns.
 */
export interface CreateTableOptions
  extends SchemaOption, Omit<CreateTableOp, "kind" | "table" | "columns" | "schema"> {}

/** Options of `createIndex`. */
export interface CreateIndexOptions extends SchemaOption, IndexOptions {
  /** `CREATE INDEX IF NOT EXISTS`: no error when the index exists. */
  readonly ifNotExists?: boolean;
  /**
   * PostgreSQL `CREATE INDEX CONCURRENTLY` (Alembic's `postgresql_concurrently`), run outside the
   * transaction; ignored elsewhere.
   */
  readonly concurrently?: boolean;
}

/**
 * Options of `alterColumn`: the fields to change, and the column as it was; the fields of
 * {@link AlterColumnOp} after its table and column.
 */
export interface AlterColumnOptions
  extends SchemaOption, Omit<AlterColumnOp, "kind" | "table" | "column" | "schema"> {}

/** Options of `createForeignKey`. */
export interface CreateForeignKeyOptions extends SchemaOption, DeferrableOptions {
  /** `ON DELETE` action (Alembic's `ondelete`); the database's default, `NO ACTION`, when absent. */
  readonly onDelete?: ReferentialAction;
  /** `ON UPDATE` action (Alembic's `onupdate`); the database's default, `NO ACTION`, when absent. */
  readonly onUpdate?: ReferentialAction;
  /** Schema of the referenced table (Alembic's `referent_schema`); defaults to `schema`. */
  readonly referencedSchema?: string;
  /** `MATCH FULL` (PostgreSQL); absent for the default, `MATCH SIMPLE`. */
  readonly match?: "full" | "simple";
  /** `NOT VALID` (PostgreSQL): existing rows are not checked. */
  readonly notValid?: boolean;
}
