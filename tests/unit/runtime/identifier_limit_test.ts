import { assertEquals, assertThrows } from "../../_assert.ts";
import { checkIdentifierLengths } from "../../../lib/runtime/identifier_limit.ts";
import { POSTGRES_CAPABILITIES } from "../../../lib/dialects/postgres/capabilities.ts";
import { MYSQL_CAPABILITIES } from "../../../lib/dialects/mysql/capabilities.ts";
import { SQLITE_CAPABILITIES } from "../../../lib/dialects/sqlite/capabilities.ts";
import type { Operation } from "../../../lib/operations/types.ts";

const table = (name: string, column = "id"): Operation => ({
  kind: "createTable",
  table: name,
  columns: { [column]: { type: "integer" } },
});

Deno.test("PostgreSQL refuses names over 63 bytes, counting UTF-8 bytes", () => {
  checkIdentifierLengths(table("a".repeat(63)), POSTGRES_CAPABILITIES, "postgresql");
  const e = assertThrows(
    () => checkIdentifierLengths(table("t".repeat(70)), POSTGRES_CAPABILITIES, "postgresql"),
    RangeError,
  );
  assertEquals(
    e.message,
    `Cannot create table "${
      "t".repeat(70)
    }": its name is 70 bytes long; postgresql keeps at most 63 bytes of a name (choose a shorter one)`,
  );
  // 32 two-byte letters are 64 bytes.
  assertThrows(
    () => checkIdentifierLengths(table("t", "é".repeat(32)), POSTGRES_CAPABILITIES, "postgresql"),
    RangeError,
    `Cannot create column "${"é".repeat(32)}": its name is 64 bytes long`,
  );
});

Deno.test("MySQL counts characters (64); SQLite has no limit", () => {
  checkIdentifierLengths(table("é".repeat(64)), MYSQL_CAPABILITIES, "mysql");
  assertThrows(
    () => checkIdentifierLengths(table("é".repeat(65)), MYSQL_CAPABILITIES, "mysql"),
    RangeError,
    "65 characters long; mysql keeps at most 64 characters",
  );
  checkIdentifierLengths(table("x".repeat(500)), SQLITE_CAPABILITIES, "sqlite");
});

Deno.test("names inside a batch, constraints and renames are checked; dropped names are not", () => {
  const long = "n".repeat(64);
  assertThrows(
    () =>
      checkIdentifierLengths(
        {
          kind: "batchAlterTable",
          table: "t",
          recreate: "auto",
          operations: [{ kind: "createIndex", name: long, table: "t", columns: ["a"] }],
        },
        POSTGRES_CAPABILITIES,
        "postgresql",
      ),
    RangeError,
    `Cannot create index "${long}"`,
  );
  assertThrows(
    () =>
      checkIdentifierLengths(
        { kind: "renameTable", table: "t", newName: long },
        POSTGRES_CAPABILITIES,
        "postgresql",
      ),
    RangeError,
  );
  checkIdentifierLengths({ kind: "dropTable", table: long }, POSTGRES_CAPABILITIES, "postgresql");
});
