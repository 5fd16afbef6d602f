import { readFileSync, writeFileSync } from "node:fs";
import process from "node:process";
import { assertEquals } from "../../_assert.ts";
import * as create from "../../../lib/operations/create.ts";
import { renderBody, tsLiteral } from "../../../lib/render/typescript.ts";

const GOLDEN = new URL("../../fixtures/render/operations.ts.golden", import.meta.url);

Deno.test("tsLiteral writes short objects on one line with unquoted keys", () => {
  assertEquals(
    tsLiteral({ type: "integer", "odd key": true, gone: undefined }),
    '{ type: "integer", "odd key": true }',
  );
});

Deno.test("tsLiteral breaks long objects one entry per line", () => {
  const text = tsLiteral({ a: "x".repeat(60), b: "y".repeat(60) });
  assertEquals(text, `{\n  a: "${"x".repeat(60)}",\n  b: "${"y".repeat(60)}",\n}`);
});

Deno.test("renderBody renders every operation kind as the golden file", () => {
  const body = renderBody([
    create.createTable("account", {
      id: { type: "integer", primaryKey: true, autoincrement: true },
      name: { type: "varchar(50)", nullable: false, default: "" },
      created_at: { type: "timestamptz", default: { sql: "now()" } },
    }, { uniqueConstraints: [{ name: "uq_account_name", columns: ["name"] }], comment: "people" }),
    { comment: "a note\non two lines" },
    create.addColumn("account", "email", { type: "varchar(200)" }),
    create.alterColumn("account", "name", {
      type: "text",
      existing: { type: "varchar(50)", nullable: false },
    }),
    create.dropColumn("account", "legacy"),
    create.createIndex("ix_account_email", "account", ["email", { sql: "lower(name)" }], { unique: true }),
    create.dropIndex("ix_old", { table: "account" }),
    create.createForeignKey("fk_order_account", "order", "account", ["account_id"], ["id"], {
      onDelete: "cascade",
    }),
    create.dropConstraint("fk_order_account", "order", { type: "foreignkey" }),
    create.createCheckConstraint("ck_positive", "order", "total >= 0"),
    create.createUniqueConstraint("uq_email", "account", ["email"]),
    create.createPrimaryKey("pk_x", "x", ["a", "b"]),
    create.createTableComment("account", "people"),
    create.dropTableComment("account", { existingComment: "people" }),
    create.createEnum("mood", ["sad", "ok"]),
    create.addEnumValue("mood", "happy", { after: "ok" }),
    create.dropEnum("mood"),
    create.createSchema("sales"),
    create.dropSchema("sales"),
    create.renameTable("a", "b"),
    create.dropTable("account"),
    Object.freeze({
      kind: "batchAlterTable" as const,
      table: "account",
      recreate: "auto" as const,
      operations: [
        create.alterColumn("account", "name", { nullable: true }),
        create.dropConstraint("uq_email", "account", { type: "unique" }),
      ],
    }),
  ]);
  if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, body + "\n");
  assertEquals(body + "\n", readFileSync(GOLDEN, "utf8"));
});

Deno.test("renderBody says so when there is nothing to do", () => {
  assertEquals(renderBody([]), "// nothing to do");
});

Deno.test("renderBody spreads the object arguments of a call too long for one line", () => {
  const body = renderBody([
    create.createTable("line", {
      id: { type: "integer", primaryKey: true },
      order_id: { type: "integer", nullable: false },
    }, { foreignKeys: [{ columns: ["order_id"], referencedTable: "orders", referencedColumns: ["id"] }] }),
  ]);
  assertEquals(
    body,
    [
      `op.createTable("line", {`,
      `  id: { type: "integer", primaryKey: true },`,
      `  order_id: { type: "integer", nullable: false },`,
      `}, {`,
      `  foreignKeys: [{ columns: ["order_id"], referencedTable: "orders", referencedColumns: ["id"] }],`,
      `});`,
    ].join("\n"),
  );
});
