import { compareForeignKeys } from "../../../../lib/schema/compare/foreign_keys.ts";
import { assertEquals } from "../../../_assert.ts";
import { account, lite, my, pairOf, runRows } from "./_rows.ts";

const withParent = { ...account, columns: { ...account.columns, parent: { type: "integer" } } };
const fk = { name: "fk_parent", columns: ["parent"], referencedTable: "account", referencedColumns: ["id"] };

Deno.test("compareForeignKeys rows", (t) =>
  runRows(t, compareForeignKeys, [
    {
      name: "new key runs after every table exists",
      current: withParent,
      target: { ...withParent, foreignKeys: [{ ...fk, name: undefined, onDelete: "cascade" }] },
      expect: [["fkCreate", {
        kind: "createForeignKey",
        name: "fk_account_parent_account",
        table: "account",
        referencedTable: "account",
        columns: ["parent"],
        referencedColumns: ["id"],
        onDelete: "cascade",
      }]],
      details: ['foreign key "fk_account_parent_account" added'],
    },
    {
      name: "dropped key runs before any table change",
      current: { ...withParent, foreignKeys: [fk] },
      target: withParent,
      expect: [["fkDrop", {
        kind: "dropConstraint",
        name: "fk_parent",
        table: "account",
        type: "foreignkey",
      }]],
      details: ['foreign key "fk_parent" removed'],
    },
    {
      name: "no action and restrict are alike",
      current: { ...withParent, foreignKeys: [{ ...fk, onDelete: "restrict" }] },
      target: { ...withParent, foreignKeys: [{ ...fk, onDelete: "no action" }] },
      expect: [],
    },
    {
      name: "where constraints need a rebuild, keys stay with the table's changes",
      normalizer: lite,
      current: { ...withParent, foreignKeys: [fk] },
      target: { ...withParent, foreignKeys: [{ ...fk, name: "fk_other" }] },
      expect: [
        ["other", { kind: "dropConstraint", name: "fk_parent", table: "account", type: "foreignkey" }],
        ["fkAdd", {
          kind: "createForeignKey",
          name: "fk_other",
          table: "account",
          referencedTable: "account",
          columns: ["parent"],
          referencedColumns: ["id"],
        }],
      ],
    },
    {
      name: "where the key made an index, dropping the key drops the index too",
      normalizer: my,
      current: { ...withParent, foreignKeys: [fk] },
      target: withParent,
      expect: [
        ["fkDrop", { kind: "dropConstraint", name: "fk_parent", table: "account", type: "foreignkey" }],
        ["fkDrop", { kind: "dropIndex", name: "fk_parent", table: "account" }],
      ],
    },
  ]));

Deno.test("compareForeignKeys undoes a new key's index where the database made one", () => {
  const pair = pairOf({ normalizer: my, current: withParent, target: { ...withParent, foreignKeys: [fk] } });
  const [placed] = compareForeignKeys(pair).steps;
  assertEquals(JSON.parse(JSON.stringify(placed.step.downAlso)), {
    kind: "dropIndex",
    name: "fk_parent",
    table: "account",
  });
  const generated = pairOf({
    normalizer: my,
    current: withParent,
    target: { ...withParent, foreignKeys: [{ ...fk, name: "account_ibfk_1" }] },
  });
  assertEquals((compareForeignKeys(generated).steps[0].step.downAlso as { name: string }).name, "parent");
  const indexed = pairOf({
    normalizer: my,
    current: { ...withParent, indexes: [{ name: "ix_parent", columns: ["parent"] }] },
    target: { ...withParent, indexes: [{ name: "ix_parent", columns: ["parent"] }], foreignKeys: [fk] },
  });
  assertEquals(compareForeignKeys(indexed).steps[0].step.downAlso, undefined);
});
