import * as create from "../../../../lib/operations/create.ts";
import type { Placed } from "../../../../lib/schema/compare/_step.ts";
import { orderTableSteps } from "../../../../lib/schema/compare/order.ts";
import { assertEquals } from "../../../_assert.ts";
import { lite, pg } from "./_rows.ts";

const kinds = (steps: readonly { up: { kind: string } }[]) => steps.map((s) => s.up.kind);

const placed: Placed[] = [
  { slot: "indexAdd", step: { up: create.createIndex("ix", "t", ["a"]), simple: true } },
  { slot: "addColumn", step: { up: create.addColumn("t", "a", { type: "text" }), simple: true } },
  { slot: "fkCreate", step: { up: create.createForeignKey("fk", "t", "u", ["a"], ["id"]) } },
  { slot: "alterColumn", step: { up: create.alterColumn("t", "b", { nullable: true }) } },
  { slot: "indexDrop", step: { up: create.dropIndex("ix_old", { table: "t" }), simple: true } },
  { slot: "dropColumn", step: { up: create.dropColumn("t", "c"), simple: true, comment: "maybe a rename" } },
  { slot: "fkDrop", step: { up: create.dropConstraint("fk_old", "t", { type: "foreignkey" }) } },
];

Deno.test("orderTableSteps puts a table's steps in slot order and sets foreign keys apart", () => {
  const ordered = orderTableSteps("t", undefined, placed, pg.capabilities);
  assertEquals(kinds(ordered.changes), [
    "dropIndex",
    "addColumn",
    "alterColumn",
    "dropColumn",
    "createIndex",
  ]);
  assertEquals(kinds(ordered.foreignKeyDrops), ["dropConstraint"]);
  assertEquals(kinds(ordered.foreignKeyCreates), ["createForeignKey"]);
});

Deno.test("orderTableSteps batches what ALTER TABLE cannot do where it is limited", () => {
  const ordered = orderTableSteps("t", "main", placed, lite.capabilities);
  assertEquals(kinds(ordered.changes), ["dropIndex", "addColumn", "batchAlterTable", "createIndex"]);
  const batch = ordered.changes[2];
  assertEquals(kinds(batch.parts!), ["alterColumn", "dropColumn"]);
  assertEquals(batch.comment, "maybe a rename");
  assertEquals(JSON.parse(JSON.stringify(batch.up)).schema, "main");
});

Deno.test("orderTableSteps makes no batch of simple steps", () => {
  const simple = placed.filter((p) => p.step.simple && p.step.up.kind !== "dropColumn");
  assertEquals(kinds(orderTableSteps("t", undefined, simple, lite.capabilities).changes), [
    "dropIndex",
    "addColumn",
    "createIndex",
  ]);
});
