/**
 * Cycle checks of the revision graph: a fast yes/no on every construction, and Alembic's slower
 * `_detect_cycles`, which names the revisions, only when there is a cycle. Private to `lib/revision/`.
 *
 * @module
 */

import { CycleDetectedError } from "../errors.ts";
import type { Node } from "./_node.ts";

/** What {@link detectCycles} reads of the graph. */
export interface Links {
  /** Every node, in input order. */
  readonly nodes: readonly Node[];
  /** Revision ids (and branch labels) to nodes. */
  readonly keys: ReadonlyMap<string, Node>;
  /** Versioned heads. */
  readonly heads: readonly string[];
  /** Versioned bases. */
  readonly bases: readonly string[];
  /** Heads counting dependencies. */
  readonly realHeads: readonly string[];
  /** Bases counting dependencies. */
  readonly realBases: readonly string[];
}

/**
 * Peels revisions off from the real heads down (Kahn's algorithm on all links): when every revision
 * goes, neither the down-revision links nor the dependency links hold a cycle. Cheaper than
 * Alembic's four walks, which run only to name the revisions when this finds a cycle.
 */
export function isAcyclic(
  nodes: readonly Node[],
  edgeStart: Int32Array,
  edges: readonly number[],
): boolean {
  const count = nodes.length;
  const children = new Int32Array(count);
  // Each index is pushed once at most: when its count reaches exactly 0.
  const stack = new Int32Array(count);
  let top = 0;
  for (let k = 0; k < count; k++) {
    const n = nodes[k].allNext.length;
    children[k] = n;
    if (n === 0) stack[top++] = k;
  }
  let peeled = 0;
  while (top > 0) {
    const k = stack[--top];
    peeled++;
    for (let e = edgeStart[k], end = edgeStart[k + 1]; e < end; e++) {
      const index = edges[e];
      if (--children[index] === 0) stack[top++] = index;
    }
  }
  return peeled === count;
}

/**
 * Alembic's `_detect_cycles`: every revision must lie between a head and a base. Runs only when
 * {@link isAcyclic} found a cycle, to name its revisions as Alembic does.
 */
export function detectCycles(graph: Links): void {
  const nodes = graph.nodes;
  const check = (
    heads: readonly string[],
    bases: readonly string[],
    up: (n: Node) => readonly string[],
    down: (n: Node) => readonly string[],
    kind: string,
  ) => {
    if (heads.length === 0 || bases.length === 0) {
      const all = nodes.map((n) => n.id);
      throw new CycleDetectedError(`${kind} is detected in revisions (${all.join(", ")})`, all);
    }
    const fromHeads = reach(graph, heads, down);
    const fromBases = reach(graph, bases, up);
    const lost = nodes.filter((n) => !fromHeads[n.index] || !fromBases[n.index]).map((n) => n.id).sort();
    if (lost.length > 0) {
      throw new CycleDetectedError(`${kind} is detected in revisions (${lost.join(", ")})`, lost);
    }
  };
  check(graph.heads, graph.bases, (n) => n.next, (n) => n.down, "Cycle");
  check(graph.realHeads, graph.realBases, (n) => n.allNext, (n) => n.allDown, "Dependency cycle");
}

function reach(graph: Links, start: readonly string[], fn: (n: Node) => readonly string[]): Uint8Array {
  const seen = new Uint8Array(graph.nodes.length);
  const todo: Node[] = start.map((id) => graph.keys.get(id)!);
  while (todo.length > 0) {
    const node = todo.pop()!;
    if (seen[node.index]) continue;
    seen[node.index] = 1;
    for (const id of fn(node)) todo.push(graph.keys.get(id)!);
  }
  return seen;
}
