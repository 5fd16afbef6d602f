import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { formatHeads, headsOf } from "../../../lib/commands/heads.ts";
import { alembicOutput, graphMap, unordered } from "./_alembic_output.ts";

const cases = [
  { graph: "main", fixture: "heads", verbose: false, resolveDependencies: false },
  { graph: "main", fixture: "heads_verbose", verbose: true, resolveDependencies: false },
  { graph: "main", fixture: "heads_resolve", verbose: false, resolveDependencies: true },
];

// Alembic lists heads in the order os.listdir gives the files, Retort in file-name order: for the
// "labels" graph (where the two differ) only the set of entries is compared.
const unorderedCases = [
  { graph: "labels", fixture: "heads", verbose: false, resolveDependencies: false },
  { graph: "labels", fixture: "heads_verbose", verbose: true, resolveDependencies: false },
  { graph: "labels", fixture: "heads_resolve", verbose: false, resolveDependencies: true },
];

Deno.test("formatHeads prints what Alembic 1.8 prints", async (t) => {
  for (const c of cases) {
    await t.step(`${c.graph}/${c.fixture}`, () => {
      const result = headsOf(graphMap(c.graph), { resolveDependencies: c.resolveDependencies });
      strictEqual(formatHeads(result, { verbose: c.verbose }), alembicOutput(c.graph, c.fixture));
    });
  }
});

Deno.test("formatHeads prints Alembic 1.8's entries in file-name order", async (t) => {
  for (const c of unorderedCases) {
    await t.step(`${c.graph}/${c.fixture}`, () => {
      const result = headsOf(graphMap(c.graph), { resolveDependencies: c.resolveDependencies });
      const text = formatHeads(result, { verbose: c.verbose });
      deepStrictEqual(unordered(text), unordered(alembicOutput(c.graph, c.fixture)));
    });
  }
});

Deno.test("formatHeads marks a head others depend on as effective head", () => {
  strictEqual(
    formatHeads(headsOf(graphMap("labels"))),
    "2c3d4e5f6a7b (lib) (effective head)\n3d4e5f6a7b8c (head)\n4e5f6a7b8c9d (head)\n7b8c9d0e1f2a (tools) (head)\n",
  );
});

Deno.test("headsOf gives JSON-friendly data", () => {
  const result = headsOf(graphMap("labels"), { resolveDependencies: true });
  deepStrictEqual(JSON.parse(JSON.stringify(result.heads[0])), {
    revision: "3d4e5f6a7b8c",
    downRevisions: [],
    dependsOn: ["lib"],
    branchLabels: [],
    message: "create reports",
    createDate: result.heads[0].createDate,
    path: "VERSIONS/3d4e5f6a7b8c_create_reports.py",
    nextRevisions: [],
    isHead: true,
    isEffectiveHead: false,
    isBranchPoint: false,
    isMergePoint: false,
  });
});

Deno.test("formatHeads prints nothing for an empty project", () => {
  strictEqual(formatHeads({ heads: [] }), "");
});
