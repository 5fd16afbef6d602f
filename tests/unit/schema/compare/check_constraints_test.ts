import { compareCheckConstraints } from "../../../../lib/schema/compare/check_constraints.ts";
import { account, runRows } from "./_rows.ts";

Deno.test("compareCheckConstraints rows", (t) =>
  runRows(t, compareCheckConstraints, [
    {
      name: "condition as the database reprints it is no change",
      current: { ...account, checkConstraints: [{ name: "account_id_check", condition: "((id > 0))" }] },
      target: { ...account, checkConstraints: [{ condition: "id > 0" }] },
      expect: [],
    },
    {
      name: "new ones numbered ck_<table>_<n> in their order",
      target: {
        ...account,
        checkConstraints: [{ name: "pos", condition: "id > 0" }, { condition: "id < 9" }],
      },
      expect: [
        ["checkAdd", { kind: "createCheckConstraint", name: "pos", table: "account", condition: "id > 0" }],
        ["checkAdd", {
          kind: "createCheckConstraint",
          name: "ck_account_2",
          table: "account",
          condition: "id < 9",
        }],
      ],
      details: ['check "pos" added', 'check "ck_account_2" added'],
    },
    {
      name: "named one removed, unnamed one reported",
      current: {
        ...account,
        checkConstraints: [{ name: "pos", condition: "id > 0" }, { condition: "id < 9" }],
      },
      target: account,
      expect: [["checkDrop", { kind: "dropConstraint", name: "pos", table: "account", type: "check" }]],
      details: ['check "pos" removed', "check (id < 9) removed (unnamed: drop it by hand)"],
    },
  ]));
