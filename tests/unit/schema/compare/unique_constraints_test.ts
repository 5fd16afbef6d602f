import { compareUniqueConstraints } from "../../../../lib/schema/compare/unique_constraints.ts";
import { account, my, runRows } from "./_rows.ts";

Deno.test("compareUniqueConstraints rows", (t) =>
  runRows(t, compareUniqueConstraints, [
    {
      name: "unnamed target matches a named current one by columns",
      current: { ...account, uniqueConstraints: [{ name: "account_name_key", columns: ["name"] }] },
      target: { ...account, uniqueConstraints: [{ columns: ["name"] }] },
      expect: [],
    },
    {
      name: "unnamed new one gets uq_<table>_<columns>",
      target: { ...account, uniqueConstraints: [{ columns: ["name"], deferrable: true }] },
      expect: [["uniqueAdd", {
        kind: "createUniqueConstraint",
        name: "uq_account_name",
        table: "account",
        columns: ["name"],
        deferrable: true,
      }]],
      details: ['unique "uq_account_name" added'],
    },
    {
      name: "named one removed",
      current: { ...account, uniqueConstraints: [{ name: "u1", columns: ["name"] }] },
      target: account,
      expect: [["uniqueDrop", { kind: "dropConstraint", name: "u1", table: "account", type: "unique" }]],
      details: ['unique "u1" removed'],
    },
    {
      name: "unnamed one removed is only reported",
      current: { ...account, uniqueConstraints: [{ columns: ["name"] }] },
      target: account,
      expect: [],
      details: ["unique (name) removed (unnamed: drop it by hand)"],
    },
    {
      name: "where unique constraints are indexes, a unique index equals a constraint",
      normalizer: my,
      current: { ...account, uniqueConstraints: [{ name: "uq", columns: ["name"] }] },
      target: { ...account, indexes: [{ name: "uq", columns: ["name"], unique: true }] },
      expect: [],
    },
    {
      name: "where unique constraints are indexes, a new unique index is added as an index",
      normalizer: my,
      target: { ...account, indexes: [{ name: "uq", columns: ["name"], unique: true }] },
      expect: [["indexAdd", {
        kind: "createIndex",
        name: "uq",
        table: "account",
        columns: ["name"],
        unique: true,
      }]],
      details: ['index "uq" added'],
    },
  ]));
