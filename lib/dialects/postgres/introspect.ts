/**
 * PostgreSQL introspection: the live database as a {@link Schema}, read in four catalog queries
 * whatever the number of tables (columns, constraints, indexes, enums), then the objects beyond
 * tables in one more round (`introspect_objects.ts`). A column of a domain names the domain;
 * partitions' children, tables owned by extensions and the version table are left out.
 *
 * Types and defaults are normalised ({@link postgresCanonicalType}, {@link postgresCanonicalDefault})
 * so that dumping, recreating and dumping again gives the same schema.
 *
 * @module
 */
import type {
  Column,
  DeferrableOptions,
  ExclusionConstraint,
  ExclusionElement,
  IndexColumn,
  IndexColumnOptions,
  ReferentialAction,
  SqlExpression,
  SqlValue,
} from "../../operations/types.ts";
import type { Schema } from "../../schema/model.ts";
import { finishTables, type TableDraft } from "../_introspect.ts";
import { STANDARD_QUOTES, stripParens } from "../_parens.ts";
import { quoteString } from "../_sql.ts";
import type { Connection, VersionTableName } from "../dialect.ts";
import { introspectPostgresObjects } from "./introspect_objects.ts";
import { identityOptions, type SequenceRow } from "./identity_options.ts";
import { applyPartitioning, PARTITIONING_QUERY } from "./introspect_partitions.ts";
import { postgresType } from "./types.ts";

/** What to read. */
export interface PostgresIntrospectOptions {
  /** Left out of the result. */
  readonly versionTable?: VersionTableName;
  /** Schemas to read; default the connection's current schema. Tables of the first are unqualified. */
  readonly schemas?: readonly string[];
}

const ACTIONS: Readonly<Record<string, ReferentialAction | undefined>> = {
  a: undefined, // NO ACTION is the default: not written
  r: "restrict",
  c: "cascade",
  n: "set null",
  d: "set default",
};

/**
 * Read the tables, constraints, indexes and enums of the given schemas.
 *
 * @param conn an open PostgreSQL connection
 * @param options schemas to read and the version table to skip
 * @returns the schema; table keys are `table` in the first schema, `schema.table` elsewhere
 * @throws {Error} the driver's error when a catalog query fails
 */
export async function introspectPostgres(
  conn: Connection,
  options: PostgresIntrospectOptions = {},
): Promise<Schema> {
  let schemas = options.schemas ?? [];
  const first = await conn.query(
    "SELECT current_schema() AS s, current_setting('server_version_num')::int AS v",
  );
  if (schemas.length === 0) schemas = [String(first[0].s)];
  // pg_index.indnullsnotdistinct exists from PostgreSQL 15 on.
  const nullsNotDistinct = Number(first[0].v) >= 150000 ? "i.indnullsnotdistinct" : "false";
  const main = schemas[0];
  const inList = schemas.map((s) => quoteString(s, false)).join(", ");
  const key = (schema: string, table: string) => schema === main ? table : `${schema}.${table}`;
  const versionKey = options.versionTable
    ? key(options.versionTable.schema || main, options.versionTable.table)
    : undefined;

  // Relations Retort manages: ordinary and partitioned tables, partitions included (their inherited
  // keys, foreign keys and indexes are the parent's, left out below). Tables an extension owns
  // (PostGIS's spatial_ref_sys) are the extension's, not the user's.
  const relFilter = `c.relkind IN ('r', 'p') AND n.nspname IN (${inList})
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')`;
  // Each query returns its rows as one JSON text: parsing one string is many times faster than the
  // driver decoding thousands of rows (1,000 tables: ~60 ms instead of ~300 ms).
  const asJson = async (sql: string, order: string): Promise<Record<string, unknown>[]> => {
    const rows = await conn.query(
      `SELECT coalesce(json_agg(q ORDER BY ${order}), '[]')::text AS j FROM (${sql}) q`,
    );
    return JSON.parse(String(rows[0].j));
  };
  const [columnRows, constraintRows, indexRows, enumRows, partitionRows] = await Promise.all([
    asJson(
      `SELECT a.attnum AS pos, n.nspname AS schema, c.relname AS table, td.description AS table_comment,
  a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, t.typtype AS typtype,
  CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END AS base_type, a.attnotnull AS notnull,
  pg_get_expr(d.adbin, d.adrelid) AS default, a.attidentity AS identity, a.attgenerated AS generated,
  cd.description AS comment,
  CASE WHEN a.attcollation <> t.typcollation THEN (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN co.collname
    ELSE cn.nspname || '.' || co.collname END FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace
    WHERE co.oid = a.attcollation) END AS collation,
  CASE WHEN a.attidentity <> '' THEN (SELECT json_build_object('start', s.seqstart::text,
    'increment', s.seqincrement::text, 'min', s.seqmin::text, 'max', s.seqmax::text, 'cache', s.seqcache::text,
    'cycle', s.seqcycle, 'type', format_type(s.seqtypid, NULL))
    FROM pg_depend dp JOIN pg_sequence s ON s.seqrelid = dp.objid
    WHERE dp.classid = 'pg_class'::regclass AND dp.refclassid = 'pg_class'::regclass AND dp.refobjid = c.oid AND dp.refobjsubid = a.attnum
      AND dp.deptype = 'i' LIMIT 1) END AS seq,
  CASE WHEN pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%' THEN (SELECT s.relname FROM pg_depend dp
    JOIN pg_class s ON s.oid = dp.objid WHERE dp.classid = 'pg_class'::regclass AND dp.refclassid = 'pg_class'::regclass AND dp.refobjid = c.oid
      AND dp.refobjsubid = a.attnum AND dp.deptype = 'a' AND s.relkind = 'S' LIMIT 1) END AS owned_seq
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
LEFT JOIN pg_description td ON td.objoid = c.oid AND td.classoid = 'pg_class'::regclass AND td.objsubid = 0
LEFT JOIN pg_description cd ON cd.objoid = c.oid AND cd.classoid = 'pg_class'::regclass AND cd.objsubid = a.attnum
WHERE ${relFilter}`,
      "q.schema, q.table, q.pos",
    ),
    asJson(
      `SELECT n.nspname AS schema, c.relname AS table, k.conname AS name, k.contype AS type,
  array(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(num, pos)
    JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.num ORDER BY u.pos) AS columns,
  rn.nspname AS ref_schema, rc.relname AS ref_table,
  array(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(num, pos)
    JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.num ORDER BY u.pos) AS ref_columns,
  k.confupdtype AS on_update, k.confdeltype AS on_delete, k.condeferrable AS deferrable,
  k.condeferred AS deferred, k.confmatchtype AS match, k.convalidated AS validated, CASE WHEN k.contype = 'c' THEN pg_get_expr(k.conbin, k.conrelid) END AS check,
  CASE WHEN k.contype = 'x' THEN ${EXCLUSION_DETAILS} END AS exclusion,
  CASE WHEN k.contype = 'u' THEN (SELECT ${nullsNotDistinct} FROM pg_index i WHERE i.indexrelid = k.conindid) END AS nnd
FROM pg_constraint k
JOIN pg_class c ON c.oid = k.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class rc ON rc.oid = k.confrelid
LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
WHERE ${relFilter} AND k.contype IN ('p', 'u', 'f', 'c', 'x') AND k.conparentid = 0
  AND (k.contype <> 'c' OR k.conislocal)`,
      "q.schema, q.table, q.name",
    ),
    asJson(
      `SELECT n.nspname AS schema, c.relname AS table, ic.relname AS name, i.indisunique AS unique,
  array(SELECT a.attname::text FROM unnest((i.indkey::int2[])[0:i.indnkeyatts - 1]) WITH ORDINALITY u(num, pos)
    LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = u.num ORDER BY u.pos) AS cols,
  CASE WHEN 0 = ANY (i.indkey::int2[]) THEN array(SELECT pg_get_indexdef(i.indexrelid, k, true)
    FROM generate_series(1, i.indnkeyatts) k ORDER BY k) END AS exprs,
  pg_get_expr(i.indpred, i.indrelid, true) AS where, am.amname AS method,
  array(SELECT a.attname::text FROM unnest((i.indkey::int2[])[i.indnkeyatts:i.indnatts - 1]) WITH ORDINALITY u(num, pos)
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = u.num ORDER BY u.pos) AS include,
  ${nullsNotDistinct} AS nulls_not_distinct,
  CASE WHEN ${HAS_COLUMN_OPTIONS} THEN ${INDEX_COLUMN_OPTIONS} END AS options
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_am am ON am.oid = ic.relam
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE ${relFilter}
  AND i.indexrelid NOT IN (SELECT k.conindid FROM pg_constraint k WHERE k.contype IN ('p', 'u', 'x'))
  AND NOT EXISTS (SELECT 1 FROM pg_inherits ih WHERE ih.inhrelid = i.indexrelid)`,
      "q.schema, q.table, q.name",
    ),
    asJson(
      `SELECT n.nspname AS schema, t.typname AS name, e.enumlabel AS label, e.enumsortorder AS pos
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_enum e ON e.enumtypid = t.oid
WHERE n.nspname IN (${inList})
  AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_type'::regclass AND x.objid = t.oid AND x.deptype = 'e')`,
      "q.schema, q.name, q.pos",
    ),
    asJson(PARTITIONING_QUERY(relFilter), "q.schema, q.table"),
  ]);

  const drafts = new Map<string, TableDraft>();
  for (const r of columnRows) {
    const k = key(String(r.schema), String(r.table));
    if (k === versionKey) continue;
    let draft = drafts.get(k);
    if (!draft) {
      draft = { columns: {}, uniqueConstraints: [], indexes: [], foreignKeys: [], checkConstraints: [] };
      if (r.table_comment !== null && r.table_comment !== undefined) draft.comment = String(r.table_comment);
      drafts.set(k, draft);
    }
    if (r.name === null || r.name === undefined) continue;
    draft.columns[String(r.name)] = columnOf(r);
  }
  for (const r of constraintRows) {
    const table = String(r.table);
    const draft = drafts.get(key(String(r.schema), table));
    if (!draft) continue;
    const name = String(r.name);
    const columns = (r.columns as string[]) ?? [];
    switch (r.type) {
      case "p":
        draft.primaryKey = name === `${table}_pkey` ? { columns } : { name, columns };
        break;
      case "u":
        draft.uniqueConstraints.push({
          name,
          columns,
          ...deferrable(r),
          ...(r.nnd === true ? { nullsNotDistinct: true } : {}),
        });
        break;
      case "f":
        draft.foreignKeys.push({
          name,
          columns,
          referencedTable: key(String(r.ref_schema), String(r.ref_table)),
          referencedColumns: (r.ref_columns as string[]) ?? [],
          ...(ACTIONS[String(r.on_delete)] ? { onDelete: ACTIONS[String(r.on_delete)] } : {}),
          ...(ACTIONS[String(r.on_update)] ? { onUpdate: ACTIONS[String(r.on_update)] } : {}),
          ...(r.match === "f" ? { match: "full" as const } : {}),
          ...(r.validated === false ? { notValid: true } : {}),
          ...deferrable(r),
        });
        break;
      case "c":
        draft.checkConstraints.push({
          name,
          condition: stripParens(String(r.check), STANDARD_QUOTES),
          ...(r.validated === false ? { notValid: true } : {}),
        });
        break;
      case "x":
        (draft.exclusionConstraints ??= []).push(
          exclusionOf(name, r.exclusion as ExclusionRow, deferrable(r)),
        );
        break;
    }
  }
  for (const r of indexRows) {
    const draft = drafts.get(key(String(r.schema), String(r.table)));
    if (!draft) continue;
    // Plain columns come by name; pg_get_indexdef (slow) runs only for indexes with expressions.
    const exprs = (r.exprs as string[] | null) ?? [];
    const options = (r.options as IndexColumnRow[] | null) ?? [];
    const columns = (r.cols as (string | null)[]).map((c, i) => indexColumnOf(c, exprs[i], options[i]));
    const include = (r.include as string[] | null) ?? [];
    draft.indexes.push({
      name: String(r.name),
      columns,
      ...(r.unique === true ? { unique: true } : {}),
      ...(r.where !== null && r.where !== undefined ? { where: String(r.where) } : {}),
      ...(r.method !== "btree" && typeof r.method === "string" ? { using: r.method } : {}),
      ...(include.length ? { include } : {}),
      ...(r.nulls_not_distinct === true ? { nullsNotDistinct: true } : {}),
    });
  }
  applyPartitioning(drafts, partitionRows, key);
  const tables = finishTables(drafts);
  const enums: Record<string, string[]> = {};
  for (const r of enumRows) {
    const k = key(String(r.schema), String(r.name));
    (enums[k] ??= []).push(String(r.label));
  }
  return {
    tables,
    ...(Object.keys(enums).length ? { enums } : {}),
    ...(schemas.length > 1 ? { schemas: schemas.slice(1) } : {}),
    ...await introspectPostgresObjects(conn, { inList, main }),
  };
}

// Whether an index has any column option at all (cheap array tests), so that the per-column
// subquery below runs only for those: on 2,000 plain indexes it costs ~180 ms, this ~10 ms.
const HAS_COLUMN_OPTIONS = `(0 <> ANY (i.indoption::int2[]) OR NOT (i.indcollation::oid[] <@ '{0,100}'::oid[])
  OR i.indclass::oid[] && (SELECT array_agg(o.oid) FROM pg_opclass o WHERE NOT o.opcdefault))`;

// Per key column of an index: DESC and NULLS FIRST bits of indoption, the operator class when not
// its type's default, the collation when not the column's (or, for an expression, its type's).
const INDEX_COLUMN_OPTIONS = `array(SELECT json_build_object(
    'desc', (i.indoption[k] & 1) <> 0, 'nulls_first', (i.indoption[k] & 2) <> 0,
    'opclass', CASE WHEN NOT opc.opcdefault THEN opc.opcname END,
    'collation', CASE WHEN i.indcollation[k] <> 0
      AND i.indcollation[k] <> coalesce(ta.attcollation, it.typcollation, 0) THEN coll.collname END)
  FROM generate_series(0, i.indnkeyatts - 1) k
  LEFT JOIN pg_opclass opc ON opc.oid = i.indclass[k]
  LEFT JOIN pg_attribute ta ON ta.attrelid = i.indrelid AND ta.attnum = i.indkey[k] AND i.indkey[k] <> 0
  LEFT JOIN pg_attribute ia ON ia.attrelid = i.indexrelid AND ia.attnum = k + 1
  LEFT JOIN pg_type it ON it.oid = ia.atttypid
  LEFT JOIN pg_collation coll ON coll.oid = i.indcollation[k]
  ORDER BY k)`;

// The index behind an exclusion constraint: method, operators, elements and predicate.
const EXCLUSION_DETAILS = `(SELECT json_build_object(
    'method', am.amname,
    'operators', array(SELECT o.oprname::text FROM unnest(k.conexclop) WITH ORDINALITY u(op, pos)
      JOIN pg_operator o ON o.oid = u.op ORDER BY u.pos),
    'cols', array(SELECT a.attname::text FROM unnest((i.indkey::int2[])[0:i.indnkeyatts - 1]) WITH ORDINALITY u(num, pos)
      LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = u.num ORDER BY u.pos),
    'exprs', array(SELECT pg_get_indexdef(i.indexrelid, n, true) FROM generate_series(1, i.indnkeyatts) n ORDER BY n),
    'where', pg_get_expr(i.indpred, i.indrelid, true),
    'options', ${INDEX_COLUMN_OPTIONS})
  FROM pg_index i JOIN pg_class xc ON xc.oid = i.indexrelid JOIN pg_am am ON am.oid = xc.relam
  WHERE i.indexrelid = k.conindid)`;

interface ExclusionRow {
  readonly method: string;
  readonly operators: readonly string[];
  readonly cols: readonly (string | null)[];
  readonly exprs: readonly string[];
  readonly where: string | null;
  readonly options: readonly IndexColumnRow[] | null;
}

function exclusionOf(name: string, x: ExclusionRow, defer: DeferrableOptions): ExclusionConstraint {
  const elements = x.cols.map((c, i): ExclusionElement => {
    const col = indexColumnOf(c, x.exprs[i], x.options?.[i]);
    const base = typeof col === "string" ? { column: col } : col;
    return { ...base, operator: x.operators[i] };
  });
  return {
    name,
    ...(x.method !== "gist" ? { using: x.method } : {}),
    elements,
    ...(x.where !== null ? { where: x.where } : {}),
    ...defer,
  };
}

interface IndexColumnRow {
  readonly desc: boolean;
  readonly nulls_first: boolean;
  readonly opclass: string | null;
  readonly collation: string | null;
}

function indexColumnOf(
  column: string | null,
  expr: string | undefined,
  o: IndexColumnRow | undefined,
): IndexColumn {
  const opts: { -readonly [K in keyof IndexColumnOptions]: IndexColumnOptions[K] } = {};
  if (o?.collation) opts.collation = o.collation;
  if (o?.opclass) opts.opclass = o.opclass;
  if (o?.desc) opts.order = "desc";
  // PostgreSQL's default is NULLS LAST ascending and NULLS FIRST descending.
  if (o && o.nulls_first !== o.desc) opts.nulls = o.nulls_first ? "first" : "last";
  const base = column ?? { sql: String(expr) };
  if (Object.keys(opts).length === 0) return base;
  return typeof base === "string" ? { column: base, ...opts } : { ...base, ...opts };
}

function deferrable(r: Record<string, unknown>): { deferrable?: boolean; initiallyDeferred?: boolean } {
  return {
    ...(r.deferrable === true ? { deferrable: true } : {}),
    ...(r.deferred === true ? { initiallyDeferred: true } : {}),
  };
}

function columnOf(r: Record<string, unknown>): Column {
  // A domain column names its domain, which the schema's `domains` holds (created before tables).
  const type = postgresCanonicalType(String(r.type));
  const out: { -readonly [K in keyof Column]: Column[K] } = { type };
  if (r.notnull === true) out.nullable = false;
  const raw = r.default === null || r.default === undefined ? undefined : String(r.default);
  const identity = String(r.identity ?? "");
  if (r.generated === "s" && raw !== undefined) {
    out.computed = { sql: raw, stored: true };
  } else if (identity === "a" || identity === "d") {
    out.autoincrement = true;
    const options = identityOptions(identity === "a", r.seq as SequenceRow | null | undefined);
    if (options) out.identity = options;
  } else if (raw !== undefined && serialType(type, r) !== undefined) {
    // SERIAL: a sequence named <table>_<column>_seq owned by the column; created again as SERIAL.
    out.type = serialType(type, r)!;
  } else if (raw !== undefined && /^nextval\(/i.test(raw) && r.owned_seq) {
    // A column that owns the sequence its default draws from (as SQLAlchemy reflects a serial): the
    // sequence is the column's autoincrement, and an identity column replaces it when created again.
    // A sequence the column does not own is a standalone one: the default stays `nextval(...)`.
    out.autoincrement = true;
  } else if (raw !== undefined) {
    out.default = postgresCanonicalDefault({ sql: raw });
  }
  if (r.comment !== null && r.comment !== undefined) out.comment = String(r.comment);
  if (typeof r.collation === "string") out.collation = r.collation;
  return out;
}

/** `serial`, `bigserial` or `smallserial` for a column that SERIAL made, else `undefined`. */
function serialType(type: string, r: Record<string, unknown>): string | undefined {
  const serial: Readonly<Record<string, string>> = {
    integer: "serial",
    bigint: "bigserial",
    smallint: "smallserial",
  };
  if (serial[type] === undefined || r.owned_seq !== `${r.table}_${r.name}_seq`) return undefined;
  return serial[type];
}

const TYPE_ALIASES: Readonly<Record<string, string>> = {
  int: "integer",
  int4: "integer",
  serial: "integer",
  serial4: "integer",
  int8: "bigint",
  bigserial: "bigint",
  serial8: "bigint",
  int2: "smallint",
  smallserial: "smallint",
  bool: "boolean",
  "double precision": "double",
  float8: "double",
  float: "double",
  float4: "real",
  decimal: "numeric",
  "character varying": "varchar",
  character: "char(1)",
  char: "char(1)",
  bpchar: "char(1)",
  "timestamp without time zone": "timestamp",
  "timestamp with time zone": "timestamptz",
  "time without time zone": "time",
  "time with time zone": "timetz",
  bytea: "bytea",
};

/**
 * The canonical spelling of a PostgreSQL type, as introspection reports it: portable names where
 * Retort has one (`integer`, `varchar(50)`, `numeric(10,2)`, `double`, `timestamptz`), PostgreSQL's
 * own name otherwise (`jsonb`, `bytea`, `text[]`), lower case without spaces after commas. A
 * schema file's type goes through the dialect's type mapping first, so `binary` and `bytea` match.
 *
 * @param type a type as written in a schema file or returned by `format_type`
 * @returns the canonical type
 * @example
 * ```ts
 * import { postgresCanonicalType } from "./introspect.ts";
 * postgresCanonicalType("character varying(50)"); // "varchar(50)"
 * ```
 */
export function postgresCanonicalType(type: string): string {
  let t = postgresType(type.trim()).toLowerCase().replace(/\s+/g, " ").replace(/\s*,\s*/g, ",");
  let suffix = "";
  const arr = /^(.*?)((?:\[\])+)$/.exec(t);
  if (arr) {
    t = arr[1].trim();
    suffix = arr[2];
  }
  // "timestamp(3) with time zone" -> base "timestamp with time zone", args "(3)"
  const m = /^([a-z_][a-z0-9_ ."]*?)\s*(\([0-9,]+\))?(\s+with(?:out)? time zone)?$/.exec(t);
  if (m) {
    const base = `${m[1]}${m[3] ?? ""}`.trim();
    const args = m[2] ?? "";
    const alias = TYPE_ALIASES[base];
    if (alias !== undefined) {
      t = args && alias.endsWith("(1)") ? `${alias.slice(0, -3)}${args}` : `${alias}${args}`;
    } else {
      t = `${base}${args}`;
    }
  }
  return `${t}${suffix}`;
}

/**
 * The canonical form of a PostgreSQL server default, as introspection reports it: a quoted string
 * with a cast (`'G'::mpaa_rating`) becomes the string, a number or boolean becomes that literal,
 * anything else stays `{ sql }` with PostgreSQL's own spelling.
 *
 * @param value a default as written in a schema file or read from `pg_get_expr`
 * @returns the canonical default
 */
export function postgresCanonicalDefault(value: SqlValue | SqlExpression): SqlValue | SqlExpression {
  if (typeof value !== "object" || value === null || value instanceof Date || value instanceof Uint8Array) {
    return value;
  }
  const sql = stripParens(value.sql, STANDARD_QUOTES);
  const str = /^'((?:[^']|'')*)'(?:::[a-z_][a-z0-9_ ."]*(?:\([0-9, ]+\))?(?:\[\])*)?$/i.exec(sql);
  if (str) return str[1].replaceAll("''", "'");
  if (/^-?\d+(\.\d+)?$/.test(sql)) return Number(sql);
  if (/^(true|false)$/i.test(sql)) return sql.toLowerCase() === "true";
  if (/^null(::.*)?$/i.test(sql)) return { sql: "NULL" };
  const num = /^\(?(-?\d+(?:\.\d+)?)\)?::(integer|bigint|smallint|numeric|real|double precision)$/i.exec(sql);
  if (num) return Number(num[1]);
  return { sql };
}
