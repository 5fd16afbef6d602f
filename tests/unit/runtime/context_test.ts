import { assertEquals, assertRejects } from "../../_assert.ts";
import { createOpFacade, createSqlRunner, findCallSite } from "../../../lib/runtime/context.ts";
import type { Operation } from "../../../lib/operations/types.ts";

Deno.test("createOpFacade runs un-awaited calls in call order", async () => {
  const seen: string[] = [];
  const { op, pending } = createOpFacade(async (operation: Operation) => {
    // The first operation is slow: the second must still wait for it.
    if (operation.kind === "createTable") await new Promise((r) => setTimeout(r, 20));
    seen.push(operation.kind);
  }, "/x/script.ts");
  op.createTable("a", { id: { type: "integer", primaryKey: true } });
  op.addColumn("a", "b", { type: "text" });
  op.execute("UPDATE a SET b = ?", ["x"]);
  await pending();
  assertEquals(seen, ["createTable", "addColumn", "execute"]);
});

Deno.test("createOpFacade stops at the first failure and pending rejects with it", async () => {
  const seen: string[] = [];
  const { op, pending } = createOpFacade((operation: Operation) => {
    seen.push(operation.kind);
    if (operation.kind === "addColumn") return Promise.reject(new Error("boom"));
    return Promise.resolve();
  }, "/x/script.ts");
  op.createTable("a", { id: { type: "integer" } });
  op.addColumn("a", "b", { type: "text" });
  op.dropTable("a");
  await assertRejects(() => pending(), Error, "boom");
  assertEquals(seen, ["createTable", "addColumn"]);
});

Deno.test("findCallSite returns the first frame inside the script", () => {
  const stack = [
    "Error",
    "    at enqueue (file:///lib/runtime/context.ts:70:22)",
    "    at upgrade (file:///proj/versions/abc_x.ts:14:6)",
    "    at run (file:///proj/versions/abc_x.ts:30:1)",
  ].join("\n");
  assertEquals(findCallSite(stack, "/proj/versions/abc_x.ts"), "/proj/versions/abc_x.ts:14");
  assertEquals(findCallSite(stack, "/other.ts"), undefined);
});

Deno.test("createSqlRunner turns template interpolations into bound parameters", async () => {
  const calls: unknown[] = [];
  const sql = createSqlRunner((text, params) => {
    calls.push([text, params]);
    return Promise.resolve([{ n: 1 }]);
  });
  const name = "o'brien";
  assertEquals(await sql`SELECT n FROM t WHERE name = ${name} AND id > ${3}`, [{ n: 1 }]);
  await sql.query("SELECT 1");
  assertEquals(calls, [["SELECT n FROM t WHERE name = ? AND id > ?", ["o'brien", 3]], ["SELECT 1", []]]);
});
