/**
 * The storage options of a table present on both sides, where the database has them
 * (`storageOptions`, MySQL): ENGINE, DEFAULT CHARSET, COLLATE and ROW_FORMAT are compared when the
 * schema file names them (else the database's defaults are fine), PARTITION BY always (a table
 * partitioned on one side only differs).
 *
 * @module
 */
import * as create from "../../operations/create.ts";
import type { MysqlTableOptions } from "../../operations/types.ts";
import { type TableComparison, type TablePair, tableStep } from "./_step.ts";

const NAMED = ["engine", "charset", "collate", "rowFormat"] as const;

/**
 * Compare the storage options of `pair`'s table.
 *
 * @param pair the table on both sides and the normaliser
 * @returns an `execute` step with the dialect's `ALTER TABLE` both ways (slot `other`) and one
 *   detail line per option, or nothing
 */
export function compareTableOptions(pair: TablePair): TableComparison {
  const { target: t, current: c, normalizer: n, name, so } = pair;
  if (!n.capabilities.storageOptions || n.alterTableOptions === undefined) return { steps: [], details: [] };
  const want = t.mysql ?? {};
  const have = c.mysql ?? {};
  const up: Record<string, string> = {};
  const down: Record<string, string> = {};
  const details: string[] = [];
  for (const key of NAMED) {
    const w = want[key];
    if (w === undefined || w.toLowerCase() === (have[key] ?? "").toLowerCase()) continue;
    up[key] = w;
    if (have[key] !== undefined) down[key] = have[key]!;
    details.push(`${key} ${have[key] ?? "default"} -> ${w}`);
  }
  if (partitionKey(want.partitionBy) !== partitionKey(have.partitionBy)) {
    up.partitionBy = want.partitionBy ?? "";
    down.partitionBy = have.partitionBy ?? "";
    details.push(want.partitionBy === undefined ? "partitioning removed" : "partitioning changed");
  }
  if (details.length === 0) return { steps: [], details: [] };
  const sql = (o: MysqlTableOptions) => n.alterTableOptions!(name, so.schema, o);
  const step = { ...tableStep(pair, create.execute(sql(up))), down: create.execute(sql(down)) };
  return { steps: [{ slot: "other", step }], details };
}

/** A partition clause compared without its quotes, spaces and letter case. */
function partitionKey(clause: string | undefined): string {
  return (clause ?? "").replace(/[`\s]/g, "").toLowerCase();
}
