import { assertEquals, assertThrows } from "../../_assert.ts";
import { IrreversibleOperationError } from "../../../lib/errors.ts";
import {
  addColumn,
  bulkInsert,
  createIndex,
  createTable,
  dropColumn,
  dropIndex,
  dropTable,
  execute,
  renameTable,
} from "../../../lib/operations/create.ts";
import { reverseOperation } from "../../../lib/operations/reverse.ts";
import type { Operation } from "../../../lib/operations/types.ts";

const columns = {
  id: { type: "integer", primaryKey: true },
  email: { type: "text", nullable: false },
} as const;

Deno.test("reverseOperation gives each reversible operation back when applied twice", async (t) => {
  const rows: [Operation, Operation][] = [
    [
      createTable("t", columns, { schema: "s", ifNotExists: true }),
      dropTable("t", { schema: "s", ifExists: true }),
    ],
    [renameTable("a", "b", { schema: "s" }), renameTable("b", "a", { schema: "s" })],
    [addColumn("t", "email", columns.email), dropColumn("t", "email")],
    [
      createIndex("ix", "t", ["email"], { unique: true, schema: "s" }),
      dropIndex("ix", { table: "t", schema: "s" }),
    ],
  ];
  for (const [op, inverse] of rows) {
    await t.step(op.kind, () => {
      assertEquals(reverseOperation(op), inverse);
      if (op.kind !== "createIndex") assertEquals(reverseOperation(reverseOperation(op), { columns }), op);
    });
  }
});

Deno.test("reverseOperation rebuilds dropped tables and columns from the table before", () => {
  assertEquals(reverseOperation(dropTable("t"), { columns }), createTable("t", columns));
  assertEquals(
    reverseOperation(dropColumn("t", "email"), { columns }),
    addColumn("t", "email", columns.email),
  );
});

Deno.test("reverseOperation throws IrreversibleOperationError where no inverse is known", async (t) => {
  const rows: [Operation, string][] = [
    [execute("SELECT 1"), 'Cannot reverse "execute": raw SQL has no known inverse'],
    [
      bulkInsert("t", [{ a: 1 }]),
      'Cannot reverse "bulkInsert": the rows inserted into "t" cannot be told from older rows',
    ],
    [dropIndex("ix", { table: "t" }), 'Cannot reverse "dropIndex": the columns of index "ix" are unknown'],
    [
      dropTable("t"),
      'Cannot reverse "dropTable": the definition of table "t" is unknown (pass the table as it was)',
    ],
    [
      dropColumn("t", "gone"),
      'Cannot reverse "dropColumn": the definition of column "t.gone" is unknown (pass the table as it was)',
    ],
  ];
  for (const [op, expected] of rows) {
    await t.step(op.kind, () => {
      const error = assertThrows(
        () => reverseOperation(op, op.kind === "dropColumn" ? { columns } : undefined),
        IrreversibleOperationError,
      );
      assertEquals(error.message, expected);
      assertEquals(error.kind, op.kind);
    });
  }
});
