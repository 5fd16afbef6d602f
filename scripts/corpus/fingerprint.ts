/**
 * A database's schema read from its own catalog, as a map from object key (`TABLE public.actor`,
 * `INDEX film.idx_title`) to a normalised description, so that two databases compare object by object
 * without going through Retort's own introspection (which is what is being checked).
 *
 * - PostgreSQL: `pg_dump --schema-only`, cut at its `-- Name: ...; Type: ...` headers: every object
 *   pg_dump knows (tables, constraints, indexes, sequences, views, functions, triggers, types, domains,
 *   comments, partitions, extensions) is an entry.
 * - MySQL/MariaDB: `SHOW CREATE TABLE/VIEW/TRIGGER/PROCEDURE/FUNCTION`, with `AUTO_INCREMENT=N`,
 *   definers and the database name taken out.
 * - SQLite: `pragma table_xinfo`, `foreign_key_list`, `index_list` and `index_xinfo` per table; views
 *   and triggers by their SQL text with white space folded.
 *
 * @module
 */
import { DatabaseSync } from "node:sqlite";
import { testUrl } from "../../tests/_db.ts";
import { myClient } from "../../tests/cli/_catalog.ts";
import { postgresClientArgs, tool } from "../../tests/cli/_project.ts";

/** Object key to normalised definition. */
export type Fingerprint = Map<string, string>;

/** Tables Retort or Alembic add to a database they manage; never part of the compared schema. */
export const BOOKKEEPING = ["alembic_version", "retort_revision_log"];

const fold = (s: string) => s.replace(/\s+/g, " ").trim();

/**
 * Fingerprint a PostgreSQL database with `pg_dump --schema-only`.
 *
 * @param url a `postgres://` URL
 * @returns one entry per object pg_dump writes, bookkeeping tables left out
 */
export function fingerprintPostgres(url: string): Fingerprint {
  const { args, env } = postgresClientArgs(url);
  const text = tool("pg_dump", ["--schema-only", "--no-owner", "--no-privileges", ...args], undefined, env);
  const out: Fingerprint = new Map();
  const header = /^-- Name: (.*?); Type: (.*?); Schema: (.*?); Owner: .*$/;
  let key: string | undefined;
  let body: string[] = [];
  const flush = () => {
    if (key && !BOOKKEEPING.some((t) => new RegExp(`\\b${t}\\b`).test(key!))) {
      out.set(key, fold(body.filter((l) => !/^(--|\\(un)?restrict )/.test(l) && l.trim() !== "").join("\n")));
    }
  };
  for (const line of text.split("\n")) {
    const m = header.exec(line);
    if (m) {
      flush();
      key = `${m[2]} ${m[3] === "-" ? "" : `${m[3]}.`}${m[1]}`;
      body = [];
    } else if (key) body.push(line);
  }
  flush();
  return out;
}

/**
 * Fingerprint a MySQL/MariaDB database through `SHOW CREATE ...`.
 *
 * @param url a `mysql://` URL
 * @returns one entry per table, view, trigger, procedure and function
 */
export async function fingerprintMysql(url: string): Promise<Fingerprint> {
  const db = testUrl(url).database!;
  const conn = await myClient(url);
  const out: Fingerprint = new Map();
  const clean = (s: string) =>
    fold(
      s.replace(/ AUTO_INCREMENT=\d+/g, "")
        .replace(/DEFINER=`[^`]*`@`[^`]*` ?/g, "")
        .replaceAll(`\`${db}\`.`, ""),
    );
  try {
    const [objects] = await conn.query(
      `SELECT table_name AS name, table_type AS type FROM information_schema.tables WHERE table_schema = ?`,
      [db],
    ) as unknown as [{ name: string; type: string }[]];
    for (const o of objects) {
      if (BOOKKEEPING.includes(o.name)) continue;
      const view = o.type === "VIEW";
      const [rows] = await conn.query(`SHOW CREATE ${view ? "VIEW" : "TABLE"} \`${o.name}\``) as unknown as [
        Record<string, string>[],
      ];
      const sql = rows[0][view ? "Create View" : "Create Table"];
      out.set(`${view ? "VIEW" : "TABLE"} ${o.name}`, clean(sql));
    }
    const [triggers] = await conn.query(
      `SELECT trigger_name AS name FROM information_schema.triggers WHERE trigger_schema = ?`,
      [db],
    ) as unknown as [{ name: string }[]];
    for (const t of triggers) {
      const [rows] = await conn.query(`SHOW CREATE TRIGGER \`${t.name}\``) as unknown as [
        Record<string, string>[],
      ];
      out.set(`TRIGGER ${t.name}`, clean(rows[0]["SQL Original Statement"]));
    }
    const [routines] = await conn.query(
      `SELECT routine_name AS name, routine_type AS type FROM information_schema.routines WHERE routine_schema = ?`,
      [db],
    ) as unknown as [{ name: string; type: string }[]];
    for (const r of routines) {
      const [rows] = await conn.query(`SHOW CREATE ${r.type} \`${r.name}\``) as unknown as [
        Record<string, string>[],
      ];
      const sql = rows[0][r.type === "FUNCTION" ? "Create Function" : "Create Procedure"];
      out.set(`${r.type} ${r.name}`, clean(sql ?? ""));
    }
  } finally {
    await conn.end();
  }
  return out;
}

/**
 * Fingerprint a SQLite database file through its pragmas.
 *
 * @param file the database file
 * @returns one entry per table, index, view and trigger
 */
export function fingerprintSqlite(file: string): Fingerprint {
  const db = new DatabaseSync(file, { readOnly: true });
  const out: Fingerprint = new Map();
  try {
    const objects = db.prepare(
      `SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`,
    ).all() as { type: string; name: string; tbl_name: string; sql: string | null }[];
    for (const o of objects) {
      if (BOOKKEEPING.includes(o.tbl_name)) continue;
      if (o.type === "table") {
        const cols = db.prepare(`SELECT * FROM pragma_table_xinfo(?)`).all(o.name) as Record<
          string,
          unknown
        >[];
        const fks = db.prepare(`SELECT * FROM pragma_foreign_key_list(?)`).all(o.name) as Record<
          string,
          unknown
        >[];
        const options = [
          /\)\s*(WITHOUT\s+ROWID|STRICT)/i.test(o.sql ?? "")
            ? "options: " + /(WITHOUT\s+ROWID|STRICT)/i.exec(o.sql!)![1]
            : "",
        ];
        out.set(
          `TABLE ${o.name}`,
          [
            ...cols.map((c) =>
              `${c.name} ${
                String(c.type).toUpperCase()
              } notnull=${c.notnull} default=${c.dflt_value} pk=${c.pk} hidden=${c.hidden}`
            ),
            ...fks.map((f) =>
              `fk ${f.id}.${f.seq} ${f.from} -> ${f.table}(${f.to}) update=${f.on_update} delete=${f.on_delete} match=${f.match}`
            ),
            ...options.filter(Boolean),
          ].join("; "),
        );
        const indexes = db.prepare(`SELECT * FROM pragma_index_list(?)`).all(o.name) as Record<
          string,
          unknown
        >[];
        for (const i of indexes) {
          const cols = db.prepare(`SELECT * FROM pragma_index_xinfo(?) WHERE key = 1`).all(
            String(i.name),
          ) as Record<
            string,
            unknown
          >[];
          const colText = cols.map((c) => `${c.name ?? "<expr>"} ${c.desc ? "DESC" : "ASC"} ${c.coll}`).join(
            ", ",
          );
          // Automatic indexes (UNIQUE / PRIMARY KEY constraints) are named by position: key them by content.
          const name = String(i.name).startsWith("sqlite_autoindex_") ? `(${colText})` : String(i.name);
          const sql = objects.find((x) => x.type === "index" && x.name === i.name)?.sql;
          const where = sql && /\bWHERE\b(.*)$/is.exec(sql)?.[1];
          out.set(
            `INDEX ${o.name}.${name}`,
            `unique=${i.unique} origin=${i.origin} partial=${i.partial} (${colText})${
              where ? ` WHERE ${fold(where)}` : ""
            }`,
          );
        }
      } else if (o.type === "view" || o.type === "trigger") {
        out.set(`${o.type.toUpperCase()} ${o.name}`, fold(o.sql ?? ""));
      }
    }
  } finally {
    db.close();
  }
  return out;
}

/** What two fingerprints disagree on. */
export interface FingerprintDiff {
  /** Keys in the source that the copy lacks. */
  readonly lost: string[];
  /** Keys whose definitions differ, with both definitions. */
  readonly changed: { key: string; source: string; copy: string }[];
  /** Keys only in the copy. */
  readonly added: string[];
}

/**
 * Compare the fingerprint of a source database with that of its copy.
 *
 * @returns lost, changed and added object keys, sorted
 */
export function diffFingerprints(source: Fingerprint, copy: Fingerprint): FingerprintDiff {
  const lost: string[] = [];
  const changed: { key: string; source: string; copy: string }[] = [];
  for (const [key, def] of source) {
    const other = copy.get(key);
    if (other === undefined) lost.push(key);
    else if (other !== def) changed.push({ key, source: def, copy: other });
  }
  const added = [...copy.keys()].filter((k) => !source.has(k));
  return {
    lost: lost.sort(),
    changed: changed.sort((a, b) => a.key.localeCompare(b.key)),
    added: added.sort(),
  };
}
