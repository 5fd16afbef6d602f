/**
 * Upgrade, downgrade and stamp plans and the `history` walk (Alembic 1.8's
 * `ScriptDirectory._upgrade_revs` / `_downgrade_revs` / `_stamp_revs` / `walk_revisions`, with
 * `RevisionMap._collect_upgrade_revisions` / `_collect_downgrade_revisions`): which revisions run, in
 * which order, and the version table changes recording each step. Functions over the graph of
 * `_graph.ts`; `RevisionMap`'s methods of the same names call them.
 *
 * @module
 */

import { RevisionError } from "../errors.ts";
import { catchRevisionErrors, RangeNotAncestorError } from "./_catch_errors.ts";
import type { Graph } from "./_graph.ts";
import { BASE, fmt, type Ident, invalidState, type Node, type Walked } from "./_node.ts";
import { explainAmbiguousWalk, refuseWalkFromStaleRow } from "./_stale_rows.ts";
import { revisionStepActions, type StampStep, stampStepActions } from "./_version_actions.ts";
import type { PlanStep, Revision, VersionAction } from "./revision.ts";
import {
  filterForLineage,
  getRevision,
  getRevisions,
  parseDowngradeTarget,
  parseUpgradeTarget,
  resolveBranch,
  resolveRevision,
} from "./resolve.ts";

/**
 * The steps `upgrade TARGET` runs (Alembic's `_upgrade_revs` then `HeadMaintainer`), oldest first.
 *
 * @param g the graph
 * @param currentHeads the version table rows
 * @param target any identifier {@link resolveRevisions} takes
 * @returns the steps, each with the version table changes recording it
 * @throws {RevisionError} "Destination X is not a valid upgrade target from current head(s)", and the
 *   resolution errors of {@link resolveRevisions}
 */
export function upgradePlan(g: Graph, currentHeads: readonly string[], target: string): PlanStep[] {
  const nodes = catchRevisionErrors(() => {
    const [revs, heads] = collectUpgrade(g, target, currentHeads, false, true, true);
    return g.topologicalSort(revs, heads).reverse();
  }, {
    ancestor: "Destination %(end)s is not a valid upgrade target from current head(s)",
    end: target,
  });
  return withVersionActions(g, currentHeads, nodes, "up");
}

/**
 * The steps `downgrade TARGET` runs (Alembic's `_downgrade_revs` then `HeadMaintainer`), newest first.
 * `-N` walks from the first row, as Alembic does; the rows must come in the order the database
 * returned them. Where that first row is an ancestor of another row (a stale row), `-N` is refused
 * rather than downgrading the rows above it too.
 *
 * @param g the graph
 * @param currentHeads the version table rows, in the order the database returned them
 * @param target `base`, `-N`, `label@-N`, `label@base`, a revision, …
 * @returns the steps, each with the version table changes recording it
 * @throws {RevisionError} "Destination X is not a valid downgrade target from current head(s)", "Cannot
 *   downgrade "-N": the first version row ... is an ancestor of ...", "Ambiguous walk" (with the rows
 *   and the targets to type when there are several), and the resolution errors of {@link resolveRevisions}
 */
export function downgradePlan(g: Graph, currentHeads: readonly string[], target: string): PlanStep[] {
  refuseWalkFromStaleRow(g, currentHeads, target);
  let nodes: Node[];
  try {
    nodes = catchRevisionErrors(() => {
      const [revs, heads] = collectDowngrade(g, currentHeads, target, false, true);
      return g.topologicalSort(revs, heads);
    }, {
      ancestor: "Destination %(end)s is not a valid downgrade target from current head(s)",
      end: target,
    });
  } catch (error) {
    throw explainAmbiguousWalk(g, currentHeads, target, error);
  }
  return withVersionActions(g, currentHeads, nodes, "down");
}

/**
 * The plan for an offline (`--sql`) `START:END` range: Alembic resolves `START` with `get_revision`
 * (`base` means an empty version table) and plans from there.
 *
 * @param g the graph
 * @param start the starting revision (`base`, an id, `head`, a label)
 * @param end the target
 * @param direction `up` for `upgrade START:END`, `down` for `downgrade START:END`
 * @returns the plan, as {@link upgradePlan} / {@link downgradePlan}
 * @throws {RevisionError} as those, and when `START` cannot be resolved
 */
export function planRange(g: Graph, start: string, end: string, direction: "up" | "down"): PlanStep[] {
  const heads = startingHeads(g, start);
  return direction === "up" ? upgradePlan(g, heads, end) : downgradePlan(g, heads, end);
}

/**
 * The version rows an offline run starts from (Alembic's `get_current_heads` with `starting_rev`).
 *
 * @param g the graph
 * @param start `base` or an identifier naming one revision
 * @returns the starting heads
 * @throws {RevisionError} when `start` does not name exactly one revision
 */
export function startingHeads(g: Graph, start: string): string[] {
  if (start === "base" || start === "") return [];
  const rev = resolveRevision(g, start);
  return rev ? [rev.revision] : [];
}

function withVersionActions(
  g: Graph,
  currentHeads: readonly string[],
  nodes: readonly Node[],
  direction: "up" | "down",
): PlanStep[] {
  const heads = new Set(currentHeads);
  return nodes.map((node) => ({
    revision: node.rev,
    direction,
    versionActions: revisionStepActions(g, heads, node, direction === "up"),
  }));
}

/**
 * The version table changes `stamp TARGETS` makes (Alembic's `_stamp_revs` + `StampStep`).
 *
 * @param g the graph
 * @param currentHeads the version table rows
 * @param targets identifiers (`base`, `heads`, ids, labels); empty means `base`
 * @param purge empty the table first (`--purge`): emitted as one `delete` per current row
 * @returns the actions, in order
 * @throws {MultipleHeadsError} "Multiple heads are present; please specify a single target revision"
 * @throws {RevisionError} when a target cannot be resolved or the table cannot be updated
 */
export function stampPlan(
  g: Graph,
  currentHeads: readonly string[],
  targets: readonly string[],
  purge: boolean,
): VersionAction[] {
  const heads = new Set(purge ? [] : currentHeads);
  const pre: VersionAction[] = purge ? currentHeads.map((version) => ({ kind: "delete", version })) : [];
  const steps = catchRevisionErrors(() => stampSteps(g, targets, [...heads]), {
    multipleHeads: "Multiple heads are present; please specify a single target revision",
  });
  const out = [...pre];
  for (const step of steps) out.push(...stampStepActions(heads, step));
  return out;
}

function stampSteps(g: Graph, revision: readonly string[], currentHeads: readonly string[]): StampStep[] {
  const headRevs = getRevisions(g, currentHeads) as Node[];
  if (revision.length === 0) revision = ["base"];
  const filtered: Node[] = [];
  for (const rev of revision) {
    if (!rev) continue;
    for (const h of filterForLineage(g, headRevs, rev, true)) {
      if (!filtered.includes(h)) filtered.push(h);
    }
  }
  let dests: Walked[] = getRevisions(g, revision);
  if (dests.length === 0) dests = [null];
  const steps: StampStep[] = [];
  for (const dest of dests) {
    if (dest === null || dest === BASE) {
      for (const h of filtered) steps.push({ from: [h.id], to: [], isUpgrade: false, branchMove: true });
      continue;
    }
    if (filtered.includes(dest)) continue;
    const desc = new Set(g.descendants([dest]));
    const anc = new Set(g.ancestors([dest]));
    const ids = filtered.map((h) => h.id);
    if (filtered.some((h) => desc.has(h))) {
      steps.push({ from: ids, to: [dest.id], isUpgrade: false, branchMove: false });
    } else if (filtered.some((h) => anc.has(h))) {
      steps.push({ from: ids, to: [dest.id], isUpgrade: true, branchMove: false });
    } else {
      steps.push({ from: [], to: [dest.id], isUpgrade: true, branchMove: true });
    }
  }
  return steps;
}

/**
 * The revisions `history -r START:END` lists, newest first (Alembic's `walk_revisions`).
 *
 * @param g the graph
 * @param range `START:END`, `START:`, `:END` (each side any identifier, `current`, or `-N`); all when absent
 * @param currentHeads the database rows, needed when a side is `current`
 * @returns the revisions, newest first
 * @throws {RevisionError} "History range requires [start]:[end], [start]:, or :[end]" for a range
 *   without `:`, "Requested range X:Y does not refer to ancestor/descendant revisions along the same
 *   branch", and resolution errors
 */
export function history(g: Graph, range?: string, currentHeads: readonly string[] = []): Revision[] {
  let base: Ident = null;
  let head: Ident = null;
  if (range !== undefined) {
    const parts = range.trim().split(":");
    if (parts.length === 1) {
      throw new RevisionError("History range requires [start]:[end], [start]:, or :[end]");
    }
    if (parts.length > 2) throw new RevisionError(`Cannot read history range "${range}": too many ':'`);
    base = parts[0] || null;
    head = parts[1] || null;
    // Alembic substitutes the version rows for `current`; an empty table then falls back to the default.
    if (base === "current") base = currentHeads.length > 0 ? currentHeads : null;
    if (head === "current") head = currentHeads.length > 0 ? currentHeads : null;
  }
  const lower: Ident = base ?? "base";
  const upper: Ident = head ?? "heads";
  return catchRevisionErrors(() => {
    const [revs, heads] = collectUpgrade(g, upper, lower, true, false, false);
    return g.topologicalSort(revs, heads).map((n) => n.rev);
  }, { start: fmt(lower), end: fmt(upper) });
}

/** Alembic's `_collect_downgrade_revisions`. */
function collectDowngrade(
  g: Graph,
  upper: Ident,
  target: string | null,
  implicitBase: boolean,
  assertLength: boolean,
): [Set<Node>, Node[]] {
  const [branch, parsed] = parseDowngradeTarget(g, upper, target, assertLength);
  const targetRev = parsed === BASE ? null : parsed;
  let roots: Node[];
  if (targetRev === null) {
    roots = g.nodes.filter((n) => n.down.length === 0);
  } else {
    roots = getRevisions(g, targetRev.next) as Node[];
  }
  if (branch && roots.length > 1) {
    const anc = new Set(g.ancestors([resolveBranch(g, branch)], false));
    roots = roots.filter((r) => anc.has(r));
    if (roots.length === 0) throw new RevisionError("Not a valid downgrade target from current heads");
  }
  const heads = getRevisions(g, upper) as Node[];
  const active = new Set(g.ancestors(heads, true));
  const drop = new Set(
    g.descendants(roots, { includeDeps: true, omitImmediateDeps: false }).filter((n) => active.has(n)),
  );
  if (implicitBase) {
    const rootAnc = new Set(g.ancestors(roots));
    for (const a of active) if (!rootAnc.has(a)) drop.add(a);
  }
  if (targetRev !== null && drop.size === 0 && !heads.includes(targetRev)) {
    throw new RangeNotAncestorError("Nothing to drop", upper);
  }
  return [drop, heads];
}

/** Alembic's `_collect_upgrade_revisions`. */
function collectUpgrade(
  g: Graph,
  upper: Ident,
  lower: Ident,
  inclusive: boolean,
  implicitBase: boolean,
  assertLength: boolean,
): [Set<Node>, Node[]] {
  let targets = parseUpgradeTarget(g, lower, upper, assertLength).map((t) => {
    if (t === null || t === BASE) {
      throw invalidState(`Cannot resolve "${fmt(upper)}": it resolves to no revision`);
    }
    return t;
  });
  if (typeof lower === "string" && lower.includes("@")) {
    let branch = lower.slice(0, lower.indexOf("@"));
    const branchRev = getRevision(g, branch);
    if (branchRev !== null && branchRev.id === branch) {
      const labels = g.labels(branchRev);
      if (labels.size !== 1) {
        throw invalidState(`Cannot use revision "${branch}" as a branch: it has ${labels.size} labels`);
      }
      branch = [...labels][0];
    }
    targets = targets.filter((t) => g.labels(t).has(branch));
  }
  const required = new Set(g.ancestors(targets, true, true));
  for (const t of targets) required.add(t);
  let current = getRevisions(g, lower);
  if (!implicitBase && current.some((r) => r !== null && (r === BASE || !required.has(r)))) {
    throw new RangeNotAncestorError(lower, upper);
  }
  if (current.length > 0 && current[0] === null) {
    const [, rev] = parseDowngradeTarget(g, upper, typeof lower === "string" ? lower : null, assertLength);
    if (rev === null) throw invalidState(`Cannot resolve "${fmt(lower)}": it resolves to no revision`);
    if (rev === BASE) {
      current = [];
      lower = null;
    } else {
      current = [rev];
      lower = rev.id;
    }
  }
  const have = new Set(g.ancestors(current, true, true));
  for (const c of current) if (c !== null && c !== BASE) have.add(c);
  const needs = new Set([...required].filter((n) => !have.has(n)));
  if (inclusive) {
    for (const r of getRevisions(g, lower)) {
      if (r === null || r === BASE) {
        throw invalidState(`Cannot resolve "${fmt(lower)}": it resolves to no revision`);
      }
      needs.add(r);
    }
  }
  if (current.length > 0 && !implicitBase) {
    const below = new Set(g.descendants(current, { includeDeps: false, check: true }));
    for (const n of [...needs]) if (!below.has(n)) needs.delete(n);
  }
  return [needs, targets];
}
