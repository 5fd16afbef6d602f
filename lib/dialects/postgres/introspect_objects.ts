/**
 * PostgreSQL introspection of the objects beyond tables, in one round of seven catalog queries run
 * together whatever their number: views and materialized views (`pg_get_viewdef`), functions,
 * procedures and aggregates (`pg_get_functiondef`; an aggregate's `CREATE AGGREGATE` from
 * `pg_aggregate`), triggers (`pg_get_triggerdef`), standalone sequences (not those owned by a
 * serial or identity column, which introspection reports as the column's autoincrement; a sequence a
 * column's default only draws from is standalone, and the column keeps its `nextval(...)` default),
 * extensions (but `plpgsql`, which every database has), domains, and
 * as raw SQL what the model cannot hold yet: rules, policies, event triggers, indexes of
 * materialized views, composite types, comments on objects other than tables, row-level security
 * switched on, and triggers not in their default (enabled) state.
 *
 * Objects owned by an extension (`pg_depend.deptype = 'e'`, e.g. PostGIS's functions) are the
 * extension's and are left out: `createExtension` brings them back.
 *
 * @module
 */
import type { DomainDefinition, RoutineKind, SequenceDefinition } from "../../operations/object_types.ts";
import type { Schema } from "../../schema/model.ts";
import type { Extension, RawObject, Routine, Trigger, View } from "../../schema/objects.ts";
import type { Connection } from "../dialect.ts";

/** Where {@link introspectPostgresObjects} looks and how it names what it finds. */
export interface PostgresObjectScope {
  /** Schema names, already quoted as SQL string literals and joined with commas. */
  readonly inList: string;
  /** The first schema: its objects are named without it. */
  readonly main: string;
}

/** The parts of a {@link Schema} beyond tables, enums and schemas. */
export type SchemaObjects = Pick<
  Schema,
  | "views"
  | "materializedViews"
  | "functions"
  | "triggers"
  | "sequences"
  | "extensions"
  | "domains"
  | "rawObjects"
>;

/** `AND NOT EXISTS` an extension membership of the object `oid` of catalog `catalog`. */
function notInExtension(catalog: string, oid: string): string {
  return `NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '${catalog}'::regclass AND e.objid = ${oid} AND e.deptype = 'e')`;
}

/**
 * Read the views, routines, triggers, sequences, extensions, domains and raw objects of the schemas
 * in `scope`.
 *
 * @param conn an open PostgreSQL connection
 * @param scope the schemas to read
 * @returns the object fields of a {@link Schema}, each present only when not empty
 * @throws {Error} the driver's error when a catalog query fails
 */
export async function introspectPostgresObjects(
  conn: Connection,
  scope: PostgresObjectScope,
): Promise<SchemaObjects> {
  const { inList, main } = scope;
  const key = (schema: unknown, name: unknown) => schema === main ? String(name) : `${schema}.${name}`;
  const asJson = async (sql: string, order: string): Promise<Record<string, unknown>[]> => {
    const rows = await conn.query(
      `SELECT coalesce(json_agg(q ORDER BY ${order}), '[]')::text AS j FROM (${sql}) q`,
    );
    return JSON.parse(String(rows[0].j));
  };
  const [viewRows, routineRows, triggerRows, sequenceRows, extensionRows, domainRows, rawRows] = await Promise
    .all([
      asJson(
        `SELECT n.nspname AS schema, c.relname AS name, c.relkind AS kind, pg_get_viewdef(c.oid) AS definition
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('v', 'm') AND n.nspname IN (${inList}) AND ${notInExtension("pg_class", "c.oid")}`,
        "q.schema, q.name",
      ),
      asJson(
        `SELECT n.nspname AS schema, p.proname || '(' || oidvectortypes(p.proargtypes) || ')' AS name,
  p.prokind AS kind, CASE WHEN p.prokind <> 'a' THEN pg_get_functiondef(p.oid) END AS definition,
  CASE WHEN p.prokind = 'a' THEN 'CREATE AGGREGATE ' || quote_ident(n.nspname) || '.' || quote_ident(p.proname)
    || '(' || pg_get_function_arguments(p.oid) || ') (SFUNC = ' || a.aggtransfn::regproc::text
    || ', STYPE = ' || format_type(a.aggtranstype, NULL)
    || CASE WHEN a.aggfinalfn <> 0 THEN ', FINALFUNC = ' || a.aggfinalfn::regproc::text ELSE '' END
    || CASE WHEN a.aggcombinefn <> 0 THEN ', COMBINEFUNC = ' || a.aggcombinefn::regproc::text ELSE '' END
    || CASE WHEN a.agginitval IS NOT NULL THEN ', INITCOND = ' || quote_literal(a.agginitval) ELSE '' END
    || ')' END AS aggregate, a.aggkind AS aggkind
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
LEFT JOIN pg_aggregate a ON a.aggfnoid = p.oid
WHERE n.nspname IN (${inList}) AND ${notInExtension("pg_proc", "p.oid")}`,
        "q.schema, q.name",
      ),
      asJson(
        `SELECT n.nspname AS schema, c.relname AS table, t.tgname AS name, pg_get_triggerdef(t.oid) AS definition
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND n.nspname IN (${inList})
  AND ${notInExtension("pg_class", "c.oid")}`,
        "q.schema, q.table, q.name",
      ),
      asJson(
        `SELECT n.nspname AS schema, c.relname AS name, format_type(s.seqtypid, NULL) AS type,
  s.seqstart::text AS start, s.seqincrement::text AS increment, s.seqmin::text AS min, s.seqmax::text AS max,
  s.seqcache::text AS cache, s.seqcycle AS cycle
FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname IN (${inList}) AND NOT EXISTS (SELECT 1 FROM pg_depend d
  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))`,
        "q.schema, q.name",
      ),
      asJson(
        `SELECT e.extname AS name, n.nspname AS schema, e.extversion AS version
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql'`,
        "q.name",
      ),
      asJson(
        `SELECT n.nspname AS schema, t.typname AS name, format_type(t.typbasetype, t.typtypmod) AS type,
  t.typnotnull AS notnull, t.typdefault AS default,
  (SELECT json_agg(json_build_object('name', k.conname, 'def', pg_get_constraintdef(k.oid)) ORDER BY k.conname)
    FROM pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c') AS checks
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'd' AND n.nspname IN (${inList}) AND ${notInExtension("pg_type", "t.oid")}`,
        "q.schema, q.name",
      ),
      asJson(rawObjectsSql(inList), "q.kind, q.name"),
    ]);

  const views: Record<string, View> = {};
  const materializedViews: Record<string, View> = {};
  for (const r of viewRows) {
    (r.kind === "m" ? materializedViews : views)[key(r.schema, r.name)] = {
      definition: viewText(String(r.definition)),
    };
  }
  const functions: Record<string, Routine> = {};
  const rawObjects: RawObject[] = [];
  for (const r of routineRows) {
    const name = key(r.schema, r.name);
    if (r.kind === "a" && r.aggkind !== "n") {
      // Ordered-set and hypothetical-set aggregates need clauses the model does not write yet.
      rawObjects.push({ kind: "aggregate", name, sql: String(r.aggregate) });
      continue;
    }
    const routine: RoutineKind | undefined = r.kind === "p"
      ? "procedure"
      : r.kind === "a"
      ? "aggregate"
      : undefined;
    functions[name] = {
      definition: String(r.kind === "a" ? r.aggregate : r.definition).trim(),
      ...(routine ? { routine } : {}),
    };
  }
  const triggers: Trigger[] = triggerRows.map((r) => ({
    name: String(r.name),
    table: key(r.schema, r.table),
    definition: String(r.definition),
  }));
  const sequences: Record<string, SequenceDefinition> = {};
  for (const r of sequenceRows) sequences[key(r.schema, r.name)] = sequenceOf(r);
  const extensions: Record<string, Extension> = {};
  for (const r of extensionRows) {
    extensions[String(r.name)] = {
      ...(r.schema !== main ? { schema: String(r.schema) } : {}),
      version: String(r.version),
    };
  }
  const domains: Record<string, DomainDefinition> = {};
  for (const r of domainRows) domains[key(r.schema, r.name)] = domainOf(r);
  for (const r of rawRows) {
    rawObjects.push({ kind: String(r.kind), name: key(r.schema, r.name), sql: String(r.sql) });
  }
  const some = <T extends object>(o: T) => Object.keys(o).length > 0;
  return {
    ...(some(views) ? { views } : {}),
    ...(some(materializedViews) ? { materializedViews } : {}),
    ...(some(functions) ? { functions } : {}),
    ...(triggers.length ? { triggers } : {}),
    ...(some(sequences) ? { sequences } : {}),
    ...(some(extensions) ? { extensions } : {}),
    ...(some(domains) ? { domains } : {}),
    ...(rawObjects.length ? { rawObjects } : {}),
  };
}

/** `pg_get_viewdef`'s text without the leading space and final `;` it prints. */
function viewText(sql: string): string {
  return sql.trim().replace(/;$/, "");
}

/**
 * The raw objects' query: rules other than views' own, row-level security policies, event
 * triggers, indexes of materialized views, composite types and comments on objects beyond tables,
 * each with the SQL that creates it.
 */
function rawObjectsSql(inList: string): string {
  return `SELECT 'rule' AS kind, n.nspname AS schema, c.relname || '.' || r.rulename AS name, pg_get_ruledef(r.oid) AS sql
FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE r.rulename <> '_RETURN' AND n.nspname IN (${inList}) AND ${notInExtension("pg_class", "c.oid")}
UNION ALL
SELECT 'policy', p.schemaname, p.tablename || '.' || p.policyname,
  'CREATE POLICY ' || quote_ident(p.policyname) || ' ON ' || quote_ident(p.schemaname) || '.' || quote_ident(p.tablename)
  || ' AS ' || p.permissive || ' FOR ' || p.cmd || ' TO ' || array_to_string(p.roles, ', ')
  || coalesce(' USING (' || p.qual || ')', '') || coalesce(' WITH CHECK (' || p.with_check || ')', '')
FROM pg_policies p WHERE p.schemaname IN (${inList})
UNION ALL
SELECT 'event trigger', NULL, t.evtname,
  'CREATE EVENT TRIGGER ' || quote_ident(t.evtname) || ' ON ' || t.evtevent
  || coalesce(' WHEN TAG IN (' || (SELECT string_agg(quote_literal(x), ', ') FROM unnest(t.evttags) x) || ')', '')
  || ' EXECUTE FUNCTION ' || t.evtfoid::regproc::text || '()'
FROM pg_event_trigger t WHERE ${notInExtension("pg_event_trigger", "t.oid")}
UNION ALL
SELECT 'materialized view index', n.nspname, ic.relname, pg_get_indexdef(i.indexrelid)
FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'm' AND n.nspname IN (${inList})
UNION ALL
SELECT 'composite type', n.nspname, t.typname,
  'CREATE TYPE ' || quote_ident(n.nspname) || '.' || quote_ident(t.typname) || ' AS ('
  || (SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
    FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) || ')'
FROM pg_type t JOIN pg_class c ON c.oid = t.typrelid JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'c' AND c.relkind = 'c' AND n.nspname IN (${inList}) AND ${
    notInExtension("pg_type", "t.oid")
  }
UNION ALL
SELECT 'row level security', n.nspname, c.relname,
  'ALTER TABLE ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname) || ' ENABLE ROW LEVEL SECURITY'
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relrowsecurity AND n.nspname IN (${inList}) AND ${notInExtension("pg_class", "c.oid")}
UNION ALL
SELECT 'forced row level security', n.nspname, c.relname,
  'ALTER TABLE ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname) || ' FORCE ROW LEVEL SECURITY'
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relforcerowsecurity AND n.nspname IN (${inList}) AND ${notInExtension("pg_class", "c.oid")}
UNION ALL
SELECT 'trigger state', n.nspname, c.relname || '.' || t.tgname,
  'ALTER TABLE ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname) || CASE t.tgenabled
    WHEN 'D' THEN ' DISABLE' WHEN 'R' THEN ' ENABLE REPLICA' ELSE ' ENABLE ALWAYS' END
  || ' TRIGGER ' || quote_ident(t.tgname)
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT t.tgisinternal AND t.tgenabled <> 'O' AND n.nspname IN (${inList})
UNION ALL
${commentsSql(inList)}`;
}

/**
 * Comments on the objects beyond tables (views and their columns, materialized views, sequences,
 * routines, triggers, domains and types), which the model does not hold, as `COMMENT ON` statements.
 */
function commentsSql(inList: string): string {
  return `SELECT 'comment', n.nspname, c.relname || coalesce('.' || a.attname, ''),
  'COMMENT ON ' || CASE WHEN d.objsubid <> 0 THEN 'COLUMN' WHEN c.relkind = 'v' THEN 'VIEW'
    WHEN c.relkind = 'm' THEN 'MATERIALIZED VIEW' ELSE 'SEQUENCE' END || ' ' || quote_ident(n.nspname) || '.'
  || quote_ident(c.relname) || coalesce('.' || quote_ident(a.attname), '') || ' IS ' || quote_literal(d.description)
FROM pg_description d JOIN pg_class c ON d.classoid = 'pg_class'::regclass AND d.objoid = c.oid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0
WHERE c.relkind IN ('v', 'm', 'S') AND n.nspname IN (${inList}) AND ${notInExtension("pg_class", "c.oid")}
UNION ALL
SELECT 'comment', n.nspname, p.proname || '(' || oidvectortypes(p.proargtypes) || ')',
  'COMMENT ON ' || CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END
  || ' ' || p.oid::regprocedure::text || ' IS ' || quote_literal(d.description)
FROM pg_description d JOIN pg_proc p ON d.classoid = 'pg_proc'::regclass AND d.objoid = p.oid
JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname IN (${inList}) AND ${notInExtension("pg_proc", "p.oid")}
UNION ALL
SELECT 'comment', n.nspname, c.relname || '.' || t.tgname,
  'COMMENT ON TRIGGER ' || quote_ident(t.tgname) || ' ON ' || t.tgrelid::regclass::text || ' IS ' || quote_literal(d.description)
FROM pg_description d JOIN pg_trigger t ON d.classoid = 'pg_trigger'::regclass AND d.objoid = t.oid
JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname IN (${inList})
UNION ALL
SELECT 'comment', n.nspname, t.typname,
  'COMMENT ON ' || CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END || ' ' || t.oid::regtype::text
  || ' IS ' || quote_literal(d.description)
FROM pg_description d JOIN pg_type t ON d.classoid = 'pg_type'::regclass AND d.objoid = t.oid
JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype IN ('d', 'e', 'c') AND n.nspname IN (${inList}) AND ${notInExtension("pg_type", "t.oid")}`;
}

const TYPE_LIMITS: Readonly<Record<string, readonly [bigint, bigint]>> = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};

/** A sequence's options, leaving out those equal to `CREATE SEQUENCE`'s defaults. */
function sequenceOf(r: Record<string, unknown>): SequenceDefinition {
  const type = String(r.type);
  const [low, high] = TYPE_LIMITS[type] ?? TYPE_LIMITS.bigint;
  const increment = BigInt(String(r.increment));
  const up = increment > 0n;
  const defaults = {
    increment: 1n,
    minValue: up ? 1n : low,
    maxValue: up ? high : -1n,
    start: up ? BigInt(String(r.min)) : BigInt(String(r.max)),
    cache: 1n,
  };
  const values = {
    increment,
    minValue: BigInt(String(r.min)),
    maxValue: BigInt(String(r.max)),
    start: BigInt(String(r.start)),
    cache: BigInt(String(r.cache)),
  };
  const out: Record<string, unknown> = type === "bigint" ? {} : { type };
  for (const k of ["start", "increment", "minValue", "maxValue", "cache"] as const) {
    const v = values[k];
    // A value JavaScript cannot hold exactly is left to the default rather than written wrong.
    if (v !== defaults[k] && v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)) {
      out[k] = Number(v);
    }
  }
  if (r.cycle === true) out.cycle = true;
  return out as SequenceDefinition;
}

/** A domain's definition; each check's condition without the `CHECK (...)` around it. */
function domainOf(r: Record<string, unknown>): DomainDefinition {
  const checks = ((r.checks as { name: string; def: string }[] | null) ?? []).map((c) => ({
    name: c.name,
    condition: c.def.replace(/^CHECK \(/, "").replace(/\)$/, ""),
  }));
  return {
    type: String(r.type),
    ...(r.notnull === true ? { nullable: false } : {}),
    ...(r.default !== null && r.default !== undefined ? { default: String(r.default) } : {}),
    ...(checks.length ? { checks } : {}),
  };
}
