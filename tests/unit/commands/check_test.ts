import { formatCheck } from "../../../lib/commands/check.ts";
import { assertEquals } from "../../_assert.ts";

Deno.test("formatCheck counts the changes it lists, not the operations", () => {
  const text = formatCheck({
    ok: false,
    schemaFile: "/p/schema.ts",
    // A SQLite rebuild: one batchAlterTable operation holding two changes.
    operations: 1,
    changes: [{
      type: "table.changed",
      name: "book",
      details: ['column "a" now NOT NULL', 'column "b" added'],
    }],
    diffs: [],
    uncompared: [],
  });
  assertEquals(text.split("\n").slice(0, 4), [
    "The database differs from /p/schema.ts (2 changes):",
    '  table changed "book"',
    '    column "a" now NOT NULL',
    '    column "b" added',
  ]);
  const one = formatCheck({
    ok: false,
    schemaFile: "/p/schema.ts",
    operations: 1,
    changes: [{ type: "table.added", name: "tag", details: [] }],
    diffs: [],
    uncompared: [],
  });
  assertEquals(one.split("\n")[0], "The database differs from /p/schema.ts (1 change):");
  const renamed = formatCheck({
    ok: false,
    schemaFile: "/p/schema.ts",
    operations: 2,
    changes: [
      { type: "table.added", name: "label", details: [] },
      { type: "table.removed", name: "tag", details: ['same columns as "label": a rename?'] },
    ],
    diffs: [],
    uncompared: [],
  });
  // A remark under a removed table is no change of its own.
  assertEquals(renamed.split("\n").slice(0, 4), [
    "The database differs from /p/schema.ts (2 changes):",
    '  table added "label"',
    '  table removed "tag"',
    '    same columns as "label": a rename?',
  ]);
});
