import { assertEquals } from "../../_assert.ts";
import { inlineParams } from "../../../lib/runtime/inline_params.ts";
import { sqliteDialect } from "../../../lib/dialects/sqlite/dialect.ts";
import { postgresDialect } from "../../../lib/dialects/postgres/dialect.ts";

Deno.test("inlineParams writes each parameter as a literal, in placeholder order", () => {
  assertEquals(
    inlineParams(sqliteDialect, "UPDATE t SET a = ?, b = ? WHERE c = ?", ["x", 7, null]),
    "UPDATE t SET a = 'x', b = 7 WHERE c = NULL",
  );
});

Deno.test("inlineParams leaves a ? inside quotes alone", () => {
  assertEquals(
    inlineParams(postgresDialect, `UPDATE "t?" SET a = '?' || ? WHERE b = ?`, ["it's", 1]),
    `UPDATE "t?" SET a = '?' || 'it''s' WHERE b = 1`,
  );
});

Deno.test("inlineParams drops a final semicolon and keeps placeholders beyond the parameters", () => {
  assertEquals(inlineParams(sqliteDialect, "SELECT ?, ?;  ", [1]), "SELECT 1, ?");
  assertEquals(inlineParams(sqliteDialect, "DELETE FROM t;\n", undefined), "DELETE FROM t");
});
