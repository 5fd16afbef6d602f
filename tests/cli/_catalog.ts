/**
 * Catalog dumps for the CLI tests: the tables, columns, indexes and version rows of a database, as
 * sorted plain text, so two databases (online run and offline script, before and after a failed
 * run) compare with one `assertEquals`.
 *
 * @module
 */
import postgres from "postgres";
import mysql from "mysql2/promise";
import { DatabaseSync } from "node:sqlite";
import { testUrl } from "../_db.ts";

/**
 * Retort's revision log: bookkeeping beside the version table, which online runs create and offline
 * scripts do not; the catalog dumps here leave it out (tests/cli/revision_log_test.ts checks it).
 */
export const REVISION_LOG = "retort_revision_log";

/** A database's catalog as sorted lines. */
export interface CatalogDump {
  readonly tables: string[];
  readonly columns: string[];
  readonly indexes: string[];
  readonly versions: string[];
}

/**
 * Open a postgres.js client on `url`.
 *
 * @returns a one-connection client; call `end()`
 */
export function pgClient(url: string): postgres.Sql {
  const u = testUrl(url);
  return postgres({
    host: u.host ?? "127.0.0.1",
    port: u.port ?? 5432,
    user: u.user ?? "postgres",
    password: u.password,
    database: u.database,
    max: 1,
    onnotice: () => {},
  });
}

/**
 * Open a mysql2 connection on `url`.
 *
 * @returns the connection; call `end()`
 */
export function myClient(url: string): Promise<mysql.Connection> {
  const u = testUrl(url);
  return mysql.createConnection({
    host: u.host ?? "127.0.0.1",
    port: u.port ?? 3306,
    user: u.user ?? "root",
    password: u.password,
    database: u.database,
    charset: "utf8mb4",
    multipleStatements: true,
  });
}

/**
 * Dump a PostgreSQL database (schema `public`, or the given schemas).
 *
 * @param url the database
 * @param versionTable qualified version table name to read, or undefined to skip
 */
export async function dumpPostgres(
  url: string,
  versionTable: string | undefined = "alembic_version",
  schemas: string[] = ["public"],
): Promise<CatalogDump> {
  const sql = pgClient(url);
  try {
    const tables = await sql`select table_schema || '.' || table_name as t from information_schema.tables
      where table_schema = any(${schemas}) order by 1`;
    const columns =
      await sql`select table_schema || '.' || table_name || '.' || column_name || ' ' || data_type
      || ' ' || is_nullable || ' ' || coalesce(column_default, '') as c
      from information_schema.columns where table_schema = any(${schemas}) order by 1`;
    const indexes =
      await sql`select schemaname || '.' || tablename || '.' || indexname || ': ' || indexdef as i
      from pg_indexes where schemaname = any(${schemas}) order by 1`;
    let versions: string[] = [];
    if (versionTable) {
      const exists = await sql`select to_regclass(${versionTable}) as r`;
      if (exists[0].r) {
        versions = (await sql.unsafe(`select version_num from ${versionTable} order by 1`)).map((r) =>
          String(r.version_num)
        );
      }
    }
    return {
      tables: tables.map((r) => r.t).filter((t) => !t.endsWith(`.${REVISION_LOG}`)),
      columns: columns.map((r) => r.c).filter((c) => !c.includes(`.${REVISION_LOG}.`)),
      indexes: indexes.map((r) => r.i).filter((i) => !i.includes(`.${REVISION_LOG}.`)),
      versions,
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Dump a MySQL/MariaDB database.
 *
 * @param url the database
 * @param versionTable the version table (may be `db.table`), or undefined to skip
 */
export async function dumpMysql(
  url: string,
  versionTable: string | undefined = "alembic_version",
): Promise<CatalogDump> {
  const conn = await myClient(url);
  const db = testUrl(url).database!;
  try {
    const [tables] = await conn.query(
      `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = ? ORDER BY 1`,
      [db],
    ) as unknown as [{ t: string }[]];
    const [columns] = await conn.query(
      `SELECT CONCAT(table_name, '.', column_name, ' ', column_type, ' ', is_nullable, ' ',
        COALESCE(column_default, '')) AS c FROM information_schema.columns WHERE table_schema = ? ORDER BY 1`,
      [db],
    ) as unknown as [{ c: string }[]];
    const [indexes] = await conn.query(
      `SELECT CONCAT(table_name, '.', index_name, ': ', non_unique, ' ',
        GROUP_CONCAT(column_name ORDER BY seq_in_index)) AS i
       FROM information_schema.statistics WHERE table_schema = ? GROUP BY table_name, index_name, non_unique
       ORDER BY 1`,
      [db],
    ) as unknown as [{ i: string }[]];
    let versions: string[] = [];
    if (versionTable && tables.some((t) => t.t === versionTable)) {
      const [rows] = await conn.query(
        `SELECT version_num FROM \`${versionTable}\` ORDER BY 1`,
      ) as unknown as [
        { version_num: string }[],
      ];
      versions = rows.map((r) => r.version_num);
    }
    return {
      tables: tables.map((r) => r.t).filter((t) => t !== REVISION_LOG),
      columns: columns.map((r) => r.c).filter((c) => !c.startsWith(`${REVISION_LOG}.`)),
      indexes: indexes.map((r) => r.i).filter((i) => !i.startsWith(`${REVISION_LOG}.`)),
      versions,
    };
  } finally {
    await conn.end();
  }
}

/**
 * Dump a SQLite database file.
 *
 * @param file the database file
 */
export function dumpSqlite(file: string, versionTable = "alembic_version"): CatalogDump {
  const db = new DatabaseSync(file);
  try {
    const objects = (db.prepare(
      `SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`,
    ).all() as { type: string; name: string; tbl_name: string; sql: string | null }[])
      .filter((o) => o.tbl_name !== REVISION_LOG);
    const tables = objects.filter((o) => o.type === "table").map((o) => o.name);
    const columns: string[] = [];
    for (const t of tables) {
      const cols = db.prepare(`SELECT * FROM pragma_table_info(?)`).all(t) as {
        name: string;
        type: string;
        notnull: number;
        dflt_value: string | null;
        pk: number;
      }[];
      for (const c of cols) {
        columns.push(`${t}.${c.name} ${c.type} ${c.notnull} ${c.dflt_value ?? ""} ${c.pk}`);
      }
    }
    const indexes = objects.filter((o) => o.type === "index").map((o) =>
      `${o.tbl_name}.${o.name}: ${o.sql ?? ""}`
    );
    const versions = tables.includes(versionTable)
      ? (db.prepare(`SELECT version_num FROM "${versionTable}" ORDER BY 1`).all() as {
        version_num: string;
      }[])
        .map((r) => r.version_num)
      : [];
    return { tables, columns: columns.sort(), indexes: indexes.sort(), versions };
  } finally {
    db.close();
  }
}
