/**
 * SQLite driver for Deno, on `node:sqlite` (runtime-specific file named in DESIGN.md section 1).
 *
 * @module
 */
import { DatabaseSync, type SQLInputValue } from "node:sqlite";
import type { DatabaseUrl } from "../../config/url.ts";
import type { Connection, ConnectOptions, Dialect } from "../dialect.ts";
import { openSqlite } from "./_connection.ts";

/**
 * Open a SQLite database with `node:sqlite`; a missing file is created, `:memory:` gives a private
 * in-memory database.
 *
 * @param url a parsed `sqlite://` URL (`path` absolute or `:memory:`)
 * @param dialect the SQLite dialect
 * @param _options unused: opening a file does not wait
 * @returns an open connection (see `sqliteConnection` for transaction and lock semantics)
 * @throws {ConnectionError} when the file cannot be opened
 */
export function connectSqlite(
  url: DatabaseUrl,
  dialect: Dialect,
  _options?: ConnectOptions,
): Promise<Connection> {
  return openSqlite(url, dialect, (path) => {
    // node:sqlite turns foreign key enforcement on by default; bun:sqlite and SQLite itself leave it
    // off, as SQLAlchemy and Alembic do. Off on both runtimes keeps table rebuilds safe (rebuild.ts).
    const db = new DatabaseSync(path, { enableForeignKeyConstraints: false });
    return {
      all: (sql, params) => db.prepare(sql).all(...(params as SQLInputValue[])) as Record<string, unknown>[],
      run: (sql, params) => Number(db.prepare(sql).run(...(params as SQLInputValue[])).changes),
      exec: (sql) => db.exec(sql),
      close: () => db.close(),
    };
  });
}
