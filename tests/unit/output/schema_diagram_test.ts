/**
 * Schema diagrams: what `schemaDiagramOf` reads from the Schema model (keys, cardinality, `--tables`
 * globs), and the Mermaid and DOT text written from it.
 */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { matchesTablePattern, schemaDiagramOf } from "../../../lib/output/schema_diagram.ts";
import { escapeDotHtml, formatSchemaDot } from "../../../lib/output/schema_diagram_dot.ts";
import { formatSchemaMermaid, mermaidEntityName } from "../../../lib/output/schema_diagram_mermaid.ts";
import type { Schema } from "../../../lib/schema/model.ts";

const SCHEMA: Schema = {
  tables: {
    author: {
      columns: { id: { type: "integer", primaryKey: true }, name: { type: "varchar(50)", nullable: false } },
    },
    book: {
      columns: {
        id: { type: "integer", primaryKey: true },
        author_id: { type: "integer", nullable: false, references: "author.id" },
        editor_id: { type: "integer", references: "author.id" },
        price: { type: "numeric(10,2)" },
      },
    },
    book_detail: {
      columns: { book_id: { type: "integer", primaryKey: true } },
      foreignKeys: [{
        name: "fk_detail_book",
        columns: ["book_id"],
        referencedTable: "book",
        referencedColumns: ["id"],
      }],
    },
    "sales.order": {
      columns: { id: { type: "bigint", primaryKey: true }, isbn: { type: "text", unique: true } },
    },
  },
};

Deno.test("schema diagram: keys and the cardinality of each foreign key", () => {
  const d = schemaDiagramOf(SCHEMA);
  deepStrictEqual(d.tables.map((t) => t.key), ["author", "book", "book_detail", "sales.order"]);
  deepStrictEqual(
    d.relations.map((r) => [r.parent, r.child, r.columns.join(), r.parentSide, r.childSide]),
    [
      ["author", "book", "author_id", "one", "zeroOrMany"],
      ["author", "book", "editor_id", "zeroOrOne", "zeroOrMany"],
      ["book", "book_detail", "book_id", "one", "zeroOrOne"],
    ],
  );
  const order = d.tables[3].columns;
  deepStrictEqual(order.map((c) => [c.name, c.isPrimaryKey, c.isUnique]), [["id", true, true], [
    "isbn",
    false,
    true,
  ]]);
});

Deno.test("schema diagram: --tables globs keep matching tables and the keys between them", () => {
  strictEqual(matchesTablePattern("book_detail", "book*"), true);
  strictEqual(matchesTablePattern("sales.order", "sales.*"), true);
  strictEqual(matchesTablePattern("salesXorder", "sales.order"), false);
  strictEqual(matchesTablePattern("author", "book, author"), true);
  const d = schemaDiagramOf(SCHEMA, "book*");
  deepStrictEqual(d.tables.map((t) => t.key), ["book", "book_detail"]);
  deepStrictEqual(d.relations.map((r) => `${r.parent}->${r.child}`), ["book->book_detail"]);
});

Deno.test("schema diagram: Mermaid erDiagram", () => {
  const text = formatSchemaMermaid(schemaDiagramOf(SCHEMA));
  const lines = text.split("\n");
  strictEqual(lines[0], "erDiagram");
  strictEqual(lines.includes('    numeric(10_2) price "numeric(10,2)"'), true);
  strictEqual(lines.includes('    integer author_id FK "not null"'), true);
  strictEqual(lines.includes("  sales_order {"), true);
  strictEqual(lines.includes("    text isbn UK"), true);
  strictEqual(lines.includes('  author ||--o{ book : "author_id"'), true);
  strictEqual(lines.includes('  author |o--o{ book : "editor_id"'), true);
  strictEqual(lines.includes('  book ||--o| book_detail : "book_id"'), true);
  strictEqual(mermaidEntityName("9lives"), "_9lives");
});

Deno.test("schema diagram: DOT tables with ports and crow's foot ends", () => {
  const text = formatSchemaDot(schemaDiagramOf(SCHEMA));
  strictEqual(text.includes(`"book":c1 -> "author":c0 [arrowhead=tee, arrowtail=crowodot`), true);
  strictEqual(text.includes(`"book":c2 -> "author":c0 [arrowhead=teeodot, arrowtail=crowodot`), true);
  strictEqual(text.includes(`"book_detail":c0 -> "book":c0 [arrowhead=tee, arrowtail=teeodot`), true);
  strictEqual(escapeDotHtml(`a<b & "c">`), "a&lt;b &amp; &quot;c&quot;&gt;");
});
