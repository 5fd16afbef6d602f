/**
 * What each database can do, as plain data (DESIGN.md section 8). Code outside
 * `lib/dialects/<name>/` reads these instead of comparing a dialect's name, the way Kysely's
 * `DialectAdapter` hands the core a handful of documented `supportsX` booleans.
 *
 * @module
 */

/**
 * How the migrator lock is taken.
 * - `session`: a named lock held by the connection for the whole run (PostgreSQL
 *   `pg_advisory_lock`, MySQL/MariaDB `GET_LOCK`).
 * - `write-transaction`: the database has no session lock; the lock is the write transaction itself
 *   (SQLite's `BEGIN IMMEDIATE`), so the heads must be read inside the transaction that writes them.
 */
export type MigratorLockKind = "session" | "write-transaction";

/**
 * How enums are declared.
 * - `named-type`: a type of its own, created before the columns that use it (PostgreSQL `CREATE TYPE
 *   ... AS ENUM`).
 * - `inline`: the values are part of the column type (MySQL `ENUM('a','b')`).
 * - `none`: no enum type; a column holds text (SQLite).
 */
export type EnumSupport = "named-type" | "inline" | "none";

/** The longest identifier a database keeps, counted in bytes (UTF-8) or characters. */
export interface IdentifierLimit {
  /** The longest name the database keeps, in `unit`s. */
  readonly max: number;
  /** What the limit counts: encoded bytes (PostgreSQL) or characters (MySQL/MariaDB). */
  readonly unit: "bytes" | "characters";
}

/** What a database can and cannot do; each entry decides a branch in the runner, renderer or differ. */
export interface DialectCapabilities {
  /** DDL runs inside transactions and rolls back (PostgreSQL, SQLite); MySQL commits each DDL statement. */
  readonly transactionalDdl: boolean;
  /** `CREATE TABLE IF NOT EXISTS` / `DROP TABLE IF EXISTS` are understood. */
  readonly ifExists: boolean;
  /** `DROP INDEX IF EXISTS` / `CREATE INDEX IF NOT EXISTS` are understood (MySQL 8 rejects them, MariaDB not). */
  readonly ifExistsOnIndex: boolean;
  /**
   * `ALTER TABLE` can change a column's type, nullability and default in place; where it cannot
   * (SQLite), those changes, and adding or dropping constraints, go through a table rebuild
   * (SQLite's 12-step ALTER TABLE procedure, docs "ALTER TABLE", section 7).
   */
  readonly alterColumn: boolean;
  /** `ALTER TABLE ... ADD/DROP CONSTRAINT` for foreign keys, checks and unique constraints works in place. */
  readonly alterConstraints: boolean;
  /** `ALTER TABLE ... DROP COLUMN` works in place (SQLite since 3.35, with restrictions the rebuild covers). */
  readonly dropColumn: boolean;
  /** `ALTER TABLE ... RENAME COLUMN` works in place. */
  readonly renameColumn: boolean;
  /** Index columns may be `DESC`. */
  readonly descIndex: boolean;
  /** Partial indexes (`CREATE INDEX ... WHERE`). */
  readonly partialIndex: boolean;
  /** `CREATE INDEX CONCURRENTLY` (PostgreSQL), which cannot run inside a transaction. */
  readonly concurrentIndex: boolean;
  /** `DEFERRABLE` / `INITIALLY DEFERRED` constraints. */
  readonly deferrable: boolean;
  /** How enum types exist, see {@link EnumSupport}. */
  readonly enums: EnumSupport;
  /** Sequences as objects of their own (`CREATE SEQUENCE`). */
  readonly sequences: boolean;
  /** Identity columns (`GENERATED ... AS IDENTITY`). */
  readonly identity: boolean;
  /** Table and column comments are stored by the database (SQLite stores none). */
  readonly comments: boolean;
  /**
   * Unique constraints exist only as unique indexes (MySQL/MariaDB): a plain unique index and a
   * unique constraint are the same object to the database.
   */
  readonly uniqueConstraintsAreIndexes: boolean;
  /**
   * A foreign key needs an index on its columns, and the database creates one named after the
   * constraint when none exists (InnoDB, MySQL docs "FOREIGN KEY Constraints").
   */
  readonly foreignKeyCreatesIndex: boolean;
  /** A per-session statement or lock time-out can be set (PostgreSQL `statement_timeout`, MySQL `lock_wait_timeout`). */
  readonly lockTimeout: boolean;
  /** How the migrator lock is taken, see {@link MigratorLockKind}. */
  readonly migratorLock: MigratorLockKind;
  /**
   * Statements may be sent without waiting for each reply (PostgreSQL's extended protocol through
   * postgres.js): a step's `BEGIN`, body and version change then cost fewer round trips.
   */
  readonly pipelining: boolean;
  /**
   * Several statements sent as one text run as one implicit transaction (PostgreSQL's simple query
   * protocol), so a section that must run outside a transaction is sent one statement at a time.
   */
  readonly multiStatementIsTransaction: boolean;
  /**
   * The longest table, column, index, constraint, enum or schema name the database keeps
   * (PostgreSQL: 63 bytes, NAMEDATALEN - 1, longer names are cut silently; MySQL/MariaDB: 64
   * characters, longer names are an error); null where there is no limit worth checking (SQLite).
   */
  readonly maxIdentifierLength: IdentifierLimit | null;
  /**
   * Storage options are part of a table and a column: ENGINE, DEFAULT CHARSET, COLLATE, ROW_FORMAT
   * and PARTITION BY table options, a column's own CHARACTER SET, and `ON UPDATE` (MySQL); where
   * false, a schema file's `mysql` table options, `charset` and `onUpdate` are ignored.
   */
  readonly storageOptions: boolean;
  /**
   * Tables are rowid tables unless declared `WITHOUT ROWID`, and may be `STRICT` (SQLite); where
   * false, a schema file's `sqlite` table options are ignored.
   */
  readonly rowidTables: boolean;
}
