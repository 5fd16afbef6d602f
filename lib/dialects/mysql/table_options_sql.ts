/**
 * The `ALTER TABLE` that gives a MySQL / MariaDB table other storage options, for the differ
 * (`SchemaNormalizer.alterTableOptions`): the differ knows what moved, MySQL how to say it.
 *
 * @module
 */
import type { MysqlTableOptions } from "../../operations/types.ts";
import { quoteName } from "../_sql.ts";

/**
 * `ALTER TABLE t ENGINE=x, DEFAULT CHARSET=y, COLLATE=z, ROW_FORMAT=r` for the options given, then
 * `PARTITION BY ...` or `REMOVE PARTITIONING` (which MySQL takes only as the last clause).
 *
 * @param table the table's name
 * @param schema its database, when not the connection's
 * @param options the options to set; `partitionBy: ""` removes the partitioning
 * @returns one statement
 */
export function mysqlAlterTableOptions(
  table: string,
  schema: string | undefined,
  options: MysqlTableOptions & { readonly partitionBy?: string },
): string {
  const name = schema ? `${quoteName(schema, "`")}.${quoteName(table, "`")}` : quoteName(table, "`");
  const parts: string[] = [];
  if (options.engine) parts.push(`ENGINE=${options.engine}`);
  if (options.charset) parts.push(`DEFAULT CHARSET=${options.charset}`);
  if (options.collate) parts.push(`COLLATE=${options.collate}`);
  if (options.rowFormat) parts.push(`ROW_FORMAT=${options.rowFormat}`);
  const partition = options.partitionBy === undefined
    ? ""
    : options.partitionBy === ""
    ? " REMOVE PARTITIONING"
    : ` PARTITION BY ${options.partitionBy}`;
  return `ALTER TABLE ${name}${parts.length ? ` ${parts.join(", ")}` : ""}${partition}`;
}
