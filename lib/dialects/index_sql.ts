/**
 * The clauses of `CREATE INDEX` that differ between databases: the kind keyword (`UNIQUE`,
 * `FULLTEXT`, `SPATIAL`), the access method, each column's collation, operator class, order and
 * NULLS placement, `INCLUDE` and `NULLS NOT DISTINCT`. Each dialect describes what its grammar has
 * as plain data ({@link IndexSyntax}); an option it lacks is refused with a message naming the way
 * out, never dropped.
 *
 * @module
 */
import { indexColumnName, indexColumnOptions, indexColumnSql } from "../operations/index_columns.ts";
import type { IndexColumn, IndexOptions } from "../operations/types.ts";

/** What a database's `CREATE INDEX` grammar has. */
export interface IndexSyntax {
  /** Database name for messages, e.g. `SQLite`. */
  readonly label: string;
  /** Where `USING method` goes: before the column list (PostgreSQL), after it (MySQL), or nowhere. */
  readonly using: "beforeColumns" | "afterColumns" | false;
  /** `NULLS FIRST` / `NULLS LAST` on a column. */
  readonly nulls: boolean;
  /** `COLLATE` on a column. */
  readonly collation: boolean;
  /** An operator class after a column. */
  readonly opclass: boolean;
  /** `INCLUDE (...)` and `NULLS NOT DISTINCT`. */
  readonly include: boolean;
  /** `FULLTEXT` / `SPATIAL` and prefix lengths `name(10)`. */
  readonly mysqlKinds: boolean;
}

/** Why a clause cannot be rendered, and what to do instead. */
export type IndexRefusal = (message: string, hint: string) => Error;

/**
 * The keyword before `INDEX`: `UNIQUE `, `FULLTEXT `, `SPATIAL ` or nothing.
 *
 * @param name index name for messages
 * @param op the index's options
 * @param syntax the database's grammar
 * @param refuse builds the error for an option the database lacks
 * @returns the keyword with a trailing space, or an empty string
 * @throws what `refuse` returns, for FULLTEXT or SPATIAL where the database has none
 */
export function indexKindKeyword(
  name: string,
  op: IndexOptions,
  syntax: IndexSyntax,
  refuse: IndexRefusal,
): string {
  for (const kind of ["fulltext", "spatial"] as const) {
    if (op[kind] !== true) continue;
    if (!syntax.mysqlKinds) {
      throw refuse(
        `Cannot create ${kind.toUpperCase()} index "${name}" on ${syntax.label}: only MySQL/MariaDB have it`,
        `drop ${kind}: true, or use a ${syntax.using ? "different access method (using)" : "plain index"}`,
      );
    }
    return `${kind.toUpperCase()} `;
  }
  return op.unique ? "UNIQUE " : "";
}

/**
 * ` USING method` for the given slot, or nothing.
 *
 * @param name index name for messages
 * @param op the index's options
 * @param slot where the caller is in the statement
 * @param syntax the database's grammar
 * @param refuse builds the error for an option the database lacks
 * @returns the clause with a leading space, or an empty string
 * @throws what `refuse` returns, for `using` where the database has no access methods
 */
export function indexUsing(
  name: string,
  op: IndexOptions,
  slot: "beforeColumns" | "afterColumns",
  syntax: IndexSyntax,
  refuse: IndexRefusal,
): string {
  if (op.using === undefined) return "";
  if (syntax.using === false) {
    throw refuse(
      `Cannot create index "${name}" USING ${op.using} on ${syntax.label}: it has no index access methods`,
      "drop the using option for this database",
    );
  }
  if (syntax.using !== slot) return "";
  return ` USING ${syntax.using === "afterColumns" ? op.using.toUpperCase() : op.using}`;
}

/**
 * The column list of an index (without its parentheses): names quoted, expressions in parentheses,
 * each followed by its prefix length, collation, operator class, order and NULLS placement.
 *
 * @param name index name for messages
 * @param columns the index's entries
 * @param op the index's options (`lengths`)
 * @param syntax the database's grammar
 * @param quote quotes an identifier
 * @param refuse builds the error for an option the database lacks
 * @returns the list, comma-separated
 * @throws what `refuse` returns, for a column option the database lacks
 */
export function indexColumnsSql(
  name: string,
  columns: readonly IndexColumn[],
  op: IndexOptions | undefined,
  syntax: IndexSyntax,
  quote: (name: string) => string,
  refuse: IndexRefusal,
): string {
  const lacks = (what: string, hint: string) => {
    throw refuse(`Cannot create index "${name}" with ${what} on ${syntax.label}: it has none`, hint);
  };
  return columns.map((c) => {
    const column = indexColumnName(c);
    let sql = column !== undefined ? quote(column) : `(${indexColumnSql(c)})`;
    const length = column !== undefined && syntax.mysqlKinds ? op?.lengths?.[column] : undefined;
    if (length !== undefined) sql += `(${length})`;
    const o = indexColumnOptions(c);
    if (o.collation !== undefined) {
      if (!syntax.collation) lacks(`COLLATE ${o.collation} on a column`, "drop the collation option");
      sql += ` COLLATE ${quote(o.collation)}`;
    }
    if (o.opclass !== undefined) {
      if (!syntax.opclass) lacks(`operator class ${o.opclass}`, "drop the opclass option");
      sql += ` ${o.opclass}`;
    }
    if (o.order === "desc") sql += " DESC";
    else if (o.order === "asc" && o.nulls !== undefined) sql += " ASC";
    if (o.nulls !== undefined) {
      if (!syntax.nulls) lacks(`NULLS ${o.nulls.toUpperCase()}`, "drop the nulls option");
      sql += ` NULLS ${o.nulls.toUpperCase()}`;
    }
    return sql;
  }).join(", ");
}

/**
 * ` INCLUDE (...)` and ` NULLS NOT DISTINCT` after the column list, or nothing.
 *
 * @param name index name for messages
 * @param op the index's options
 * @param syntax the database's grammar
 * @param quote quotes an identifier
 * @param refuse builds the error for an option the database lacks
 * @returns the clauses with a leading space, or an empty string
 * @throws what `refuse` returns, where the database has neither
 */
export function indexTail(
  name: string,
  op: IndexOptions,
  syntax: IndexSyntax,
  quote: (name: string) => string,
  refuse: IndexRefusal,
): string {
  let sql = "";
  if (op.include !== undefined && op.include.length > 0) {
    if (!syntax.include) {
      throw refuse(
        `Cannot create index "${name}" with INCLUDE columns on ${syntax.label}: it has no covering columns`,
        "move the columns into the index key, or drop include",
      );
    }
    sql += ` INCLUDE (${op.include.map(quote).join(", ")})`;
  }
  if (op.nullsNotDistinct === true) {
    if (!syntax.include) {
      throw refuse(
        `Cannot create index "${name}" NULLS NOT DISTINCT on ${syntax.label}: it has no such option`,
        "drop nullsNotDistinct",
      );
    }
    sql += " NULLS NOT DISTINCT";
  }
  return sql;
}
