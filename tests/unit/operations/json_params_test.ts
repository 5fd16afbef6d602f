import { execute } from "../../../lib/operations/create.ts";
import { createSqlRunner } from "../../../lib/runtime/context.ts";
import type { SqlValue } from "../../../lib/operations/types.ts";
import { assertEquals } from "../../_assert.ts";

Deno.test("execute binds a plain object or array parameter as its JSON text, as bulkInsert writes it", () => {
  const op = execute("UPDATE t SET doc = ?, tags = ? WHERE id = ?", [{ a: [1, 2] }, ["x", "y"], 3]);
  assertEquals(op.params, ['{"a":[1,2]}', '["x","y"]', 3]);
});

Deno.test("the sql runner binds a plain object or array as its JSON text", async () => {
  const seen: (readonly SqlValue[])[] = [];
  const sql = createSqlRunner((_text, params) => {
    seen.push(params);
    return Promise.resolve([]);
  });
  await sql`UPDATE t SET doc = ${{ a: 1 }} WHERE id = ${2}`;
  await sql.query("UPDATE t SET tags = ?", [["x"]]);
  assertEquals(seen, [['{"a":1}', 2], ['["x"]']]);
});
