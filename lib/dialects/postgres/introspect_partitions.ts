/**
 * PostgreSQL partitioning and inheritance as `introspectPostgres` reads them, in one query over the
 * tables (never one per table): a partitioned table's key (`pg_get_partkeydef`), a partition's
 * parent and bound (`pg_get_expr(relpartbound)`), and the parents of a table made with INHERITS.
 *
 * @module
 */
import type { TableDraft } from "../_introspect.ts";

/**
 * The query, over the relations `relFilter` selects (aliases `c` for pg_class, `n` for its
 * namespace), returning only those partitioned, partitions or heirs.
 *
 * @param relFilter the introspection's filter of relations
 * @returns the SQL text
 */
export const PARTITIONING_QUERY = (relFilter: string): string =>
  `SELECT n.nspname AS schema, c.relname AS table,
  CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_by,
  CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS bound,
  c.relispartition AS is_partition,
  array(SELECT json_build_object('schema', pn.nspname, 'table', pc.relname)::text FROM pg_inherits ih
    JOIN pg_class pc ON pc.oid = ih.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace
    WHERE ih.inhrelid = c.oid ORDER BY ih.inhseqno) AS parents
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE ${relFilter} AND (c.relkind = 'p' OR c.relispartition
  OR EXISTS (SELECT 1 FROM pg_inherits ih WHERE ih.inhrelid = c.oid))`;

/**
 * Set `partitionBy`, `partitionOf` and `inherits` on the drafts the rows name; a partition's
 * columns lose the autoincrement they have from their parent.
 *
 * @param drafts the tables being read, by key
 * @param rows the rows of {@link PARTITIONING_QUERY}
 * @param key the table key of a schema and table name (`table` in the main schema)
 */
export function applyPartitioning(
  drafts: Map<string, TableDraft>,
  rows: readonly Record<string, unknown>[],
  key: (schema: string, table: string) => string,
): void {
  for (const r of rows) {
    const draft = drafts.get(key(String(r.schema), String(r.table)));
    if (!draft) continue;
    if (typeof r.partition_by === "string") draft.partitionBy = r.partition_by;
    const parents = ((r.parents as string[] | null) ?? []).map((p) => {
      const { schema, table } = JSON.parse(p) as { schema: string; table: string };
      return key(schema, table);
    });
    if (r.is_partition === true && parents.length > 0 && typeof r.bound === "string") {
      draft.partitionOf = { table: parents[0], bound: r.bound };
      // A partition's sequence default or identity is its parent's (copied when it was attached).
      for (const [name, { autoincrement: _a, identity: _i, ...column }] of Object.entries(draft.columns)) {
        draft.columns[name] = column;
      }
    } else if (parents.length > 0) {
      draft.inherits = parents;
    }
  }
}
