/**
 * The MySQL / MariaDB table and column attributes beyond type, nullability and default, as
 * `introspectMysql` reads them: table options (ENGINE, DEFAULT CHARSET, COLLATE, ROW_FORMAT,
 * PARTITION BY with its partitions), a column's own character set and collation, `ON UPDATE`, and
 * the spellings that keep MySQL's TIMESTAMP and a BINARY default what they are.
 *
 * @module
 */
import type { Column, MysqlTableOptions } from "../../operations/types.ts";

/**
 * One row per partition (or subpartition) of every partitioned table of the current database, in
 * order; `information_schema.partitions` holds a single row with a NULL method for a table without
 * partitions, which the query leaves out.
 */
export const PARTITIONS_QUERY = `SELECT table_name AS t, partition_name AS name, partition_method AS method,
  partition_expression AS expr, partition_description AS bound, subpartition_name AS sub,
  subpartition_method AS sub_method, subpartition_expression AS sub_expr
FROM information_schema.partitions
WHERE table_schema = database() AND partition_method IS NOT NULL
ORDER BY table_name, partition_ordinal_position, subpartition_ordinal_position`;

/**
 * The text after `PARTITION BY` of each partitioned table, rebuilt from its partitions' rows:
 * `RANGE COLUMNS(from_date) (PARTITION p01 VALUES LESS THAN ('1985-12-31'), ...)`. Subpartitions
 * are declared by method and count (`SUBPARTITION BY HASH (x) SUBPARTITIONS 2`), as MySQL names
 * them itself.
 *
 * @param rows the rows of {@link PARTITIONS_QUERY}, keys in lower case
 * @returns the clause by table name
 */
export function mysqlPartitionClauses(rows: readonly Record<string, unknown>[]): Map<string, string> {
  const byTable = new Map<string, Record<string, unknown>[]>();
  for (const r of rows) {
    const t = String(r.t);
    if (!byTable.has(t)) byTable.set(t, []);
    byTable.get(t)!.push(r);
  }
  const out = new Map<string, string>();
  for (const [table, all] of byTable) {
    const first = all[0];
    const method = String(first.method);
    const expr = String(first.expr ?? "");
    const columns = /COLUMNS$/.test(method);
    // RANGE COLUMNS and LIST COLUMNS take a column list; the others an expression.
    const head = columns
      ? `${method.replace(/\s*COLUMNS$/, " COLUMNS")}(${expr})`
      : method.startsWith("LINEAR ") || /^(HASH|KEY)$/.test(method)
      ? `${method}(${expr})`
      : `${method} (${expr})`;
    const names = [...new Set(all.map((r) => String(r.name)))];
    const sub = first.sub_method ? ` SUBPARTITION BY ${first.sub_method}(${first.sub_expr ?? ""})` : "";
    const subCount = first.sub_method ? all.length / names.length : 0;
    const parts = names.map((name) => {
      const r = all.find((x) => String(x.name) === name)!;
      const bound = r.bound === null || r.bound === undefined ? "" : String(r.bound);
      const values = /^RANGE/.test(method)
        ? ` VALUES LESS THAN ${bound === "MAXVALUE" ? "MAXVALUE" : `(${bound})`}`
        : /^LIST/.test(method)
        ? ` VALUES IN (${bound})`
        : "";
      return `PARTITION ${quote(name)}${values}`;
    });
    out.set(table, `${head}${sub}${subCount > 1 ? ` SUBPARTITIONS ${subCount}` : ""} (${parts.join(", ")})`);
  }
  return out;
}

/**
 * A table's options as read: ENGINE, DEFAULT CHARSET and COLLATE always (a table keeps them whatever
 * the server's defaults are), ROW_FORMAT only when the table was created with one.
 *
 * @param r a row of the tables query: `engine`, `collation`, `charset`, `create_options`
 * @returns the options
 */
export function mysqlTableOptions(r: Record<string, unknown>): MysqlTableOptions {
  const out: { -readonly [K in keyof MysqlTableOptions]: MysqlTableOptions[K] } = {};
  if (r.engine) out.engine = String(r.engine);
  if (r.charset) out.charset = String(r.charset);
  if (r.collation) out.collate = String(r.collation);
  const rowFormat = /\brow_format=(\w+)/i.exec(String(r.create_options ?? ""));
  if (rowFormat) out.rowFormat = rowFormat[1].toUpperCase();
  return out;
}

/**
 * A column with its own character set and collation, set only where they differ from the table's
 * (so that a schema file names them only where the column departs from its table), and with a
 * BINARY column's default read back as written: BINARY(n) pads a value with NUL bytes, so the
 * trailing NULs are the database's padding, not the value.
 *
 * @param column the column as read
 * @param r its row: `charset`, `collation`, `type`
 * @param table the table's options
 * @returns the column, with `charset` and `collation` where they are its own
 */
export function withCharset(column: Column, r: Record<string, unknown>, table?: MysqlTableOptions): Column {
  let out = column;
  if (/^binary\(\d+\)$/i.test(String(r.type)) && typeof column.default === "string") {
    out = { ...out, default: column.default.replace(/\0+$/, "") };
  }
  const collation = r.collation === null || r.collation === undefined ? undefined : String(r.collation);
  if (collation === undefined || collation === table?.collate) return out;
  return { ...out, charset: String(r.charset), collation };
}

/**
 * The type to read for a column: MySQL's TIMESTAMP is spelt `timestamp(0)` (the same type), because
 * the portable `timestamp` means DATETIME on MySQL; any other type as the catalog gives it.
 *
 * @param columnType `information_schema.columns.column_type`
 * @returns the type to canonicalise
 */
export function mysqlColumnType(columnType: string): string {
  return /^timestamp$/i.test(columnType.trim()) ? "timestamp(0)" : columnType;
}

/**
 * The canonical `ON UPDATE` expression: MariaDB reports `current_timestamp()`, MySQL
 * `CURRENT_TIMESTAMP`; both are `CURRENT_TIMESTAMP` (with the precision when one is given).
 *
 * @param sql the expression as reported or written
 * @returns the canonical form
 */
export function mysqlOnUpdate(sql: string): string {
  const m = /^\s*(?:current_timestamp|now|localtimestamp|localtime)\s*(?:\(\s*(\d*)\s*\))?\s*$/i.exec(sql);
  if (!m) return sql.trim();
  return m[1] ? `CURRENT_TIMESTAMP(${m[1]})` : "CURRENT_TIMESTAMP";
}

/**
 * Undo MySQL's backslash escapes of a string default as `information_schema` prints it (`\0` is a
 * NUL byte, `\n` a newline, `\Z` Ctrl-Z, any other `\x` is `x`).
 *
 * @param text the quoted literal's content
 * @returns the string value
 */
export function unescapeMysqlString(text: string): string {
  const map: Readonly<Record<string, string>> = { "0": "\0", n: "\n", r: "\r", t: "\t", b: "\b", Z: "\x1a" };
  return text.replaceAll("''", "'").replace(/\\(.)/gs, (_, c: string) => map[c] ?? c);
}

function quote(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_$]*$/.test(name) ? name : `\`${name.replaceAll("`", "``")}\``;
}
