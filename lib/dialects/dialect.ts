/**
 * The dialect contract (DESIGN.md section 8): what the runner and renderers need from each
 * database. A dialect is pure (no connection) except for {@link Dialect.connect}.
 *
 * @module
 */
import type { Operation, SqlValue } from "../operations/types.ts";
import type { SqlLexerRules } from "./sql_lexer.ts";
import type { SqlStatement } from "./statement.ts";
import type { DatabaseUrl } from "../config/url.ts";
import type { DialectCapabilities } from "./capabilities.ts";
import type { DialectLinter } from "../lint/facts.ts";
import type { Schema } from "../schema/model.ts";
import type { SchemaNormalizer } from "../schema/normalizer.ts";
import type { DialectName } from "./dialect_name.ts";
export type { DialectName };

/** An open scratch database (`migrate test`): its URL and how to drop it. */
export interface ScratchDatabase {
  /** A URL of the scratch database (credentials as in the configured URL; mask before printing). */
  readonly url: string;
  /** Drop it; never throws. */
  drop(): Promise<void>;
}

/** Name and (optional) schema of the version table, from the config. */
export interface VersionTableName {
  /** Default `alembic_version`. */
  readonly table: string;
  /** PostgreSQL schema or MySQL database; empty/undefined means the connection's default. */
  readonly schema?: string;
}

/** What {@link Dialect.introspect} reads. */
export interface IntrospectOptions {
  /** The version table, left out of the result (Alembic's `alembic_version` by default). */
  readonly versionTable?: VersionTableName;
  /** PostgreSQL schemas to read; default the current schema. */
  readonly schemas?: readonly string[];
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
  /** The dialect that opened it: its DDL compiler, capabilities and version-table statements. */
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

/**
 * Settings a migration run gives its session, where the database has them. The runner calls
 * `watchClient` before it waits for the migration lock and `setStatementTimeout` once it holds it.
 */
export interface MigrationSession {
  /**
   * Have the server notice a client that went away while a statement (or the lock wait) runs, so
   * its transaction and lock end soon after. A server that cannot do it is not an error.
   */
  watchClient?(conn: Connection): Promise<void>;
  /**
   * Bound every later statement of the session.
   * @param ms the limit in milliseconds (at least 1)
   * @throws {Error} the driver's error when no setting is accepted
   */
  setStatementTimeout?(conn: Connection, ms: number): Promise<void>;
}

/** Everything Retort knows about one database family. */
export interface Dialect {
  /** The database family; scripts see it as the context's `dialect`. */
  readonly name: DialectName;
  /**
   * What the database can do, as plain data (see `capabilities.ts`): code outside
   * `lib/dialects/<name>/` reads these, never {@link Dialect.name}.
   */
  readonly capabilities: DialectCapabilities;
  /** The database's lexical rules (quotes, comments, dollar quotes), read by `sql_lexer.ts`. */
  readonly sqlLexer: SqlLexerRules;
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
  /**
   * Read the schema of the database behind `conn` in a fixed number of catalog queries, whatever
   * the number of tables. Loads the dialect's introspection module on first use.
   * @throws {Error} the driver's error when a catalog query fails
   */
  introspect(conn: Connection, options?: IntrospectOptions): Promise<Schema>;
  /** The database's type and default spellings, capabilities and made-up names, for the schema differ. */
  normalizer(): Promise<SchemaNormalizer>;
  /**
   * Create an empty database beside the configured one for `migrate test` (a new database on the
   * same server, or a temporary file), to be dropped with its `drop()`.
   * @param url the configured database
   * @returns the scratch database's URL and how to drop it
   * @throws {ConnectionError} when the server cannot be reached
   */
  openScratchDatabase(url: DatabaseUrl): Promise<ScratchDatabase>;
  /**
   * How many rows each table holds, as the database estimates it cheaply (`upgrade --plan`), in one
   * catalog query where the database keeps estimates. Tables that do not exist are left out.
   * @param conn an open connection
   * @param tables unqualified table names
   * @returns table name to estimated rows
   */
  rowEstimates(conn: Connection, tables: readonly string[]): Promise<Map<string, number>>;
  /**
   * The statement analysis of `migrate lint` (lock levels, table rewrites), loaded on first use.
   * @returns the dialect's linter
   */
  linter(): Promise<DialectLinter>;
  /**
   * The schema file's view, routine and trigger definitions as this database prints them, asked of
   * the database itself (created in a transaction that is rolled back), for those whose text
   * differs from `current`'s. Absent: definitions compare as written.
   * @throws {Error} the driver's error when the transaction cannot be opened or rolled back
   */
  normalizeObjects?(conn: Connection, target: Schema, current: Schema): Promise<Schema>;
  /**
   * The target schema with the expressions the server would store exactly as the current
   * schema's spelled the current way (PostgreSQL compiles CHECK conditions on a temporary table in
   * a rolled-back transaction); absent where the normaliser's rules suffice.
   */
  alignWithServer?(conn: Connection, target: Schema, current: Schema): Promise<Schema>;
  /** Session settings of a migration run; absent when the database has none (SQLite). */
  readonly migrationSession?: MigrationSession;
  /**
   * Open the scratch database that offline mode hands to {@link Dialect.plan}: it mirrors every
   * rendered statement. Absent: offline mode renders with {@link Dialect.ddl} alone.
   *
   * @param url the configured URL, if any (its schema may seed the scratch database)
   * @param fromBase the script starts at base (the database is assumed empty)
   * @returns an open connection; the caller closes it
   * @throws {ConnectionError} when the configured database exists but cannot be read
   */
  openOfflineScratch?(url: DatabaseUrl | undefined, fromBase: boolean): Promise<Connection>;
}
