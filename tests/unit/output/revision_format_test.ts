import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  describeRevision,
  formatDownRevisions,
  formatLogEntry,
  formatRevisionLine,
  formatRevisionList,
  type RevisionInfo,
} from "../../../lib/output/revision_format.ts";
import { RevisionMap } from "../../../lib/revision/revision_map.ts";
import type { Revision } from "../../../lib/revision/revision.ts";

function info(fields: Partial<RevisionInfo> & { revision: string }): RevisionInfo {
  return {
    downRevisions: [],
    dependsOn: [],
    branchLabels: [],
    message: "",
    path: "",
    nextRevisions: [],
    isHead: false,
    isEffectiveHead: false,
    isBranchPoint: false,
    isMergePoint: false,
    ...fields,
  };
}

function rev(revision: string, downRevisions: string[], extra: Partial<Revision> = {}): Revision {
  return { revision, downRevisions, branchLabels: [], dependsOn: [], path: `/v/${revision}.ts`, ...extra };
}

Deno.test("formatDownRevisions prints <base> or the comma-separated list", () => {
  strictEqual(formatDownRevisions(info({ revision: "a" })), "<base>");
  strictEqual(formatDownRevisions(info({ revision: "c", downRevisions: ["a", "b"] })), "a, b");
});

Deno.test("formatRevisionLine orders the markers as Alembic's _head_only", () => {
  const all = info({
    revision: "m",
    downRevisions: ["a", "b"],
    dependsOn: ["lib"],
    branchLabels: ["x", "y"],
    message: "merge",
    isHead: true,
    isBranchPoint: true,
    isMergePoint: true,
    isCurrent: true,
  });
  strictEqual(
    formatRevisionLine(all, { parents: true, labels: true, doc: true }),
    "a, b (lib) -> m (x, y) (head) (current) (branchpoint) (mergepoint), merge",
  );
  strictEqual(formatRevisionLine(all), "m (head) (current) (branchpoint) (mergepoint)");
  strictEqual(formatRevisionLine(all, { labels: true, treeIndicators: false }), "m (x, y) (head) (current)");
  strictEqual(
    formatRevisionLine(info({ revision: "e", isHead: true, isEffectiveHead: true }), { doc: true }),
    "e (effective head), ",
  );
});

Deno.test("formatLogEntry prints every line Alembic's log_entry prints", () => {
  const text = formatLogEntry(info({
    revision: "m",
    downRevisions: ["a", "b"],
    dependsOn: ["c"],
    branchLabels: ["x"],
    message: "merge",
    createDate: "2026-11-21 10:02:03",
    path: "/v/m.ts",
    nextRevisions: ["n1", "n2"],
    isHead: false,
    isBranchPoint: true,
    isMergePoint: true,
    isCurrent: true,
  }));
  strictEqual(
    text,
    "Rev: m (branchpoint) (mergepoint) (current)\n" +
      "Merges: a, b\n" +
      "Also depends on: c\n" +
      "Branches into: n1, n2\n" +
      "Branch names: x\n" +
      "Path: /v/m.ts\n" +
      "\n" +
      "    merge\n" +
      "    \n" +
      "    Revision ID: m\n" +
      "    Revises: a, b\n" +
      "    Create Date: 2026-11-21 10:02:03\n",
  );
});

Deno.test("formatLogEntry marks an effective head as head and omits a missing create date", () => {
  strictEqual(
    formatLogEntry(info({ revision: "e", isHead: true, isEffectiveHead: true, path: "/v/e.sql" })),
    "Rev: e (head)\nParent: <base>\nPath: /v/e.sql\n\n    \n    \n    Revision ID: e\n    Revises: \n",
  );
});

Deno.test("formatRevisionList separates verbose entries with an empty line", () => {
  const list = [info({ revision: "b", downRevisions: ["a"] }), info({ revision: "a" })];
  strictEqual(formatRevisionList(list, false, (i) => i.revision), "b\na\n");
  const verbose = formatRevisionList(list, true, (i) => i.revision);
  strictEqual(verbose, `${formatLogEntry(list[0])}\n${formatLogEntry(list[1])}\n`);
  strictEqual(formatRevisionList([], true, (i) => i.revision), "");
});

Deno.test("describeRevision reads the graph: heads, branch and merge points, labels, current", () => {
  const map = new RevisionMap([
    rev("a", [], { message: "one", createDate: "2026-01-01 00:00:00" }),
    rev("b", ["a"], { branchLabels: ["own"] }),
    rev("c", ["a"], { branchLabels: ["side"] }),
    rev("d", ["b", "c"]),
    rev("x", [], { dependsOn: ["d"] }),
  ]);
  deepStrictEqual(describeRevision(map, "a", ["a"]), {
    revision: "a",
    downRevisions: [],
    dependsOn: [],
    branchLabels: [],
    message: "one",
    createDate: "2026-01-01 00:00:00",
    path: "/v/a.ts",
    nextRevisions: ["b", "c"],
    isHead: false,
    isEffectiveHead: false,
    isBranchPoint: true,
    isMergePoint: false,
    isCurrent: true,
  });
  const d = describeRevision(map, "d");
  deepStrictEqual(
    [d.isHead, d.isEffectiveHead, d.isMergePoint, d.branchLabels, "isCurrent" in d],
    [true, true, true, ["own", "side"], false],
  );
  deepStrictEqual(describeRevision(map, "b").branchLabels, ["own"]);
  deepStrictEqual(describeRevision(map, "x").dependsOn, ["d"]);
});
