/**
 * Foreign keys of a table present on both sides, matched by name or else by columns, target and
 * actions. Where constraints change in place (`alterConstraints`), dropped keys go before every
 * table change and new ones after every table exists; elsewhere they stay with the table's other
 * changes (a rebuild). Where the database creates an index for a foreign key
 * (`foreignKeyCreatesIndex`, InnoDB), that index outlives the key: dropping a key drops it too,
 * and undoing a new key drops the index the key brought.
 *
 * @module
 */
import * as create from "../../operations/create.ts";
import { indexColumnName } from "../../operations/index_columns.ts";
import type { ForeignKeyConstraint, IndexColumn } from "../../operations/types.ts";
import type { NormalizedTable } from "../model.ts";
import type { SchemaNormalizer } from "../normalizer.ts";
import { createForeignKeyOp, foreignKeyName } from "./_create_ops.ts";
import { matchLists, sameForeignKey } from "./_match.ts";
import { type Placed, type TableComparison, type TablePair, tableStep } from "./_step.ts";

/**
 * Compare the foreign keys of `pair`'s table. An unnamed key that goes away is reported, not
 * dropped; an unnamed new key gets `fk_<table>_<columns>_<referenced table>`.
 *
 * @param pair the table on both sides and the normaliser
 * @returns `dropConstraint` and `createForeignKey` steps (slots `fkDrop` / `fkCreate`, or `other` /
 *   `fkAdd` where constraints need a rebuild), a `dropIndex` for a key's leftover index, and one
 *   detail line per key
 */
export function compareForeignKeys(pair: TablePair): TableComparison {
  const { target: t, current: c, normalizer: n, name, so, key } = pair;
  const inPlace = n.capabilities.alterConstraints;
  const steps: Placed[] = [];
  const details: string[] = [];
  const [added, dropped] = matchLists(t.foreignKeys, c.foreignKeys, sameForeignKey);
  const replacing = new Map<ForeignKeyConstraint, ForeignKeyConstraint>();
  for (const f of dropped) {
    if (!f.name) {
      // An unnamed key (SQLite) cannot be dropped by name; a new key on the same columns to the same
      // table replaces it when the table is rebuilt.
      const by = added.find((a) => !replacing.has(a) && sameTarget(a, f));
      if (by) {
        replacing.set(by, f);
        details.push(`foreign key (${f.columns.join(", ")}) changed`);
      } else if (f.columns.some((col) => !Object.hasOwn(t.columns, col))) {
        // Dropping its column drops the key with it.
        details.push(`foreign key (${f.columns.join(", ")}) removed with its column`);
      } else {
        details.push(`foreign key (${f.columns.join(", ")}) removed (unnamed: drop it by hand)`);
      }
      continue;
    }
    const up = create.dropConstraint(f.name, name, { ...so, type: "foreignkey" });
    steps.push({ slot: inPlace ? "fkDrop" : "other", step: tableStep(pair, up) });
    const implicit = foreignKeyIndex(f, c, n);
    if (implicit && !t.indexes.some((i) => i.name === implicit)) {
      const before: NormalizedTable = {
        ...c,
        indexes: [...c.indexes, { name: implicit, columns: f.columns }],
      };
      steps.push({
        slot: "fkDrop",
        step: {
          up: create.dropIndex(implicit, { ...so, table: name }),
          before,
          table: key,
          comment: `MySQL keeps the index it made for foreign key "${f.name}" when the key is dropped`,
        },
      });
    }
    details.push(`foreign key "${f.name}" removed`);
  }
  for (const f of added) {
    const fname = foreignKeyName(name, f);
    const up = createForeignKeyOp(name, so.schema, f);
    const implicit = foreignKeyIndex({ ...f, name: fname }, t, n);
    const old = replacing.get(f);
    const step = implicit && !c.indexes.some((i) => i.name === implicit)
      ? { ...tableStep(pair, up), downAlso: create.dropIndex(implicit, { ...so, table: name }) }
      : old
      ? { ...tableStep(pair, up), downAlso: createForeignKeyOp(name, so.schema, old) }
      : tableStep(pair, up);
    steps.push({ slot: inPlace ? "fkCreate" : "fkAdd", step });
    if (!old) details.push(`foreign key "${fname}" added`);
  }
  return { steps, details };
}

/**
 * The index the database made for foreign key `f` of `table` (a table where the key exists), which
 * stays when the key is dropped: named after the key, or after its first column when the key's
 * name is one InnoDB generated (`<table>_ibfk_<n>`). Undefined where the database makes no such
 * index, and when another index, unique constraint or the primary key starts with the key's
 * columns (the database then made none).
 */
function foreignKeyIndex(
  f: ForeignKeyConstraint,
  table: NormalizedTable,
  n: SchemaNormalizer,
): string | undefined {
  if (!n.capabilities.foreignKeyCreatesIndex) return undefined;
  const covers = (cols: readonly IndexColumn[]) =>
    f.columns.every((c, i) => cols[i] !== undefined && indexColumnName(cols[i]) === c);
  if (
    (table.primaryKey && covers(table.primaryKey.columns)) ||
    table.uniqueConstraints.some((u) => covers(u.columns)) ||
    table.indexes.some((i) => covers(i.columns))
  ) {
    return undefined;
  }
  return f.name && !/_ibfk_\d+$/.test(f.name) ? f.name : f.columns[0];
}

/** Same local columns and referenced table (the actions aside). */
function sameTarget(a: ForeignKeyConstraint, b: ForeignKeyConstraint): boolean {
  return a.referencedTable === b.referencedTable && a.columns.length === b.columns.length &&
    a.columns.every((c, i) => c === b.columns[i]);
}
