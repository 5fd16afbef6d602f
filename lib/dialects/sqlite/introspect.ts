/**
 * SQLite introspection: the main database as a {@link Schema}, read in four queries whatever the
 * number of tables (`sqlite_master` joined with the table-valued pragmas `pragma_table_xinfo`,
 * `pragma_index_list`/`pragma_index_info` and `pragma_foreign_key_list`). What the pragmas do not
 * tell (constraint names, check constraints, generated expressions, AUTOINCREMENT, partial index
 * predicates and index expressions) is read from the stored `CREATE` statements. Views, triggers,
 * `sqlite_*` tables and the version table are left out.
 *
 * @module
 */
import type {
  Column,
  IndexColumn,
  ReferentialAction,
  SqlExpression,
  SqlValue,
} from "../../operations/types.ts";
import type {
  CheckConstraint,
  ForeignKeyConstraint,
  IndexDefinition,
  Schema,
  Table,
  UniqueConstraint,
} from "../../schema/model.ts";
import { groupRows } from "../_introspect.ts";
import { parenGroup, SQLITE_QUOTES, stripParens as stripParensIn } from "../_parens.ts";
import type { Connection, VersionTableName } from "../dialect.ts";
import {
  parseCreateIndex,
  parseCreateTable,
  type ParsedCreateIndex,
  type ParsedCreateTable,
  tokenize,
} from "./_create_table_parser.ts";
import { introspectSqliteObjects } from "./introspect_objects.ts";
import { sqliteType } from "./types.ts";
import { enumValuesOfCheck } from "./_enum_check.ts";

/** What to read. */
export interface SqliteIntrospectOptions {
  /** Left out of the result. */
  readonly versionTable?: VersionTableName;
}

const ACTIONS: Readonly<Record<string, ReferentialAction | undefined>> = {
  "NO ACTION": undefined,
  RESTRICT: "restrict",
  CASCADE: "cascade",
  "SET NULL": "set null",
  "SET DEFAULT": "set default",
};

/**
 * Read the tables, constraints and indexes of the main database.
 *
 * @param conn an open SQLite connection
 * @param options the version table to skip
 * @returns the schema, tables keyed by name
 * @throws {Error} the driver's error when a query fails
 */
export async function introspectSqlite(
  conn: Connection,
  options: SqliteIntrospectOptions = {},
): Promise<Schema> {
  const tableFilter = "m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
  const tableRows = await conn.query(
    `SELECT m.name AS t, m.sql AS sql FROM sqlite_master m WHERE ${tableFilter}
ORDER BY m.name`,
  );
  const columnRows = await conn.query(`SELECT m.name AS t, p.name AS name, p.type AS type, p."notnull" AS nn,
  p.dflt_value AS dflt, p.pk AS pk, p.hidden AS hidden
FROM sqlite_master m JOIN pragma_table_xinfo(m.name) p WHERE ${tableFilter} ORDER BY m.name, p.cid`);
  const indexRows = await conn.query(
    `SELECT m.name AS t, il.name AS idx, il."unique" AS uniq, il.origin AS origin,
  il.partial AS partial, ii.seqno AS seqno, ii.name AS col, ii."desc" AS "desc", ii.coll AS coll, im.sql AS sql
FROM sqlite_master m JOIN pragma_index_list(m.name) il JOIN pragma_index_xinfo(il.name) ii
LEFT JOIN sqlite_master im ON im.type = 'index' AND im.name = il.name
WHERE ${tableFilter} AND ii."key" = 1 ORDER BY m.name, il.name, ii.seqno`,
  );
  const fkRows = await conn.query(`SELECT m.name AS t, f.id AS id, f.seq AS seq, f."table" AS ref_table,
  f."from" AS col, f."to" AS ref_col, f.on_update AS on_update, f.on_delete AS on_delete
FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE ${tableFilter} ORDER BY m.name, f.id, f.seq`);

  const versionTable = options.versionTable && !options.versionTable.schema
    ? options.versionTable.table
    : undefined;
  interface Draft {
    parsed: ParsedTable;
    columns: Record<string, Column>;
    pk: { name: string; pos: number }[];
    uniqueConstraints: UniqueConstraint[];
    indexes: IndexDefinition[];
    foreignKeys: ForeignKeyConstraint[];
    checkConstraints: CheckConstraint[];
  }
  const drafts = new Map<string, Draft>();
  for (const r of tableRows) {
    const t = String(r.t);
    if (t === versionTable) continue;
    drafts.set(t, {
      parsed: readCreateTable(String(r.sql ?? "")),
      columns: {},
      pk: [],
      uniqueConstraints: [],
      indexes: [],
      foreignKeys: [],
      checkConstraints: [],
    });
  }
  for (const r of columnRows) {
    const d = drafts.get(String(r.t));
    if (!d) continue;
    const name = String(r.name);
    const info = d.parsed.columns.get(name.toLowerCase());
    const column: { -readonly [K in keyof Column]: Column[K] } = {
      type: sqliteCanonicalType(String(r.type ?? "")),
    };
    if (Number(r.nn) === 1) column.nullable = false;
    const hidden = Number(r.hidden);
    if ((hidden === 2 || hidden === 3) && info?.generated) {
      column.computed = { sql: info.generated, stored: hidden === 3 };
    } else if (r.dflt !== null && r.dflt !== undefined) {
      column.default = sqliteCanonicalDefault({ sql: String(r.dflt) });
    }
    if (info?.autoincrement) column.autoincrement = true;
    if (info?.collation) column.collation = info.collation;
    if (info?.enumValues) {
      column.type = "enum";
      column.enum = { values: info.enumValues };
    }
    d.columns[name] = column;
    if (Number(r.pk) > 0) d.pk.push({ name, pos: Number(r.pk) });
  }
  const indexes = groupRows(indexRows, (r) => `${r.t}\u0000${r.idx}`);
  for (const rows of indexes.values()) {
    const r = rows[0];
    const d = drafts.get(String(r.t));
    if (!d || r.origin === "pk") continue;
    const columnNames = rows.map((x) => x.col === null ? undefined : String(x.col));
    if (r.origin === "u") {
      const cols = columnNames.filter((c): c is string => c !== undefined);
      const named = d.parsed.uniques.find((u) => sameNames(u.columns, cols));
      d.uniqueConstraints.push({
        ...(named?.name ? { name: named.name } : {}),
        columns: cols,
        ...(named?.deferrable ? { deferrable: true } : {}),
        ...(named?.initiallyDeferred ? { initiallyDeferred: true } : {}),
      });
      continue;
    }
    const parsed = readCreateIndex(String(r.sql ?? ""));
    const columns = columnNames.map((c, i): IndexColumn => {
      const base = c ?? { sql: parsed.columns[i] ?? "" };
      // index_xinfo's coll is the column's own collation unless the index names one.
      const opts = {
        ...(parsed.collations?.[i] !== undefined ? { collation: String(rows[i].coll) } : {}),
        ...(Number(rows[i].desc) === 1 ? { order: "desc" as const } : {}),
      };
      if (Object.keys(opts).length === 0) return base;
      return typeof base === "string" ? { column: base, ...opts } : { ...base, ...opts };
    });
    d.indexes.push({
      name: String(r.idx),
      columns,
      ...(Number(r.uniq) === 1 ? { unique: true } : {}),
      ...(Number(r.partial) === 1 && parsed.where ? { where: parsed.where } : {}),
    });
  }
  const fks = groupRows(fkRows, (r) => `${r.t}\u0000${r.id}`);
  for (const rows of fks.values()) {
    const r = rows[0];
    const d = drafts.get(String(r.t));
    if (!d) continue;
    const columns = rows.map((x) => String(x.col));
    const named = d.parsed.foreignKeys.find((f) => sameNames(f.columns, columns));
    const onDelete = ACTIONS[String(r.on_delete)];
    const onUpdate = ACTIONS[String(r.on_update)];
    d.foreignKeys.push({
      ...(named?.name ? { name: named.name } : {}),
      columns,
      referencedTable: String(r.ref_table),
      referencedColumns: rows.map((x) => x.ref_col === null ? "" : String(x.ref_col)),
      ...(onDelete ? { onDelete } : {}),
      ...(onUpdate ? { onUpdate } : {}),
      ...(named?.deferrable ? { deferrable: true } : {}),
      ...(named?.initiallyDeferred ? { initiallyDeferred: true } : {}),
    });
  }
  // pragma_foreign_key_list lists keys last-declared first.
  for (const d of drafts.values()) d.foreignKeys.reverse();
  const tables: Record<string, Table> = {};
  for (const [t, d] of drafts) {
    const pkColumns = d.pk.sort((a, b) => a.pos - b.pos).map((p) => p.name);
    tables[t] = {
      columns: d.columns,
      ...(pkColumns.length
        ? {
          primaryKey: {
            ...(d.parsed.primaryKeyName ? { name: d.parsed.primaryKeyName } : {}),
            columns: pkColumns,
          },
        }
        : {}),
      ...(d.uniqueConstraints.length ? { uniqueConstraints: d.uniqueConstraints } : {}),
      ...(d.indexes.length ? { indexes: d.indexes } : {}),
      ...(d.foreignKeys.length ? { foreignKeys: d.foreignKeys } : {}),
      ...(d.parsed.checks.length ? { checkConstraints: d.parsed.checks } : {}),
      ...(d.parsed.options ? { sqlite: d.parsed.options } : {}),
    };
  }
  return { tables, ...await introspectSqliteObjects(conn) };
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x.toLowerCase() === b[i].toLowerCase());
}

/**
 * The canonical spelling of an SQLite type: the declared type after the dialect's mapping, in lower
 * case, single spaces, no spaces after commas (`NVARCHAR(160)` -> `nvarchar(160)`).
 *
 * A column declared without a type (as in `CREATE TABLE t (a, b)`, or an FTS table's columns) is
 * `blob`: SQLite gives it the same BLOB affinity as one declared BLOB ("Determination of Column
 * Affinity", rule 3, in SQLite's datatype documentation), so the database treats both alike, and a
 * schema file can state the type (`type: ""` is no valid schema-file type).
 *
 * @param type a type as written in a schema file or declared in the table
 * @returns the canonical type
 */
export function sqliteCanonicalType(type: string): string {
  if (type.trim() === "") return "blob";
  return sqliteType(type.trim()).toLowerCase().replace(/\s+/g, " ").replace(/\s*,\s*/g, ",").replace(
    /\s*\(\s*/g,
    "(",
  ).replace(/\s*\)/g, ")");
}

/**
 * The canonical form of an SQLite default: a quoted string becomes the string, a number the
 * number, `TRUE`/`FALSE` 1/0, other expressions `{ sql }` without their outer parentheses.
 *
 * @param value a default as written in a schema file or read from `pragma_table_xinfo`
 * @returns the canonical default
 */
export function sqliteCanonicalDefault(value: SqlValue | SqlExpression): SqlValue | SqlExpression {
  if (typeof value !== "object" || value === null || value instanceof Date || value instanceof Uint8Array) {
    return typeof value === "boolean" ? (value ? 1 : 0) : value;
  }
  const sql = stripParens(value.sql);
  const str = /^'((?:[^']|'')*)'$/s.exec(sql);
  if (str) return str[1].replaceAll("''", "'");
  if (/^[-+]?\d+(\.\d+)?$/.test(sql)) return Number(sql);
  if (/^(true|false)$/i.test(sql)) return sql.toLowerCase() === "true" ? 1 : 0;
  if (/^(current_timestamp|current_date|current_time|null)$/i.test(sql)) return { sql: sql.toUpperCase() };
  return { sql };
}

interface ParsedColumn {
  readonly generated?: string;
  readonly autoincrement: boolean;
  /** The values of an enum column (`VARCHAR(n) CHECK (col IN (...))`, see `_enum_check.ts`). */
  readonly enumValues?: string[];
  /** `COLLATE name`. */
  readonly collation?: string;
}

interface ParsedTable {
  readonly columns: Map<string, ParsedColumn>;
  readonly primaryKeyName?: string;
  readonly uniques: { name?: string; columns: string[]; deferrable?: boolean; initiallyDeferred?: boolean }[];
  readonly foreignKeys: {
    name?: string;
    columns: string[];
    deferrable?: boolean;
    initiallyDeferred?: boolean;
  }[];
  readonly checks: CheckConstraint[];
  /** `WITHOUT ROWID` and `STRICT` after the column list. */
  readonly options?: { withoutRowid?: boolean; strict?: boolean };
}

/**
 * What the pragmas do not tell, read from a stored `CREATE TABLE` by the one parser
 * (`_create_table_parser.ts`). A text it cannot read (e.g. a virtual table's module arguments)
 * yields nothing more than the pragmas tell, instead of failing the whole introspection.
 */
function readCreateTable(sql: string): ParsedTable {
  const columns = new Map<string, ParsedColumn>();
  const uniques: ParsedTable["uniques"] = [];
  const foreignKeys: ParsedTable["foreignKeys"] = [];
  const checks: CheckConstraint[] = [];
  let parsed: ParsedCreateTable;
  try {
    parsed = parseCreateTable(sql);
  } catch (error) {
    if (error instanceof SyntaxError) return { columns, uniques, foreignKeys, checks };
    throw error;
  }
  let primaryKeyName: string | undefined;
  const inner = (text: string) => stripParens(parenGroup(text, SQLITE_QUOTES)?.inner ?? "");
  for (const column of parsed.columns) {
    let generated: string | undefined;
    let autoincrement = false;
    let enumValues: string[] | undefined;
    let collation: string | undefined;
    for (const clause of column.clauses) {
      const named = clause.name ? { name: clause.name } : {};
      const values = clause.kind === "check" && !clause.name && enumValues === undefined
        ? enumValuesOfCheck(column.name, column.type, inner(clause.text))
        : undefined;
      if (clause.kind === "generated") generated ??= inner(clause.text);
      else if (values) enumValues = values;
      else if (clause.kind === "collate") collation = collationName(clause.text);
      else if (clause.kind === "check") checks.push({ ...named, condition: inner(clause.text) });
      else if (clause.kind === "references") {
        foreignKeys.push({ ...named, columns: [column.name], ...deferrableIn(clause.text) });
      } else if (clause.kind === "primary") {
        autoincrement ||= tokenize(clause.text).some((t) =>
          t.kind === "word" && t.text.toUpperCase() === "AUTOINCREMENT"
        );
      }
    }
    columns.set(column.name.toLowerCase(), {
      ...(generated ? { generated } : {}),
      autoincrement,
      ...(enumValues ? { enumValues } : {}),
      ...(collation ? { collation } : {}),
    });
  }
  for (const c of parsed.constraints) {
    if (c.kind === "primary") primaryKeyName = c.name;
    else if (c.kind === "unique") {
      uniques.push({ name: c.name, columns: [...c.columns], ...deferrableIn(c.text) });
    } else if (c.kind === "foreignkey") {
      foreignKeys.push({ name: c.name, columns: [...c.columns], ...deferrableIn(c.text) });
    } else checks.push({ ...(c.name ? { name: c.name } : {}), condition: inner(c.text) });
  }
  const tail = parsed.tail.replace(/\s+/g, " ").toUpperCase();
  const options = {
    ...(/\bWITHOUT ROWID\b/.test(tail) ? { withoutRowid: true } : {}),
    ...(/\bSTRICT\b/.test(tail) ? { strict: true } : {}),
  };
  return {
    columns,
    ...(primaryKeyName ? { primaryKeyName } : {}),
    uniques,
    foreignKeys,
    checks,
    ...(Object.keys(options).length ? { options } : {}),
  };
}

/** The name in `COLLATE name`, unquoted; SQLite's own collations in upper case, as documented. */
function collationName(text: string): string | undefined {
  const m = /^\s*COLLATE\s+("(?:[^"]|"")+"|`[^`]+`|'[^']+'|\[[^\]]+\]|\S+)\s*$/i.exec(text);
  if (!m) return undefined;
  const name = /^["`'[]/.test(m[1]) ? m[1].slice(1, -1) : m[1];
  return /^(binary|nocase|rtrim)$/i.test(name) ? name.toUpperCase() : name;
}

/**
 * `DEFERRABLE [INITIALLY DEFERRED]` of a constraint's text, as SQLite keeps it only there (the
 * pragmas do not report it); `NOT DEFERRABLE` and `INITIALLY IMMEDIATE` are the default.
 */
function deferrableIn(text: string): { deferrable?: boolean; initiallyDeferred?: boolean } {
  const words = tokenize(text).filter((t) => t.kind === "word").map((t) => t.text.toUpperCase());
  const at = words.findIndex((w, i) => w === "DEFERRABLE" && words[i - 1] !== "NOT");
  if (at < 0) return {};
  return words[at + 1] === "INITIALLY" && words[at + 2] === "DEFERRED"
    ? { deferrable: true, initiallyDeferred: true }
    : { deferrable: true };
}

/** {@link parseCreateIndex}, or nothing for a text it cannot read. */
function readCreateIndex(sql: string): ParsedCreateIndex {
  try {
    return parseCreateIndex(sql);
  } catch (error) {
    if (error instanceof SyntaxError) return { columns: [] };
    throw error;
  }
}

/** `((a > 0))` -> `a > 0`, with SQLite's quotes. */
function stripParens(sql: string): string {
  return stripParensIn(sql, SQLITE_QUOTES);
}
