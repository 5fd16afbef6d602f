/**
 * SQLite introspection of the objects beyond tables, in one `sqlite_master` query: views (their
 * query: the text after the top-level `AS` of the `CREATE VIEW` statement SQLite keeps as written)
 * and triggers (their whole statement). A view with a column list (`CREATE VIEW v(a, b) AS ...`),
 * which the model does not hold yet, is carried as raw SQL.
 *
 * @module
 */
import type { Schema } from "../../schema/model.ts";
import type { RawObject, Trigger, View } from "../../schema/objects.ts";
import { tokenizeSql } from "../sql_lexer.ts";
import type { Connection } from "../dialect.ts";
import { SQLITE_SQL_LEXER } from "./sql_lexer.ts";

/** The parts of a {@link Schema} SQLite has beyond tables. */
export type SqliteSchemaObjects = Pick<Schema, "views" | "triggers" | "rawObjects">;

/**
 * Read the views and triggers of the main database.
 *
 * @param conn an open SQLite connection
 * @returns the object fields of a {@link Schema}, each present only when not empty
 * @throws {Error} the driver's error when the query fails
 */
export async function introspectSqliteObjects(conn: Connection): Promise<SqliteSchemaObjects> {
  const rows = await conn.query(
    `SELECT type, name, tbl_name AS tbl, sql FROM sqlite_master WHERE type IN ('view', 'trigger') AND sql IS NOT NULL
ORDER BY type, name`,
  );
  const views: Record<string, View> = {};
  const triggers: Trigger[] = [];
  const rawObjects: RawObject[] = [];
  for (const r of rows) {
    const name = String(r.name);
    const sql = String(r.sql);
    if (r.type === "trigger") {
      triggers.push({ name, table: String(r.tbl), definition: sql });
      continue;
    }
    const query = viewQuery(sql);
    if (query === undefined) rawObjects.push({ kind: "view", name, sql });
    else views[name] = { definition: query };
  }
  return {
    ...(Object.keys(views).length ? { views } : {}),
    ...(triggers.length ? { triggers } : {}),
    ...(rawObjects.length ? { rawObjects } : {}),
  };
}

/**
 * The query of a `CREATE VIEW` statement: what follows its first top-level `AS`, or `undefined`
 * when a column list comes before it.
 *
 * @param sql the statement as `sqlite_master` keeps it
 * @returns the query, or `undefined`
 */
export function viewQuery(sql: string): string | undefined {
  for (const t of tokenizeSql(SQLITE_SQL_LEXER, sql)) {
    const text = sql.slice(t.start, t.end);
    if (t.kind === "punct" && text === "(") return undefined;
    if (t.kind === "word" && text.toUpperCase() === "AS") return sql.slice(t.end).trim();
  }
  return undefined;
}
