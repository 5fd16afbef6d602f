/**
 * Shared by the comparator tests: the three dialects' normalisers, a table pair built from
 * `(current, target)`, and a row runner in the style of Atlas's TestPlanChanges (each row: the two
 * tables, the operations expected with their slots, and the detail lines).
 *
 * @module
 */
import { assertEquals } from "../../../_assert.ts";
import { normalizerFor } from "../../../../lib/schema/introspect.ts";
import { normalizeTable, type Table } from "../../../../lib/schema/model.ts";
import type { SchemaNormalizer } from "../../../../lib/schema/normalizer.ts";
import type { TableComparator, TablePair } from "../../../../lib/schema/compare/_step.ts";

export const pg: SchemaNormalizer = await normalizerFor("postgresql");
export const my: SchemaNormalizer = await normalizerFor("mysql");
export const lite: SchemaNormalizer = await normalizerFor("sqlite");

/** The table most rows start from. */
export const account: Table = {
  columns: {
    id: { type: "integer", nullable: false },
    name: { type: "varchar(50)", nullable: false },
  },
  primaryKey: { columns: ["id"] },
};

/** One row: `(current, target)` on a dialect -> `[slot, operation][]` and detail lines. */
export interface Row {
  readonly name: string;
  readonly current?: Table;
  readonly target: Table;
  readonly normalizer?: SchemaNormalizer;
  readonly schema?: string;
  readonly expect: readonly (readonly [string, unknown])[];
  readonly details?: readonly string[];
}

/** The pair a table comparator sees, for table `account`. */
export function pairOf(row: Pick<Row, "current" | "target" | "normalizer" | "schema">): TablePair {
  return {
    key: row.schema ? `${row.schema}.account` : "account",
    name: "account",
    so: row.schema ? { schema: row.schema } : {},
    target: normalizeTable(row.target),
    current: normalizeTable(row.current ?? account),
    normalizer: row.normalizer ?? pg,
    compareType: true,
    compareServerDefault: true,
  };
}

/** Run `rows` through `comparator` as steps of `t`. */
export async function runRows(t: Deno.TestContext, comparator: TableComparator, rows: readonly Row[]) {
  for (const row of rows) {
    await t.step(row.name, () => {
      const found = comparator(pairOf(row));
      assertEquals(
        JSON.parse(JSON.stringify(found.steps.map((p) => [p.slot, p.step.up]))),
        row.expect,
      );
      if (row.details) assertEquals(found.details, row.details);
    });
  }
}
