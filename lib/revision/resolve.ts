/**
 * Revision identifiers in Alembic's grammar (Alembic 1.8's `RevisionMap.get_revisions`,
 * `_resolve_revision_number`, `_revision_for_ident`, `_walk`, `_parse_upgrade_target` /
 * `_parse_downgrade_target`): `head`, `heads`, `base`, full and partial ids, branch labels,
 * `label@head`, `rev@head`, relative `+N` / `-N`, `rev+N`, `label@+N`. Functions over the graph of
 * `_graph.ts`; `RevisionMap.resolve` / `resolveOne` call {@link resolveRevisions} / {@link resolveRevision}.
 *
 * @module
 */

import {
  AmbiguousRevisionError,
  MultipleHeadsError,
  RevisionError,
  UnknownRevisionError,
} from "../errors.ts";
import { catchRevisionErrors } from "./_catch_errors.ts";
import type { Graph } from "./_graph.ts";
import { BASE, type Ident, invalidState, type Node, toTuple, type Walked } from "./_node.ts";
import type { Revision } from "./revision.ts";

/** Alembic's `_relative_destination`: `[label@][symbol]+N` / `-N`, anchored at the start only. */
const RELATIVE = /^(?:(.+?)@)?(\w+)?((?:\+|-)\d+)/;

/**
 * Resolves one identifier in Alembic's grammar to revisions: `head`, `heads`, `base` (no revision),
 * a full or unambiguous partial id (4+ characters), a branch label, `label@head`, `label@heads`,
 * `label@base`, `rev@head`, relative `+N` / `-N` (from `currentHeads`), `rev+N`, `rev-N`, `label@+N`,
 * `label@-N`.
 *
 * @param g the graph
 * @param identifier the identifier
 * @param currentHeads the database's current heads, for relative identifiers
 * @returns the revisions it names, in Alembic's order; empty for `base`
 * @throws {MultipleHeadsError} when `head` (or `label@head`) matches several heads
 * @throws {AmbiguousRevisionError} when a partial id matches several revisions
 * @throws {UnknownRevisionError} when nothing matches
 * @throws {RevisionError} when a relative identifier walks off the graph or is ambiguous
 */
export function resolveRevisions(
  g: Graph,
  identifier: string,
  currentHeads: readonly string[] = [],
): Revision[] {
  return catchRevisionErrors(() => {
    const m = RELATIVE.exec(identifier);
    let walked: Walked[];
    if (m && parseInt(m[3], 10) > 0) walked = parseUpgradeTarget(g, currentHeads, identifier, true);
    else if (m) walked = [parseDowngradeTarget(g, currentHeads, identifier, true)[1]];
    else walked = getRevisions(g, identifier);
    return walked.flatMap((w) => {
      if (w === BASE) return [];
      if (w === null) {
        if (identifier === "base" || identifier.endsWith("@base")) return [];
        throw new RevisionError(`Relative revision ${identifier} didn't produce a revision`);
      }
      return [w.rev];
    });
  });
}

/**
 * Resolves an identifier that must name at most one revision (Alembic's `get_revision`).
 *
 * @param g the graph
 * @param identifier the identifier
 * @returns the revision, or `undefined` for `base`
 * @throws {MultipleHeadsError} when it names several (e.g. `heads`, or `head` with a fork)
 * @throws {UnknownRevisionError} / {AmbiguousRevisionError} as {@link resolveRevisions}
 */
export function resolveRevision(g: Graph, identifier: string): Revision | undefined {
  return catchRevisionErrors(() => getRevision(g, identifier)?.rev);
}

/** Alembic's `get_current_head`. */
function currentHead(g: Graph, branch: string | null): string | null {
  let heads: readonly string[] = g.heads;
  if (branch) heads = filterForLineage(g, heads, branch);
  if (heads.length > 1) {
    const arg = branch ? `${branch}@head` : "head";
    throw new MultipleHeadsError(
      `Multiple heads are present for given argument '${arg}'; ${heads.join(", ")}`,
      heads,
      arg,
    );
  }
  return heads[0] ?? null;
}

/** Alembic's `_resolve_revision_number`: symbolic names to ids, plus the branch label. */
function resolveNumber(g: Graph, id: Ident): [readonly string[], string | null] {
  let branch: string | null = null;
  if (typeof id === "string" && id.includes("@")) {
    const at = id.indexOf("@");
    branch = id.slice(0, at);
    id = id.slice(at + 1);
  }
  if (id === "heads") {
    return [branch ? filterForLineage(g, g.heads, branch) : g.realHeads, branch];
  }
  if (id === "head") {
    const head = currentHead(g, branch);
    return [head ? [head] : [], branch];
  }
  if (id === "base" || id === null) return [[], branch];
  return [toTuple(id), branch];
}

/** Alembic's `get_revisions`. */
export function getRevisions(g: Graph, id: Ident): Walked[] {
  if (id !== null && typeof id !== "string") return id.flatMap((one) => getRevisions(g, one));
  const [resolved, branch] = resolveNumber(g, id);
  if (resolved.length === 1 && /^\s*-\d+\s*$/.test(resolved[0])) {
    const steps = parseInt(resolved[0], 10);
    if (steps < 0) {
      let heads = getRevisions(g, "heads") as Node[];
      if (branch !== null) heads = heads.filter((h) => g.labels(h).has(branch!));
      return heads.map((h) => walk(g, h, steps));
    }
  }
  return resolved.map((r) => revisionForIdent(g, r, branch));
}

/** Alembic's `get_revision`. */
export function getRevision(g: Graph, id: string | null): Node | null {
  const [resolved, branch] = resolveNumber(g, id);
  if (resolved.length > 1) {
    throw new MultipleHeadsError(
      `Multiple heads are present for given argument '${id}'; ${resolved.join(", ")}`,
      resolved,
      String(id),
    );
  }
  return resolved.length === 0 ? revisionForIdent(g, null, branch) : revisionForIdent(g, resolved[0], branch);
}

/** Alembic's `_resolve_branch`: a label or any identifier of a revision. */
export function resolveBranch(g: Graph, label: string): Node {
  const node = g.keys.get(label);
  if (node) return node;
  try {
    return revisionForIdent(g, label, null)!;
  } catch (e) {
    if (e instanceof UnknownRevisionError || e instanceof AmbiguousRevisionError) {
      throw new UnknownRevisionError(`No such branch: '${label}'`, label);
    }
    throw e;
  }
}

/** Alembic's `_revision_for_ident`: exact key, then unambiguous prefix (4+ characters). */
function revisionForIdent(g: Graph, id: string | null, checkBranch: string | null): Node | null {
  const branchRev = checkBranch ? resolveBranch(g, checkBranch) : null;
  let node: Node | null;
  if (id === null) {
    node = null;
  } else {
    node = g.keys.get(id) ?? null;
    if (!node) {
      let matches = [...g.keys.keys()].filter((k) => k.length > 3 && k.startsWith(id));
      if (branchRev) matches = filterForLineage(g, matches, checkBranch);
      if (matches.length === 0) {
        const hint = id.length < 4
          ? "; please ensure at least four characters are present for partial revision identifier matches"
          : "";
        throw new UnknownRevisionError(`No such revision or branch '${id}'${hint}`, id);
      }
      if (matches.length > 1) {
        throw new AmbiguousRevisionError(
          `Multiple revisions start with '${id}': ${matches.slice(0, 3).map((m) => `'${m}'`).join(", ")}...`,
          id,
          matches,
        );
      }
      node = g.keys.get(matches[0])!;
    }
  }
  if (checkBranch && node !== null) {
    if (!sharesLineage(g, node, [branchRev!])) {
      throw new UnknownRevisionError(`Revision ${node.id} is not a member of branch '${checkBranch}'`, id!);
    }
  }
  return node;
}

/** Alembic's `filter_for_lineage`: keep targets related (ancestor or descendant) to `checkAgainst`. */
export function filterForLineage<T extends string | Node | null>(
  g: Graph,
  targets: readonly T[],
  checkAgainst: string | null,
  includeDeps = false,
): T[] {
  const [ids, branch] = resolveNumber(g, checkAgainst);
  const shares: string[] = [];
  if (branch) shares.push(branch);
  shares.push(...ids);
  return targets.filter((t) => sharesLineage(g, t, shares, includeDeps));
}

/** Alembic's `_shares_lineage`. */
function sharesLineage(
  g: Graph,
  target: string | Node | null,
  against: readonly (string | Node)[],
  includeDeps = false,
): boolean {
  if (against.length === 0) return true;
  const node = typeof target === "string" || target === null ? revisionForIdent(g, target, null) : target;
  if (node === null) throw invalidState("Cannot compare lineage: a target resolved to no revision");
  const wanted = new Set(against.map((a) => typeof a === "string" ? revisionForIdent(g, a, null) : a));
  for (const n of g.descendants([node], { includeDeps })) if (wanted.has(n)) return true;
  for (const n of g.ancestors([node], includeDeps)) if (wanted.has(n)) return true;
  return false;
}

/** Alembic's `_get_all_current` + `_filter_into_branch_heads`. */
function allCurrent(g: Graph, ids: readonly string[]): Node[] {
  const top = new Set<Node>(getRevisions(g, ids) as Node[]);
  for (const n of g.ancestors([...top], true)) top.add(n);
  const result = new Set(top);
  for (const rev of [...result]) {
    for (const d of g.descendants([rev], { includeDeps: false })) {
      if (d !== rev && result.has(d)) {
        result.delete(rev);
        break;
      }
    }
  }
  return [...result];
}

/** Alembic's `_walk`: `steps` up (positive) or down (negative), `null` when walking off the graph. */
function walk(
  g: Graph,
  start: string | Walked,
  steps: number,
  branch: string | null = null,
  noOverwalk = true,
): Walked {
  let initial: Walked = typeof start === "string" ? getRevision(g, start) : start;
  for (let i = 0; i < Math.abs(steps); i++) {
    let children: Walked[];
    if (steps > 0) {
      if (initial === BASE) throw invalidState("Cannot walk up from below base");
      const up = getRevisions(g, initial === null ? g.bases : initial.next) as Node[];
      children = branch ? filterForLineage(g, up, branch) : up;
    } else if (initial === BASE) {
      children = [];
    } else {
      children = getRevisions(g, initial === null ? g.heads : initial.down);
      if (children.length === 0) children = [BASE];
    }
    if (children.length === 0) return noOverwalk ? null : initial;
    if (children.length > 1) throw new RevisionError("Ambiguous walk");
    initial = children[0];
  }
  return initial;
}

/** Alembic's `_parse_downgrade_target`. */
export function parseDowngradeTarget(
  g: Graph,
  current: Ident,
  target: string | null,
  assertLength: boolean,
): [string | null, Walked] {
  if (target === null) return [null, null];
  const m = RELATIVE.exec(target);
  if (m) {
    let branch = m[1] ?? null;
    let symbol = m[2] ?? null;
    const relative = m[3];
    const rel = parseInt(relative, 10);
    if (rel >= 0) {
      if (symbol === null) {
        throw new RevisionError(`Relative revision ${relative} didn't produce ${Math.abs(rel)} migrations`);
      }
      const rev = walk(g, symbol, rel, branch, assertLength);
      if (rev === null) throw new RevisionError("Walked too far");
      return [branch, rev];
    }
    const isRelative = symbol === null;
    if (isRelative) {
      if (branch) {
        const cr = toTuple(current);
        let symbols: string[] = filterForLineage(g, cr, branch);
        if (symbols.length === 0) {
          symbols = filterForLineage(g, allCurrent(g, cr), branch).map((r) => r.id);
        }
        if (symbols.length !== 1) {
          // Alembic asserts here; say which rows compete and what to type instead.
          const hint = symbols.length > 1
            ? ` (${symbols.map((s) => `'${s}'`).join(", ")}); type the one to step back: ` +
              symbols.map((s) => `"${s}${relative}"`).join(" or ")
            : "";
          throw invalidState(
            `Cannot resolve "${target}": ${symbols.length} current revisions are on branch '${branch}'${hint}`,
          );
        }
        symbol = symbols[0];
      } else {
        const cr = toTuple(current);
        if (cr.length === 0) {
          throw new RevisionError(
            `Relative revision ${relative} didn't produce ${Math.abs(rel)} migrations`,
          );
        }
        symbol = cr[0];
        branch = symbol;
      }
    }
    const start = branch === null ? getRevision(g, symbol) : getRevision(g, `${branch}@${symbol}`);
    const rev = walk(g, start, rel, null, assertLength);
    if (rev === null) {
      if (isRelative) {
        throw new RevisionError(`Relative revision ${relative} didn't produce ${Math.abs(rel)} migrations`);
      }
      throw new RevisionError("Walked too far");
    }
    return [branch, rev];
  }
  const at = target.lastIndexOf("@");
  const branch = at > 0 ? target.slice(0, at) : null;
  return [branch, getRevision(g, target.slice(at + 1))];
}

/** Alembic's `_parse_upgrade_target`. */
export function parseUpgradeTarget(g: Graph, current: Ident, target: Ident, assertLength: boolean): Walked[] {
  const m = typeof target === "string" ? RELATIVE.exec(target) : null;
  if (!m) return getRevisions(g, target);
  const branch = m[1] ?? null;
  const symbol = m[2] ?? null;
  const relativeStr = m[3];
  const relative = parseInt(relativeStr, 10);
  if (relative > 0) {
    if (symbol === null) {
      const cur: readonly (string | null)[] = toTuple(current).length === 0 ? [null] : toTuple(current);
      let start: readonly (string | Node | null)[] = cur;
      if (branch) {
        const curRevs = getRevisions(g, cur.filter((c): c is string => c !== null)) as Node[];
        start = filterForLineage(g, curRevs, branch);
        if (start.length === 0) {
          const active = filterForLineage(g, g.ancestors(curRevs), branch);
          const downs = new Set(active.flatMap((r) => g.normDown(r)));
          start = [...new Set(active.map((r) => r.id))].filter((id) => !downs.has(id));
          if (start.length === 0) start = [null];
        }
      }
      if (start.length > 1) throw new RevisionError("Ambiguous upgrade from multiple current revisions");
      const rev = walk(g, start[0], relative, branch, assertLength);
      if (rev === null) {
        throw new RevisionError(
          `Relative revision ${relativeStr} didn't produce ${Math.abs(relative)} migrations`,
        );
      }
      return [rev];
    }
    return [walk(g, getRevision(g, symbol), relative, branch, assertLength)];
  }
  if (symbol === null) {
    throw new RevisionError(
      `Relative revision ${relative} didn't produce ${Math.abs(relative)} migrations`,
    );
  }
  const start = branch === null ? getRevision(g, symbol) : getRevision(g, `${branch}@${symbol}`);
  return [walk(g, start, relative, null, assertLength)];
}
