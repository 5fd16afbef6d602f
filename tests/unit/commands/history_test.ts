import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import { formatHistory, historyOf } from "../../../lib/commands/history.ts";
import { RevisionError } from "../../../lib/errors.ts";
import { alembicOutput, graphMap, MAIN_CURRENT, unordered } from "./_alembic_output.ts";

const cases = [
  { fixture: "history", options: {}, verbose: false },
  { fixture: "history_verbose", options: {}, verbose: true },
  { fixture: "history_indicate", options: { indicateCurrent: true }, current: MAIN_CURRENT, verbose: false },
  {
    fixture: "history_indicate_verbose",
    options: { indicateCurrent: true },
    current: MAIN_CURRENT,
    verbose: true,
  },
  { fixture: "history_range_1975_4c2d", options: { range: "1975ea83b712:4c2d9e8f1a0b" }, verbose: false },
  { fixture: "history_range_to_3b9f", options: { range: ":3b9f5d1c2e4a" }, verbose: false },
  { fixture: "history_range_from_4c2d", options: { range: "4c2d9e8f1a0b:" }, verbose: false },
  {
    fixture: "history_range_from_current",
    options: { range: "current:" },
    current: MAIN_CURRENT,
    verbose: false,
  },
];

Deno.test("formatHistory prints what Alembic 1.8 prints", async (t) => {
  for (const c of cases) {
    await t.step(`main/${c.fixture}`, () => {
      const result = historyOf(graphMap("main"), c.options, c.current);
      strictEqual(formatHistory(result, { verbose: c.verbose }), alembicOutput("main", c.fixture));
    });
  }
});

Deno.test("formatHistory prints Alembic 1.8's entries for inherited labels and dependencies", async (t) => {
  // Alembic walks the heads in os.listdir order, Retort in file-name order: the lines are the same,
  // the order of the unrelated branches differs.
  for (const [fixture, verbose] of [["history", false], ["history_verbose", true]] as const) {
    await t.step(`labels/${fixture}`, () => {
      const text = formatHistory(historyOf(graphMap("labels")), { verbose });
      deepStrictEqual(unordered(text), unordered(alembicOutput("labels", fixture)));
    });
  }
});

Deno.test("historyOf keeps the version rows it was given and marks only with indicateCurrent", () => {
  const plain = historyOf(graphMap("main"), { range: "current:" }, MAIN_CURRENT);
  deepStrictEqual(plain.currentHeads, MAIN_CURRENT);
  strictEqual(plain.revisions.some((r) => "isCurrent" in r), false);
  const marked = historyOf(graphMap("main"), { indicateCurrent: true }, MAIN_CURRENT);
  deepStrictEqual(marked.revisions.filter((r) => r.isCurrent).map((r) => r.revision), [
    "9a8b7c6d5e4f",
    "ae1027a6acf1",
  ]);
});

Deno.test("historyOf rejects a range without a colon", () => {
  throws(() => historyOf(graphMap("main"), { range: "1975ea83b712" }), {
    name: "RevisionError",
    message: "History range requires [start]:[end], [start]:, or :[end]",
  });
  throws(() => historyOf(graphMap("main"), { range: "1975ea83b712" }), RevisionError);
});

Deno.test("formatHistory prints nothing for an empty project", () => {
  strictEqual(formatHistory({ revisions: [] }), "");
});
