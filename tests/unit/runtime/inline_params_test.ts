import { assertEquals, assertThrows } from "../../_assert.ts";
import { inlineParams } from "../../../lib/runtime/inline_params.ts";
import { sqliteDialect } from "../../../lib/dialects/sqlite/dialect.ts";
import { postgresDialect } from "../../../lib/dialects/postgres/dialect.ts";
import { mysqlDialect } from "../../../lib/dialects/mysql/dialect.ts";

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

Deno.test("inlineParams drops a final semicolon and refuses a placeholder count that differs from the values", () => {
  assertEquals(inlineParams(sqliteDialect, "SELECT ?;  ", [1]), "SELECT 1");
  assertEquals(inlineParams(sqliteDialect, "DELETE FROM t;\n", undefined), "DELETE FROM t");
  assertThrows(
    () => inlineParams(sqliteDialect, "SELECT ?, ?;  ", [1]),
    RangeError,
    'Cannot inline parameters: the statement has 2 "?" placeholders but 1 values were given',
  );
});

Deno.test("inlineParams skips a ? in comments, strings and quoted names on every dialect", async (t) => {
  const sql = "UPDATE t SET a = ? -- who?\n WHERE b = ? /* or ? */";
  for (const dialect of [sqliteDialect, postgresDialect, mysqlDialect]) {
    await t.step(dialect.name, () => {
      assertEquals(
        inlineParams(dialect, sql, ["x", 7]),
        "UPDATE t SET a = 'x' -- who?\n WHERE b = 7 /* or ? */",
      );
    });
  }
  await t.step("postgresql: dollar quotes, nested comments and E'' strings", () => {
    assertEquals(
      inlineParams(postgresDialect, "SELECT $$?$$, $f$ ? $f$, /* a /* ? */ ? */ E'\\'?', ?", [1]),
      "SELECT $$?$$, $f$ ? $f$, /* a /* ? */ ? */ E'\\'?', 1",
    );
  });
  await t.step("mysql: backticks, backslash escapes and # comments", () => {
    assertEquals(
      inlineParams(mysqlDialect, "SELECT `?`, 'it\\'s ?', ? # ?\n", [2]),
      "SELECT `?`, 'it\\'s ?', 2 # ?",
    );
  });
});
