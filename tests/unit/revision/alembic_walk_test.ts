/**
 * Relative walks with several version rows against Alembic 1.8.1 (tests/fixtures/alembic_walk, written by
 * scripts/alembic_walk_compare.py; compared by scripts/alembic_walk_check.ts): with the rows in the
 * database's order, every plan is Alembic's, every Alembic refusal is a refusal, and the only other
 * refusals are the deliberate ones (`-N` from a stale row). No Python needed.
 */
import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { dirname, join } from "node:path";
import { env } from "node:process";
import { fileURLToPath } from "node:url";
import { compareWalks } from "../../../scripts/alembic_walk_check.ts";
import { RevisionMap } from "../../../lib/revision/revision_map.ts";
import { inRowOrder } from "../../../lib/commands/upgrade.ts";
import { ids, rev } from "./_graph.ts";

// RETORT_WALK_FIXTURES points the test at a larger set made by `alembic_walk_compare.py generate DIR`.
const FIXTURES = env.RETORT_WALK_FIXTURES ??
  join(dirname(fileURLToPath(import.meta.url)), "../../fixtures/alembic_walk");

Deno.test("relative walks with several version rows agree with Alembic 1.8.1", () => {
  const report = compareWalks(FIXTURES);
  const agree = report.counts["match"] + report.counts["both-refuse"];
  console.log(
    `alembic walks: ${agree}/${report.total} agree (${report.counts["both-refuse"]} refused by both), ` +
      `${report.counts["refused-deliberately"]} refused deliberately (-N from a stale row)`,
  );
  if (report.failures.length > 0) console.log(report.failures.slice(0, 10).join("\n"));
  strictEqual(report.failures.length, 0, `${report.failures.length} walks disagree with Alembic`);
  strictEqual(report.sameErrorClass, report.counts["both-refuse"], "a refusal of another error class");
  ok(report.total > 5000, `only ${report.total} cases`);
  ok(report.multiRowRelative["match"] > 1000, "too few plans with several rows and a relative target");
});

// a1a1 -> b2b2 -> d4d4 and a1a1 -> c3c3 -> e5e5, with labels on the two branches.
const fork = new RevisionMap([
  rev("a1a1"),
  rev("b2b2", ["a1a1"], { labels: ["audit"] }),
  rev("c3c3", ["a1a1"], { labels: ["billing"] }),
  rev("d4d4", ["b2b2"]),
  rev("e5e5", ["c3c3"]),
]);

Deno.test("downgrade -1 with two heads steps back the first row, as Alembic", () => {
  deepStrictEqual(ids(fork.downgradePlan(["d4d4", "e5e5"], "-1").map((s) => s.revision)), ["d4d4"]);
  deepStrictEqual(ids(fork.downgradePlan(["e5e5", "d4d4"], "-1").map((s) => s.revision)), ["e5e5"]);
  deepStrictEqual(ids(fork.downgradePlan(["e5e5", "d4d4"], "audit@-1").map((s) => s.revision)), ["d4d4"]);
});

Deno.test("downgrade -N refuses to walk from a stale row and names the targets to type", () => {
  throws(() => fork.downgradePlan(["b2b2", "d4d4"], "-1"), (e: Error) => {
    strictEqual(e.name, "RevisionError");
    strictEqual(
      e.message,
      `Cannot downgrade "-1": the first version row 'b2b2' is an ancestor of the version row 'd4d4' ` +
        `(rows: 'b2b2', 'd4d4'), so walking 1 step(s) down from it would also downgrade 'd4d4'. ` +
        `Type the head to step back: "d4d4-1". To go below 'b2b2', type "b2b2-1". ` +
        "`migrate stamp --purge d4d4` keeps only the head rows.",
    );
    return true;
  });
  // The descendant first: Alembic's one step, and the stale row stays.
  const plan = fork.downgradePlan(["d4d4", "b2b2"], "-1");
  deepStrictEqual(ids(plan.map((s) => s.revision)), ["d4d4"]);
  deepStrictEqual(plan[0].versionActions, [{ kind: "delete", version: "d4d4" }]);
  // Named targets are not relative to the rows: Alembic's plan.
  deepStrictEqual(ids(fork.downgradePlan(["b2b2", "d4d4"], "d4d4-1").map((s) => s.revision)), ["d4d4"]);
});

Deno.test("label@-1 with two rows on the branch lists them and the targets to type", () => {
  throws(() => fork.downgradePlan(["b2b2", "d4d4"], "audit@-1"), {
    name: "RevisionError",
    message: `Cannot resolve "audit@-1": 2 current revisions are on branch 'audit' ('b2b2', 'd4d4'); ` +
      `type the one to step back: "b2b2-1" or "d4d4-1"`,
  });
});

Deno.test("Ambiguous walk from a merge row names the rows and the targets to type", () => {
  const merge = new RevisionMap([
    rev("a1a1"),
    rev("b2b2", ["a1a1"]),
    rev("c3c3", ["a1a1"]),
    rev("d4d4", ["b2b2", "c3c3"]),
    rev("f6f6", ["a1a1"]),
  ]);
  throws(() => merge.downgradePlan(["d4d4", "f6f6"], "-1"), {
    name: "RevisionError",
    message: `Ambiguous walk: "-1" walks down from the first version row 'd4d4', a merge of 'b2b2', 'c3c3' ` +
      `(rows: 'd4d4', 'f6f6'). Type the head to step back: "f6f6-1"; or name the revision to go down to, ` +
      `e.g. "b2b2".`,
  });
  // One row: Alembic's message, unchanged.
  throws(() => merge.downgradePlan(["d4d4"], "-1"), { name: "RevisionError", message: "Ambiguous walk" });
  deepStrictEqual(ids(merge.downgradePlan(["f6f6", "d4d4"], "-1").map((s) => s.revision)), ["f6f6"]);
});

Deno.test("staleRows names each row another row descends from, dependencies aside", () => {
  deepStrictEqual(fork.staleRows(["a1a1", "d4d4", "e5e5"]), new Map([["a1a1", "d4d4"]]));
  deepStrictEqual(fork.staleRows(["d4d4", "e5e5", "zzzz"]), new Map());
  const deps = new RevisionMap([
    rev("a1a1"),
    rev("b2b2", ["a1a1"]),
    rev("c3c3"),
    rev("d4d4", ["c3c3"], { deps: ["b2b2"] }),
  ]);
  deepStrictEqual(deps.staleRows(["b2b2", "d4d4"]), new Map());
});

Deno.test("inRowOrder puts the runner's rows in the database's order, unknown rows last", () => {
  deepStrictEqual(inRowOrder(["a", "b", "c"], ["c", "a", "b"]), ["c", "a", "b"]);
  deepStrictEqual(inRowOrder(["a", "b", "d"], ["b", "c"]), ["b", "a", "d"]);
  deepStrictEqual(inRowOrder(["b", "a"], []), ["b", "a"]);
});
