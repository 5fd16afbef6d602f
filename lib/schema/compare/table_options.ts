/**
 * The storage options and partitioning of a table present on both sides. Where the database has
 * storage options (`storageOptions`, MySQL), ENGINE, DEFAULT CHARSET, COLLATE and ROW_FORMAT are
 * compared when the schema file names them (else the database's defaults are fine) and changed by
 * the dialect's `ALTER TABLE`; PARTITION BY, PARTITION OF and INHERITS are always compared (a table
 * partitioned on one side only differs), and changed in place where the dialect can (MySQL).
 *
 * @module
 */
import * as create from "../../operations/create.ts";
import type { MysqlTableOptions } from "../../operations/types.ts";
import { type TableComparison, type TablePair, tableStep } from "./_step.ts";

const NAMED = ["engine", "charset", "collate", "rowFormat"] as const;

/**
 * Compare the storage options and partitioning of `pair`'s table.
 *
 * @param pair the table on both sides and the normaliser
 * @returns an `execute` step with the dialect's `ALTER TABLE` both ways (slot `other`) where it has
 *   one, and one detail line per difference
 */
export function compareTableOptions(pair: TablePair): TableComparison {
  const { target: t, current: c, normalizer: n, name, so } = pair;
  const up: Record<string, string> = {};
  const down: Record<string, string> = {};
  const details: string[] = [];
  if (n.capabilities.storageOptions) {
    const want = t.mysql ?? {};
    const have = c.mysql ?? {};
    for (const key of NAMED) {
      const w = want[key];
      if (w === undefined || w.toLowerCase() === (have[key] ?? "").toLowerCase()) continue;
      up[key] = w;
      if (have[key] !== undefined) down[key] = have[key]!;
      details.push(`${key} ${have[key] ?? "default"} -> ${w}`);
    }
  }
  if (sqlKey(t.partitionBy) !== sqlKey(c.partitionBy)) {
    up.partitionBy = t.partitionBy ?? "";
    down.partitionBy = c.partitionBy ?? "";
    details.push(t.partitionBy === undefined ? "partitioning removed" : "partitioning changed");
  }
  if (n.capabilities.rowidTables) {
    for (const key of ["withoutRowid", "strict"] as const) {
      const w = t.sqlite?.[key] ?? false;
      if (w !== (c.sqlite?.[key] ?? false)) {
        details.push(`${key === "strict" ? "STRICT" : "WITHOUT ROWID"} ${w ? "added" : "removed"}`);
      }
    }
  }
  const parent = (x: typeof t) =>
    x.partitionOf ? `${x.partitionOf.table} ${sqlKey(x.partitionOf.bound)}` : "";
  if (parent(t) !== parent(c)) details.push("partition of another table, or its bounds, changed");
  if ((t.inherits ?? []).join(",") !== (c.inherits ?? []).join(",")) details.push("inherited tables changed");
  const alterable = Object.keys(up).length > 0 && n.alterTableOptions !== undefined;
  if (!alterable) return { steps: [], details };
  const sql = (o: MysqlTableOptions & { partitionBy?: string }) => n.alterTableOptions!(name, so.schema, o);
  const step = { ...tableStep(pair, create.execute(sql(up))), down: create.execute(sql(down)) };
  return { steps: [{ slot: "other", step }], details };
}

/** SQL text compared without its quotes, spaces and letter case. */
function sqlKey(clause: string | undefined): string {
  return (clause ?? "").replace(/[`"\s]/g, "").toLowerCase();
}
