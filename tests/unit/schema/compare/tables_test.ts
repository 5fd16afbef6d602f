import { compareTables, dependencyOrder } from "../../../../lib/schema/compare/tables.ts";
import { normalizeTable, type Table } from "../../../../lib/schema/model.ts";
import { assertEquals } from "../../../_assert.ts";

const plain = (x: unknown) => JSON.parse(JSON.stringify(x));
const id = { id: { type: "integer", primaryKey: true } };
const order: Table = { columns: { ...id, c: { type: "integer", references: "customer.id" } } };
const customer: Table = { columns: id };

Deno.test("compareTables creates referenced tables first and drops referencing tables first", () => {
  const up = compareTables({ order, customer }, {});
  assertEquals(up.creates.map((s) => (s.up as { table: string }).table), ["customer", "order"]);
  assertEquals(up.changes.map((c) => `${c.type} ${c.name}`), ["table.added customer", "table.added order"]);
  const down = compareTables({}, { order, customer });
  assertEquals(down.drops.map((s) => plain(s.up)), [
    { kind: "dropTable", table: "order" },
    { kind: "dropTable", table: "customer" },
  ]);
  assertEquals(Object.keys(down.drops[0].before!.columns), ["id", "c"]);
});

Deno.test("compareTables adds a key closing a cycle once both tables exist", () => {
  const a: Table = { columns: { ...id, b: { type: "integer", references: "b.id" } } };
  const b: Table = { columns: { ...id, a: { type: "integer", references: "a.id" } } };
  const found = compareTables({ a, b }, {});
  assertEquals(found.creates.map((s) => plain(s.up).foreignKeys?.length ?? 0), [0, 1]);
  assertEquals(found.creates.map((s) => plain(s.up).table), ["b", "a"]);
  assertEquals(plain(found.foreignKeys.map((s) => s.up)), [{
    kind: "createForeignKey",
    name: "fk_b_a_a",
    table: "b",
    referencedTable: "a",
    columns: ["a"],
    referencedColumns: ["id"],
  }]);
});

Deno.test("compareTables leaves tables on both sides alone", () => {
  const found = compareTables({ customer }, { customer });
  assertEquals([found.creates.length, found.drops.length, found.changes.length], [0, 0, 0]);
});

Deno.test("dependencyOrder sorts ties by key and survives cycles", () => {
  const self: Table = { columns: { ...id, p: { type: "integer", references: "z.id" } } };
  const tables = new Map([["z", normalizeTable(self)], ["b", normalizeTable(customer)], [
    "a",
    normalizeTable(customer),
  ]]);
  assertEquals(dependencyOrder(tables), ["a", "b", "z"]);
});
