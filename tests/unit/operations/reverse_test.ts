import * as c3 from "../../../lib/operations/create.ts";
import { batchAlterTable } from "../../../lib/operations/batch.ts";
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

Deno.test("reverseOperation undoes the constraint, comment, enum, schema and batch operations", async (t) => {
  const rows: [Operation, Operation][] = [
    [c3.createPrimaryKey("pk", "t", ["a"]), c3.dropConstraint("pk", "t", { type: "primary" })],
    [c3.createUniqueConstraint("uq", "t", ["a"]), c3.dropConstraint("uq", "t", { type: "unique" })],
    [
      c3.createForeignKey("fk", "t", "u", ["a"], ["id"]),
      c3.dropConstraint("fk", "t", { type: "foreignkey" }),
    ],
    [
      c3.createCheckConstraint("ck", "t", "a > 0", { schema: "s" }),
      c3.dropConstraint("ck", "t", { type: "check", schema: "s" }),
    ],
    [
      c3.createTableComment("t", "new", { existingComment: "old" }),
      c3.createTableComment("t", "old", { existingComment: "new" }),
    ],
    [c3.createTableComment("t", "new"), c3.dropTableComment("t", { existingComment: "new" })],
    [c3.dropTableComment("t", { existingComment: "old" }), c3.createTableComment("t", "old")],
    [c3.createEnum("e", ["a", "b"]), c3.dropEnum("e", { values: ["a", "b"] })],
    [c3.dropEnum("e", { values: ["a"] }), c3.createEnum("e", ["a"])],
    [c3.createSchema("s", { ifNotExists: true }), c3.dropSchema("s", { ifExists: true })],
    [
      c3.alterColumn("t", "a", {
        type: "bigint",
        nullable: false,
        default: 1,
        newName: "b",
        existing: { type: "integer" },
      }),
      c3.alterColumn("t", "b", {
        type: "integer",
        nullable: true,
        default: null,
        newName: "a",
        existing: { type: "bigint", nullable: false, default: 1 },
      }),
    ],
    [
      batchAlterTable("t", (b) => {
        b.addColumn("x", { type: "text" });
        b.createIndex("ix", ["x"]);
      }, { recreate: "always" }),
      batchAlterTable("t", (b) => {
        b.dropIndex("ix");
        b.dropColumn("x");
      }, { recreate: "always" }),
    ],
  ];
  for (const [op, inverse] of rows) {
    await t.step(op.kind, () => assertEquals(reverseOperation(op), inverse));
  }
  assertEquals(
    assertThrows(
      () => reverseOperation(c3.alterColumn("t", "a", { type: "text" })),
      IrreversibleOperationError,
    ).message,
    'Cannot reverse "alterColumn": the previous type of "t.a" is unknown (pass existing)',
  );
  assertEquals(
    assertThrows(() => reverseOperation(c3.dropConstraint("k", "t")), IrreversibleOperationError).message,
    'Cannot reverse "dropConstraint": the definition of constraint "k" is unknown',
  );
  assertEquals(
    assertThrows(() => reverseOperation(c3.addEnumValue("e", "x")), IrreversibleOperationError).message,
    'Cannot reverse "addEnumValue": PostgreSQL cannot remove a value from an enum type',
  );
});
