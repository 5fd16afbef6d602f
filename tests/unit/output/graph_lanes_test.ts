/**
 * The lanes of `history --graph` on inline graphs: linear, fork, merge, diamond, two bases,
 * `dependsOn`, a three-way merge and lanes crossing, drawn in ASCII and box drawing.
 */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { historyOf } from "../../../lib/commands/history.ts";
import { DOWN, layoutLanes, LEFT, RIGHT, UP } from "../../../lib/output/graph_lanes.ts";
import { formatHistoryGraph, localeIsUtf8 } from "../../../lib/output/graph_text.ts";
import type { Revision } from "../../../lib/revision/revision.ts";
import { RevisionMap } from "../../../lib/revision/revision_map.ts";

function rev(id: string, down: string[] = [], dependsOn: string[] = []): Revision {
  return { revision: id, downRevisions: down, branchLabels: [], dependsOn, path: "", message: `m ${id}` };
}

/** The drawing of `revisions`, with `b` as the database's current revision. */
function draw(revisions: Revision[], ascii = true): string {
  const map = new RevisionMap(revisions);
  return formatHistoryGraph(historyOf(map, { indicateCurrent: true }, ["b"]).revisions, { ascii });
}

Deno.test("graph lanes: linear history is one lane", () => {
  strictEqual(
    draw([rev("a"), rev("b", ["a"]), rev("c", ["b"])]),
    ["* c (head), m c", "@ b (current), m b", "* a, m a", ""].join("\n"),
  );
});

Deno.test("graph lanes: a fork's lanes join at the branch point", () => {
  strictEqual(
    draw([rev("a"), rev("b", ["a"]), rev("c", ["a"])]),
    ["@ b (head) (current), m b", "| * c (head), m c", "*-' a (branchpoint), m a", ""].join("\n"),
  );
});

Deno.test("graph lanes: a merge of two bases splits into two lanes that end apart", () => {
  strictEqual(
    draw([rev("a"), rev("b"), rev("c", ["a", "b"])]),
    ["* c (head) (mergepoint), m c", "+-.", "* | a, m a", "  @ b (current), m b", ""].join("\n"),
  );
});

Deno.test("graph lanes: a diamond splits at the merge point and joins at the branch point", () => {
  const revisions = [rev("a"), rev("b", ["a"]), rev("c", ["a"]), rev("d", ["b", "c"])];
  strictEqual(
    draw(revisions),
    [
      "* d (head) (mergepoint), m d",
      "+-.",
      "@ | b (current), m b",
      "| * c, m c",
      "*-' a (branchpoint), m a",
      "",
    ].join("\n"),
  );
  strictEqual(
    draw(revisions, false),
    [
      "● d (head) (mergepoint), m d",
      "├─┐",
      "◉ │ b (current), m b",
      "│ ● c, m c",
      "●─┘ a (branchpoint), m a",
      "",
    ].join("\n"),
  );
});

Deno.test("graph lanes: two bases give two lanes one after the other", () => {
  strictEqual(
    draw([rev("a"), rev("b", ["a"]), rev("x"), rev("y", ["x"])]),
    ["@ b (head) (current), m b", "* a, m a", "* y (head), m y", "* x, m x", ""].join("\n"),
  );
});

Deno.test("graph lanes: dependsOn is shown beside the revision, not as a lane", () => {
  strictEqual(
    draw([rev("a"), rev("b", ["a"]), rev("x", [], ["b"]), rev("y", ["x"])]),
    [
      "* y (head), m y",
      "* x, m x ..> depends on b",
      "@ b (effective head) (current), m b",
      "* a, m a",
      "",
    ].join("\n"),
  );
  strictEqual(
    draw([rev("a"), rev("b", ["a"]), rev("x", [], ["b"])], false).split("\n")[0],
    "● x (head), m x ┄▸ depends on b",
  );
});

Deno.test("graph lanes: a three-way merge and lanes that cross", () => {
  strictEqual(
    draw([rev("a"), rev("b", ["a"]), rev("c", ["a"]), rev("d", ["a"]), rev("e", ["b", "c", "d"])]),
    [
      "* e (head) (mergepoint), m e",
      "+-+-.",
      "@ | | b (current), m b",
      "| * | c, m c",
      "| | * d, m d",
      "*-+-' a (branchpoint), m a",
      "",
    ].join("\n"),
  );
  strictEqual(
    draw([
      rev("a"),
      rev("b", ["a"]),
      rev("c", ["a"]),
      rev("d", ["b"]),
      rev("e", ["c", "d"]),
      rev("f", ["b"]),
    ]),
    [
      "* e (head) (mergepoint), m e",
      "+-.",
      "* | c, m c",
      "| | * f (head), m f",
      "| * | d, m d",
      "| @-' b (current) (branchpoint), m b",
      "*-' a (branchpoint), m a",
      "",
    ].join("\n"),
  );
});

Deno.test("graph lanes: rows, columns and cell lines of a diamond", () => {
  const rows = layoutLanes([
    { id: "d", parents: ["b", "c"] },
    { id: "b", parents: ["a"] },
    { id: "c", parents: ["a"] },
    { id: "a", parents: [] },
  ]);
  deepStrictEqual(rows.map((r) => [r.kind, r.id, r.column, r.cells.length]), [
    ["node", "d", 0, 1],
    ["split", "d", 0, 2],
    ["node", "b", 0, 2],
    ["node", "c", 1, 2],
    ["node", "a", 0, 2],
  ]);
  deepStrictEqual(rows[1].cells.map((c) => c.lines), [UP | DOWN | RIGHT, LEFT | DOWN]);
  deepStrictEqual(rows[4].cells.map((c) => c.lines), [RIGHT, LEFT | UP]);
  // Each lane keeps its colour; the second lane gets the next one.
  deepStrictEqual(rows[3].cells.map((c) => c.color), [0, 1]);
});

Deno.test("graph lanes: colours are ANSI escapes only when asked for", () => {
  const map = new RevisionMap([rev("a"), rev("b", ["a"]), rev("c", ["a"])]);
  const plain = formatHistoryGraph(historyOf(map).revisions, { colors: false });
  const coloured = formatHistoryGraph(historyOf(map).revisions, { colors: true });
  strictEqual(plain.includes("\x1b["), false);
  strictEqual(coloured.includes("\x1b["), true);
  // deno-lint-ignore no-control-regex
  strictEqual(coloured.replace(/\x1b\[[0-9;]*m/g, ""), plain);
});

Deno.test("graph lanes: nothing to draw gives no text", () => {
  strictEqual(formatHistoryGraph([]), "");
});

Deno.test("graph lanes: box drawing unless the locale is set and not UTF-8", () => {
  strictEqual(localeIsUtf8({}), true);
  strictEqual(localeIsUtf8({ LANG: "en_US.UTF-8" }), true);
  strictEqual(localeIsUtf8({ LANG: "C.utf8" }), true);
  strictEqual(localeIsUtf8({ LANG: "C" }), false);
  strictEqual(localeIsUtf8({ LC_ALL: "POSIX", LANG: "en_US.UTF-8" }), false);
  strictEqual(localeIsUtf8({ LC_ALL: "", LC_CTYPE: "de_DE.ISO-8859-1", LANG: "en_US.UTF-8" }), false);
});
