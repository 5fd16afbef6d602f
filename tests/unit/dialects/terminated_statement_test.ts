import { assertEquals } from "../../_assert.ts";
import { terminatedStatement } from "../../../lib/dialects/terminated_statement.ts";

Deno.test("terminatedStatement wraps a MySQL body holding semicolons in DELIMITER lines only", () => {
  const body = "CREATE PROCEDURE p() BEGIN DELETE FROM t; END";
  assertEquals(terminatedStatement("mysql", body), `DELIMITER //\n${body}\n//\nDELIMITER ;`);
  assertEquals(terminatedStatement("mysql", "INSERT INTO t VALUES ('a;b')"), "INSERT INTO t VALUES ('a;b');");
  assertEquals(
    terminatedStatement("postgresql", "CREATE FUNCTION f() AS $$ SELECT 1; $$"),
    "CREATE FUNCTION f() AS $$ SELECT 1; $$;",
  );
  assertEquals(
    terminatedStatement("sqlite", "CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; END"),
    "CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; END;",
  );
});
