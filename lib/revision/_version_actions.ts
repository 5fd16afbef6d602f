/**
 * The version table changes that record each step of a plan (Alembic 1.8's `HeadMaintainer`): insert
 * a head, delete one, or move a row from one revision to another. Private to `lib/revision/`.
 *
 * @module
 */

import type { Graph } from "./_graph.ts";
import { invalidState, type Node } from "./_node.ts";
import type { VersionAction } from "./revision.ts";
import { getRevisions } from "./resolve.ts";

/**
 * A step of a plan before its version actions are known: Alembic's `RevisionStep` or `StampStep`.
 */
export interface StampStep {
  /** Rows the step moves from. */
  readonly from: readonly string[];
  /** Rows the step moves to. */
  readonly to: readonly string[];
  /** Whether the step moves up the graph. */
  readonly isUpgrade: boolean;
  /** Whether the step creates or deletes a branch's row rather than moving one. */
  readonly branchMove: boolean;
}

/** Alembic's `HeadMaintainer.update_to_step` for a `RevisionStep`; mutates `heads`. */
export function revisionStepActions(
  g: Graph,
  heads: Set<string>,
  node: Node,
  isUpgrade: boolean,
): VersionAction[] {
  const normDown = g.normDown(node);
  const from = isUpgrade ? normDown : [node.id];
  const to = isUpgrade ? [node.id] : normDown;
  const vm = new VersionMaintainer(heads);
  const otherAncestors = (exclude: readonly string[]) => {
    const others = [...heads].filter((h) => !exclude.includes(h));
    return new Set(g.ancestors(getRevisions(g, others)).map((n) => n.id));
  };
  const unmergeTo = () => {
    if (heads.size - (heads.has(node.id) ? 1 : 0) === 0) return to;
    const anc = otherAncestors([node.id]);
    return to.filter((t) => !anc.has(t));
  };
  if (!isUpgrade && heads.has(node.id) && (normDown.length === 0 || unmergeTo().length === 0)) {
    vm.delete(node.id);
  } else if (isUpgrade && (normDown.length === 0 || !normDown.some((d) => heads.has(d)))) {
    vm.insert(node.id);
  } else if (isUpgrade && normDown.length > 1 && normDown.filter((d) => heads.has(d)).length > 1) {
    let fromRevs = from;
    if ([...heads].some((h) => !from.includes(h))) {
      const anc = otherAncestors(from);
      fromRevs = from.filter((f) => !anc.has(f));
    }
    if (fromRevs.length === 0) throw invalidState(`Cannot merge at "${node.id}": no head to update`);
    for (const d of fromRevs.slice(0, -1)) vm.delete(d);
    vm.update(fromRevs[fromRevs.length - 1], to[0]);
  } else if (!isUpgrade && heads.has(node.id) && normDown.length > 1) {
    const toRevs = unmergeTo();
    for (const i of toRevs.slice(0, -1)) vm.insert(i);
    vm.update(from[0], toRevs[toRevs.length - 1]);
  } else {
    let down: string;
    if (normDown.length !== 1) {
      const present = normDown.filter((d) => heads.has(d));
      if (present.length !== 1) {
        throw invalidState(
          `Cannot record "${node.id}": Can't do an UPDATE because downrevision is ambiguous`,
        );
      }
      down = present[0];
    } else {
      down = normDown[0];
    }
    if (isUpgrade) vm.update(down, node.id);
    else vm.update(node.id, down);
  }
  return vm.actions;
}

/** The version rows as `HeadMaintainer` tracks them, recording each change. */
class VersionMaintainer {
  readonly actions: VersionAction[] = [];
  constructor(readonly heads: Set<string>) {}

  insert(version: string): void {
    if (this.heads.has(version)) {
      throw invalidState(`Cannot insert version "${version}": it is already in the version table`);
    }
    this.heads.add(version);
    this.actions.push({ kind: "insert", version });
  }

  delete(version: string): void {
    if (!this.heads.delete(version)) {
      throw invalidState(`Cannot delete version "${version}": it is not in the version table`);
    }
    this.actions.push({ kind: "delete", version });
  }

  update(from: string, to: string): void {
    if (this.heads.has(to)) {
      throw invalidState(`Cannot update version "${from}" to "${to}": "${to}" is already present`);
    }
    if (!this.heads.delete(from)) {
      throw invalidState(`Cannot update version "${from}" to "${to}": "${from}" is not present`);
    }
    this.heads.add(to);
    this.actions.push({ kind: "update", from, to });
  }
}

/** Alembic's `HeadMaintainer.update_to_step` for a `StampStep`; mutates `heads`. */
export function stampStepActions(heads: Set<string>, step: StampStep): VersionAction[] {
  const vm = new VersionMaintainer(heads);
  const one = (list: readonly string[]) => {
    if (list.length !== 1) throw invalidState(`Cannot stamp: expected one revision, got ${list.length}`);
    return list[0];
  };
  if (!step.isUpgrade && step.branchMove) {
    vm.delete(one(step.from));
  } else if (
    step.isUpgrade && (step.branchMove || step.from.some((f) => !heads.has(f))) &&
    step.to.some((t) => !heads.has(t))
  ) {
    vm.insert(one(step.to));
  } else if (step.from.length > 1) {
    for (const d of step.from.slice(0, -1)) vm.delete(d);
    vm.update(step.from[step.from.length - 1], step.to[0]);
  } else if (step.to.length > 1) {
    for (const i of step.to.slice(0, -1)) vm.insert(i);
    vm.update(step.from[0], step.to[step.to.length - 1]);
  } else {
    vm.update(one(step.from), one(step.to));
  }
  return vm.actions;
}
