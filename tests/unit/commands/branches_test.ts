import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { branchesOf, formatBranches } from "../../../lib/commands/branches.ts";
import { alembicOutput, graphMap } from "./_alembic_output.ts";

Deno.test("formatBranches prints what Alembic 1.8 prints", async (t) => {
  for (
    const [graph, fixture, verbose] of [
      ["main", "branches", false],
      ["main", "branches_verbose", true],
      // A revision others only depend on is no branch point: Alembic prints nothing.
      ["labels", "branches", false],
    ] as const
  ) {
    await t.step(`${graph}/${fixture}`, () => {
      strictEqual(formatBranches(branchesOf(graphMap(graph)), { verbose }), alembicOutput(graph, fixture));
    });
  }
});

Deno.test("branchesOf lists each branch point with its children", () => {
  const result = branchesOf(graphMap("main"));
  deepStrictEqual(
    result.branchPoints.map((b) => [b.revision.revision, b.children.map((c) => c.revision)]),
    [["1975ea83b712", ["3b9f5d1c2e4a", "ae1027a6acf1"]]],
  );
});
