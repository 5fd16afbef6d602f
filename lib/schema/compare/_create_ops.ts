/**
 * The operations that create an object of the schema model as it is: a whole table, a foreign
 * key, an index. Comparators use them for what is new; `inverse.ts` for what a drop removed.
 *
 * @module
 */
import * as create from "../../operations/create.ts";
import type { Column, ForeignKeyConstraint, IndexDefinition, Operation } from "../../operations/types.ts";
import { type NormalizedTable, splitTableKey } from "../model.ts";

/** A `createTable` for a normalised table, with a lone unnamed primary key written on its column. */
export function createTableOp(name: string, schema: string | undefined, t: NormalizedTable): Operation {
  const columns: Record<string, Column> = {};
  const inlinePk = t.primaryKey && t.primaryKey.columns.length === 1 && !t.primaryKey.name
    ? t.primaryKey.columns[0]
    : undefined;
  for (const [col, def] of Object.entries(t.columns)) {
    if (col === inlinePk) {
      const { nullable: _, ...rest } = def;
      columns[col] = { ...rest, primaryKey: true };
    } else {
      columns[col] = def;
    }
  }
  return create.createTable(name, columns, {
    ...(schema ? { schema } : {}),
    ...(t.primaryKey && inlinePk === undefined ? { primaryKey: t.primaryKey } : {}),
    ...(t.uniqueConstraints.length ? { uniqueConstraints: t.uniqueConstraints } : {}),
    ...(t.foreignKeys.length ? { foreignKeys: t.foreignKeys } : {}),
    ...(t.checkConstraints.length ? { checkConstraints: t.checkConstraints } : {}),
    ...(t.indexes.length ? { indexes: t.indexes } : {}),
    ...(t.comment !== undefined ? { comment: t.comment } : {}),
    ...(t.mysql !== undefined ? { mysql: t.mysql } : {}),
    ...(t.sqlite !== undefined ? { sqlite: t.sqlite } : {}),
    ...(t.partitionBy !== undefined ? { partitionBy: t.partitionBy } : {}),
    ...(t.partitionOf !== undefined ? { partitionOf: t.partitionOf } : {}),
    ...(t.inherits !== undefined ? { inherits: t.inherits } : {}),
  });
}

/**
 * The name autogenerate gives an unnamed foreign key it adds: `fk_<table>_<columns>_<referenced>`.
 */
export function foreignKeyName(table: string, f: ForeignKeyConstraint): string {
  return f.name ?? `fk_${table}_${f.columns.join("_")}_${splitTableKey(f.referencedTable).table}`;
}

/** A `createForeignKey` for foreign key `f` of table `table` (in `schema`). */
export function createForeignKeyOp(
  table: string,
  schema: string | undefined,
  f: ForeignKeyConstraint,
): Operation {
  const ref = splitTableKey(f.referencedTable);
  return create.createForeignKey(foreignKeyName(table, f), table, ref.table, f.columns, f.referencedColumns, {
    ...(schema ? { schema } : {}),
    ...(ref.schema && ref.schema !== schema ? { referencedSchema: ref.schema } : {}),
    ...(f.onDelete ? { onDelete: f.onDelete } : {}),
    ...(f.onUpdate ? { onUpdate: f.onUpdate } : {}),
    ...(f.match === "full" ? { match: "full" as const } : {}),
    ...(f.notValid ? { notValid: true } : {}),
    ...deferrableOf(f),
  });
}

/** A `createIndex` for index `i` of `table`. */
export function createIndexOp(
  table: string,
  so: { readonly schema?: string },
  i: IndexDefinition,
): Operation {
  return create.createIndex(i.name, table, i.columns, {
    ...so,
    ...(i.unique ? { unique: true } : {}),
    ...(i.where ? { where: i.where } : {}),
    ...(i.lengths ? { lengths: i.lengths } : {}),
    ...(i.using ? { using: i.using } : {}),
    ...(i.include?.length ? { include: i.include } : {}),
    ...(i.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
    ...(i.fulltext ? { fulltext: true } : {}),
    ...(i.spatial ? { spatial: true } : {}),
  });
}

/** The `deferrable` / `initiallyDeferred` options of a constraint, only when set. */
export function deferrableOf(x: { readonly deferrable?: boolean; readonly initiallyDeferred?: boolean }) {
  return {
    ...(x.deferrable ? { deferrable: true } : {}),
    ...(x.initiallyDeferred ? { initiallyDeferred: true } : {}),
  };
}
