import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import { formatShow, showOf } from "../../../lib/commands/show.ts";
import { alembicOutput, graphMap, MAIN_CURRENT, unordered } from "./_alembic_output.ts";

Deno.test("formatShow prints what Alembic 1.8 prints", async (t) => {
  for (
    const [graph, fixture, rev] of [
      ["main", "show_1975", "1975ea83b712"],
      ["main", "show_4c2d", "4c2d"],
      ["main", "show_feature_head", "feature@head"],
      ["main", "show_heads", "heads"],
      ["labels", "show_2c3d", "2c3d4e5f6a7b"],
      ["labels", "show_5f6a", "5f6a7b8c9d0e"],
    ] as const
  ) {
    await t.step(`${graph}/${fixture}`, () => {
      strictEqual(formatShow(showOf(graphMap(graph), rev)), alembicOutput(graph, fixture));
    });
  }
});

Deno.test("formatShow of current prints the entries of the version rows", () => {
  // Alembic prints the rows in table order, Retort sorted.
  const text = formatShow(showOf(graphMap("main"), "current", MAIN_CURRENT));
  deepStrictEqual(unordered(text), unordered(alembicOutput("main", "show_current")));
});

Deno.test("showOf of current fails on a row naming no revision", () => {
  throws(() => showOf(graphMap("main"), "current", ["0000deadbeef"]), {
    name: "UnknownRevisionError",
    message: "Can't locate revision identified by '0000deadbeef'",
  });
});

Deno.test("showOf of an unknown identifier fails", () => {
  throws(() => showOf(graphMap("main"), "ffff"), { name: "UnknownRevisionError" });
});

Deno.test("formatShow prints nothing for base", () => {
  strictEqual(formatShow(showOf(graphMap("main"), "base")), "");
});
