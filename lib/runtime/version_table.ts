/**
 * Reading and writing the Alembic-compatible version table (DESIGN.md section 6): one row per
 * current head, `version_num VARCHAR(32)`.
 *
 * @module
 */
import type { Connection, Dialect, VersionTableName } from "../dialects/dialect.ts";
import type { VersionAction } from "../revision/revision.ts";
import { DatabaseError, errorMessage } from "../errors.ts";

/**
 * The version table's name from the config.
 *
 * @param config `versionTable` and optional `versionTableSchema`
 */
export function versionTableName(
  config: { versionTable: string; versionTableSchema?: string },
): VersionTableName {
  return { table: config.versionTable, schema: config.versionTableSchema || undefined };
}

/**
 * Name of the migration lock, derived from the version table so two projects sharing a database
 * with different version tables do not block each other. `database` scopes it, because MySQL's
 * `GET_LOCK` names are server-wide.
 *
 * @param name the version table
 * @param database the database name from the URL, if any
 */
export function lockName(name: VersionTableName, database?: string): string {
  return `retort:${database ? `${database}:` : ""}${name.schema ? `${name.schema}.` : ""}${name.table}`;
}

/**
 * Whether the version table exists.
 *
 * @throws {DatabaseError} when the catalog query fails
 */
export async function versionTableExists(conn: Connection, name: VersionTableName): Promise<boolean> {
  const q = conn.dialect.versionTable.exists(name);
  try {
    return (await conn.query(q.sql, q.params)).length > 0;
  } catch (error) {
    throw new DatabaseError(
      `Cannot look for the version table "${name.table}": ${errorMessage(error)}`,
      q.sql,
      {
        cause: error,
      },
    );
  }
}

/**
 * The revisions recorded as current heads, sorted; empty when the table is absent or empty.
 *
 * Reads optimistically: one SELECT, and only when it fails a catalog query to tell "no table yet"
 * from a real error, so the common case costs one round trip; a table that appeared between the two
 * (another migrator created it) is read again. Callers never hold a PostgreSQL
 * transaction here (a failed statement would abort it); SQLite's transactions survive a failed SELECT.
 *
 * @throws {DatabaseError} when the query fails and the table exists
 */
export async function readVersions(conn: Connection, name: VersionTableName): Promise<string[]> {
  const sql = conn.dialect.versionTable.select(name);
  try {
    const rows = await conn.query(sql);
    return rows.map((r) => String(r.version_num)).sort();
  } catch (error) {
    if (!(await versionTableExists(conn, name))) return [];
    // The table may have been created by another migrator between the SELECT and the catalog
    // query (SQLite's per-step lock lets one create it while this one reads): read it once more.
    try {
      return (await conn.query(sql)).map((r) => String(r.version_num)).sort();
    } catch {
      throw new DatabaseError(`Cannot read the version table "${name.table}": ${errorMessage(error)}`, sql, {
        cause: error,
      });
    }
  }
}

/** Create the version table if it is missing; returns true when it was created. */
export async function ensureVersionTable(conn: Connection, name: VersionTableName): Promise<boolean> {
  if (await versionTableExists(conn, name)) return false;
  await conn.execute(conn.dialect.versionTable.create(name));
  return true;
}

/**
 * The SQL for one version-table change.
 *
 * @param dialect renders the statement
 * @param name the version table
 * @param action insert, delete or update of one row
 */
export function versionActionSql(dialect: Dialect, name: VersionTableName, action: VersionAction): string {
  switch (action.kind) {
    case "insert":
      return dialect.versionTable.insert(name, action.version);
    case "delete":
      return dialect.versionTable.delete(name, action.version);
    case "update":
      return dialect.versionTable.update(name, action.from, action.to);
  }
}

/**
 * Apply version-table changes online. Like Alembic, an UPDATE or DELETE that does not touch
 * exactly one row means the table no longer says what the plan assumed, and is an error.
 *
 * @throws {DatabaseError} when a statement fails or matches a number of rows other than one
 */
export async function applyVersionActions(
  conn: Connection,
  name: VersionTableName,
  actions: readonly VersionAction[],
): Promise<void> {
  for (const action of actions) {
    const sql = versionActionSql(conn.dialect, name, action);
    const count = await conn.execute(sql);
    if (action.kind !== "insert" && count !== 1 && count >= 0) {
      const what = action.kind === "update" ? `"${action.from}" to "${action.to}"` : `"${action.version}"`;
      throw new DatabaseError(
        `Cannot ${action.kind} version ${what} in "${name.table}": expected to match 1 row, matched ${count}; ` +
          `the version table changed under this run (another migrator?)`,
        sql,
      );
    }
  }
}
