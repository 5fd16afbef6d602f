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

Deno.test("compareColumns restates a MySQL enum's values, collations and ON UPDATE, and changes identity options in place", () => {
  const enumStep = compareColumns(pairOf({
    normalizer: my,
    current: { columns: { m: { type: "enum('a','b')" } } },
    target: { columns: { m: { type: "enum", enum: { values: ["a", "b", "c"] } } } },
  })).steps[0].step.up;
  assertEquals((enumStep as { type?: string }).type, "enum('a','b','c')");

  const collation = compareColumns(pairOf({
    normalizer: my,
    current: { columns: { s: { type: "varchar(5)" } }, mysql: { collate: "utf8mb4_general_ci" } },
    target: {
      columns: { s: { type: "varchar(5)", collation: "utf8mb4_bin", onUpdate: "now()" } },
      mysql: { collate: "utf8mb4_general_ci" },
    },
  }));
  assertEquals(collation.details, [
    'column "s" collation default -> utf8mb4_bin',
    'column "s" ON UPDATE none -> now()',
  ]);
  assertEquals(
    (collation.steps[0].step.up as { type?: string }).type,
    "varchar(5) COLLATE utf8mb4_bin ON UPDATE now()",
  );
  // The table's own collation on a column is no collation of the column's own.
  assertEquals(
    compareColumns(pairOf({
      normalizer: my,
      current: { columns: { s: { type: "varchar(5)" } }, mysql: { collate: "utf8mb4_bin" } },
      target: {
        columns: { s: { type: "varchar(5)", collation: "utf8mb4_bin" } },
        mysql: { collate: "utf8mb4_bin" },
      },
    })).details,
    [],
  );

  const identity = compareColumns(pairOf({
    current: { columns: { id: { type: "integer", autoincrement: true } } },
    target: { columns: { id: { type: "integer", identity: { start: 1, increment: 5 } } } },
  }));
  assertEquals(identity.details, ['column "id" identity default -> increment 5']);
  assertEquals(JSON.parse(JSON.stringify(identity.steps[0].step.down)), {
    kind: "alterColumn",
    table: "account",
    column: "id",
    autoincrement: true,
    identity: {},
    existing: { type: "integer", identity: { start: 1, increment: 5 }, autoincrement: true },
  });
});

Deno.test("compareColumns sees a SQLite bigint autoincrement key as the INTEGER it is declared", () => {
  assertEquals(
    compareColumns(pairOf({
      normalizer: lite,
      current: { columns: { id: { type: "integer", nullable: false, autoincrement: true } } },
      target: { columns: { id: { type: "bigint", nullable: false, autoincrement: true } } },
    })).details,
    [],
  );
});
