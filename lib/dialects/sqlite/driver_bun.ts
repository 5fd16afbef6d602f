/**
 * SQLite driver for Bun, on `bun:sqlite` (runtime-specific file named in DESIGN.md section 1).
 *
 * @module
 */
// @ts-ignore: bun:sqlite exists only under Bun; Deno type-checks this file without it.
import { Database } from "bun:sqlite";
import type { DatabaseUrl } from "../../config/url.ts";
import type { Connection, ConnectOptions, Dialect } from "../dialect.ts";
import { openSqlite, type SqliteBindable } from "./_connection.ts";

/** The part of bun:sqlite's `Database` this driver uses. */
interface BunDatabase {
  query(sql: string): { all(...params: SqliteBindable[]): Record<string, unknown>[] };
  run(sql: string, params: SqliteBindable[]): { changes: number };
  exec(sql: string): unknown;
  close(): void;
}

/**
 * Open a SQLite database with `bun:sqlite`; a missing file is created, `:memory:` gives a private
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
  });
}
