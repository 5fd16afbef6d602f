/**
 * The data every comparator of `compare/` shares: a step (one upgrade operation and what undoing
 * it needs), the slot that fixes its place in the script, and the pair of tables a table-level
 * comparator looks at.
 *
 * @module
 */
import type { Column, Operation } from "../../operations/types.ts";
import type { NormalizedTable } from "../model.ts";
import type { SchemaNormalizer } from "../normalizer.ts";

/** One upgrade operation; its downgrade is derived from it (see `inverse.ts`). */
export interface Step {
  /** The upgrade operation. */
  readonly up: Operation;
  /** The table before `up` ran: where the inverse needs an old definition (a dropped column, key, index, table). */
  readonly before?: NormalizedTable;
  /**
   * For an `alterColumn`: the column as the upgrade leaves it, in the schema file's spelling. The
   * inverse states it as `existing` (`reverseOperation` could only rebuild it from the database's
   * spelling of the column plus the change).
   */
  readonly columnAfter?: Column;
  /**
   * The downgrade operation when it is not the inverse of `up`, known beforehand: a routine
   * replaced in place with `CREATE OR REPLACE` goes back to its old statement, not away; raw SQL
   * the differ wrote both ways.
   */
  readonly down?: Operation;
  /** A second downgrade operation, run after the inverse (the index InnoDB leaves behind a dropped foreign key). */
  readonly downAlso?: Operation;
  /** A comment written above `up` (a possible rename, a one-way change). */
  readonly comment?: string;
  /** Key of the table whose change this is. */
  readonly table?: string;
  /** Can run outside a batch where ALTER TABLE is limited (adding a column, indexes, comments). */
  readonly simple?: boolean;
  /** For a `batchAlterTable` the differ made: the steps it holds (its inverse is theirs, reversed). */
  readonly parts?: readonly Step[];
}

/**
 * Where a table's step goes, in script order: drops of indexes and constraints first, then column
 * changes, then new constraints and indexes (so a new key finds its columns, a dropped column is
 * free of constraints).
 */
export const TABLE_SLOTS = [
  "indexDrop",
  "checkDrop",
  "uniqueDrop",
  "pkDrop",
  "other",
  "addColumn",
  "alterColumn",
  "dropColumn",
  "pkAdd",
  "uniqueAdd",
  "checkAdd",
  "fkAdd",
  "indexAdd",
] as const;

/** A slot inside a table's changes, see {@link TABLE_SLOTS}. */
export type TableSlot = typeof TABLE_SLOTS[number];

/**
 * A slot outside the table's changes: foreign keys dropped before any table changes and created
 * after every table exists, so keys between changed tables never point at something missing.
 */
export type ScriptSlot = "fkDrop" | "fkCreate";

/** A step and its slot. */
export interface Placed {
  readonly slot: TableSlot | ScriptSlot;
  readonly step: Step;
}

/** What a table-level comparator found: steps in its own order, and lines for people. */
export interface TableComparison {
  readonly steps: readonly Placed[];
  readonly details: readonly string[];
}

/** A table present on both sides, as a table-level comparator sees it. */
export interface TablePair {
  /** The table's key in the schema (`table` or `schema.table`). */
  readonly key: string;
  /** The table's name. */
  readonly name: string;
  /** `{ schema }` when the table is qualified, else `{}`; spread into operation options. */
  readonly so: { readonly schema?: string };
  /** The table wanted. */
  readonly target: NormalizedTable;
  /** The table there is. */
  readonly current: NormalizedTable;
  /** The database's spellings and capabilities. */
  readonly normalizer: SchemaNormalizer;
  /** Compare column types. */
  readonly compareType: boolean;
  /** Compare server defaults. */
  readonly compareServerDefault: boolean;
}

/** A step changing `pair`'s table, with the table as it was for the inverse. */
export function tableStep(
  pair: TablePair,
  up: Operation,
  extra: { readonly simple?: boolean; readonly comment?: string } = {},
): Step {
  return {
    up,
    before: pair.current,
    table: pair.key,
    ...(extra.simple ? { simple: true } : {}),
    ...(extra.comment ? { comment: extra.comment } : {}),
  };
}

/** A table-level comparator: one object kind of a table present on both sides. */
export type TableComparator = (pair: TablePair) => TableComparison;
