import { compareColumns } from "../../../../lib/schema/compare/columns.ts";
import { assertEquals } from "../../../_assert.ts";
import { account, lite, my, pairOf, runRows } from "./_rows.ts";

const cols = account.columns;

Deno.test("compareColumns rows", (t) =>
  runRows(t, compareColumns, [
    { name: "equal", target: account, expect: [] },
    {
      name: "added column",
      target: { ...account, columns: { ...cols, email: { type: "text" } } },
      expect: [["addColumn", {
        kind: "addColumn",
        table: "account",
        column: "email",
        definition: { type: "text" },
      }]],
      details: ['column "email" added'],
    },
    {
      name: "dropped column",
      target: { ...account, columns: { id: cols.id } },
      expect: [["dropColumn", { kind: "dropColumn", table: "account", column: "name" }]],
      details: ['column "name" removed'],
    },
    {
      name: "type spelt another way is no change",
      target: { ...account, columns: { ...cols, name: { type: "character varying(50)", nullable: false } } },
      expect: [],
    },
    {
      name: "type, nullability and default in one alterColumn",
      target: { ...account, columns: { ...cols, name: { type: "text", default: "x" } } },
      expect: [["alterColumn", {
        kind: "alterColumn",
        table: "account",
        column: "name",
        type: "text",
        nullable: true,
        default: "x",
        existing: { type: "varchar(50)", nullable: false },
      }]],
      details: [
        'column "name" type varchar(50) -> text',
        'column "name" now nullable',
        'column "name" default none -> "x"',
      ],
    },
    {
      name: "comment compared where comments are stored",
      normalizer: my,
      target: { ...account, columns: { ...cols, name: { ...cols.name, comment: "who" } } },
      expect: [["alterColumn", {
        kind: "alterColumn",
        table: "account",
        column: "name",
        comment: "who",
        existing: { type: "varchar(50)", nullable: false },
      }]],
      details: ['column "name" comment changed'],
    },
    {
      name: "comment ignored where none are stored",
      normalizer: lite,
      target: { ...account, columns: { ...cols, name: { ...cols.name, comment: "who" } } },
      expect: [],
    },
    {
      name: "schema-qualified table",
      schema: "sales",
      target: { ...account, columns: { ...cols, email: { type: "text" } } },
      expect: [["addColumn", {
        kind: "addColumn",
        table: "account",
        column: "email",
        definition: { type: "text" },
        schema: "sales",
      }]],
    },
  ]));

Deno.test("compareColumns hints at a rename when a dropped and an added column share a type", () => {
  const found = compareColumns(pairOf({
    target: { ...account, columns: { id: cols.id, full_name: { type: "varchar(50)", nullable: false } } },
  }));
  assertEquals(
    found.steps.map((p) => p.step.comment),
    [
      undefined,
      '"name" was dropped and "full_name" added with the same type.\n' +
      "If this is a rename, keep the data by replacing the addColumn and dropColumn calls with:\n" +
      'op.alterColumn("account", "name", { newName: "full_name" });',
    ],
  );
});

Deno.test("compareColumns leaves types and defaults alone when told to", () => {
  const pair = {
    ...pairOf({
      target: { ...account, columns: { ...cols, name: { type: "text", nullable: false, default: "x" } } },
    }),
    compareType: false,
    compareServerDefault: false,
  };
  assertEquals(compareColumns(pair).steps, []);
});
