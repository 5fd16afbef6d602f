/**
 * Rename hints for tables, as `columns.ts` gives them for columns: a table that goes away while a
 * new one with the same columns (same names, same types as the database spells them) appears may
 * be a rename. The differ still writes `createTable` and `dropTable`, since it cannot know; the
 * hint above the `dropTable` tells how to keep the data instead (Alembic detects no renames at all).
 *
 * @module
 */
import { splitTableKey, type Table } from "../model.ts";
import type { SchemaNormalizer } from "../normalizer.ts";
import { columnType } from "./_column_key.ts";

/** A removed table's rename hint. */
export interface TableRenameHint {
  /** The added tables (names, in its schema) with the same columns. */
  readonly candidates: readonly string[];
  /** The comment to write above its `dropTable`: the `renameTable` call that keeps the data. */
  readonly comment: string;
}

/**
 * The rename hint of each removed table that has a look-alike among the added ones.
 *
 * @param added the new tables, by key
 * @param removed the tables that go away, by key
 * @param normalizer the database's type spellings (`integer` and `int4` are one type)
 * @returns the hint of each removed table, by its key; a removed table whose columns match no
 *   added table (in the same schema) has none
 * @example
 * ```ts
 * import { tableRenameHints } from "./table_renames.ts";
 * import { normalizerFor } from "../introspect.ts";
 * const hints = tableRenameHints(
 *   { person: { columns: { id: { type: "integer" } } } },
 *   { people: { columns: { id: { type: "integer" } } } },
 *   await normalizerFor("sqlite"),
 * );
 * // hints.get("people"): { candidates: ["person"], comment: '... op.renameTable("people", "person");' }
 * ```
 */
export function tableRenameHints(
  added: Readonly<Record<string, Table>>,
  removed: Readonly<Record<string, Table>>,
  normalizer: SchemaNormalizer,
): Map<string, TableRenameHint> {
  const hints = new Map<string, TableRenameHint>();
  const shapes = new Map(Object.entries(added).map(([k, t]) => [k, shapeOf(t, normalizer)]));
  for (const [key, table] of Object.entries(removed)) {
    const { schema, table: name } = splitTableKey(key);
    const shape = shapeOf(table, normalizer);
    // renameTable keeps a table in its schema, so a look-alike elsewhere is no rename.
    const candidates = [...shapes].filter(([k, s]) => s === shape && splitTableKey(k).schema === schema)
      .map(([k]) => splitTableKey(k).table);
    if (candidates.length === 0) continue;
    const so = schema ? `, { schema: ${JSON.stringify(schema)} }` : "";
    hints.set(key, {
      candidates,
      comment: `"${name}" was dropped and ${
        candidates.map((x) => `"${x}"`).join(", ")
      } created with the same columns.\nIf this is a rename, keep the data by replacing the createTable and dropTable calls with:\n` +
        `op.renameTable(${JSON.stringify(name)}, ${JSON.stringify(candidates[0])}${so});`,
    });
  }
  return hints;
}

/** A table's columns as one text: names and canonical types, in name order. */
function shapeOf(table: Table, normalizer: SchemaNormalizer): string {
  return JSON.stringify(
    Object.keys(table.columns).sort().map((c) => [c, columnType(table.columns[c], normalizer)]),
  );
}
