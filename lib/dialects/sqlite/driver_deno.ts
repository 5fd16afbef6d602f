/**
 * SQLite driver for Deno, on `node:sqlite` (runtime-specific file named in DESIGN.md section 1).
 *
 * @module
 */
import { DatabaseSync, type SQLInputValue } from "node:sqlite";
import type { SqliteHandle } from "./_connection.ts";

/**
 * Open a SQLite file with `node:sqlite`; a missing file is created, `:memory:` gives a private
 * in-memory database. `openSqlite` (`_connection.ts`) turns the handle into a connection.
 *
 * @param path the file's path, or `:memory:`
 * @returns the binding wrapped as a {@link SqliteHandle}
 * @throws {Error} the binding's own, when the file cannot be opened
 */
export function openSqliteFile(path: string): SqliteHandle {
  // node:sqlite turns foreign key enforcement on by default; bun:sqlite and SQLite itself leave it
  // off, as SQLAlchemy and Alembic do. Off on both runtimes keeps table rebuilds safe (rebuild.ts).
  const db = new DatabaseSync(path, { enableForeignKeyConstraints: false });
  return {
    all: (sql, params) => db.prepare(sql).all(...(params as SQLInputValue[])) as Record<string, unknown>[],
    run: (sql, params) => Number(db.prepare(sql).run(...(params as SQLInputValue[])).changes),
    exec: (sql) => db.exec(sql),
    close: () => db.close(),
  };
}
