/**
 * The runtime-neutral half of the SQLite drivers: both `bun:sqlite` and `node:sqlite` are
 * synchronous and offer the same three calls, so one {@link Connection} wraps either.
 *
 * @module
 */
import type { DatabaseUrl } from "../../config/url.ts";
import { ConnectionError } from "../../errors.ts";
import type { SqlValue } from "../../operations/types.ts";
import { sqliteDateText } from "./date_text.ts";
import type { Connection, Dialect, Row } from "../dialect.ts";

/** A value SQLite drivers bind directly. */
export type SqliteBindable = string | number | bigint | null | Uint8Array;

/** The synchronous calls a runtime's SQLite binding must offer. */
export interface SqliteHandle {
  /** Rows of one statement. */
  all(sql: string, params: SqliteBindable[]): Record<string, unknown>[];
  /** Run one statement; returns the number of changed rows. */
  run(sql: string, params: SqliteBindable[]): number;
  /** Run any number of statements without parameters. */
  exec(sql: string): void;
  close(): void;
}

/**
 * Convert a bound value to what SQLite stores: booleans as 1/0 (SQLite has no boolean storage
 * class), Dates as UTC text `YYYY-MM-DD HH:MM:SS.ffffff` (SQLAlchemy's SQLite DateTime storage,
 * see `date_text.ts`, and what `quoteLiteral` writes for the same value offline).
 *
 * @param value any {@link SqlValue}
 * @returns the value to bind
 * @throws {RangeError} for an invalid Date
 */
export function toSqliteValue(value: SqlValue): SqliteBindable {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return sqliteDateText(value);
  return value;
}

/**
 * Wrap a runtime's SQLite handle as a {@link Connection}.
 *
 * Transactions start with `BEGIN IMMEDIATE`, which takes the database's write lock at once; so two
 * migrators on one file serialize on their transactions, and `lock()` only needs to set
 * `PRAGMA busy_timeout` (how long a blocked `BEGIN IMMEDIATE` waits) and report success. SQLite has
 * no named locks to take beyond that, and `unlock()` has nothing to release. `onWait` is never called.
 *
 * Foreign key enforcement is left at SQLite's default (off), as SQLAlchemy and Alembic leave it.
 *
 * @param handle the runtime binding
 * @param dialect the SQLite dialect, exposed as `connection.dialect`
 * @returns an open connection
 */
export function sqliteConnection(handle: SqliteHandle, dialect: Dialect): Connection {
  let closed = false;
  const bind = (params?: readonly SqlValue[]) => (params ?? []).map(toSqliteValue);
  return {
    dialect,
    query(sql, params) {
      return Promise.resolve().then(() => handle.all(sql, bind(params)).map((row): Row => ({ ...row })));
    },
    execute(sql, params) {
      return Promise.resolve().then(() => handle.run(sql, bind(params)));
    },
    executeScript(sql) {
      return Promise.resolve().then(() => handle.exec(sql));
    },
    begin() {
      return Promise.resolve().then(() => handle.exec("BEGIN IMMEDIATE"));
    },
    commit() {
      return Promise.resolve().then(() => handle.exec("COMMIT"));
    },
    rollback() {
      return Promise.resolve().then(() => handle.exec("ROLLBACK"));
    },
    lock(_name, timeoutMs) {
      return Promise.resolve().then(() => {
        const ms = Math.max(0, Math.floor(timeoutMs));
        handle.exec(`PRAGMA busy_timeout = ${ms}`);
        return true;
      });
    },
    unlock() {
      return Promise.resolve();
    },
    close() {
      if (closed) return Promise.resolve();
      closed = true;
      return Promise.resolve().then(() => handle.close());
    },
  };
}

/**
 * Open a SQLite database through a runtime's binding (`openSqliteFile` of `driver_bun.ts` or
 * `driver_deno.ts`): what the SQLite dialect's `connect` runs.
 *
 * @param url a parsed `sqlite://` URL (`path` absolute or `:memory:`; none is `:memory:`)
 * @param dialect the SQLite dialect
 * @param open opens the file (creating it when missing) and wraps the binding; may throw
 * @returns an open connection (see {@link sqliteConnection})
 * @throws {ConnectionError} (as a rejection) when `open` throws, naming the file
 */
export function openSqlite(
  url: DatabaseUrl,
  dialect: Dialect,
  open: (path: string) => SqliteHandle,
): Promise<Connection> {
  const path = sqlitePath(url.path);
  let handle: SqliteHandle;
  try {
    handle = open(path);
  } catch (error) {
    return Promise.reject(
      new ConnectionError(`Cannot open SQLite database "${path}": ${(error as Error).message}`, {
        cause: error,
      }),
    );
  }
  return Promise.resolve(sqliteConnection(handle, dialect));
}

/** The file a URL names, for messages: the path, or `:memory:`. */
function sqlitePath(path: string | undefined): string {
  return path === undefined || path === "" ? ":memory:" : path;
}
