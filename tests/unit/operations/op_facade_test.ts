import { assertEquals } from "../../_assert.ts";
import { createOpFacade } from "../../../lib/runtime/context.ts";
import type { Operation } from "../../../lib/operations/types.ts";
import * as c from "../../../lib/operations/create.ts";
import { batchAlterTable } from "../../../lib/operations/batch.ts";

Deno.test("op facade queues one operation per new method, in call order", async () => {
  const seen: Operation[] = [];
  const { op, pending } = createOpFacade((operation) => {
    seen.push(operation);
    return Promise.resolve();
  }, "/x.ts");
  op.alterColumn("t", "a", { type: "text" });
  op.createPrimaryKey("pk", "t", ["a"]);
  op.createUniqueConstraint("uq", "t", ["a"], { deferrable: true });
  op.createForeignKey("fk", "t", "u", ["a"], ["id"], { onDelete: "cascade" });
  op.createCheckConstraint("ck", "t", "a > 0");
  op.dropConstraint("ck", "t", { type: "check" });
  op.createTableComment("t", "c");
  op.dropTableComment("t");
  op.createEnum("e", ["a"]);
  op.addEnumValue("e", "b");
  op.dropEnum("e");
  op.createSchema("s");
  op.dropSchema("s", { cascade: true });
  op.batchAlterTable("t", (b) => b.dropColumn("a"), { recreate: "never" });
  await pending();
  assertEquals(seen, [
    c.alterColumn("t", "a", { type: "text" }),
    c.createPrimaryKey("pk", "t", ["a"]),
    c.createUniqueConstraint("uq", "t", ["a"], { deferrable: true }),
    c.createForeignKey("fk", "t", "u", ["a"], ["id"], { onDelete: "cascade" }),
    c.createCheckConstraint("ck", "t", "a > 0"),
    c.dropConstraint("ck", "t", { type: "check" }),
    c.createTableComment("t", "c"),
    c.dropTableComment("t"),
    c.createEnum("e", ["a"]),
    c.addEnumValue("e", "b"),
    c.dropEnum("e"),
    c.createSchema("s"),
    c.dropSchema("s", { cascade: true }),
    batchAlterTable("t", (b) => b.dropColumn("a"), { recreate: "never" }),
  ]);
});
