import { assertEquals, assertThrows } from "../../_assert.ts";
import { batchAlterTable, batchAlterTableOf } from "../../../lib/operations/batch.ts";
import * as c from "../../../lib/operations/create.ts";

Deno.test("batchAlterTable collects the changes in call order, each naming the table", () => {
  const op = batchAlterTable("account", (b) => {
    b.alterColumn("name", { type: "varchar(100)" });
    b.dropColumn("legacy");
    b.createIndex("ix_account_name", ["name"], { unique: true });
    b.dropIndex("ix_old");
    b.createPrimaryKey("pk_account", ["id"]);
    b.createUniqueConstraint("uq_account_email", ["email"]);
    b.createForeignKey("fk_account_org", "org", ["org_id"], ["id"], { onDelete: "cascade" });
    b.createCheckConstraint("ck_account_age", "age >= 0");
    b.dropConstraint("ck_old", { type: "check" });
    b.addColumn("email", { type: "text" });
  }, { recreate: "always", schema: "app" });
  const s = { schema: "app" };
  assertEquals(op, {
    kind: "batchAlterTable",
    table: "account",
    schema: "app",
    recreate: "always",
    operations: [
      c.alterColumn("account", "name", { type: "varchar(100)", ...s }),
      c.dropColumn("account", "legacy", s),
      c.createIndex("ix_account_name", "account", ["name"], { unique: true, ...s }),
      c.dropIndex("ix_old", { table: "account", ...s }),
      c.createPrimaryKey("pk_account", "account", ["id"], s),
      c.createUniqueConstraint("uq_account_email", "account", ["email"], s),
      c.createForeignKey("fk_account_org", "account", "org", ["org_id"], ["id"], {
        onDelete: "cascade",
        ...s,
      }),
      c.createCheckConstraint("ck_account_age", "account", "age >= 0", s),
      c.dropConstraint("ck_old", "account", { type: "check", ...s }),
      c.addColumn("account", "email", { type: "text" }, s),
    ],
  });
  assertEquals(Object.isFrozen(op) && Object.isFrozen(op.operations), true);
  assertEquals(batchAlterTable("t", () => {}).recreate, "auto");
});

Deno.test("batchAlterTable rejects bad arguments with clear messages", () => {
  assertEquals(
    assertThrows(() => batchAlterTable("t", () => {}, { recreate: "sometimes" as "auto" }), RangeError)
      .message,
    'Cannot create batchAlterTable operation for "t": recreate is "sometimes" (expected one of "auto", "always", "never")',
  );
  assertEquals(
    assertThrows(() => batchAlterTable("t", (async () => {}) as () => void), TypeError).message,
    'Cannot create batchAlterTable operation for "t": the callback must not be async (changes are collected as data)',
  );
  assertEquals(
    assertThrows(() => batchAlterTableOf("t", [c.dropColumn("u", "x")]), TypeError).message,
    'Cannot create batchAlterTable operation for "t": a "dropColumn" names table "u"',
  );
  assertEquals(
    assertThrows(() => batchAlterTable("t", (b) => b.alterColumn("x", {})), TypeError).message,
    'Cannot create alterColumn operation for "t.x": nothing to change (give one of type, nullable, default, newName, comment, autoincrement)',
  );
});
