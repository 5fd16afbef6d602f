/**
 * `MATCH FULL` on each dialect: rendered by PostgreSQL, refused by MySQL and SQLite, which parse
 * MATCH and ignore it (a key that silently is not MATCH FULL would be a lie).
 *
 * @module
 */
import { assertEquals, assertThrows } from "../../_assert.ts";
import { UnsupportedOperationError } from "../../../lib/errors.ts";
import { mysqlDialect } from "../../../lib/dialects/mysql/dialect.ts";
import { postgresDialect } from "../../../lib/dialects/postgres/dialect.ts";
import { sqliteDialect } from "../../../lib/dialects/sqlite/dialect.ts";
import { createForeignKey, createTable } from "../../../lib/operations/create.ts";

const op = createForeignKey("fk", "c", "p", ["a", "b"], ["x", "y"], { match: "full", onDelete: "cascade" });

Deno.test("MATCH FULL is rendered by PostgreSQL and refused where MATCH is ignored", () => {
  assertEquals(postgresDialect.ddl(op).map((s) => s.sql), [
    "ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (a, b) REFERENCES p (x, y) MATCH FULL ON DELETE CASCADE",
  ]);
  assertThrows(() => mysqlDialect.ddl(op), UnsupportedOperationError, "MATCH FULL");
  // SQLite adds keys by rebuilding the table: the CREATE TABLE refuses it too.
  const table = createTable("c", { a: { type: "integer" } }, {
    foreignKeys: [{ columns: ["a"], referencedTable: "p", referencedColumns: ["x"], match: "full" }],
  });
  assertThrows(() => sqliteDialect.ddl(table), UnsupportedOperationError, "MATCH FULL");
  assertThrows(
    () => createForeignKey("fk", "c", "p", ["a"], ["x"], { match: "partial" as never }),
    RangeError,
  );
});
