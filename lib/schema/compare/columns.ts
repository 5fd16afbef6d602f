/**
 * Columns of a table present on both sides: added, altered (type, nullability, default, comment:
 * what moved, as Atlas's column change records it) and dropped, with a hint where a dropped and an
 * added column of the same type may be a rename.
 *
 * @module
 */
import * as create from "../../operations/create.ts";
import type { Column } from "../../operations/types.ts";
import { columnAttributeChanges, typeWithAttributes } from "./_column_attrs.ts";
import { columnType, defaultKey, describeDefault, identityKey } from "./_column_key.ts";
import { type Placed, type TableComparison, type TablePair, tableStep } from "./_step.ts";

/**
 * Compare the columns of `pair`'s table.
 *
 * @param pair the table on both sides, the normaliser and the comparison switches
 * @returns `addColumn` (slot `addColumn`), `alterColumn` (slot `alterColumn`) and `dropColumn`
 *   (slot `dropColumn`) steps, and one detail line per change
 */
export function compareColumns(pair: TablePair): TableComparison {
  const { target: t, current: c, normalizer: n, name, so } = pair;
  const steps: Placed[] = [];
  const details: string[] = [];
  const newColumns = Object.keys(t.columns).filter((col) => !Object.hasOwn(c.columns, col));
  const goneColumns = Object.keys(c.columns).filter((col) => !Object.hasOwn(t.columns, col));
  for (const col of newColumns) {
    const up = create.addColumn(name, col, t.columns[col], so);
    steps.push({ slot: "addColumn", step: tableStep(pair, up, { simple: true }) });
    details.push(`column "${col}" added`);
  }
  for (const col of Object.keys(t.columns)) {
    if (!Object.hasOwn(c.columns, col)) continue;
    const want = t.columns[col];
    const have = c.columns[col];
    const up: Record<string, unknown> = {};
    const wantType = columnType(want, n);
    const haveType = columnType(have, n);
    if (pair.compareType && wantType !== haveType) {
      // An enum's values are its type where it has no type of its own (MySQL's inline ENUM(...)).
      up.type = want.enum === undefined
        ? want.type
        : n.capabilities.enums === "named-type"
        ? want.enum.name ?? want.type
        : wantType;
      details.push(`column "${col}" type ${haveType} -> ${wantType}`);
    }
    if ((want.nullable ?? true) !== (have.nullable ?? true)) {
      up.nullable = want.nullable ?? true;
      details.push(`column "${col}" ${up.nullable ? "now nullable" : "now NOT NULL"}`);
    }
    // An autoincrement column's default is the sequence or counter the database attached.
    const auto = want.autoincrement === true || have.autoincrement === true;
    if (pair.compareServerDefault && !auto && defaultKey(want.default, n) !== defaultKey(have.default, n)) {
      up.default = want.default ?? null;
      details.push(
        `column "${col}" default ${describeDefault(have.default)} -> ${describeDefault(want.default)}`,
      );
    }
    if ((want.comment ?? null) !== (have.comment ?? null) && n.capabilities.comments) {
      up.comment = want.comment ?? null;
      details.push(`column "${col}" comment changed`);
    }
    // Identity options change in place (both sides identity); the inverse restores the old ones.
    if (n.capabilities.identity && have.autoincrement && (want.autoincrement || want.identity)) {
      if (identityKey(want.identity) !== identityKey(have.identity)) {
        details.push(
          `column "${col}" identity ${identityKey(have.identity)} -> ${identityKey(want.identity)}`,
        );
        type Options = Parameters<typeof create.alterColumn>[2];
        const change = (to: Column, from: Column) =>
          create.alterColumn(name, col, {
            ...so,
            identity: to.identity ?? {},
            existing: { ...from, autoincrement: true },
          } as Options);
        steps.push({
          slot: "alterColumn",
          step: { ...tableStep(pair, change(want, have)), down: change(have, want) },
        });
      }
    }
    const attributes = columnAttributeChanges(want, have, t.mysql, n);
    details.push(...attributes.map((d) => `column "${col}" ${d.slice("column ".length)}`));
    if (attributes.length) up.type = want.type;
    if (Object.keys(up).length === 0) continue;
    // A type restated with its collation (and MySQL charset, ON UPDATE) keeps them, both ways; where
    // a side has none of its own, its table's collation is spelt (MySQL's MODIFY would otherwise give
    // the column whatever the table's default is when the statement runs).
    const own = (c: Column) =>
      c.collation !== undefined || c.charset !== undefined || c.onUpdate !== undefined;
    const spell = attributes.length > 0 || own(want) || own(have);
    const spelt = (c: Column, table: typeof t) =>
      up.type === undefined || !spell ? c : { ...c, type: typeWithAttributes(c, n, table.mysql) };
    if (up.type !== undefined && spelt(want, t).type !== want.type) up.type = spelt(want, t).type;
    const op = create.alterColumn(
      name,
      col,
      { ...so, ...up, existing: spelt(have, c) } as Parameters<typeof create.alterColumn>[2],
    );
    steps.push({ slot: "alterColumn", step: { ...tableStep(pair, op), columnAfter: spelt(want, t) } });
  }
  for (const col of goneColumns) {
    const up = create.dropColumn(name, col, so);
    const comment = renameHint(pair, col, newColumns);
    steps.push({ slot: "dropColumn", step: tableStep(pair, up, { simple: true, comment }) });
    details.push(`column "${col}" removed`);
  }
  return { steps, details };
}

/** The comment above a dropped column when added columns have its type: it may be a rename. */
function renameHint(pair: TablePair, col: string, newColumns: readonly string[]): string | undefined {
  const { target: t, current: c, normalizer: n, name } = pair;
  const candidates = newColumns.filter((nc) =>
    columnType(t.columns[nc], n) === columnType(c.columns[col], n)
  );
  if (candidates.length === 0) return undefined;
  return `"${col}" was dropped and ${
    candidates.map((x) => `"${x}"`).join(", ")
  } added with the same type.\nIf this is a rename, keep the data by replacing the addColumn and dropColumn calls with:\n` +
    `op.alterColumn(${JSON.stringify(name)}, ${JSON.stringify(col)}, { newName: ${
      JSON.stringify(candidates[0])
    } });`;
}
