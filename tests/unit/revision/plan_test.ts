import { deepStrictEqual, throws } from "node:assert/strict";
import type { PlanStep, VersionAction } from "../../../lib/revision/revision.ts";
import { RevisionMap } from "../../../lib/revision/revision_map.ts";
import { ids, rev } from "./_graph.ts";

/** `[id, direction, "+ins -del from>to"]` rows. */
function steps(plan: PlanStep[]): [string, string, string][] {
  return plan.map((s) => [s.revision.revision, s.direction, actions(s.versionActions)]);
}

function actions(list: readonly VersionAction[]): string {
  return list.map((a) =>
    a.kind === "update" ? `${a.from}>${a.to}` : `${a.kind === "insert" ? "+" : "-"}${a.version}`
  )
    .join(" ");
}

const diamond = new RevisionMap([
  rev("a1a1"),
  rev("b2b2", ["a1a1"]),
  rev("c3c3", ["a1a1"]),
  rev("d4d4", ["b2b2", "c3c3"]),
]);
const fork = new RevisionMap([
  rev("a1a1"),
  rev("b2b2", ["a1a1"], { labels: ["left"] }),
  rev("c3c3", ["a1a1"], { labels: ["right"] }),
  rev("d4d4", ["b2b2"]),
]);
const deps = new RevisionMap([rev("a1a1"), rev("b2b2"), rev("c3c3", ["a1a1"], { deps: ["b2b2"] })]);

Deno.test("RevisionMap.upgradePlan through a diamond inserts a second row and merges it", () => {
  deepStrictEqual(steps(diamond.upgradePlan([], "heads")), [
    ["a1a1", "up", "+a1a1"],
    ["c3c3", "up", "a1a1>c3c3"],
    ["b2b2", "up", "+b2b2"],
    ["d4d4", "up", "-b2b2 c3c3>d4d4"],
  ]);
});

Deno.test("RevisionMap.downgradePlan through a diamond unmerges then deletes", () => {
  deepStrictEqual(steps(diamond.downgradePlan(["d4d4"], "base")), [
    ["d4d4", "down", "+b2b2 d4d4>c3c3"],
    ["b2b2", "down", "-b2b2"],
    ["c3c3", "down", "c3c3>a1a1"],
    ["a1a1", "down", "-a1a1"],
  ]);
  deepStrictEqual(steps(diamond.downgradePlan(["d4d4"], "b2b2")), [["d4d4", "down", "+b2b2 d4d4>c3c3"]]);
  throws(() => diamond.downgradePlan(["d4d4"], "-1"), { name: "RevisionError", message: "Ambiguous walk" });
});

Deno.test("RevisionMap.upgradePlan follows labels and new branches", () => {
  throws(() => fork.upgradePlan([], "head"), { name: "MultipleHeadsError" });
  deepStrictEqual(steps(fork.upgradePlan(["a1a1"], "left@head")), [
    ["b2b2", "up", "a1a1>b2b2"],
    ["d4d4", "up", "b2b2>d4d4"],
  ]);
  deepStrictEqual(steps(fork.upgradePlan(["d4d4"], "right@head")), [["c3c3", "up", "+c3c3"]]);
  deepStrictEqual(steps(fork.upgradePlan(["d4d4"], "c3c3")), [["c3c3", "up", "+c3c3"]]);
  deepStrictEqual(steps(fork.upgradePlan(["d4d4", "c3c3"], "heads")), []);
});

Deno.test("RevisionMap.downgradePlan narrows to a branch", () => {
  deepStrictEqual(steps(fork.downgradePlan(["d4d4", "c3c3"], "right@-1")), [["c3c3", "down", "-c3c3"]]);
  deepStrictEqual(steps(fork.downgradePlan(["d4d4", "c3c3"], "left@base")), [
    ["c3c3", "down", "-c3c3"],
    ["d4d4", "down", "d4d4>b2b2"],
    ["b2b2", "down", "b2b2>a1a1"],
    ["a1a1", "down", "-a1a1"],
  ]);
});

Deno.test("RevisionMap.downgradePlan to a revision that is not below the heads throws", () => {
  throws(() => fork.downgradePlan(["c3c3"], "d4d4"), {
    name: "RevisionError",
    message: "Destination d4d4 is not a valid downgrade target from current head(s)",
  });
});

Deno.test("RevisionMap plans run dependencies first and keep their rows", () => {
  deepStrictEqual(steps(deps.upgradePlan([], "c3c3")), [
    ["b2b2", "up", "+b2b2"],
    ["a1a1", "up", "+a1a1"],
    ["c3c3", "up", "-a1a1 b2b2>c3c3"],
  ]);
  deepStrictEqual(steps(deps.downgradePlan(["c3c3"], "b2b2@base")), [
    ["c3c3", "down", "+a1a1 c3c3>b2b2"],
    ["b2b2", "down", "-b2b2"],
  ]);
});

Deno.test("RevisionMap.planRange starts from the given revision", () => {
  deepStrictEqual(steps(fork.planRange("a1a1", "d4d4", "up")), [
    ["b2b2", "up", "a1a1>b2b2"],
    ["d4d4", "up", "b2b2>d4d4"],
  ]);
  deepStrictEqual(steps(fork.planRange("d4d4", "a1a1", "down")), [
    ["d4d4", "down", "d4d4>b2b2"],
    ["b2b2", "down", "b2b2>a1a1"],
  ]);
  deepStrictEqual(fork.startingHeads("base"), []);
});

Deno.test("RevisionMap.stampPlan moves, adds and removes rows as Alembic's stamp", async (t) => {
  await t.step(
    "heads on an empty table",
    () => deepStrictEqual(actions(fork.stampPlan([], ["heads"], false)), "+c3c3 +d4d4"),
  );
  await t.step(
    "down to a common ancestor",
    () => deepStrictEqual(actions(fork.stampPlan(["d4d4", "c3c3"], ["a1a1"], false)), "-d4d4 c3c3>a1a1"),
  );
  await t.step(
    "up a branch",
    () => deepStrictEqual(actions(fork.stampPlan(["b2b2"], ["d4d4"], false)), "b2b2>d4d4"),
  );
  await t.step(
    "base",
    () => deepStrictEqual(actions(fork.stampPlan(["d4d4", "c3c3"], ["base"], false)), "-d4d4 -c3c3"),
  );
  await t.step(
    "purge",
    () => deepStrictEqual(actions(fork.stampPlan(["d4d4"], ["c3c3"], true)), "-d4d4 +c3c3"),
  );
  await t.step("head with two heads", () =>
    throws(() => fork.stampPlan(["d4d4"], ["head"], false), {
      name: "MultipleHeadsError",
      message: "Multiple heads are present; please specify a single target revision",
    }));
});

Deno.test("RevisionMap.history lists newest first", async (t) => {
  await t.step("all", () => deepStrictEqual(ids(fork.history()), ["c3c3", "d4d4", "b2b2", "a1a1"]));
  await t.step("start:", () => deepStrictEqual(ids(fork.history("b2b2:")), ["d4d4", "b2b2"]));
  await t.step(":end", () => deepStrictEqual(ids(fork.history(":b2b2")), ["b2b2", "a1a1"]));
  await t.step("current:", () => deepStrictEqual(ids(fork.history("current:", ["b2b2"])), ["d4d4", "b2b2"]));
  await t.step("unrelated range", () =>
    throws(() => fork.history("c3c3:d4d4"), {
      name: "RevisionError",
      message:
        "Requested range c3c3:d4d4 does not refer to ancestor/descendant revisions along the same branch",
    }));
  await t.step("no colon", () =>
    throws(() => fork.history("c3c3"), {
      name: "RevisionError",
      message: "History range requires [start]:[end], [start]:, or :[end]",
    }));
});
