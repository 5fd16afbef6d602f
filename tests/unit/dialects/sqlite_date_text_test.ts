import { sqliteDateText } from "../../../lib/dialects/sqlite/date_text.ts";
import { sqliteDialect } from "../../../lib/dialects/sqlite/dialect.ts";
import { bulkInsert } from "../../../lib/operations/create.ts";
import { assertEquals, assertThrows } from "../../_assert.ts";

Deno.test("sqliteDateText writes SQLAlchemy's SQLite DateTime storage format, in UTC", () => {
  // SQLAlchemy 1.4 stores datetime(2024, 1, 2, 3, 4, 5, 6000) as '2024-01-02 03:04:05.006000'.
  assertEquals(sqliteDateText(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6))), "2024-01-02 03:04:05.006000");
  assertEquals(sqliteDateText(new Date("2024-01-02T05:04:05+02:00")), "2024-01-02 03:04:05.000000");
  assertThrows(() => sqliteDateText(new Date(Number.NaN)), RangeError);
});

Deno.test("SQLite bulkInsert writes Dates in that format and objects as JSON text", async () => {
  const op = bulkInsert("t", [{
    at: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
    doc: { a: [1, 2] },
    tags: ["x"],
  }]);
  const statements = await sqliteDialect.ddl(op);
  assertEquals(statements.map((s) => s.sql), [
    `INSERT INTO t (at, doc, tags) VALUES ('2024-01-02 03:04:05.000000', '{"a":[1,2]}', '["x"]')`,
  ]);
});
