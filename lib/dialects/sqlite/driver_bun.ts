/**
 * SQLite driver for Bun, on `bun:sqlite` (runtime-specific file named in DESIGN.md section 1).
 *
 * @module
 */
// @ts-ignore: bun:sqlite exists only under Bun; Deno type-checks this file without it.
import { Database } from "bun:sqlite";
import type { SqliteBindable, SqliteHandle } from "./_connection.ts";

/** The part of bun:sqlite's `Database` this driver uses. */
interface BunDatabase {
  query(sql: string): { all(...params: SqliteBindable[]): Record<string, unknown>[] };
  run(sql: string, params: SqliteBindable[]): { changes: number };
  exec(sql: string): unknown;
  close(): void;
}

/**
 * Open a SQLite file with `bun:sqlite`; a missing file is created, `:memory:` gives a private
 * in-memory database. `openSqlite` (`_connection.ts`) turns the handle into a connection.
 *
 * @param path the file's path, or `:memory:`
 * @returns the binding wrapped as a {@link SqliteHandle}
 * @throws {Error} the binding's own, when the file cannot be opened
 */
export function openSqliteFile(path: string): SqliteHandle {
  const db = new (Database as new (path: string, options: { create: boolean }) => BunDatabase)(path, {
    create: true,
  });
  return {
    // db.query caches the prepared statement per SQL text, which suits repeated version-table queries.
    all: (sql, params) => db.query(sql).all(...params),
    run: (sql, params) => db.run(sql, params).changes,
    exec: (sql) => {
      db.exec(sql);
    },
    close: () => db.close(),
  };
}
