/**
 * Private: the bookkeeping the introspectors share. Catalog queries return one row per column of a
 * key or index ({@link groupRows} gathers them), and each table is filled in as a
 * {@link TableDraft} before it becomes a {@link Table} ({@link finishTables}).
 *
 * @module
 */
import type { Column } from "../operations/types.ts";
import type {
  CheckConstraint,
  ExclusionConstraint,
  ForeignKeyConstraint,
  IndexDefinition,
  Table,
  UniqueConstraint,
} from "../schema/model.ts";

/** A table while its catalog rows are read: every list present, possibly empty. */
export interface TableDraft {
  columns: Record<string, Column>;
  primaryKey?: Table["primaryKey"];
  uniqueConstraints: UniqueConstraint[];
  indexes: IndexDefinition[];
  foreignKeys: ForeignKeyConstraint[];
  checkConstraints: CheckConstraint[];
  /** PostgreSQL exclusion constraints; absent where the database has none. */
  exclusionConstraints?: ExclusionConstraint[];
  comment?: string;
  mysql?: Table["mysql"];
  partitionBy?: string;
  partitionOf?: Table["partitionOf"];
  inherits?: readonly string[];
}

/**
 * Rows gathered by key, keys and rows in the order met.
 *
 * @param rows catalog rows
 * @param keyOf the key of a row, e.g. table and constraint name joined by `\u0000`
 * @returns the rows of each key
 */
export function groupRows<T>(rows: Iterable<T>, keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = keyOf(row);
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(row);
  }
  return groups;
}

/**
 * The finished tables, sorted by key (code unit order), with empty lists and absent fields left out.
 *
 * @param drafts the drafts by table key
 * @returns the tables by key
 */
export function finishTables(drafts: ReadonlyMap<string, TableDraft>): Record<string, Table> {
  const tables: Record<string, Table> = {};
  for (const [k, d] of [...drafts].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) {
    tables[k] = {
      columns: d.columns,
      ...(d.primaryKey ? { primaryKey: d.primaryKey } : {}),
      ...(d.uniqueConstraints.length ? { uniqueConstraints: d.uniqueConstraints } : {}),
      ...(d.indexes.length ? { indexes: d.indexes } : {}),
      ...(d.foreignKeys.length ? { foreignKeys: d.foreignKeys } : {}),
      ...(d.checkConstraints.length ? { checkConstraints: d.checkConstraints } : {}),
      ...(d.exclusionConstraints?.length ? { exclusionConstraints: d.exclusionConstraints } : {}),
      ...(d.comment !== undefined ? { comment: d.comment } : {}),
      ...(d.mysql !== undefined ? { mysql: d.mysql } : {}),
      ...(d.partitionBy !== undefined ? { partitionBy: d.partitionBy } : {}),
      ...(d.partitionOf !== undefined ? { partitionOf: d.partitionOf } : {}),
      ...(d.inherits !== undefined ? { inherits: d.inherits } : {}),
    };
  }
  return tables;
}
