import * as create from "../../../lib/operations/create.ts";
import { batchAlterTableOf } from "../../../lib/operations/batch.ts";
import type { BatchOperation } from "../../../lib/operations/types.ts";
import { detectedChanges } from "../../../lib/output/detected_changes.ts";
import { assertEquals } from "../../_assert.ts";

Deno.test("detectedChanges prints one line per change in Alembic's words and order", () => {
  const current = {
    tables: {
      book: {
        columns: { id: { type: "integer" }, author_id: { type: "integer" }, title: { type: "varchar(50)" } },
        foreignKeys: [{
          name: "fk_book_author",
          columns: ["author_id"],
          referencedTable: "author",
          referencedColumns: ["id"],
        }],
      },
    },
  };
  const lines = detectedChanges([
    create.dropConstraint("fk_book_author", "book", { type: "foreignkey" }),
    create.createTable("shelf", { id: { type: "integer" } }),
    create.dropIndex("ix_book_old", { table: "book" }),
    create.addColumn("book", "isbn", { type: "text" }),
    create.alterColumn("book", "title", {
      type: "text",
      nullable: false,
      existing: { type: "varchar(50)" },
    }),
    create.dropColumn("book", "legacy"),
    create.createIndex("ix_book_isbn", "book", ["isbn", "title"]),
    create.createForeignKey("fk_book_shelf", "book", "shelf", ["shelf_id"], ["id"]),
    create.dropTable("tag"),
    create.createEnum("mood", ["sad", "happy"]),
  ], current);
  assertEquals(lines, [
    "Detected added enum 'mood'",
    "Detected added table 'shelf'",
    "Detected removed table 'tag'",
    "Detected added column 'book.isbn'",
    "Detected NOT NULL on column 'book.title'",
    "Detected type change from VARCHAR(50) to TEXT on 'book.title'",
    "Detected removed index 'ix_book_old' on 'book'",
    "Detected added index 'ix_book_isbn' on '['isbn', 'title']'",
    "Detected removed foreign key (author_id)(id) on table book",
    "Detected added foreign key (shelf_id)(id) on table book",
    "Detected removed column 'book.legacy'",
  ]);
});

Deno.test("detectedChanges reads a batch's operations and sorts kept tables by name", () => {
  const batch = batchAlterTableOf("zebra", [
    create.alterColumn("zebra", "name", { nullable: true }) as BatchOperation,
    create.createUniqueConstraint("uq_zebra_name", "zebra", ["name"]) as BatchOperation,
  ]);
  assertEquals(
    detectedChanges([batch, create.addColumn("ant", "legs", { type: "integer" })], { tables: {} }),
    [
      "Detected added column 'ant.legs'",
      "Detected NULL on column 'zebra.name'",
      "Detected added unique constraint 'uq_zebra_name' on '['name']'",
    ],
  );
});
