/**
 * The dialect contract (DESIGN.md section 8): what the runner and renderers need from each
 * database. A dialect is pure (no connection) except for {@link Dialect.connect}.
 *
 * @module
 */
import type { Operation, SqlValue } from "../operations/types.ts";
import type { SqlStatement } from "./statement.ts";
import type { DatabaseUrl } from "../config/url.ts";

/** Dialect names as they appear in URLs after normalisation. */
export type DialectName = "sqlite" | "postgresql" | "mysql";

/** What a database can and cannot do; each flag decides a branch in the runner or renderer. */
export interface DialectFlags {
  /** DDL runs inside transactions and rolls back (PostgreSQL, SQLite). MySQL commits DDL implicitly. */
  readonly transactionalDdl: boolean;
  /** `CREATE TABLE IF NOT EXISTS` / `DROP ... IF EXISTS` are understood. */
  readonly supportsIfExists: boolean;
}

/** Name and (optional) schema of the version table, from the config. */
export interface VersionTableName {
  /** Default `alembic_version`. */
  readonly table: string;
  /** PostgreSQL schema or MySQL database; empty/undefined means the connection's default. */
  readonly schema?: string;
}

/** A row returned by a query: column name to value. */
export type Row = Record<string, unknown>;

/** Options when opening a connection. */
export interface ConnectOptions {
  /** Milliseconds to wait for the connection before giving up. */
  readonly connectTimeoutMs?: number;
}

/**
 * One open database connection. All methods run on the same session, so `begin`/`commit`
 * bracket the statements in between.
 */
export interface Connection {
  /** The dialect that opened it: its DDL compiler, flags and version-table statements. */
  readonly dialect: Dialect;
  /**
   * Run a query and return its rows.
   * @param sql one statement with `?` placeholders
   * @param params bound values
   * @throws {Error} the driver's error for a failed statement
   */
  query(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Run one statement that returns no rows; resolves to the number of affected rows where known. */
  execute(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Run a text holding any number of statements (a SQL revision section), as the driver allows. */
  executeScript(sql: string): Promise<void>;
  /** Start a transaction (`BEGIN`; `BEGIN IMMEDIATE` on SQLite, which takes the write lock at once). */
  begin(): Promise<void>;
  /** Commit the open transaction. */
  commit(): Promise<void>;
  /** Roll back the open transaction (on MySQL, DDL already run stays: it committed implicitly). */
  rollback(): Promise<void>;
  /**
   * Take the migration lock named `name`, waiting at most `timeoutMs` milliseconds.
   * Resolves `true` when taken, `false` on time-out. `onWait` is called once if it must wait.
   */
  lock(name: string, timeoutMs: number, onWait?: () => void): Promise<boolean>;
  /** Release the lock taken by {@link Connection.lock}. */
  unlock(name: string): Promise<void>;
  /** Close the connection; safe to call twice. */
  close(): Promise<void>;
}

/** Everything Retort knows about one database family. */
export interface Dialect {
  /** The database family; scripts see it as the context's `dialect`. */
  readonly name: DialectName;
  /** What the database can do (transactional DDL, `IF EXISTS`); see `flags.ts`. */
  readonly flags: DialectFlags;
  /**
   * Turn an operation into statements, with identifiers quoted and literals escaped.
   * @throws {UnsupportedOperationError} when the database cannot do it
   */
  ddl(op: Operation): SqlStatement[];
  /**
   * Like {@link Dialect.ddl}, but may read the database first: SQLite uses it to rebuild a table
   * (SQLite's 12-step ALTER TABLE procedure) from the table's current definition. The runner calls
   * it instead of `ddl` when present, online with the migration's connection and offline with a
   * scratch in-memory database that mirrors every rendered statement.
   *
   * @param op the operation
   * @param conn a connection inside the step's transaction (or the offline scratch database)
   * @returns the statements to run, in order
   * @throws {UnsupportedOperationError} when the database cannot do it (e.g. `recreate: "never"`)
   */
  plan?(op: Operation, conn: Connection): Promise<SqlStatement[]>;
  /** Quote an identifier (`"a""b"` / `` `a``b` ``); a dotted `schema.table` must be split by the caller. */
  quoteIdentifier(name: string): string;
  /** Render a value as an SQL literal for offline output and `bulkInsert`. */
  quoteLiteral(value: SqlValue): string;
  /** Statements the version table needs (Alembic-compatible, DESIGN.md section 6). */
  versionTable: {
    create(name: VersionTableName): string;
    select(name: VersionTableName): string;
    insert(name: VersionTableName, version: string): string;
    update(name: VersionTableName, from: string, to: string): string;
    delete(name: VersionTableName, version: string): string;
    /** A query that returns one row when the version table exists. */
    exists(name: VersionTableName): { sql: string; params: SqlValue[] };
  };
  /** Statements that open and close a transaction in offline scripts (empty when not transactional). */
  offline: { begin: string; commit: string };
  /**
   * Open a connection.
   * @throws {ConnectionError} naming host and database, never the password
   */
  connect(url: DatabaseUrl, options?: ConnectOptions): Promise<Connection>;
}
