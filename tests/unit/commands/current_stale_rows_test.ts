/**
 * `current` shows every version row (issue 14): a row another row descends from, which Alembic's
 * `current` hides, is listed and marked as stale.
 */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { currentOf, formatCurrent } from "../../../lib/commands/current.ts";
import { graphMap } from "./_alembic_output.ts";

Deno.test("current lists a stale row, marked with the row above it", () => {
  const result = currentOf(graphMap("main"), ["1975ea83b712", "5d3e0f9a2b1c"], "sqlite:///x.db");
  deepStrictEqual(result.revisions?.map((r) => r.revision), ["5d3e0f9a2b1c"]);
  deepStrictEqual(result.staleVersions, [{ version: "1975ea83b712", above: "5d3e0f9a2b1c" }]);
  strictEqual(
    formatCurrent(result),
    "5d3e0f9a2b1c (head)\n1975ea83b712 (stale row: ancestor of 5d3e0f9a2b1c)\n",
  );
});

Deno.test("current without stale rows has no staleVersions", () => {
  const result = currentOf(graphMap("main"), ["5d3e0f9a2b1c"], "sqlite:///x.db");
  strictEqual("staleVersions" in result, false);
  strictEqual(formatCurrent(result), "5d3e0f9a2b1c (head)\n");
});
