import { compareSchemas } from "../../../../lib/schema/compare/compare_schemas.ts";
import { tableRenameHints } from "../../../../lib/schema/compare/table_renames.ts";
import type { Table } from "../../../../lib/schema/model.ts";
import { renderBody } from "../../../../lib/render/typescript.ts";
import { assertEquals } from "../../../_assert.ts";
import { lite, pg } from "./_rows.ts";

const people: Table = {
  columns: { id: { type: "integer", primaryKey: true }, name: { type: "varchar(50)" } },
};

Deno.test("tableRenameHints hints at a rename when a new table has a dropped table's columns", () => {
  const person: Table = {
    columns: { name: { type: "character varying(50)" }, id: { type: "int4", primaryKey: true } },
  };
  assertEquals([...tableRenameHints({ person }, { people }, pg)], [[
    "people",
    {
      candidates: ["person"],
      comment: '"people" was dropped and "person" created with the same columns.\n' +
        "If this is a rename, keep the data by replacing the createTable and dropTable calls with:\n" +
        'op.renameTable("people", "person");',
    },
  ]]);
});

Deno.test("tableRenameHints gives no hint when a column or a type differs, or the schema does", () => {
  const other: Table = { columns: { id: { type: "integer" }, name: { type: "text" } } };
  const more: Table = { columns: { ...people.columns, email: { type: "text" } } };
  assertEquals(tableRenameHints({ other, more }, { people }, pg).size, 0);
  assertEquals(tableRenameHints({ "s.person": people }, { people }, pg).size, 0);
  assertEquals(
    tableRenameHints({ "s.person": people }, { "s.people": people }, lite).get("s.people")?.comment.split(
      "\n",
    )[2],
    'op.renameTable("people", "person", { schema: "s" });',
  );
});

Deno.test("compareSchemas writes the table rename hint above the dropTable", () => {
  const result = compareSchemas({ tables: { person: people } }, { tables: { people } }, { normalizer: lite });
  const body = renderBody(result.upgrade);
  const lines = body.split("\n");
  const drop = lines.findIndex((l) => l.startsWith("op.dropTable("));
  assertEquals(lines[drop - 1], '// op.renameTable("people", "person");');
  assertEquals(lines[drop - 3], '// "people" was dropped and "person" created with the same columns.');
  assertEquals(result.changes.map((c) => [c.type, c.name, c.details]), [
    ["table.added", "person", []],
    ["table.removed", "people", ['same columns as "person": a rename?']],
  ]);
});
