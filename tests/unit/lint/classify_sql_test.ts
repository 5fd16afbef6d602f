import { assertEquals } from "../../_assert.ts";
import { classifySql } from "../../../lib/lint/classify_sql.ts";
import { MYSQL_SQL_LEXER } from "../../../lib/dialects/mysql/sql_lexer.ts";
import { SQLITE_SQL_LEXER } from "../../../lib/dialects/sqlite/sql_lexer.ts";

const CASES: [string, string, string[]][] = [
  ["ALTER TABLE t ADD COLUMN a INT NOT NULL", "add-column t.a nn", []],
  ["ALTER TABLE `s`.`t` ADD a INT NOT NULL DEFAULT 0, DROP COLUMN b", "add-column t.a, drop-column t.b", []],
  ["ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES u (id)", "add-foreign-key t", []],
  ["ALTER TABLE t ADD UNIQUE KEY uq (a), ADD INDEX ix (b)", "add-unique t, create-index t", []],
  [
    "ALTER TABLE t MODIFY a VARCHAR(10) NOT NULL, RENAME COLUMN b TO c",
    "alter-column-type t.a, rename-column t.b",
    [],
  ],
  ["ALTER TABLE t RENAME TO u", "rename-table t", []],
  ["CREATE UNIQUE INDEX ix ON t (a)", "create-index t", []],
  ["DROP TABLE IF EXISTS a, b", "drop-table a, drop-table b", []],
  ["DROP INDEX ix ON t", "drop-index t", []],
  ["CREATE TABLE IF NOT EXISTS t (a int)", "create-table t", []],
  ["INSERT INTO t VALUES ('ALTER TABLE x DROP COLUMN y')", "data-change t", []],
  ["/* DROP TABLE x */ UPDATE t SET a = 1", "data-change t", []],
  ["SELECT 1", "other", []],
];

function show(facts: ReturnType<typeof classifySql>): string {
  return facts.map((f) =>
    `${f.action}${f.table ? ` ${f.table}${f.column ? `.${f.column}` : ""}` : ""}${
      f.notNullWithoutDefault ? " nn" : ""
    }`
  ).join(", ");
}

for (const [name, rules] of [["mysql", MYSQL_SQL_LEXER], ["sqlite", SQLITE_SQL_LEXER]] as const) {
  Deno.test(`classifySql tells the statement shapes lint reads apart (${name})`, async (t) => {
    for (const [sql, expected] of CASES) {
      await t.step(sql, () => assertEquals(show(classifySql(rules, sql)), expected));
    }
  });
}
