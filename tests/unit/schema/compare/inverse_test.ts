import { reverseOperation } from "../../../../lib/operations/reverse.ts";
import type { Operation } from "../../../../lib/operations/types.ts";
import { compareSchemas } from "../../../../lib/schema/compare/compare_schemas.ts";
import { inverseOf } from "../../../../lib/schema/compare/inverse.ts";
import { normalizeTable, type Schema } from "../../../../lib/schema/model.ts";
import { assertEquals } from "../../../_assert.ts";
import { account, lite, my, pg } from "./_rows.ts";

const plain = (x: unknown) => JSON.parse(JSON.stringify(x));

/** A current schema and a target that differs from it in every kind the differ compares. */
export const current: Schema = {
  schemas: ["old_ns"],
  enums: { mood: ["sad", "happy"], gone: ["x"] },
  tables: {
    account: {
      ...account,
      columns: {
        ...account.columns,
        old_col: { type: "text", default: "o" },
        parent: { type: "integer" },
        score: { type: "integer" },
      },
      uniqueConstraints: [{ name: "uq_old", columns: ["name"] }],
      indexes: [{ name: "ix_old", columns: ["score"] }, { name: "ix_changed", columns: ["name"] }],
      foreignKeys: [{
        name: "fk_old",
        columns: ["parent"],
        referencedTable: "account",
        referencedColumns: ["id"],
      }],
      checkConstraints: [{ name: "ck_old", condition: "score > 0" }],
      comment: "before",
    },
    obsolete: {
      columns: { id: { type: "integer", primaryKey: true }, note: { type: "text", comment: "n" } },
      indexes: [{ name: "ix_note", columns: ["note"] }],
      comment: "old table",
    },
  },
};
export const target: Schema = {
  schemas: ["new_ns"],
  enums: { mood: ["sad", "ok", "happy"], fresh: ["a"] },
  tables: {
    account: {
      columns: {
        id: { type: "integer", nullable: false },
        name: { type: "text", nullable: false, default: "n" },
        parent: { type: "integer" },
        score: { type: "integer" },
        email: { type: "varchar(200)" },
      },
      primaryKey: { columns: ["id", "name"] },
      uniqueConstraints: [{ name: "uq_new", columns: ["email"] }],
      indexes: [{ name: "ix_changed", columns: ["name", "id"] }, { name: "ix_new", columns: ["email"] }],
      foreignKeys: [{
        name: "fk_new",
        columns: ["parent"],
        referencedTable: "account",
        referencedColumns: ["id"],
        onDelete: "cascade",
      }],
      checkConstraints: [{ name: "ck_new", condition: "score < 100" }],
      comment: "after",
    },
    fresh: { columns: { id: { type: "integer", primaryKey: true } } },
  },
};

/** The current table each upgrade operation changes (what undoing a drop needs). */
function tableBefore(op: Operation) {
  const t = (op as { table?: string }).table;
  return t !== undefined && current.tables[t] ? normalizeTable(current.tables[t]) : undefined;
}

/**
 * `down` undoes `up`: it is `reverseOperation(up)` where that knows the inverse, and otherwise
 * (dropConstraint, dropIndex, a whole dropTable) reversing `down` gives `up` back; a batch part by part.
 */
function assertInverse(up: Operation, down: Operation) {
  if (up.kind === "batchAlterTable" && down.kind === "batchAlterTable") {
    assertEquals([down.table, down.schema, down.recreate], [up.table, up.schema, up.recreate]);
    assertEquals(down.operations.length, up.operations.length);
    up.operations.forEach((inner, i) => assertInverse(inner, down.operations[up.operations.length - 1 - i]));
    return;
  }
  let expected: Operation | undefined;
  try {
    expected = reverseOperation(up, tableBefore(up));
  } catch {
    expected = undefined;
  }
  if (up.kind === "alterColumn" && down.kind === "alterColumn") {
    // The differ states the column the upgrade leaves as the schema file spells it.
    const { existing: _, ...rest } = plain(down);
    const { existing: __, ...want } = plain(expected);
    assertEquals(rest, want);
    assertEquals(plain(down.existing), plain(normalizeTable(target.tables[down.table]).columns[down.column]));
  } else if (expected !== undefined && up.kind !== "dropTable") {
    assertEquals(plain(down), plain(expected), `inverse of ${up.kind}`);
  } else {
    assertEquals(plain(reverseOperation(down, tableBefore(up))), plain(up), `inverse of ${up.kind}`);
  }
}

for (const [label, normalizer] of [["PostgreSQL", pg], ["MySQL", my], ["SQLite", lite]] as const) {
  Deno.test(`compareSchemas downgrade is the reverse of each upgrade operation (${label})`, () => {
    const result = compareSchemas(target, current, { normalizer });
    const downs = [...result.downgrade];
    for (const up of [...result.operations].reverse()) {
      const down = downs.shift()!;
      if ("comment" in down && !("kind" in down)) {
        // Only a new enum value has no inverse: PostgreSQL cannot remove it.
        assertEquals(up.kind, "addEnumValue");
        continue;
      }
      assertInverse(up, down as Operation);
      // Where a new foreign key brought an index of its own, downgrade drops that too.
      if (up.kind === "createForeignKey" && normalizer.capabilities.foreignKeyCreatesIndex) {
        const next = downs[0] as Operation;
        if (next?.kind === "dropIndex") downs.shift();
      }
    }
    assertEquals(downs, []);
  });
}

Deno.test("inverseOf rebuilds a dropped table whole, not only its columns", () => {
  const before = normalizeTable(current.tables.obsolete);
  const down = inverseOf({ up: { kind: "dropTable", table: "obsolete" }, before });
  assertEquals(plain(down), {
    kind: "createTable",
    table: "obsolete",
    columns: { id: { type: "integer", primaryKey: true }, note: { type: "text", comment: "n" } },
    indexes: [{ name: "ix_note", columns: ["note"] }],
    comment: "old table",
  });
});

Deno.test("inverseOf has none for a drop whose definition is unknown", () => {
  const before = normalizeTable(account);
  assertEquals(inverseOf({ up: { kind: "dropIndex", name: "ix_x", table: "account" }, before }), undefined);
  assertEquals(
    inverseOf({ up: { kind: "dropConstraint", name: "ck_x", table: "account", type: "check" }, before }),
    undefined,
  );
  assertEquals(inverseOf({ up: { kind: "addEnumValue", name: "m", value: "v" } }), undefined);
});
