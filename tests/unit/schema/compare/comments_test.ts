import { compareComments } from "../../../../lib/schema/compare/comments.ts";
import { account, lite, runRows } from "./_rows.ts";

Deno.test("compareComments rows", (t) =>
  runRows(t, compareComments, [
    {
      name: "added",
      target: { ...account, comment: "people" },
      expect: [["other", { kind: "createTableComment", table: "account", comment: "people" }]],
      details: ["comment changed"],
    },
    {
      name: "changed, recording the old one",
      current: { ...account, comment: "old" },
      target: { ...account, comment: "new" },
      expect: [["other", {
        kind: "createTableComment",
        table: "account",
        comment: "new",
        existingComment: "old",
      }]],
    },
    {
      name: "removed",
      current: { ...account, comment: "old" },
      target: account,
      expect: [["other", { kind: "dropTableComment", table: "account", existingComment: "old" }]],
    },
    {
      name: "ignored where none are stored",
      normalizer: lite,
      target: { ...account, comment: "people" },
      expect: [],
    },
  ]));
