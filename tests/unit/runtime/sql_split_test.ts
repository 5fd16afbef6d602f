import { assertEquals } from "../../_assert.ts";
import { splitSqlStatements, statementAt } from "../../../lib/runtime/sql_split.ts";

const texts = (text: string, dialect: "postgresql" | "mysql" | "sqlite") =>
  splitSqlStatements(text, dialect).map((s) => s.sql);

Deno.test("splitSqlStatements splits on semicolons outside quotes and comments", () => {
  assertEquals(
    texts("CREATE TABLE a (x int);\n-- c; d\nINSERT INTO a VALUES (';');\n/* x; */ SELECT 1", "postgresql"),
    [
      "CREATE TABLE a (x int)",
      "INSERT INTO a VALUES (';')",
      "SELECT 1",
    ],
  );
});

Deno.test("splitSqlStatements keeps PostgreSQL dollar-quoted bodies and E strings whole", () => {
  assertEquals(
    texts(
      "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;\nSELECT E'a\\';b';\nSELECT $$;$$",
      "postgresql",
    ),
    [
      "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql",
      "SELECT E'a\\';b'",
      "SELECT $$;$$",
    ],
  );
});

Deno.test("splitSqlStatements follows MySQL DELIMITER lines, backticks, # comments and backslashes", () => {
  assertEquals(
    texts(
      "SELECT '\\';';\n# x;\nCREATE TABLE `a;b` (x int);\nDELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END//\nDELIMITER ;\nSELECT 2;",
      "mysql",
    ),
    ["SELECT '\\';'", "CREATE TABLE `a;b` (x int)", "CREATE PROCEDURE p() BEGIN SELECT 1; END", "SELECT 2"],
  );
});

Deno.test("splitSqlStatements keeps SQLite trigger bodies whole", () => {
  assertEquals(
    texts(
      "CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE a SET x = 1; DELETE FROM b; END;\nSELECT 1;",
      "sqlite",
    ),
    ["CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE a SET x = 1; DELETE FROM b; END", "SELECT 1"],
  );
});

Deno.test("splitSqlStatements reports lines, drops comment-only statements, statementAt finds by offset", () => {
  const text = "-- only a comment;\n\nSELECT 1;\n  SELECT\n 2;\n-- trailing";
  const split = splitSqlStatements(text, "postgresql");
  assertEquals(split.map((s) => [s.sql, s.line]), [["SELECT 1", 2], ["SELECT\n 2", 3]]);
  assertEquals(statementAt(split, text.indexOf("2;"))?.sql, "SELECT\n 2");
  assertEquals(statementAt(split, 0), undefined);
});
