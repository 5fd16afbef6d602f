import { assertEquals } from "../../_assert.ts";
import { splitSqlStatements, statementAt } from "../../../lib/runtime/sql_split.ts";
import { SQLITE_SQL_LEXER } from "../../../lib/dialects/sqlite/sql_lexer.ts";

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

Deno.test("splitSqlStatements holds ; inside parentheses and SQL-standard function bodies on PostgreSQL (psql)", () => {
  assertEquals(
    texts(
      "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END;\n" +
        "CREATE TABLE b (x int CHECK (x > 0));\nCREATE RULE r AS ON INSERT TO b DO ALSO (SELECT 1; SELECT 2);\nSELECT 3",
      "postgresql",
    ),
    [
      "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END",
      "CREATE TABLE b (x int CHECK (x > 0))",
      "CREATE RULE r AS ON INSERT TO b DO ALSO (SELECT 1; SELECT 2)",
      "SELECT 3",
    ],
  );
  // BEGIN outside a function body is a transaction statement of its own.
  assertEquals(texts("BEGIN; SELECT 1; END;", "postgresql"), ["BEGIN", "SELECT 1", "END"]);
});

Deno.test("splitSqlStatements: nested PostgreSQL comments, MySQL --x and /*! */ code", () => {
  assertEquals(texts("/* a /* ; */ ; */ SELECT 1; SELECT 2", "postgresql"), ["SELECT 1", "SELECT 2"]);
  assertEquals(texts("SELECT 1 --1;\nSELECT 2", "mysql"), ["SELECT 1 --1", "SELECT 2"]);
  assertEquals(texts('/*!40101 SET x = 1 */;\n-- ;\nSELECT "a\\";"', "mysql"), [
    "/*!40101 SET x = 1 */",
    'SELECT "a\\";"',
  ]);
});

Deno.test("splitSqlStatements: SQLite temporary triggers with CASE, brackets; rules may be passed as data", () => {
  assertEquals(
    texts(
      "CREATE TEMP TRIGGER t AFTER INSERT ON [a;b] BEGIN SELECT CASE WHEN 1 THEN 2 END; END; SELECT 1",
      "sqlite",
    ),
    ["CREATE TEMP TRIGGER t AFTER INSERT ON [a;b] BEGIN SELECT CASE WHEN 1 THEN 2 END; END", "SELECT 1"],
  );
  assertEquals(splitSqlStatements("SELECT 1; SELECT 2", SQLITE_SQL_LEXER).map((s) => s.offset), [0, 10]);
});

Deno.test("splitSqlStatements counts lines across many statements and CRLF text", () => {
  const text = "SELECT 1;\r\n\r\nSELECT 2;\r\n/* x\r\n */ SELECT\r\n 3;";
  assertEquals(splitSqlStatements(text, "sqlite").map((s) => s.line), [0, 2, 4]);
});

Deno.test("splitSqlStatements finds a MySQL delimiter right after a word (END$$, ENDGO)", () => {
  assertEquals(
    texts(
      "DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END$$\nDELIMITER GO\nSELECT 2GO\nDELIMITER ;\nSELECT 3;",
      "mysql",
    ),
    ["CREATE PROCEDURE p() BEGIN SELECT 1; END", "SELECT 2", "SELECT 3"],
  );
});
