import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import {
  CycleDetectedError,
  DuplicateRevisionError,
  MissingRevisionError,
  RevisionError,
} from "../../../lib/errors.ts";
import { RevisionMap } from "../../../lib/revision/revision_map.ts";
import { ids, rev } from "./_graph.ts";

Deno.test("RevisionMap.heads of an empty map is empty", () => {
  const map = new RevisionMap([]);
  deepStrictEqual(map.heads, []);
  deepStrictEqual(map.bases, []);
  deepStrictEqual(map.upgradePlan([], "heads"), []);
});

Deno.test("RevisionMap.heads of a linear history is its tip", () => {
  const map = new RevisionMap([rev("a1a1"), rev("b2b2", ["a1a1"]), rev("c3c3", ["b2b2"])]);
  deepStrictEqual(map.heads, ["c3c3"]);
  deepStrictEqual(map.bases, ["a1a1"]);
  deepStrictEqual(map.children("a1a1"), ["b2b2"]);
  deepStrictEqual(ids(map.all()), ["a1a1", "b2b2", "c3c3"]);
});

Deno.test("RevisionMap.heads returns both tips of a fork in input order", () => {
  const map = new RevisionMap([rev("a1a1"), rev("c3c3", ["a1a1"]), rev("b2b2", ["a1a1"])]);
  deepStrictEqual(map.heads, ["c3c3", "b2b2"]);
  strictEqual(map.isBranchPoint("a1a1"), true);
  strictEqual(map.isBranchPoint("b2b2"), false);
});

Deno.test("RevisionMap of a diamond has one head and a merge point", () => {
  const map = new RevisionMap([
    rev("a1a1"),
    rev("b2b2", ["a1a1"]),
    rev("c3c3", ["a1a1"]),
    rev("d4d4", ["b2b2", "c3c3"]),
  ]);
  deepStrictEqual(map.heads, ["d4d4"]);
  strictEqual(map.isMergePoint("d4d4"), true);
  strictEqual(map.isMergePoint("b2b2"), false);
});

Deno.test("RevisionMap.bases lists every root of a multi-base history", () => {
  const map = new RevisionMap([rev("a1a1"), rev("b2b2"), rev("c3c3", ["a1a1"]), rev("d4d4", ["b2b2"])]);
  deepStrictEqual(map.bases, ["a1a1", "b2b2"]);
  deepStrictEqual(map.heads, ["c3c3", "d4d4"]);
});

Deno.test("RevisionMap.realHeads and realBases count dependencies", () => {
  const map = new RevisionMap([
    rev("a1a1"),
    rev("b2b2"),
    rev("c3c3", ["a1a1"]),
    rev("d4d4", [], { deps: ["c3c3"] }),
  ]);
  deepStrictEqual(map.heads, ["b2b2", "c3c3", "d4d4"]);
  deepStrictEqual(map.realHeads, ["b2b2", "d4d4"]);
  deepStrictEqual(map.bases, ["a1a1", "b2b2", "d4d4"]);
  deepStrictEqual(map.realBases, ["a1a1", "b2b2"]);
});

Deno.test("RevisionMap resolves a dependency named by branch label", () => {
  const map = new RevisionMap([rev("a1a1", [], { labels: ["core"] }), rev("b2b2", [], { deps: ["core"] })]);
  deepStrictEqual(map.normalizedDependencies("b2b2"), ["a1a1"]);
  deepStrictEqual(map.realHeads, ["b2b2"]);
});

Deno.test("RevisionMap.normalizedDependencies drops dependencies an ancestor already has", () => {
  const map = new RevisionMap([
    rev("a1a1"),
    rev("b2b2"),
    rev("c3c3", ["a1a1"], { deps: ["b2b2"] }),
    rev("d4d4", ["c3c3"], { deps: ["b2b2"] }),
  ]);
  deepStrictEqual(map.normalizedDependencies("c3c3"), ["b2b2"]);
  deepStrictEqual(map.normalizedDependencies("d4d4"), []);
});

Deno.test("RevisionMap.branchLabels spreads a label to descendants and the unbranched line below", () => {
  const map = new RevisionMap([rev("a1a1"), rev("b2b2", ["a1a1"], { labels: ["x"] }), rev("c3c3", ["b2b2"])]);
  deepStrictEqual([...map.branchLabels("c3c3")], ["x"]);
  deepStrictEqual([...map.branchLabels("a1a1")], ["x"]);
  const fork = new RevisionMap([
    rev("a1a1"),
    rev("b2b2", ["a1a1"], { labels: ["x"] }),
    rev("c3c3", ["a1a1"]),
  ]);
  deepStrictEqual([...fork.branchLabels("a1a1")], []);
});

Deno.test("RevisionMap.get throws UnknownRevisionError for a partial id", () => {
  const map = new RevisionMap([rev("a1a1b2b2")]);
  strictEqual(map.get("a1a1b2b2").revision, "a1a1b2b2");
  strictEqual(map.has("a1a1"), false);
  throws(() => map.get("a1a1"), {
    name: "UnknownRevisionError",
    message: "Can't locate revision identified by 'a1a1'",
  });
});

Deno.test("RevisionMap rejects a cycle naming the revisions on it", () => {
  throws(() => new RevisionMap([rev("aaaa"), rev("bbbb", ["cccc"]), rev("cccc", ["bbbb"])]), (e: unknown) => {
    strictEqual(e instanceof CycleDetectedError, true);
    strictEqual((e as Error).message, "Cycle is detected in revisions (bbbb, cccc)");
    deepStrictEqual((e as CycleDetectedError).revisions, ["bbbb", "cccc"]);
    return true;
  });
  throws(() => new RevisionMap([rev("aaaa", ["bbbb"]), rev("bbbb", ["aaaa"])]), {
    name: "CycleDetectedError",
    message: "Cycle is detected in revisions (aaaa, bbbb)",
  });
  throws(() => new RevisionMap([rev("aaaa", ["aaaa"])]), {
    name: "CycleDetectedError",
    message: "Self-loop is detected in revisions (aaaa)",
  });
});

Deno.test("RevisionMap rejects a dependency cycle", () => {
  throws(
    () =>
      new RevisionMap([
        rev("aaaa"),
        rev("bbbb", ["aaaa"], { deps: ["cccc"] }),
        rev("cccc", ["aaaa"], { deps: ["bbbb"] }),
      ]),
    { name: "CycleDetectedError", message: "Dependency cycle is detected in revisions (aaaa, bbbb, cccc)" },
  );
});

Deno.test("RevisionMap rejects a missing down revision naming the revision and its file", () => {
  throws(() => new RevisionMap([rev("aaaa"), rev("bbbb", ["zzzz"])]), (e: unknown) => {
    strictEqual(e instanceof MissingRevisionError, true);
    const m = e as MissingRevisionError;
    strictEqual(
      m.message,
      'Cannot load revision "bbbb" (/v/bbbb.ts): revision "zzzz" it refers to is not present',
    );
    deepStrictEqual([m.revision, m.missing, m.file], ["bbbb", "zzzz", "/v/bbbb.ts"]);
    return true;
  });
  throws(() => new RevisionMap([rev("aaaa"), rev("bbbb", ["aaaa"], { deps: ["qqqq"] })]), {
    name: "MissingRevisionError",
    message: 'Cannot load revision "bbbb" (/v/bbbb.ts): revision "qqqq" it refers to is not present',
  });
});

Deno.test("RevisionMap rejects duplicate ids and RevisionMap.assertUnique names every file", () => {
  throws(() => new RevisionMap([rev("aaaa"), rev("aaaa")]), {
    name: "DuplicateRevisionError",
    message: 'Cannot load revisions: revision "aaaa" is present more than once (/v/aaaa.ts, /v/aaaa.ts)',
  });
  const three = [rev("aaaa"), { ...rev("aaaa"), path: "/w/aaaa.ts" }, { ...rev("aaaa"), path: "/x/aaaa.ts" }];
  throws(() => RevisionMap.assertUnique(three), (e: unknown) => {
    strictEqual(e instanceof DuplicateRevisionError, true);
    deepStrictEqual((e as DuplicateRevisionError).files, ["/v/aaaa.ts", "/w/aaaa.ts", "/x/aaaa.ts"]);
    return true;
  });
  RevisionMap.assertUnique([rev("aaaa"), rev("bbbb")]);
});

Deno.test("RevisionMap rejects a branch label used twice or equal to an id", () => {
  throws(
    () => new RevisionMap([rev("aaaa", [], { labels: ["x"] }), rev("bbbb", ["aaaa"], { labels: ["x"] })]),
    {
      name: "RevisionError",
      message: "Branch name 'x' in revision bbbb already used by revision aaaa",
    },
  );
  throws(() => new RevisionMap([rev("aaaa"), rev("bbbb", ["aaaa"], { labels: ["aaaa"] })]), {
    name: "RevisionError",
    message: "Branch name 'aaaa' in revision bbbb already used by revision aaaa",
  });
});

Deno.test("RevisionMap rejects ids holding @, - or +", () => {
  throws(() => new RevisionMap([rev("a-b+c")]), (e: unknown) => {
    strictEqual(e instanceof RevisionError, true);
    strictEqual((e as Error).message, "Character(s) '+, -' not allowed in revision identifier 'a-b+c'");
    return true;
  });
});

Deno.test("RevisionMap builds 5,000 revisions and finds the head quickly", () => {
  const revisions = [];
  for (let i = 0; i < 5000; i++) {
    revisions.push(
      rev(i.toString(16).padStart(12, "0"), i === 0 ? [] : [(i - 1).toString(16).padStart(12, "0")]),
    );
  }
  const start = performance.now();
  const map = new RevisionMap(revisions);
  deepStrictEqual(map.heads, ["000000001387"]);
  const elapsed = performance.now() - start;
  strictEqual(elapsed < 200, true, `took ${elapsed} ms`);
  strictEqual(map.upgradePlan([], "heads").length, 5000);
});
