/**
 * Read one SQLite table's full definition: what a table rebuild (`rebuild.ts`) must reproduce.
 * Everything comes from `sqlite_master` and the table PRAGMAs, in a fixed number of queries.
 *
 * @module
 */
import type { Connection } from "../dialect.ts";
import { tokenizeSql } from "../sql_lexer.ts";
import { SQLITE_SQL_LEXER } from "./sql_lexer.ts";

/** One column as `PRAGMA table_xinfo` reports it. */
export interface SqliteColumnInfo {
  readonly name: string;
  readonly type: string;
  readonly notNull: boolean;
  /** The default as SQL text, or `null`. */
  readonly defaultSql: string | null;
  /** Position in the primary key (1-based), 0 when not part of it. */
  readonly pk: number;
  /** 0 ordinary, 2 virtual generated, 3 stored generated (hidden columns of virtual tables: 1). */
  readonly hidden: number;
}

/** One index of the table. */
export interface SqliteIndexInfo {
  readonly name: string;
  /** The `CREATE INDEX` text; `null` for indexes SQLite made for PRIMARY KEY / UNIQUE constraints. */
  readonly sql: string | null;
  readonly unique: boolean;
  /** `c` made by CREATE INDEX, `u` by a UNIQUE constraint, `pk` by the PRIMARY KEY. */
  readonly origin: string;
  readonly partial: boolean;
  /** Column names in order; `null` entries are expressions. */
  readonly columns: readonly (string | null)[];
}

/** One foreign key of the table (as the child), from `PRAGMA foreign_key_list`. */
export interface SqliteForeignKeyInfo {
  readonly table: string;
  readonly from: readonly string[];
  readonly to: readonly (string | null)[];
  readonly onUpdate: string;
  readonly onDelete: string;
}

/** A trigger or view kept in `sqlite_master`. */
export interface SqliteSchemaObject {
  readonly type: "trigger" | "view";
  readonly name: string;
  /** The table a trigger is on (for a view, the view itself). */
  readonly table: string;
  readonly sql: string;
}

/** Everything {@link readSqliteTable} learns about a table. */
export interface SqliteTableInfo {
  readonly name: string;
  readonly schema?: string;
  /** The `CREATE TABLE` text as stored. */
  readonly sql: string;
  readonly columns: readonly SqliteColumnInfo[];
  readonly indexes: readonly SqliteIndexInfo[];
  readonly foreignKeys: readonly SqliteForeignKeyInfo[];
  /** Tables with a foreign key pointing at this one. */
  readonly referencedBy: readonly string[];
  /** Triggers and views of the whole schema, in creation order (a rebuild picks the ones it touches). */
  readonly triggersAndViews: readonly SqliteSchemaObject[];
  /** The table uses AUTOINCREMENT (its counter lives in `sqlite_sequence`). */
  readonly hasSequence: boolean;
  /** `PRAGMA foreign_keys` is on for this connection. */
  readonly foreignKeysEnabled: boolean;
}

/**
 * Read a table's definition.
 *
 * @param conn an open SQLite connection
 * @param table table name
 * @param schema attached database name (`main` when absent)
 * @returns the table's definition, or `undefined` when there is no such table
 */
export async function readSqliteTable(
  conn: Connection,
  table: string,
  schema?: string,
): Promise<SqliteTableInfo | undefined> {
  const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const s = q(schema ?? "main");
  const master = await conn.query(
    `SELECT type, name, tbl_name, sql FROM ${s}.sqlite_master WHERE sql IS NOT NULL ORDER BY rowid`,
  );
  const own = master.find((r) => r.type === "table" && String(r.name).toLowerCase() === table.toLowerCase());
  if (own === undefined) return undefined;
  const name = String(own.name);
  const columns = (await conn.query(`PRAGMA ${s}.table_xinfo(${q(name)})`)).map((r): SqliteColumnInfo => ({
    name: String(r.name),
    type: String(r.type ?? ""),
    notNull: Number(r.notnull) === 1,
    defaultSql: r.dflt_value === null || r.dflt_value === undefined ? null : String(r.dflt_value),
    pk: Number(r.pk),
    hidden: Number(r.hidden ?? 0),
  }));
  const indexes: SqliteIndexInfo[] = [];
  for (const r of await conn.query(`PRAGMA ${s}.index_list(${q(name)})`)) {
    const indexName = String(r.name);
    const cols = await conn.query(`PRAGMA ${s}.index_info(${q(indexName)})`);
    const sqlRow = master.find((m) => m.type === "index" && m.name === indexName);
    indexes.push({
      name: indexName,
      sql: sqlRow ? String(sqlRow.sql) : null,
      unique: Number(r.unique) === 1,
      origin: String(r.origin),
      partial: Number(r.partial) === 1,
      columns: cols.map((c) => (c.name === null ? null : String(c.name))),
    });
  }
  const byId = new Map<
    number,
    { table: string; from: string[]; to: (string | null)[]; onUpdate: string; onDelete: string }
  >();
  for (const r of await conn.query(`PRAGMA ${s}.foreign_key_list(${q(name)})`)) {
    const id = Number(r.id);
    let fk = byId.get(id);
    if (!fk) {
      fk = {
        table: String(r.table),
        from: [],
        to: [],
        onUpdate: String(r.on_update),
        onDelete: String(r.on_delete),
      };
      byId.set(id, fk);
    }
    fk.from.push(String(r.from));
    fk.to.push(r.to === null ? null : String(r.to));
  }
  const referencedBy: string[] = [];
  for (const m of master) {
    if (m.type !== "table" || m.name === name) continue;
    const refs = await conn.query(`PRAGMA ${s}.foreign_key_list(${q(String(m.name))})`);
    if (refs.some((r) => String(r.table).toLowerCase() === name.toLowerCase())) {
      referencedBy.push(String(m.name));
    }
  }
  const triggersAndViews = master
    .filter((m) => m.type === "trigger" || m.type === "view")
    .map((m): SqliteSchemaObject => ({
      type: m.type as "trigger" | "view",
      name: String(m.name),
      table: String(m.tbl_name),
      sql: String(m.sql),
    }));
  // Any AUTOINCREMENT table makes SQLite create sqlite_sequence; the row itself may be absent.
  const hasSequence = mentionsAutoincrement(String(own.sql)) &&
    master.some((m) => m.type === "table" && m.name === "sqlite_sequence");
  const fkOn = await conn.query("PRAGMA foreign_keys");
  return {
    name,
    ...(schema ? { schema } : {}),
    sql: String(own.sql),
    columns,
    indexes,
    foreignKeys: [...byId.values()],
    referencedBy,
    triggersAndViews,
    hasSequence,
    foreignKeysEnabled: Number(fkOn[0]?.foreign_keys ?? 0) === 1,
  };
}

/** Whether the `AUTOINCREMENT` keyword appears in `sql` as code (not in a comment, string or quoted name). */
function mentionsAutoincrement(sql: string): boolean {
  return tokenizeSql(SQLITE_SQL_LEXER, sql).some((t) =>
    t.kind === "word" && t.end - t.start === 13 && sql.slice(t.start, t.end).toUpperCase() === "AUTOINCREMENT"
  );
}
