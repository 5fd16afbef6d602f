/**
 * The schema model (DESIGN.md section 2): plain, readonly data that both a schema file and a live
 * database's introspection produce, and that `compareSchemas` diffs into operations. Columns are
 * the shared {@link Column} of `lib/operations/types.ts`, the same shape scripts use.
 *
 * A table may say a one-column key, unique constraint or foreign key on the column itself
 * (`primaryKey`, `unique`, `references`) or at table level; {@link normalizeTable} folds the column
 * forms into the table-level lists so both spellings compare equal.
 *
 * @module
 */
import { resolveReference } from "../operations/create.ts";
import type {
  CheckConstraint,
  Column,
  ExclusionConstraint,
  ForeignKeyConstraint,
  IndexDefinition,
  MysqlTableOptions,
  PrimaryKeyConstraint,
  SqliteTableOptions,
  TablePartitioning,
  UniqueConstraint,
} from "../operations/types.ts";
import type {
  DomainDefinition,
  Extension,
  RawObject,
  Routine,
  SequenceDefinition,
  Trigger,
  View,
} from "./objects.ts";

export type {
  CheckConstraint,
  DomainDefinition,
  ExclusionConstraint,
  Extension,
  ForeignKeyConstraint,
  IndexDefinition,
  PrimaryKeyConstraint,
  RawObject,
  Routine,
  SequenceDefinition,
  Trigger,
  UniqueConstraint,
  View,
};

/**
 * One table: the same fields as `createTable`'s options, so a table of a schema becomes a
 * `createTable` operation as it is. Column order is the order of `columns`' keys.
 */
export interface Table extends TablePartitioning {
  /** Columns by name, in table order; a column may carry `primaryKey`, `unique` or `references`. */
  readonly columns: Readonly<Record<string, Column>>;
  /** The table's primary key; when set, columns' own `primaryKey: true` is ignored. */
  readonly primaryKey?: PrimaryKeyConstraint;
  /** Unique constraints; an unnamed one gets `uq_<table>_<columns>` when autogenerate adds it. */
  readonly uniqueConstraints?: readonly UniqueConstraint[];
  /** Indexes, matched by name when compared. */
  readonly indexes?: readonly IndexDefinition[];
  /** Foreign keys; `referencedTable` is `table` or `schema.table`. */
  readonly foreignKeys?: readonly ForeignKeyConstraint[];
  /** `CHECK` constraints, matched by name or else by condition. */
  readonly checkConstraints?: readonly CheckConstraint[];
  /** PostgreSQL exclusion constraints (`EXCLUDE USING gist (...)`), matched by name or content. */
  readonly exclusionConstraints?: readonly ExclusionConstraint[];
  /** Table comment; not compared on SQLite, which stores none. */
  readonly comment?: string;
  /** MySQL storage options (ENGINE, DEFAULT CHARSET, COLLATE, ROW_FORMAT); ignored elsewhere. */
  readonly mysql?: MysqlTableOptions;
  /** SQLite options (WITHOUT ROWID, STRICT); ignored elsewhere. */
  readonly sqlite?: SqliteTableOptions;
}

/**
 * A whole schema: tables by name (`table`, or `schema.table` outside the default schema),
 * PostgreSQL enum types by name with their labels in order, and PostgreSQL schemas to create.
 */
export interface Schema {
  /** Tables by key: `table`, or `schema.table` outside the default schema. */
  readonly tables: Readonly<Record<string, Table>>;
  /** PostgreSQL enum types by name (`name` or `schema.name`) to their labels, in order. */
  readonly enums?: Readonly<Record<string, readonly string[]>>;
  /** PostgreSQL schemas besides the default one; autogenerate creates or drops schemas to match. */
  readonly schemas?: readonly string[];
  /** Views by name (`name` or `schema.name`), see `objects.ts`. */
  readonly views?: Readonly<Record<string, View>>;
  /** PostgreSQL materialized views by name. */
  readonly materializedViews?: Readonly<Record<string, View>>;
  /** Functions, procedures and aggregates by name (with argument types on PostgreSQL: `f(integer)`). */
  readonly functions?: Readonly<Record<string, Routine>>;
  /** Triggers, each naming its table. */
  readonly triggers?: readonly Trigger[];
  /** PostgreSQL standalone sequences by name (not those of serial or identity columns). */
  readonly sequences?: Readonly<Record<string, SequenceDefinition>>;
  /** PostgreSQL extensions by name. */
  readonly extensions?: Readonly<Record<string, Extension>>;
  /** PostgreSQL domains by name. */
  readonly domains?: Readonly<Record<string, DomainDefinition>>;
  /** Objects the model cannot hold yet, as the SQL that creates them (never dropped silently). */
  readonly rawObjects?: readonly RawObject[];
}

/** A table after {@link normalizeTable}: every constraint at table level, lists never absent. */
export interface NormalizedTable extends TablePartitioning {
  /** Columns without `primaryKey`, `unique` and `references` (those moved to the lists below). */
  readonly columns: Readonly<Record<string, Column>>;
  /** The table's `primaryKey`, else one made of the columns marked `primaryKey: true` (unnamed). */
  readonly primaryKey?: PrimaryKeyConstraint;
  /** The table's unique constraints plus one per column marked `unique: true` (no duplicates). */
  readonly uniqueConstraints: readonly UniqueConstraint[];
  /** The table's indexes, unchanged. */
  readonly indexes: readonly IndexDefinition[];
  /** The table's foreign keys plus one per column `references`, resolved to table-level form. */
  readonly foreignKeys: readonly ForeignKeyConstraint[];
  /** The table's check constraints, unchanged. */
  readonly checkConstraints: readonly CheckConstraint[];
  /** The table's exclusion constraints, unchanged. */
  readonly exclusionConstraints: readonly ExclusionConstraint[];
  /** The table's comment, when it has one. */
  readonly comment?: string;
  /** The table's MySQL options, when it has some. */
  readonly mysql?: MysqlTableOptions;
  /** The table's SQLite options, when it has some. */
  readonly sqlite?: SqliteTableOptions;
}

/**
 * Fold column-level `primaryKey`, `unique` and `references` into table-level constraints, so that
 * `{ id: { type: "integer", primaryKey: true } }` and `primaryKey: { columns: ["id"] }` are the
 * same table. A primary key column is made `nullable: false` (as the database makes it).
 *
 * @param table a table as written in a schema file or introspected
 * @returns a new table whose columns carry no constraint keys
 * @throws {TypeError} when a column's `references` string cannot be resolved
 */
export function normalizeTable(table: Table): NormalizedTable {
  const columns: Record<string, Column> = {};
  const pkColumns: string[] = [];
  const uniques: UniqueConstraint[] = [...(table.uniqueConstraints ?? [])];
  const foreignKeys: ForeignKeyConstraint[] = [...(table.foreignKeys ?? [])];
  const tablePk = table.primaryKey?.columns ?? [];
  for (const [name, column] of Object.entries(table.columns)) {
    const { primaryKey, unique, references, ...rest } = column;
    if (primaryKey === true) pkColumns.push(name);
    if (unique === true && !uniques.some((u) => u.columns.length === 1 && u.columns[0] === name)) {
      uniques.push({ columns: [name] });
    }
    if (references !== undefined) {
      const ref = resolveReference(references);
      foreignKeys.push({
        columns: [name],
        referencedTable: ref.schema ? `${ref.schema}.${ref.table}` : ref.table,
        referencedColumns: [ref.column],
        ...(ref.onDelete ? { onDelete: ref.onDelete } : {}),
        ...(ref.onUpdate ? { onUpdate: ref.onUpdate } : {}),
        ...(ref.name ? { name: ref.name } : {}),
      });
    }
    const inKey = primaryKey === true || tablePk.includes(name);
    columns[name] = inKey ? { ...rest, nullable: false } : { ...rest };
  }
  let primaryKey = table.primaryKey;
  if (primaryKey === undefined && pkColumns.length > 0) primaryKey = { columns: pkColumns };
  return {
    columns,
    ...(primaryKey ? { primaryKey } : {}),
    uniqueConstraints: uniques,
    indexes: [...(table.indexes ?? [])],
    foreignKeys,
    checkConstraints: [...(table.checkConstraints ?? [])],
    exclusionConstraints: [...(table.exclusionConstraints ?? [])],
    ...(table.comment !== undefined ? { comment: table.comment } : {}),
    ...(table.mysql !== undefined ? { mysql: table.mysql } : {}),
    ...(table.sqlite !== undefined ? { sqlite: table.sqlite } : {}),
    ...(table.partitionBy !== undefined ? { partitionBy: table.partitionBy } : {}),
    ...(table.partitionOf !== undefined ? { partitionOf: table.partitionOf } : {}),
    ...(table.inherits !== undefined ? { inherits: table.inherits } : {}),
  };
}

/**
 * Split a schema's table key into schema and table name (`"sales.order"` -> `sales`, `order`).
 *
 * @param key a key of {@link Schema.tables}
 * @returns the table name and, when qualified, its schema
 */
export function splitTableKey(key: string): { readonly schema?: string; readonly table: string } {
  const at = key.indexOf(".");
  return at < 0 ? { table: key } : { schema: key.slice(0, at), table: key.slice(at + 1) };
}
