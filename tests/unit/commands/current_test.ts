import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { currentOf, formatCurrent } from "../../../lib/commands/current.ts";
import { alembicOutput, graphMap, MAIN_CURRENT, unordered } from "./_alembic_output.ts";

Deno.test("formatCurrent prints what Alembic 1.8 prints", async (t) => {
  // Alembic prints the current revisions from a set of objects (memory-address order): compare entries.
  for (
    const [fixture, rows, verbose] of [
      ["current_empty", [], false],
      ["current", MAIN_CURRENT, false],
      ["current_verbose", MAIN_CURRENT, true],
      ["current_dependency", ["8b7c6d5e4f3a"], false],
    ] as const
  ) {
    await t.step(`main/${fixture}`, () => {
      const text = formatCurrent(currentOf(graphMap("main"), rows, "sqlite:///test.db"), { verbose });
      deepStrictEqual(unordered(text), unordered(alembicOutput("main", fixture)));
    });
  }
});

Deno.test("formatCurrent puts the version rows first, sorted, then the dependencies", () => {
  strictEqual(
    formatCurrent(currentOf(graphMap("main"), ["8b7c6d5e4f3a"], "sqlite:///x.db")),
    "8b7c6d5e4f3a (head)\n3b9f5d1c2e4a\n",
  );
  strictEqual(
    formatCurrent(currentOf(graphMap("main"), MAIN_CURRENT, "sqlite:///x.db")),
    "9a8b7c6d5e4f\nae1027a6acf1\n",
  );
});

Deno.test("currentOf without a revision map returns the raw rows", () => {
  const result = currentOf(undefined, ["abc", "def"], "postgresql://u:***@h/db");
  deepStrictEqual(result, { url: "postgresql://u:***@h/db", versions: ["abc", "def"] });
  strictEqual(formatCurrent(result), "abc\ndef\n");
  strictEqual(
    formatCurrent(result, { verbose: true }),
    "Current revision(s) for postgresql://u:***@h/db:\nabc\ndef\n",
  );
});

Deno.test("currentOf reports rows the script directory does not know", () => {
  const result = currentOf(graphMap("main"), ["0000deadbeef", "5d3e0f9a2b1c"], "sqlite:///x.db");
  deepStrictEqual(result.unknownVersions, ["0000deadbeef"]);
  strictEqual(formatCurrent(result), "5d3e0f9a2b1c (head)\n0000deadbeef (unknown revision)\n");
});

Deno.test("currentOf drops a row another row descends from", () => {
  const result = currentOf(graphMap("main"), ["1975ea83b712", "5d3e0f9a2b1c"], "sqlite:///x.db");
  deepStrictEqual(result.revisions?.map((r) => r.revision), ["5d3e0f9a2b1c"]);
});
