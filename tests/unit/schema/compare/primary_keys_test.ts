import { comparePrimaryKeys } from "../../../../lib/schema/compare/primary_keys.ts";
import { account, lite, my, runRows } from "./_rows.ts";

const wider = { ...account, primaryKey: { columns: ["id", "name"] } };

Deno.test("comparePrimaryKeys rows", (t) =>
  runRows(t, comparePrimaryKeys, [
    {
      name: "equal (column form and table form)",
      target: { columns: { ...account.columns, id: { type: "integer", primaryKey: true } } },
      expect: [],
    },
    {
      name: "columns changed: PostgreSQL names the key <table>_pkey",
      target: wider,
      expect: [
        ["pkDrop", { kind: "dropConstraint", name: "account_pkey", table: "account", type: "primary" }],
        ["pkAdd", {
          kind: "createPrimaryKey",
          name: "account_pkey",
          table: "account",
          columns: ["id", "name"],
        }],
      ],
      details: ["primary key (id) -> (id, name)"],
    },
    {
      name: "MySQL names every key PRIMARY",
      normalizer: my,
      target: wider,
      expect: [
        ["pkDrop", { kind: "dropConstraint", name: "PRIMARY", table: "account", type: "primary" }],
        ["pkAdd", { kind: "createPrimaryKey", name: "PRIMARY", table: "account", columns: ["id", "name"] }],
      ],
    },
    {
      name: "SQLite gets pk_<table>; a named key keeps its name",
      normalizer: lite,
      current: { ...account, primaryKey: { name: "account_id", columns: ["id"] } },
      target: wider,
      expect: [
        ["pkDrop", { kind: "dropConstraint", name: "account_id", table: "account", type: "primary" }],
        ["pkAdd", {
          kind: "createPrimaryKey",
          name: "pk_account",
          table: "account",
          columns: ["id", "name"],
        }],
      ],
    },
    {
      name: "key removed",
      target: { columns: account.columns },
      expect: [["pkDrop", {
        kind: "dropConstraint",
        name: "account_pkey",
        table: "account",
        type: "primary",
      }]],
      details: ["primary key (id) -> ()"],
    },
  ]));
