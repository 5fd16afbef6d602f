import { deepStrictEqual, throws } from "node:assert/strict";
import { RevisionMap } from "../../../lib/revision/revision_map.ts";
import { ids, rev } from "./_graph.ts";

// a1a1 -> b2b2 (left) -> d4d4 ; a1a1 -> c3c3 (right)
const fork = new RevisionMap([
  rev("a1a1"),
  rev("b2b2", ["a1a1"], { labels: ["left"] }),
  rev("c3c3", ["a1a1"], { labels: ["right"] }),
  rev("d4d4", ["b2b2"]),
]);
const line = new RevisionMap([rev("ae10aa"), rev("ae10bb", ["ae10aa"]), rev("c3c3c3", ["ae10bb"])]);

Deno.test("RevisionMap.resolve reads symbolic names", async (t) => {
  await t.step("heads", () => deepStrictEqual(ids(fork.resolve("heads")), ["c3c3", "d4d4"]));
  await t.step("base", () => deepStrictEqual(fork.resolve("base"), []));
  await t.step("head with one head", () => deepStrictEqual(ids(line.resolve("head")), ["c3c3c3"]));
  await t.step("label", () => deepStrictEqual(ids(fork.resolve("left")), ["b2b2"]));
  await t.step("label@head", () => deepStrictEqual(ids(fork.resolve("left@head")), ["d4d4"]));
  await t.step("label@heads", () => deepStrictEqual(ids(fork.resolve("right@heads")), ["c3c3"]));
  await t.step("label@base", () => deepStrictEqual(fork.resolve("left@base"), []));
  await t.step("rev@head", () => deepStrictEqual(ids(fork.resolve("b2b2@head")), ["d4d4"]));
});

Deno.test("RevisionMap.resolve reads full and partial ids", async (t) => {
  await t.step("full id", () => deepStrictEqual(ids(line.resolve("ae10bb")), ["ae10bb"]));
  await t.step("unambiguous prefix", () => deepStrictEqual(ids(line.resolve("c3c3")), ["c3c3c3"]));
  await t.step("ambiguous prefix", () =>
    throws(() => line.resolve("ae10"), {
      name: "AmbiguousRevisionError",
      message:
        "Can't locate revision identified by 'ae10': Multiple revisions start with 'ae10': 'ae10aa', 'ae10bb'...",
    }));
  await t.step(
    "unknown id",
    () =>
      throws(() => line.resolve("ffff"), {
        name: "UnknownRevisionError",
        message: "Can't locate revision identified by 'ffff'",
      }),
  );
  await t.step(
    "unknown branch",
    () =>
      throws(() => fork.resolve("nope@head"), {
        name: "UnknownRevisionError",
        message: "Can't locate revision identified by 'nope'",
      }),
  );
  await t.step(
    "revision outside the branch",
    () =>
      throws(() => fork.resolve("right@d4d4"), {
        name: "UnknownRevisionError",
        message: "Can't locate revision identified by 'd4d4'",
      }),
  );
});

Deno.test("RevisionMap.resolve head with two heads throws MultipleHeadsError", () => {
  throws(() => fork.resolve("head"), {
    name: "MultipleHeadsError",
    message:
      "Multiple head revisions are present for given argument 'head'; please specify a specific target " +
      "revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads",
    heads: ["c3c3", "d4d4"],
    target: "head",
  });
});

Deno.test("RevisionMap.resolve reads relative identifiers", async (t) => {
  await t.step("+1 from base", () => deepStrictEqual(ids(line.resolve("+1")), ["ae10aa"]));
  await t.step("+2 from a head", () => deepStrictEqual(ids(line.resolve("+2", ["ae10aa"])), ["c3c3c3"]));
  await t.step("-1 from a head", () => deepStrictEqual(ids(line.resolve("-1", ["c3c3c3"])), ["ae10bb"]));
  await t.step("-3 walks to base", () => deepStrictEqual(line.resolve("-3", ["c3c3c3"]), []));
  await t.step("rev+1", () => deepStrictEqual(ids(line.resolve("ae10aa+1")), ["ae10bb"]));
  await t.step("rev-2", () => deepStrictEqual(ids(line.resolve("c3c3c3-2")), ["ae10aa"]));
  await t.step("label@+1", () => deepStrictEqual(ids(fork.resolve("left@+1", ["b2b2"])), ["d4d4"]));
  await t.step("label@-1", () => deepStrictEqual(ids(fork.resolve("left@-1", ["d4d4", "c3c3"])), ["b2b2"]));
  await t.step(
    "-4 walks too far",
    () =>
      throws(() => line.resolve("-4", ["c3c3c3"]), {
        name: "RevisionError",
        message: "Relative revision -4 didn't produce 4 migrations",
      }),
  );
  await t.step(
    "-1 without current heads",
    () =>
      throws(() => line.resolve("-1"), {
        name: "RevisionError",
        message: "Relative revision -1 didn't produce 1 migrations",
      }),
  );
  await t.step(
    "+1 at a branch point",
    () => throws(() => fork.resolve("+1", ["a1a1"]), { name: "RevisionError", message: "Ambiguous walk" }),
  );
  await t.step("+1 from two heads", () =>
    throws(() => fork.resolve("+1", ["c3c3", "d4d4"]), {
      name: "RevisionError",
      message: "Ambiguous upgrade from multiple current revisions",
    }));
});

Deno.test("RevisionMap.resolveOne returns undefined for base and throws for heads", () => {
  deepStrictEqual(line.resolveOne("base"), undefined);
  deepStrictEqual(line.resolveOne("ae10b")?.revision, "ae10bb");
  throws(() => fork.resolveOne("heads"), { name: "MultipleHeadsError" });
});
