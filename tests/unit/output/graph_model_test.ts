/**
 * The revision graph as nodes and edges (`migrate graph`), collapsed or not, and its Mermaid and DOT
 * writers.
 */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { graphOf } from "../../../lib/commands/graph.ts";
import { formatGraphDot, quoteDot } from "../../../lib/output/graph_dot.ts";
import { escapeMermaid, formatGraphMermaid } from "../../../lib/output/graph_mermaid.ts";
import type { Revision } from "../../../lib/revision/revision.ts";
import { RevisionMap } from "../../../lib/revision/revision_map.ts";

function rev(id: string, down: string[] = [], extra: Partial<Revision> = {}): Revision {
  return {
    revision: id,
    downRevisions: down,
    branchLabels: [],
    dependsOn: [],
    path: "",
    message: `m ${id}`,
    ...extra,
  };
}

/** base a; b, c on the trunk; fork at c into d-e and f-g; merge h; i on top. */
const CHAIN = new RevisionMap([
  rev("a"),
  rev("b", ["a"]),
  rev("c", ["b"]),
  rev("d", ["c"], { branchLabels: ["side"] }),
  rev("e", ["d"]),
  rev("f", ["c"]),
  rev("g", ["f"]),
  rev("h", ["e", "g"]),
  rev("i", ["h"]),
]);

Deno.test("graph model: every revision and edge, newest first", () => {
  const g = graphOf(CHAIN);
  strictEqual(g.nodes.length, 9);
  deepStrictEqual(
    g.edges.map((e) => `${e.from}->${e.to}`).sort(),
    ["a->b", "b->c", "c->d", "c->f", "d->e", "e->h", "f->g", "g->h", "h->i"],
  );
  deepStrictEqual(g.nodes.find((n) => n.id === "d")!.branchLabels, ["side"]);
  deepStrictEqual(g.nodes.find((n) => n.id === "e")!.branchLabels, []);
});

Deno.test("graph model: collapse keeps bases, heads, branch and merge points and labelled revisions", () => {
  const g = graphOf(CHAIN, { collapse: true });
  deepStrictEqual(g.nodes.map((n) => n.id).sort(), ["a", "c", "d", "h", "i"]);
  deepStrictEqual(
    g.edges.map((e) => `${e.from}->${e.to}:${e.collapsed}`).sort(),
    ["a->c:1", "c->d:0", "c->h:2", "d->h:1", "h->i:0"],
  );
});

Deno.test("graph model: collapse keeps a merge point whose other side the range leaves out", () => {
  const g = graphOf(CHAIN, { collapse: true, range: "e:" });
  deepStrictEqual(g.nodes.map((n) => n.id), ["i", "h", "e"]);
  deepStrictEqual(g.edges.map((e) => `${e.from}->${e.to}:${e.collapsed}`), ["h->i:0", "e->h:0"]);
});

Deno.test("graph model: a current revision is kept by collapse and highlighted", () => {
  const g = graphOf(CHAIN, { collapse: true, indicateCurrent: true }, ["b"]);
  strictEqual(g.nodes.find((n) => n.id === "b")!.isCurrent, true);
  const mermaid = formatGraphMermaid(g);
  strictEqual(mermaid.includes("  class r_b current"), true);
  strictEqual(mermaid.includes("  class r_i head"), true);
  strictEqual(formatGraphDot(g).includes('fillcolor="#bbdefb"'), true);
});

Deno.test("graph model: ranges as history, dependencies as their own edges", () => {
  deepStrictEqual(graphOf(CHAIN, { range: "h:" }).nodes.map((n) => n.id), ["i", "h"]);
  const deps = new RevisionMap([rev("a"), rev("b", ["a"]), rev("x", [], { dependsOn: ["b"] })]);
  deepStrictEqual(
    graphOf(deps).edges.filter((e) => e.kind === "dependency").map((e) => `${e.from}->${e.to}`),
    ["b->x"],
  );
  strictEqual(formatGraphMermaid(graphOf(deps)).includes(`r_b -.->|"depends on"| r_x`), true);
  strictEqual(formatGraphDot(graphOf(deps)).includes(`"b" -> "x" [style=dashed, label="depends on"];`), true);
});

Deno.test("graph model: labels are escaped for Mermaid and DOT", () => {
  strictEqual(escapeMermaid(`say "hi" <b> #1`), "say #quot;hi#quot; #lt;b#gt; #35;1");
  strictEqual(quoteDot(`a "b" \\ c\nd`), `"a \\"b\\" \\\\ c\\nd"`);
  const odd = new RevisionMap([rev("end", [], { message: `add "quoted" <col>` })]);
  strictEqual(
    formatGraphMermaid(graphOf(odd)).split("\n")[1],
    `  r_end(["end (head)<br/>add #quot;quoted#quot; #lt;col#gt;"])`,
  );
});
