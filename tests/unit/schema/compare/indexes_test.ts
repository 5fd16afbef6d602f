import { compareIndexes } from "../../../../lib/schema/compare/indexes.ts";
import { account, my, runRows } from "./_rows.ts";

const ix = { name: "ix_name", columns: ["name"] };

Deno.test("compareIndexes rows", (t) =>
  runRows(t, compareIndexes, [
    {
      name: "added",
      target: { ...account, indexes: [ix] },
      expect: [["indexAdd", { kind: "createIndex", name: "ix_name", table: "account", columns: ["name"] }]],
      details: ['index "ix_name" added'],
    },
    {
      name: "removed",
      current: { ...account, indexes: [ix] },
      target: account,
      expect: [["indexDrop", { kind: "dropIndex", name: "ix_name", table: "account" }]],
      details: ['index "ix_name" removed'],
    },
    {
      name: "changed: dropped and created again",
      current: { ...account, indexes: [ix] },
      target: { ...account, indexes: [{ ...ix, where: "name <> ''" }] },
      expect: [
        ["indexDrop", { kind: "dropIndex", name: "ix_name", table: "account" }],
        ["indexAdd", {
          kind: "createIndex",
          name: "ix_name",
          table: "account",
          columns: ["name"],
          where: "name <> ''",
        }],
      ],
      details: ['index "ix_name" changed'],
    },
    {
      name: "expression and predicate compared loosely",
      current: {
        ...account,
        indexes: [{ name: "ix", columns: [{ sql: "(lower((name)::text))" }], where: "(id > 0)" }],
      },
      target: { ...account, indexes: [{ name: "ix", columns: [{ sql: "lower(name)" }], where: "id > 0" }] },
      expect: [],
    },
    {
      name: "plain unique indexes are left to the unique comparator where they are constraints",
      normalizer: my,
      target: { ...account, indexes: [{ ...ix, unique: true }] },
      expect: [],
    },
  ]));
