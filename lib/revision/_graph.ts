/**
 * The revision graph's nodes and links (Alembic 1.8's `RevisionMap` minus identifier resolution and
 * plans): construction with its checks, heads and bases, the lazily derived data (normalised
 * dependencies, propagated branch labels), walks up and down, and the topological order plans use.
 * Private to `lib/revision/`: `RevisionMap` is its public face, `resolve.ts` and `plan.ts` read it.
 *
 * Order rules: see `revision_map.ts`.
 *
 * @module
 */

import {
  CycleDetectedError,
  DuplicateRevisionError,
  MissingRevisionError,
  RevisionError,
  UnknownRevisionError,
} from "../errors.ts";
import { detectCycles, isAcyclic } from "./_cycles.ts";
import { BASE, invalidState, type Node, type Walked } from "./_node.ts";
import type { Revision } from "./revision.ts";

const ILLEGAL_ID_CHARS = ["@", "-", "+"];
const ILLEGAL_ID = /[@+-]/;
/** Shared empty list: most revisions have one child, and construction is on the start-up path. */
const NONE: string[] = [];

/**
 * The graph of one script directory's revisions, immutable once built except for data derived on
 * first use. Construction is O(revisions + links): it validates ids, labels, missing links and
 * cycles, and computes heads and bases.
 */
export class Graph {
  /** Every node, in input order. */
  readonly nodes: Node[] = [];
  /** Revision ids, then branch labels: Alembic's `_revision_map` keys. */
  readonly keys: Map<string, Node> = new Map();
  /** Versioned heads, in input order. */
  readonly heads: readonly string[];
  /** Heads counting dependencies too (Alembic's `_real_heads`). */
  readonly realHeads: readonly string[];
  /** Revisions without down revision, in input order. */
  readonly bases: readonly string[];
  /** Bases without dependencies either (Alembic's `_real_bases`). */
  readonly realBases: readonly string[];
  #labelsPropagated = false;

  /**
   * Builds the graph.
   *
   * @param revisions the revisions in script-directory order (sorted by file name)
   * @throws {DuplicateRevisionError} when two revisions share an id
   * @throws {MissingRevisionError} when a down revision or dependency does not exist
   * @throws {CycleDetectedError} when down revisions or dependencies form a cycle (Alembic's `CycleDetected`)
   * @throws {RevisionError} when a branch label is used twice or an id holds `@`, `-` or `+`
   */
  constructor(revisions: Iterable<Revision>) {
    const keys = this.keys;
    const nodes = this.nodes;
    for (const rev of revisions) {
      const id = rev.revision;
      const prior = keys.get(id);
      if (prior) {
        throw new DuplicateRevisionError(
          `Cannot load revisions: revision "${id}" is present more than once (${prior.rev.path}, ${rev.path})`,
          id,
          [prior.rev.path, rev.path],
        );
      }
      if (rev.downRevisions.includes(id)) {
        throw new CycleDetectedError(`Self-loop is detected in revisions (${id})`, [id]);
      }
      if (rev.dependsOn.includes(id)) {
        throw new CycleDetectedError(`Dependency self-loop is detected in revisions (${id})`, [id]);
      }
      if (ILLEGAL_ID.test(id)) {
        const illegal = ILLEGAL_ID_CHARS.filter((c) => id.includes(c));
        throw new RevisionError(
          `Character(s) '${illegal.sort().join(", ")}' not allowed in revision identifier '${id}'`,
        );
      }
      const node: Node = {
        id,
        rev,
        index: nodes.length,
        down: rev.downRevisions,
        resolvedDeps: NONE,
        allDown: rev.downRevisions,
        next: NONE,
        allNext: NONE,
      };
      nodes.push(node);
      keys.set(id, node);
    }
    // Branch labels become keys after every revision id, as in Alembic's `_map_branch_labels`.
    // Indexed loops: most revisions have no label, and an iterator per empty list costs when cold.
    for (let k = 0; k < nodes.length; k++) {
      const node = nodes[k];
      const labels = node.rev.branchLabels;
      for (let i = 0; i < labels.length; i++) {
        const label = labels[i];
        const other = keys.get(label);
        if (other) {
          throw new RevisionError(
            `Branch name '${label}' in revision ${node.id} already used by revision ${other.id}`,
          );
        }
        keys.set(label, node);
      }
    }
    const count = nodes.length;
    const isHead = new Uint8Array(count).fill(1);
    const isRealHead = new Uint8Array(count).fill(1);
    // The targets of each node's `allDown`, by index, node after node: the cycle check then walks
    // the graph without a map lookup (this runs cold for thousands of revisions on every command).
    const edgeStart = new Int32Array(count + 1);
    const edges: number[] = [];
    for (let k = 0; k < count; k++) {
      const node = nodes[k];
      edgeStart[k] = edges.length;
      if (node.rev.dependsOn.length > 0) {
        node.resolvedDeps = node.rev.dependsOn.map((dep) => {
          const target = keys.get(dep);
          if (!target) throw this.#missing(node, dep);
          return target.id;
        });
        node.allDown = [...new Set([...node.down, ...node.resolvedDeps])];
      }
      const allDown = node.allDown;
      // Without dependencies every link is a down revision.
      const plain = allDown === node.down;
      const id = node.id;
      for (let i = 0; i < allDown.length; i++) {
        const downId = allDown[i];
        const down = keys.get(downId);
        if (down === undefined || down.id !== downId) throw this.#missing(node, downId);
        edges.push(down.index);
        if (down.allNext === NONE) down.allNext = [id];
        else if (!down.allNext.includes(id)) down.allNext.push(id);
        if (plain || node.down.includes(downId)) {
          if (down.next === NONE) down.next = [id];
          else if (!down.next.includes(id)) down.next.push(id);
          isHead[down.index] = 0;
        }
        isRealHead[down.index] = 0;
      }
    }
    edgeStart[count] = edges.length;
    const heads: string[] = [];
    const realHeads: string[] = [];
    const bases: string[] = [];
    const realBases: string[] = [];
    for (let k = 0; k < count; k++) {
      const node = nodes[k];
      if (isHead[k]) heads.push(node.id);
      if (isRealHead[k]) realHeads.push(node.id);
      if (node.down.length === 0) {
        bases.push(node.id);
        if (node.rev.dependsOn.length === 0) realBases.push(node.id);
      }
    }
    this.heads = heads;
    this.realHeads = realHeads;
    this.bases = bases;
    this.realBases = realBases;
    if (count > 0 && !isAcyclic(nodes, edgeStart, edges)) detectCycles(this);
  }

  #missing(node: Node, id: string): MissingRevisionError {
    const where = node.rev.path ? ` (${node.rev.path})` : "";
    return new MissingRevisionError(
      `Cannot load revision "${node.id}"${where}: revision "${id}" it refers to is not present`,
      node.id,
      id,
      node.rev.path || undefined,
    );
  }

  /**
   * The node of the revision with exactly this id.
   *
   * @param id a full revision id
   * @returns its node
   * @throws {UnknownRevisionError} when no revision has this id
   */
  node(id: string): Node {
    const node = this.keys.get(id);
    if (!node || node.id !== id) {
      throw new UnknownRevisionError(`Can't locate revision identified by '${id}'`, id);
    }
    return node;
  }

  // ---------------------------------------------------------------- lazily derived data

  /** Alembic's `_normalized_resolved_dependencies`, computed on first use. */
  normDeps(node: Node): readonly string[] {
    if (node.normDeps) return node.normDeps;
    if (node.resolvedDeps.length === 0) return node.normDeps = [];
    const drop = new Set<string>();
    for (const anc of this.ancestors([node], false)) {
      if (anc === node) continue;
      for (const d of anc.resolvedDeps) drop.add(d);
    }
    return node.normDeps = [...new Set(node.resolvedDeps)].filter((d) => !drop.has(d));
  }

  /** Alembic's `_normalized_down_revisions`, computed on first use. */
  normDown(node: Node): readonly string[] {
    if (node.normDown) return node.normDown;
    const deps = this.normDeps(node);
    return node.normDown = deps.length === 0 ? node.down : [...new Set([...node.down, ...deps])];
  }

  /** The node's branch labels after propagation (Alembic's `branch_labels` once `_add_branches` ran). */
  labels(node: Node): Set<string> {
    if (!this.#labelsPropagated) this.#propagateLabels();
    return node.labels!;
  }

  /** Alembic's `_add_branches`, including its walk down from the last descendant. */
  #propagateLabels(): void {
    this.#labelsPropagated = true;
    for (const node of this.nodes) node.labels = new Set(node.rev.branchLabels);
    for (const node of this.nodes) {
      if (node.rev.branchLabels.length === 0) continue;
      // Alembic spreads the revision's current set, which may already hold labels spread onto it.
      const labels = [...node.labels!];
      let last: Node = node;
      for (const d of this.descendants([node], { includeDeps: false })) {
        for (const l of labels) d.labels!.add(l);
        last = d;
      }
      let parent: Node | undefined = last;
      while (parent && parent.allNext.length <= 1 && parent.down.length <= 1) {
        for (const l of labels) parent.labels!.add(l);
        if (parent.down.length === 0) break;
        parent = this.keys.get(parent.down[0]);
      }
    }
  }

  // ---------------------------------------------------------------- traversal

  /** Alembic's `_iterate_related_revisions`: depth first with a stack, optionally checking overlaps. */
  iterate(fn: (n: Node) => readonly string[], targets: readonly Walked[], check = false): Node[] {
    const seen = new Set<Node>();
    const out: Node[] = [];
    const targetSet = check ? new Set(targets) : undefined;
    for (const t of targets) {
      if (t === null || t === BASE) {
        throw invalidState("Cannot walk the revision graph: a target resolved to no revision");
      }
      const todo: Node[] = [t];
      const perTarget = check ? new Set<Node>() : undefined;
      while (todo.length > 0) {
        const rev = todo.pop()!;
        perTarget?.add(rev);
        if (seen.has(rev)) continue;
        seen.add(rev);
        for (const id of fn(rev)) todo.push(this.keys.get(id)!);
        out.push(rev);
      }
      if (perTarget) {
        const overlaps = [...perTarget].filter((r) => r !== t && targetSet!.has(r));
        if (overlaps.length > 0) {
          throw new RevisionError(
            `Requested revision ${t.id} overlaps with other requested revisions ${
              overlaps.map((r) => r.id).join(", ")
            }`,
          );
        }
      }
    }
    return out;
  }

  /** Alembic's `_get_ancestor_nodes`: the targets and everything below them, depth first. */
  ancestors(targets: readonly Walked[], includeDeps = true, check = false): Node[] {
    return includeDeps
      ? this.iterate((n) => this.normDown(n), targets, check)
      : this.iterate((n) => n.down, targets, check);
  }

  /** Alembic's `_get_descendant_nodes`: the targets and everything above them, depth first. */
  descendants(
    targets: readonly Walked[],
    opts: { includeDeps?: boolean; omitImmediateDeps?: boolean; check?: boolean } = {},
  ): Node[] {
    const includeDeps = opts.includeDeps ?? true;
    if (opts.omitImmediateDeps) {
      const set = new Set(targets);
      return this.iterate((n) => set.has(n) ? n.next : n.allNext, targets, opts.check);
    }
    return this.iterate(includeDeps ? (n) => n.allNext : (n) => n.next, targets, opts.check);
  }

  /** Alembic's `_topological_sort`: newest first, one branch at a time, ties by input order. */
  topologicalSort(revisions: Set<Node>, heads: readonly Node[]): Node[] {
    const todo = new Set(revisions);
    const ancestorsOf = (n: Node) => new Set(this.ancestors([n]));
    const current: Node[] = [...new Set(heads.filter((h) => todo.has(h)))].sort((a, b) => a.index - b.index);
    const ancestorsByIdx = current.map(ancestorsOf);
    const out: Node[] = [];
    let idx = 0;
    while (current.length > 0) {
      const candidate = current[idx];
      let blocked = false;
      for (let i = 0; i < ancestorsByIdx.length; i++) {
        if (i !== idx && ancestorsByIdx[i].has(candidate)) {
          idx = i;
          blocked = true;
          break;
        }
      }
      if (blocked) continue;
      if (todo.has(candidate)) {
        out.push(candidate);
        todo.delete(candidate);
      }
      const toAdd = this.normDown(candidate).map((id) => this.keys.get(id)!).filter((r) =>
        todo.has(r) && !current.includes(r)
      );
      if (toAdd.length === 0) {
        current.splice(idx, 1);
        ancestorsByIdx.splice(idx, 1);
        idx = Math.max(idx - 1, 0);
      } else if (this.normDeps(candidate).length === 0 && candidate.down.length === 1) {
        current[idx] = toAdd[0];
        ancestorsByIdx[idx].delete(candidate);
      } else {
        current[idx] = toAdd[0];
        current.push(...toAdd.slice(1));
        ancestorsByIdx[idx] = ancestorsOf(toAdd[0]);
        ancestorsByIdx.push(...toAdd.slice(1).map(ancestorsOf));
      }
    }
    if (todo.size > 0) throw invalidState("Cannot order revisions: the plan is not connected");
    return out;
  }
}
