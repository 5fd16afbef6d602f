/**
 * The revision graph as plain nodes and edges: what `migrate graph` prints as JSON and what its Mermaid,
 * DOT and SVG writers draw. Built from the revisions `history` lists (so it takes the same `-r` ranges),
 * optionally collapsed to the revisions where the shape changes.
 *
 * @module
 */
import type { RevisionInfo } from "./revision_format.ts";

/** One revision of the graph. */
export interface RevisionGraphNode {
  /** The revision id. */
  readonly id: string;
  /** First line of its message ("" when none). */
  readonly message: string;
  /** Branch labels its header declares (not the propagated ones, which would repeat on every node). */
  readonly branchLabels: readonly string[];
  /** No revision names it as a down revision. */
  readonly isHead: boolean;
  /** No down revision (in the whole graph, not only in the range shown). */
  readonly isBase: boolean;
  /** Two or more revisions name it as a down revision. */
  readonly isBranchPoint: boolean;
  /** It has two or more down revisions. */
  readonly isMergePoint: boolean;
  /** The database's version table holds it; present only when the database was read. */
  readonly isCurrent?: boolean;
}

/** One edge, from the older revision to the newer one (the direction `upgrade` runs). */
export interface RevisionGraphEdge {
  /** The down revision (or, for a dependency, the revision depended on). */
  readonly from: string;
  /** The revision that names `from`. */
  readonly to: string;
  /** `down`: `to` revises `from`; `dependency`: `to` depends on `from` (`dependsOn`). */
  readonly kind: "down" | "dependency";
  /** Revisions left out between `from` and `to` by `collapse` (0 when none). */
  readonly collapsed: number;
}

/** The nodes and edges, nodes newest first (`history` order). */
export interface RevisionGraph {
  readonly nodes: readonly RevisionGraphNode[];
  readonly edges: readonly RevisionGraphEdge[];
}

/** Options of {@link buildRevisionGraph}. */
export interface BuildGraphOptions {
  /**
   * Keep only bases, heads, branch points, merge points, current revisions, revisions declaring a branch
   * label, and the two ends of each dependency; each chain of other revisions becomes one edge that
   * counts them.
   */
  readonly collapse?: boolean;
  /**
   * The revision ids a `dependsOn` entry (an id or a branch label) names; entries that name nothing
   * shown are left out. Default: the entry itself.
   */
  readonly resolveDependency?: (dependency: string) => readonly string[];
  /** The branch labels a revision's header declares (`RevisionInfo` holds propagated ones too). Default: none. */
  readonly declaredLabels?: (id: string) => readonly string[];
}

/**
 * Build the graph of the revisions `history` listed.
 *
 * @param revisions the revisions, newest first (each before its down revisions)
 * @param options `collapse`, `resolveDependency`, `declaredLabels`
 * @returns nodes (newest first) and edges (for each node, its down revisions in declared order, then
 *   its dependencies); edges to revisions outside `revisions` are left out. Linear in the revisions.
 */
export function buildRevisionGraph(
  revisions: readonly RevisionInfo[],
  options: BuildGraphOptions = {},
): RevisionGraph {
  const byId = new Map(revisions.map((r) => [r.revision, r]));
  const resolve = options.resolveDependency ?? ((d: string) => [d]);
  const labelsOf = options.declaredLabels ?? (() => []);
  const parents = (r: RevisionInfo) => r.downRevisions.filter((d) => byId.has(d));
  const deps = new Map<string, string[]>();
  const depTargets = new Set<string>();
  for (const r of revisions) {
    if (r.dependsOn.length === 0) continue;
    const ids = [...new Set(r.dependsOn.flatMap(resolve))].filter((d) => byId.has(d) && d !== r.revision);
    deps.set(r.revision, ids);
    for (const d of ids) depTargets.add(d);
  }
  const childCount = new Map<string, number>();
  for (const r of revisions) for (const p of parents(r)) childCount.set(p, (childCount.get(p) ?? 0) + 1);
  // Branch and merge points count in the whole graph, so a range that cuts one side off keeps them;
  // the ends of the range (one parent or child shown) are kept too.
  const keep = (r: RevisionInfo): boolean =>
    !options.collapse || parents(r).length !== 1 || (childCount.get(r.revision) ?? 0) !== 1 || r.isHead ||
    r.isBranchPoint || r.isMergePoint || r.isCurrent === true || labelsOf(r.revision).length > 0 ||
    deps.has(r.revision) ||
    depTargets.has(r.revision);
  const nodes: RevisionGraphNode[] = [];
  const edges: RevisionGraphEdge[] = [];
  for (const r of revisions) {
    if (!keep(r)) continue;
    nodes.push(toNode(r, labelsOf(r.revision)));
    for (let from of parents(r)) {
      let collapsed = 0;
      for (let at = byId.get(from)!; !keep(at); at = byId.get(from)!) {
        collapsed++;
        from = parents(at)[0];
      }
      edges.push({ from, to: r.revision, kind: "down", collapsed });
    }
    for (const d of deps.get(r.revision) ?? []) {
      edges.push({ from: d, to: r.revision, kind: "dependency", collapsed: 0 });
    }
  }
  return { nodes, edges };
}

function toNode(r: RevisionInfo, labels: readonly string[]): RevisionGraphNode {
  return {
    id: r.revision,
    message: r.message,
    branchLabels: labels,
    isHead: r.isHead,
    isBase: r.downRevisions.length === 0,
    isBranchPoint: r.isBranchPoint,
    isMergePoint: r.isMergePoint,
    ...(r.isCurrent === undefined ? {} : { isCurrent: r.isCurrent }),
  };
}
