/**
 * The scratch database of SQLite's offline mode: a private in-memory database that mirrors every
 * statement the offline script renders, so that `plan()` can read a table's current definition and
 * render a table rebuild with no connection to the real database.
 *
 * The offline commands open it empty and, for a `start:end` range, replay the revisions up to
 * `start` into it (`lib/commands/_offline_scratch.ts`): a script never depends on whatever file
 * the URL names. Seeding it from a database file is for callers that render operations against a
 * database they hold (the dialect test suites).
 *
 * @module
 */
import { existsSync } from "node:fs";
import type { DatabaseUrl } from "../../config/url.ts";
import type { Connection } from "../dialect.ts";
import { sqliteDialect } from "./dialect.ts";

/**
 * Open the scratch database. It starts empty when the script starts at base; otherwise it starts
 * with the schema (tables, indexes, triggers, views; no rows) of the database file `url` names,
 * when that file exists. The file is only read (one `SELECT` from `sqlite_master`).
 *
 * @param url the configured SQLite URL, if any
 * @param fromBase the offline script starts at base (the database is assumed empty)
 * @returns an open in-memory connection; the caller closes it
 * @throws {ConnectionError} when the file exists but cannot be opened
 */
export async function openSqliteScratch(
  url: DatabaseUrl | undefined,
  fromBase: boolean,
): Promise<Connection> {
  const scratch = await sqliteDialect.connect({
    dialect: "sqlite",
    path: ":memory:",
    options: {},
    raw: "sqlite://:memory:",
  });
  const path = url?.path;
  if (fromBase || path === undefined || path === "" || path === ":memory:" || !existsSync(path)) {
    return scratch;
  }
  const source = await sqliteDialect.connect(url as DatabaseUrl);
  try {
    const rows = await source.query(
      "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
    );
    // Tables first: an index, trigger or view may come before a table it names in rowid order
    // after renames.
    const order = (type: unknown) => (type === "table" ? 0 : type === "index" ? 1 : 2);
    for (const row of [...rows].sort((a, b) => order(a.type) - order(b.type))) {
      await scratch.execute(String(row.sql));
    }
  } finally {
    await source.close();
  }
  return scratch;
}
