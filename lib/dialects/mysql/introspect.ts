/**
 * MySQL / MariaDB introspection: the connection's database as a {@link Schema}, read from
 * `information_schema` in five queries whatever the number of tables, then views, routines,
 * triggers and events in one more round (`introspect_objects.ts`). The version table is left out. An index MySQL created for a foreign key (named after the key, or after its first
 * column when the key has no name) is left out too: the database makes it again with the key. Unique indexes on plain columns are reported as unique
 * constraints (MySQL does not tell them apart).
 *
 * @module
 */
import type {
  Column,
  IndexColumn,
  MysqlTableOptions,
  ReferentialAction,
  SqlExpression,
  SqlValue,
} from "../../operations/types.ts";
import type { ForeignKeyConstraint, Schema } from "../../schema/model.ts";
import { finishTables, groupRows, type TableDraft } from "../_introspect.ts";
import { BACKTICK_QUOTES, stripParens } from "../_parens.ts";
import type { Connection, VersionTableName } from "../dialect.ts";
import { introspectMysqlObjects } from "./introspect_objects.ts";
import { mysqlType } from "./types.ts";
import {
  mysqlColumnType,
  mysqlOnUpdate,
  mysqlPartitionClauses,
  mysqlTableOptions,
  PARTITIONS_QUERY,
  unescapeMysqlString,
  withCharset,
} from "./introspect_options.ts";

/** What to read. */
export interface MysqlIntrospectOptions {
  /** Left out of the result. */
  readonly versionTable?: VersionTableName;
}

const ACTIONS: Readonly<Record<string, ReferentialAction | undefined>> = {
  // Written explicitly (MariaDB reports an unwritten action as RESTRICT): kept, so the copy prints
  // the same; compared as the default, which InnoDB enforces the same way.
  "NO ACTION": "no action",
  RESTRICT: undefined, // InnoDB's default, the same as NO ACTION
  CASCADE: "cascade",
  "SET NULL": "set null",
  "SET DEFAULT": "set default",
};

/**
 * Read the tables, constraints and indexes of the connection's current database.
 *
 * @param conn an open MySQL connection with a default database
 * @param options the version table to skip
 * @returns the schema, tables keyed by name
 * @throws {Error} the driver's error when a query fails
 */
export async function introspectMysql(
  conn: Connection,
  options: MysqlIntrospectOptions = {},
): Promise<Schema> {
  const db = "table_schema = database()";
  // Keys, their constraints and their referential rules are read by three single-table queries and
  // joined here: MariaDB's join of the three information_schema views took ~3 s on 1,000 tables,
  // each view alone ~80 ms (scripts/bench/check_tables.ts).
  const [tableRows, columnRows, indexRows, keyRows, typeRows, ruleRows, checkRows, partitionRows] =
    await Promise
      .all([
        conn.query(
          `SELECT t.table_name AS t, t.table_comment AS comment, t.engine, t.table_collation AS collation,
  a.character_set_name AS charset, t.create_options AS create_options
FROM information_schema.tables t
LEFT JOIN information_schema.collation_character_set_applicability a ON a.collation_name = t.table_collation
WHERE t.${db} AND t.table_type = 'BASE TABLE' ORDER BY t.table_name`,
        ),
        conn.query(`SELECT table_name AS t, column_name AS name, column_type AS type, is_nullable AS nullable,
  column_default AS dflt, extra, column_comment AS comment, generation_expression AS gen,
  character_set_name AS charset, collation_name AS collation
FROM information_schema.columns WHERE ${db} ORDER BY table_name, ordinal_position`),
        conn.query(`SELECT * FROM information_schema.statistics WHERE ${db}
ORDER BY table_name, index_name, seq_in_index`),
        conn.query(`SELECT table_name AS t, constraint_name AS name, column_name AS col,
  referenced_table_schema AS ref_schema, referenced_table_name AS ref_table, referenced_column_name AS ref_col
FROM information_schema.key_column_usage WHERE ${db}
ORDER BY table_name, constraint_name, ordinal_position`),
        conn.query(`SELECT table_name AS t, constraint_name AS name, constraint_type AS type
FROM information_schema.table_constraints
WHERE constraint_schema = database() AND constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')`),
        conn.query(`SELECT table_name AS t, constraint_name AS name, update_rule, delete_rule
FROM information_schema.referential_constraints WHERE constraint_schema = database()`),
        conn.query(`SELECT c.table_name AS t, c.constraint_name AS name, k.check_clause AS clause
FROM information_schema.table_constraints c
JOIN information_schema.check_constraints k ON k.constraint_schema = c.constraint_schema
  AND k.constraint_name = c.constraint_name
WHERE c.${db} AND c.constraint_type = 'CHECK' ORDER BY c.table_name, c.constraint_name`),
        conn.query(PARTITIONS_QUERY),
      ]);
  const constraintRows = joinConstraintRows(keyRows, typeRows, ruleRows);
  const versionTable = options.versionTable && !options.versionTable.schema
    ? options.versionTable.table
    : undefined;
  const lower = (r: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) out[k.toLowerCase()] = v;
    return out;
  };

  const drafts = new Map<string, TableDraft>();
  const tableOptions = new Map<string, MysqlTableOptions>();
  const partitions = mysqlPartitionClauses(partitionRows.map(lower));
  for (const raw of tableRows) {
    const r = lower(raw);
    const t = String(r.t);
    if (t === versionTable) continue;
    const mysql = mysqlTableOptions(r);
    const partitionBy = partitions.get(t);
    tableOptions.set(t, mysql);
    drafts.set(t, {
      columns: {},
      uniqueConstraints: [],
      indexes: [],
      foreignKeys: [],
      checkConstraints: [],
      ...(r.comment ? { comment: String(r.comment) } : {}),
      ...(Object.keys(mysql).length ? { mysql } : {}),
      ...(partitionBy !== undefined ? { partitionBy } : {}),
    });
  }
  for (const raw of columnRows) {
    const r = lower(raw);
    const draft = drafts.get(String(r.t));
    if (!draft) continue;
    draft.columns[String(r.name)] = withCharset(mysqlColumnOf(r), r, tableOptions.get(String(r.t)));
  }
  // Constraints, one row per column.
  const grouped = groupRows(constraintRows.map(lower), (r) => `${r.t}\u0000${r.name}\u0000${r.type}`);
  for (const rows of grouped.values()) {
    const r = rows[0];
    const table = String(r.t);
    const draft = drafts.get(table);
    if (!draft) continue;
    const name = String(r.name);
    const columns = rows.map((x) => String(x.col));
    if (r.type === "PRIMARY KEY") {
      draft.primaryKey = { columns };
    } else if (r.type === "UNIQUE") {
      draft.uniqueConstraints.push({ name, columns });
    } else {
      const refTable = String(r.ref_table);
      draft.foreignKeys.push({
        name,
        columns,
        referencedTable: refTable,
        referencedColumns: rows.map((x) => String(x.ref_col)),
        ...(ACTIONS[String(r.delete_rule)] ? { onDelete: ACTIONS[String(r.delete_rule)] } : {}),
        ...(ACTIONS[String(r.update_rule)] ? { onUpdate: ACTIONS[String(r.update_rule)] } : {}),
      });
    }
  }
  const indexes = groupRows(indexRows.map(lower), (r) => `${r.table_name}\u0000${r.index_name}`);
  for (const rows of indexes.values()) {
    const r = rows[0];
    const table = String(r.table_name);
    const name = String(r.index_name);
    const draft = drafts.get(table);
    if (!draft || name === "PRIMARY") continue;
    const unique = Number(r.non_unique) === 0;
    const columns = rows.map((x): IndexColumn => {
      const base = x.column_name === null ? { sql: String(x.expression) } : String(x.column_name);
      // COLLATION is `D` for a descending key part (MySQL 8, MariaDB 10.8).
      if (x.collation !== "D") return base;
      return typeof base === "string" ? { column: base, order: "desc" } : { ...base, order: "desc" };
    });
    const type = String(r.index_type ?? "BTREE").toUpperCase();
    const lengths: Record<string, number> = {};
    for (const x of rows) {
      if (x.sub_part !== null && x.sub_part !== undefined && x.column_name !== null) {
        lengths[String(x.column_name)] = Number(x.sub_part);
      }
    }
    const hasLengths = Object.keys(lengths).length > 0;
    // FULLTEXT and SPATIAL indexes report a SUB_PART of their own (not a prefix the user chose).
    const kinds = type === "FULLTEXT"
      ? { fulltext: true }
      : type === "SPATIAL"
      ? { spatial: true }
      : undefined;
    const prefixed = hasLengths && !kinds;
    if (unique && !prefixed && columns.every((c) => typeof c === "string")) continue; // a unique constraint
    if (!unique && !kinds && isForeignKeyIndex(name, columns, draft.foreignKeys)) continue;
    draft.indexes.push({
      name,
      columns,
      ...(unique ? { unique: true } : {}),
      ...(prefixed ? { lengths } : {}),
      ...kinds,
      ...(type === "HASH" ? { using: "hash" } : {}),
    });
  }
  // Unique indexes with prefix lengths or expressions are indexes, not constraints.
  for (const draft of drafts.values()) {
    draft.uniqueConstraints = draft.uniqueConstraints.filter((u) =>
      !draft.indexes.some((i) => i.name === u.name)
    );
  }
  for (const raw of checkRows) {
    const r = lower(raw);
    const draft = drafts.get(String(r.t));
    if (!draft) continue;
    const name = String(r.name);
    const condition = stripParens(String(r.clause), BACKTICK_QUOTES);
    // MariaDB's JSON columns are LONGTEXT with an implicit json_valid() check named after the column
    // (and utf8mb4_bin): the column is read as the json it was declared.
    if (Object.hasOwn(draft.columns, name) && /^json_valid\(`?[^`()]*`?\)$/i.test(condition)) {
      const { charset: _c, collation: _l, ...column } = draft.columns[name];
      if (column.type === "longtext") draft.columns[name] = { ...column, type: "json" };
      continue;
    }
    draft.checkConstraints.push({ name, condition });
  }
  return { tables: finishTables(drafts), ...await introspectMysqlObjects(conn) };
}

/**
 * One column as read from an `information_schema.columns` row (keys in lower case, aliased as the
 * introspection query names them: `type`, `nullable`, `dflt`, `extra`, `comment`, `gen`).
 *
 * @param r the row
 * @returns the column, without its charset and collation (see `withCharset`)
 */
export function mysqlColumnOf(r: Record<string, unknown>): Column {
  const out: { -readonly [K in keyof Column]: Column[K] } = {
    type: mysqlCanonicalType(mysqlColumnType(String(r.type))),
  };
  if (r.nullable === "NO") out.nullable = false;
  const extra = String(r.extra ?? "").toLowerCase();
  const gen = r.gen === null || r.gen === undefined ? "" : String(r.gen);
  if (gen !== "" && /generated|virtual|stored|persistent/.test(extra)) {
    out.computed = { sql: gen, stored: /stored|persistent/.test(extra) };
  } else if (r.dflt !== null && r.dflt !== undefined) {
    const value = mysqlCanonicalDefault(readDefault(String(r.dflt), extra));
    // MariaDB reports "NULL" for a nullable column without a default.
    if (!(typeof value === "object" && value !== null && "sql" in value && value.sql === "NULL")) {
      out.default = value;
    }
  }
  if (extra.includes("auto_increment")) out.autoincrement = true;
  const onUpdate = /\bon update ([a-z_]+(?:\(\d*\))?)/.exec(extra);
  if (onUpdate) out.onUpdate = mysqlOnUpdate(onUpdate[1]);
  if (r.comment) out.comment = String(r.comment);
  return out;
}

/**
 * MariaDB (10.2.7+) reports defaults as SQL (`'text'`, `NULL`, `current_timestamp()`); MySQL reports
 * a string's value unquoted and marks expressions with `DEFAULT_GENERATED` in `extra`.
 */
function readDefault(raw: string, extra: string): SqlValue | SqlExpression {
  if (extra.includes("default_generated")) return { sql: raw };
  if (/^'.*'$/s.test(raw) || /^-?\d+(\.\d+)?$/.test(raw) || /^[a-z_]+\(.*\)$/i.test(raw) || raw === "NULL") {
    return { sql: raw };
  }
  return raw;
}

const TYPE_ALIASES: Readonly<Record<string, string>> = {
  "int(11)": "int",
  "int(10) unsigned": "int unsigned",
  "bigint(20)": "bigint",
  "bigint(20) unsigned": "bigint unsigned",
  "smallint(6)": "smallint",
  "mediumint(9)": "mediumint",
  "tinyint(4)": "tinyint",
  integer: "int",
  bool: "tinyint(1)",
  boolean: "tinyint(1)",
  "double precision": "double",
  real: "double",
  dec: "decimal",
  numeric: "decimal",
};

/**
 * The canonical spelling of a MySQL type, as introspection reports it: `COLUMN_TYPE` in lower case
 * without spaces after commas and without the display widths MySQL 8 drops (`int(11)` -> `int`).
 * A schema file's type goes through the dialect's type mapping first (`varchar(50)`, `uuid` ->
 * `char(36)`, `boolean` -> `tinyint(1)`).
 *
 * @param type a type as written in a schema file or read from `information_schema.columns`
 * @returns the canonical type
 */
export function mysqlCanonicalType(type: string): string {
  let t = mysqlType(type.trim()).replace(/\s+/g, " ").replace(/\s*,\s*/g, ",");
  if (!/^(enum|set)\s*\(/i.test(t)) t = t.toLowerCase();
  else t = t.replace(/^(enum|set)\s*\(/i, (m) => m.toLowerCase().replace(/\s+/g, ""));
  t = t.replace(/^numeric\b/, "decimal");
  if (t === "decimal") t = "decimal(10,0)";
  return TYPE_ALIASES[t] ?? t;
}

/**
 * The canonical form of a MySQL default: quoted strings become the string, numbers the number,
 * `now()`/`current_timestamp()` become `CURRENT_TIMESTAMP`, other expressions stay `{ sql }`.
 *
 * @param value a default as written in a schema file or read from `information_schema`
 * @returns the canonical default
 */
export function mysqlCanonicalDefault(value: SqlValue | SqlExpression): SqlValue | SqlExpression {
  if (typeof value !== "object" || value === null || value instanceof Date || value instanceof Uint8Array) {
    return typeof value === "boolean" ? (value ? 1 : 0) : value;
  }
  const sql = stripParens(value.sql, BACKTICK_QUOTES);
  const str = /^'((?:[^'\\]|''|\\.)*)'$/s.exec(sql);
  if (str) return unescapeMysqlString(str[1]);
  if (/^-?\d+(\.\d+)?$/.test(sql)) return Number(sql);
  if (/^(true|false)$/i.test(sql)) return sql.toLowerCase() === "true" ? 1 : 0;
  if (/^(current_timestamp|now|localtime|localtimestamp)(\(\))?$/i.test(sql)) {
    return { sql: "CURRENT_TIMESTAMP" };
  }
  return { sql };
}

/**
 * Whether a non-unique index is the one MySQL creates for a foreign key: its columns start with the
 * key's columns and it is named after the key (`CONSTRAINT name FOREIGN KEY`) or, for a key without
 * a name, after its first column (Alembic's `correct_for_autogen_constraints` uses the same rule).
 */
function isForeignKeyIndex(
  name: string,
  columns: readonly IndexColumn[],
  foreignKeys: readonly ForeignKeyConstraint[],
): boolean {
  return foreignKeys.some((f) =>
    (f.name === name || f.columns[0] === name) && f.columns.every((c, i) => columns[i] === c)
  );
}

/**
 * One row per constraint column, as the join of `key_column_usage`, `table_constraints` and
 * `referential_constraints` would give it: keys of primary, unique and foreign-key constraints only.
 */
function joinConstraintRows(
  keys: readonly Record<string, unknown>[],
  types: readonly Record<string, unknown>[],
  rules: readonly Record<string, unknown>[],
): Record<string, unknown>[] {
  const id = (r: Record<string, unknown>) => `${r.t ?? r.T}\u0000${r.name ?? r.NAME}`;
  const typeOf = new Map(types.map((r) => [id(r), r.type ?? r.TYPE]));
  const ruleOf = new Map(rules.map((r) => [id(r), r]));
  return keys.flatMap((k) => {
    const type = typeOf.get(id(k));
    if (type === undefined) return [];
    const rule = ruleOf.get(id(k));
    return [{
      ...k,
      type,
      update_rule: rule?.update_rule ?? rule?.UPDATE_RULE ?? null,
      delete_rule: rule?.delete_rule ?? rule?.DELETE_RULE ?? null,
    }];
  });
}
