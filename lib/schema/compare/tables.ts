/**
 * Tables present on one side only: new tables are created referenced tables first (a foreign key
 * inside a cycle is added once both tables exist), dropped tables go referencing tables first.
 *
 * @module
 */
import { createExclusionConstraintOp } from "./exclusion_constraints.ts";
import * as create from "../../operations/create.ts";
import { type NormalizedTable, normalizeTable, splitTableKey, type Table } from "../model.ts";
import { createForeignKeyOp, createTableOp } from "./_create_ops.ts";
import type { SchemaNormalizer } from "../normalizer.ts";
import type { Step } from "./_step.ts";
import type { SchemaChange } from "./schema_change.ts";
import { type TableRenameHint, tableRenameHints } from "./table_renames.ts";

/** What {@link compareTables} found. */
export interface TablesComparison {
  /** `createTable` steps, referenced tables first. */
  readonly creates: readonly Step[];
  /** `createForeignKey` steps for keys of new tables that close a cycle, run after every table exists. */
  readonly foreignKeys: readonly Step[];
  /** `dropTable` steps, referencing tables first; each knows its table for the inverse. */
  readonly drops: readonly Step[];
  /** `table.added` and `table.removed`, in the order of the steps. */
  readonly changes: readonly SchemaChange[];
}

/**
 * Compare which tables exist.
 *
 * @param target the tables wanted, by key
 * @param current the tables there are, by key
 * @param normalizer the database's type spellings; when given, a dropped table with the same
 *   columns as a new one gets a rename hint (see `table_renames.ts`)
 * @returns the create and drop steps and the changes
 * @throws {TypeError} when a column's `references` cannot be resolved
 */
export function compareTables(
  target: Readonly<Record<string, Table>>,
  current: Readonly<Record<string, Table>>,
  normalizer?: SchemaNormalizer,
): TablesComparison {
  const creates: Step[] = [];
  const foreignKeys: Step[] = [];
  const drops: Step[] = [];
  const changes: SchemaChange[] = [];
  const added = Object.keys(target).filter((k) => !Object.hasOwn(current, k));
  const removed = Object.keys(current).filter((k) => !Object.hasOwn(target, k));

  const addedNorm = new Map(added.map((k) => [k, normalizeTable(target[k])]));
  const createdSoFar = new Set(Object.keys(current));
  for (const key of dependencyOrder(addedNorm)) {
    const table = addedNorm.get(key)!;
    const { schema, table: name } = splitTableKey(key);
    // NOT VALID exists only for a constraint added to a table: those follow the CREATE TABLE.
    const later = table.foreignKeys.filter((f) =>
      f.notValid ||
      (f.referencedTable !== key && addedNorm.has(f.referencedTable) && !createdSoFar.has(f.referencedTable))
    );
    const laterChecks = table.checkConstraints.filter((k) => k.notValid);
    const now = {
      ...table,
      foreignKeys: table.foreignKeys.filter((f) => !later.includes(f)),
      checkConstraints: table.checkConstraints.filter((k) => !k.notValid),
    };
    creates.push({ up: createTableOp(name, schema, now) });
    createdSoFar.add(key);
    for (const f of later) foreignKeys.push({ up: createForeignKeyOp(name, schema, f), table: key });
    for (const [i, k] of laterChecks.entries()) {
      const op = create.createCheckConstraint(k.name ?? `ck_${name}_${i + 1}`, name, k.condition, {
        ...(schema ? { schema } : {}),
        notValid: true,
      });
      foreignKeys.push({ up: op, table: key });
    }
    // createTable has no exclusion constraints: they follow, with the late foreign keys.
    for (const x of table.exclusionConstraints) {
      foreignKeys.push({ up: createExclusionConstraintOp(name, schema, x), table: key });
    }
    changes.push({ type: "table.added", name: key, details: [] });
  }
  const hints = normalizer
    ? tableRenameHints(
      Object.fromEntries(added.map((k) => [k, target[k]])),
      Object.fromEntries(removed.map((k) => [k, current[k]])),
      normalizer,
    )
    : new Map<string, TableRenameHint>();
  const removedNorm = new Map(removed.map((k) => [k, normalizeTable(current[k])]));
  for (const key of dependencyOrder(removedNorm).reverse()) {
    const { schema, table: name } = splitTableKey(key);
    const hint = hints.get(key);
    drops.push({
      up: create.dropTable(name, schema ? { schema } : {}),
      before: removedNorm.get(key)!,
      ...(hint ? { comment: hint.comment } : {}),
    });
    const details = hint
      ? [`same columns as ${hint.candidates.map((c) => `"${c}"`).join(", ")}: a rename?`]
      : [];
    changes.push({ type: "table.removed", name: key, details });
  }
  return { creates, foreignKeys, drops, changes };
}

/**
 * Table keys in dependency order: referenced tables before the tables that refer to them, parents
 * before their partitions and heirs; ties (and cycles) broken by key.
 *
 * @param tables normalised tables by key
 * @returns every key once
 */
export function dependencyOrder(tables: ReadonlyMap<string, NormalizedTable>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (k: string) => {
    if (seen.has(k)) return;
    seen.add(k);
    const t = tables.get(k)!;
    const parents = [...(t.partitionOf ? [t.partitionOf.table] : []), ...(t.inherits ?? [])];
    for (const p of parents) if (p !== k && tables.has(p)) visit(p);
    for (const f of t.foreignKeys) {
      if (f.referencedTable !== k && tables.has(f.referencedTable)) visit(f.referencedTable);
    }
    out.push(k);
  };
  for (const k of [...tables.keys()].sort()) visit(k);
  return out;
}
