/**
 * The pure revision graph: heads, bases, identifier resolution and upgrade / downgrade / stamp plans,
 * ported from Alembic 1.8's `alembic.script.revision.RevisionMap`, `ScriptDirectory._upgrade_revs` /
 * `_downgrade_revs` / `_stamp_revs` and `alembic.runtime.migration.HeadMaintainer`.
 *
 * Order rules: revisions are kept in the order they are given (Retort's ScriptDirectory gives them
 * sorted by file name), which plays the role of Alembic's `_revision_map` insertion order. Where
 * Alembic iterates a Python `set` of strings (hash order, different in every process) Retort uses the
 * declared order instead: the order of `dependsOn` after normalisation, and which row of a merge is
 * updated rather than deleted (the last remaining down revision, as declared).
 *
 * @module
 */

import {
  AmbiguousRevisionError,
  CycleDetectedError,
  DuplicateRevisionError,
  MissingRevisionError,
  MultipleHeadsError,
  RevisionError,
  UnknownRevisionError,
} from "../errors.ts";
import type { PlanStep, Revision, VersionAction } from "./revision.ts";

/** One revision in the graph, with the links Alembic's `Revision` object computes. */
interface Node {
  readonly id: string;
  readonly rev: Revision;
  /** Position in the input: Alembic's `_revision_map` key order. */
  readonly index: number;
  /** `_versioned_down_revisions`. */
  readonly down: readonly string[];
  /** `_resolved_dependencies`: dependsOn with branch labels replaced by revision ids. */
  resolvedDeps: readonly string[];
  /** `_all_down_revisions`: down + resolvedDeps, deduplicated. */
  allDown: readonly string[];
  /** `nextrev`: revisions naming this one as a down revision ({@link NONE} until the first). */
  next: string[];
  /** `_all_nextrev`: `next` plus revisions depending on this one ({@link NONE} until the first). */
  allNext: string[];
  /** `_normalized_resolved_dependencies`, computed on first use. */
  normDeps?: readonly string[];
  /** `_normalized_down_revisions`, computed on first use. */
  normDown?: readonly string[];
  /** Branch labels after propagation (`_add_branches`), filled on first use. */
  labels?: Set<string>;
}

/** Alembic's `"base"` walk result: below every base. */
const BASE = Symbol("base");
type Walked = Node | null | typeof BASE;
/** An identifier as Alembic passes them around: one string, a tuple, or `None`. */
type Ident = string | readonly string[] | null;

/** Alembic's `_relative_destination`: `[label@][symbol]+N` / `-N`, anchored at the start only. */
const RELATIVE = /^(?:(.+?)@)?(\w+)?((?:\+|-)\d+)/;
const ILLEGAL_ID_CHARS = ["@", "-", "+"];
const ILLEGAL_ID = /[@+-]/;
/** Shared empty list: most revisions have one child, and construction is on the start-up path. */
const NONE: string[] = [];

/** Alembic's `RangeNotAncestorError`: callers turn it into a message naming the destination. */
class RangeNotAncestorError extends RevisionError {
  readonly lower: Ident;
  readonly upper: Ident;
  constructor(lower: Ident, upper: Ident) {
    super(`Revision ${fmt(lower) || "base"} is not an ancestor of revision ${fmt(upper) || "base"}`);
    this.lower = lower;
    this.upper = upper;
  }
}

/**
 * A failed consistency check where Alembic has a bare `assert` (or fails with a `KeyError`):
 * reported as a plain {@link RevisionError}.
 */
function invalidState(message: string): RevisionError {
  return new RevisionError(message);
}

function fmt(id: Ident): string {
  if (id === null) return "";
  return typeof id === "string" ? id : id.join(", ");
}

function toTuple(id: Ident): readonly string[] {
  if (id === null) return [];
  return typeof id === "string" ? [id] : id;
}

/** The message Alembic's `_catch_revision_errors` gives for several heads where one was needed. */
function multipleHeadsMessage(arg: string): string {
  return `Multiple head revisions are present for given argument '${arg}'; please specify a specific ` +
    `target revision, '<branchname>@${arg}' to narrow to a specific head, or 'heads' for all heads`;
}

interface CatchOptions {
  ancestor?: string;
  multipleHeads?: string;
  start?: string;
  end?: string;
}

/**
 * Alembic's `ScriptDirectory._catch_revision_errors`: rewrites the graph-level errors into the
 * command-level messages (`%(start)s`, `%(end)s`, `%(head_arg)s` substituted), keeping the class.
 */
function catchRevisionErrors<T>(fn: () => T, options: CatchOptions = {}): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RangeNotAncestorError) {
      const start = options.start ?? (fmt(e.lower) || "None");
      const end = options.end ?? (fmt(e.upper) || "None");
      const template = options.ancestor ??
        "Requested range %(start)s:%(end)s does not refer to ancestor/descendant revisions along the same branch";
      throw new RevisionError(template.replace("%(start)s", start).replace("%(end)s", end));
    }
    if (e instanceof MultipleHeadsError) {
      const arg = options.end ?? e.target;
      const message = options.multipleHeads ?? multipleHeadsMessage(arg);
      throw new MultipleHeadsError(message, e.heads, e.target);
    }
    if (e instanceof UnknownRevisionError) {
      throw new UnknownRevisionError(`Can't locate revision identified by '${e.id}'`, e.id);
    }
    if (e instanceof AmbiguousRevisionError) {
      throw new AmbiguousRevisionError(
        `Can't locate revision identified by '${e.prefix}': ${e.message}`,
        e.prefix,
        e.matches,
      );
    }
    throw e;
  }
}

/**
 * A step of a plan before its version actions are known: Alembic's `RevisionStep` or `StampStep`.
 */
interface StampStep {
  readonly from: readonly string[];
  readonly to: readonly string[];
  readonly isUpgrade: boolean;
  readonly branchMove: boolean;
}

/**
 * The revision graph of one script directory (Alembic's `RevisionMap`), immutable and pure.
 *
 * Construction is O(revisions + links): it validates ids, labels, missing links and cycles, and
 * computes heads and bases; anything more (normalised dependencies, branch-label propagation) is
 * computed on first use.
 *
 * @example
 * ```ts
 * import { RevisionMap } from "./revision_map.ts";
 * const rev = (revision: string, down: string[] = []) => ({
 *   revision, downRevisions: down, branchLabels: [], dependsOn: [], path: "",
 * });
 * const map = new RevisionMap([rev("a1"), rev("b2", ["a1"]), rev("c3", ["a1"])]);
 * console.log(map.heads); // ["b2", "c3"]
 * ```
 */
export class RevisionMap {
  readonly #nodes: Node[] = [];
  /** Revision ids, then branch labels: Alembic's `_revision_map` keys. */
  readonly #keys = new Map<string, Node>();
  #heads: readonly string[] = [];
  #realHeads: readonly string[] = [];
  #bases: readonly string[] = [];
  #realBases: readonly string[] = [];
  #labelsPropagated = false;
  #revisions?: readonly Revision[];

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
    const keys = this.#keys;
    const nodes = this.#nodes;
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
    this.#heads = heads;
    this.#realHeads = realHeads;
    this.#bases = bases;
    this.#realBases = realBases;
    if (count > 0 && !this.#isAcyclic(edgeStart, edges)) this.#detectCycles();
  }

  /**
   * Checks that no id is used twice, before building a map (the constructor stops at the first).
   *
   * @param revisions revisions as read from files
   * @throws {DuplicateRevisionError} naming the id and every file that declares it
   */
  static assertUnique(revisions: Iterable<Revision>): void {
    const files = new Map<string, string[]>();
    for (const rev of revisions) {
      const list = files.get(rev.revision);
      if (list) list.push(rev.path);
      else files.set(rev.revision, [rev.path]);
    }
    for (const [id, paths] of files) {
      if (paths.length > 1) {
        throw new DuplicateRevisionError(
          `Cannot load revisions: revision "${id}" is present more than once (${paths.join(", ")})`,
          id,
          paths,
        );
      }
    }
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
   * Peels revisions off from the real heads down (Kahn's algorithm on all links): when every revision
   * goes, neither the down-revision links nor the dependency links hold a cycle. Cheaper than
   * Alembic's four walks, which run only to name the revisions when this finds a cycle.
   */
  #isAcyclic(edgeStart: Int32Array, edges: readonly number[]): boolean {
    const nodes = this.#nodes;
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
   * {@link RevisionMap.#isAcyclic} found a cycle, to name its revisions as Alembic does.
   */
  #detectCycles(): void {
    const nodes = this.#nodes;
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
      const fromHeads = this.#reach(heads, down);
      const fromBases = this.#reach(bases, up);
      const lost = nodes.filter((n) => !fromHeads[n.index] || !fromBases[n.index]).map((n) => n.id).sort();
      if (lost.length > 0) {
        throw new CycleDetectedError(`${kind} is detected in revisions (${lost.join(", ")})`, lost);
      }
    };
    check(this.#heads, this.#bases, (n) => n.next, (n) => n.down, "Cycle");
    check(this.#realHeads, this.#realBases, (n) => n.allNext, (n) => n.allDown, "Dependency cycle");
  }

  #reach(start: readonly string[], fn: (n: Node) => readonly string[]): Uint8Array {
    const seen = new Uint8Array(this.#nodes.length);
    const todo: Node[] = start.map((id) => this.#keys.get(id)!);
    while (todo.length > 0) {
      const node = todo.pop()!;
      if (seen[node.index]) continue;
      seen[node.index] = 1;
      for (const id of fn(node)) todo.push(this.#keys.get(id)!);
    }
    return seen;
  }

  // ---------------------------------------------------------------- public accessors

  /** Versioned heads (no revision names them as a down revision), in input order: what `heads` prints. */
  get heads(): readonly string[] {
    return this.#heads;
  }

  /** Heads counting dependencies too (Alembic's `_real_heads`): what the `heads` identifier means. */
  get realHeads(): readonly string[] {
    return this.#realHeads;
  }

  /** Revisions without down revision, in input order (Alembic's `bases`). */
  get bases(): readonly string[] {
    return this.#bases;
  }

  /** Bases without dependencies either (Alembic's `_real_bases`). */
  get realBases(): readonly string[] {
    return this.#realBases;
  }

  /**
   * The revision with exactly this id.
   *
   * @param id a full revision id
   * @returns the revision
   * @throws {UnknownRevisionError} when no revision has this id
   */
  get(id: string): Revision {
    const node = this.#keys.get(id);
    if (!node || node.id !== id) {
      throw new UnknownRevisionError(`Can't locate revision identified by '${id}'`, id);
    }
    return node.rev;
  }

  /** Whether a revision has exactly this id. */
  has(id: string): boolean {
    return this.#keys.get(id)?.id === id;
  }

  /** Every revision in input order. */
  all(): readonly Revision[] {
    return this.#revisions ??= this.#nodes.map((n) => n.rev);
  }

  /** Revisions naming `id` as a down revision (Alembic's `nextrev`), in input order. @throws {UnknownRevisionError} */
  children(id: string): readonly string[] {
    return this.#node(id).next;
  }

  /** Whether two or more revisions name `id` as down revision. @throws {UnknownRevisionError} */
  isBranchPoint(id: string): boolean {
    return this.#node(id).next.length > 1;
  }

  /** Whether `id` has two or more down revisions. @throws {UnknownRevisionError} */
  isMergePoint(id: string): boolean {
    return this.#node(id).down.length > 1;
  }

  /**
   * Branch labels of a revision after Alembic's propagation (a label covers the labelled revision,
   * its descendants, and the unbranched line below it).
   *
   * @throws {UnknownRevisionError} when no revision has this id
   */
  branchLabels(id: string): ReadonlySet<string> {
    return this.#labels(this.#node(id));
  }

  /**
   * The dependencies of `id` that no ancestor already depends on (Alembic's
   * `_normalized_resolved_dependencies`), in declared order.
   *
   * @throws {UnknownRevisionError} when no revision has this id
   */
  normalizedDependencies(id: string): readonly string[] {
    return this.#normDeps(this.#node(id));
  }

  #node(id: string): Node {
    this.get(id);
    return this.#keys.get(id)!;
  }

  // ---------------------------------------------------------------- lazily derived data

  #normDeps(node: Node): readonly string[] {
    if (node.normDeps) return node.normDeps;
    if (node.resolvedDeps.length === 0) return node.normDeps = [];
    const drop = new Set<string>();
    for (const anc of this.#ancestors([node], false)) {
      if (anc === node) continue;
      for (const d of anc.resolvedDeps) drop.add(d);
    }
    return node.normDeps = [...new Set(node.resolvedDeps)].filter((d) => !drop.has(d));
  }

  #normDown(node: Node): readonly string[] {
    if (node.normDown) return node.normDown;
    const deps = this.#normDeps(node);
    return node.normDown = deps.length === 0 ? node.down : [...new Set([...node.down, ...deps])];
  }

  #labels(node: Node): Set<string> {
    if (!this.#labelsPropagated) this.#propagateLabels();
    return node.labels!;
  }

  /** Alembic's `_add_branches`, including its walk down from the last descendant. */
  #propagateLabels(): void {
    this.#labelsPropagated = true;
    for (const node of this.#nodes) node.labels = new Set(node.rev.branchLabels);
    for (const node of this.#nodes) {
      if (node.rev.branchLabels.length === 0) continue;
      // Alembic spreads the revision's current set, which may already hold labels spread onto it.
      const labels = [...node.labels!];
      let last: Node = node;
      for (const d of this.#descendants([node], { includeDeps: false })) {
        for (const l of labels) d.labels!.add(l);
        last = d;
      }
      let parent: Node | undefined = last;
      while (parent && parent.allNext.length <= 1 && parent.down.length <= 1) {
        for (const l of labels) parent.labels!.add(l);
        if (parent.down.length === 0) break;
        parent = this.#keys.get(parent.down[0]);
      }
    }
  }

  // ---------------------------------------------------------------- traversal

  /** Alembic's `_iterate_related_revisions`: depth first with a stack, optionally checking overlaps. */
  #iterate(fn: (n: Node) => readonly string[], targets: readonly Walked[], check = false): Node[] {
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
        for (const id of fn(rev)) todo.push(this.#keys.get(id)!);
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

  #ancestors(targets: readonly Walked[], includeDeps = true, check = false): Node[] {
    return includeDeps
      ? this.#iterate((n) => this.#normDown(n), targets, check)
      : this.#iterate((n) => n.down, targets, check);
  }

  #descendants(
    targets: readonly Walked[],
    opts: { includeDeps?: boolean; omitImmediateDeps?: boolean; check?: boolean } = {},
  ): Node[] {
    const includeDeps = opts.includeDeps ?? true;
    if (opts.omitImmediateDeps) {
      const set = new Set(targets);
      return this.#iterate((n) => set.has(n) ? n.next : n.allNext, targets, opts.check);
    }
    return this.#iterate(includeDeps ? (n) => n.allNext : (n) => n.next, targets, opts.check);
  }

  // ---------------------------------------------------------------- identifier resolution

  /** Alembic's `get_current_head`. */
  #currentHead(branch: string | null): string | null {
    let heads: readonly string[] = this.#heads;
    if (branch) heads = this.#filterForLineage(heads, branch);
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
  #resolveNumber(id: Ident): [readonly string[], string | null] {
    let branch: string | null = null;
    if (typeof id === "string" && id.includes("@")) {
      const at = id.indexOf("@");
      branch = id.slice(0, at);
      id = id.slice(at + 1);
    }
    if (id === "heads") {
      return [branch ? this.#filterForLineage(this.#heads, branch) : this.#realHeads, branch];
    }
    if (id === "head") {
      const head = this.#currentHead(branch);
      return [head ? [head] : [], branch];
    }
    if (id === "base" || id === null) return [[], branch];
    return [toTuple(id), branch];
  }

  /** Alembic's `get_revisions`. */
  #getRevisions(id: Ident): Walked[] {
    if (id !== null && typeof id !== "string") return id.flatMap((one) => this.#getRevisions(one));
    const [resolved, branch] = this.#resolveNumber(id);
    if (resolved.length === 1 && /^\s*-\d+\s*$/.test(resolved[0])) {
      const steps = parseInt(resolved[0], 10);
      if (steps < 0) {
        let heads = this.#getRevisions("heads") as Node[];
        if (branch !== null) heads = heads.filter((h) => this.#labels(h).has(branch!));
        return heads.map((h) => this.#walk(h, steps));
      }
    }
    return resolved.map((r) => this.#revisionForIdent(r, branch));
  }

  /** Alembic's `get_revision`. */
  #getRevision(id: string | null): Node | null {
    const [resolved, branch] = this.#resolveNumber(id);
    if (resolved.length > 1) {
      throw new MultipleHeadsError(
        `Multiple heads are present for given argument '${id}'; ${resolved.join(", ")}`,
        resolved,
        String(id),
      );
    }
    return resolved.length === 0
      ? this.#revisionForIdent(null, branch)
      : this.#revisionForIdent(resolved[0], branch);
  }

  /** Alembic's `_resolve_branch`: a label or any identifier of a revision. */
  #resolveBranch(label: string): Node {
    const node = this.#keys.get(label);
    if (node) return node;
    try {
      return this.#revisionForIdent(label, null)!;
    } catch (e) {
      if (e instanceof UnknownRevisionError || e instanceof AmbiguousRevisionError) {
        throw new UnknownRevisionError(`No such branch: '${label}'`, label);
      }
      throw e;
    }
  }

  /** Alembic's `_revision_for_ident`: exact key, then unambiguous prefix (4+ characters). */
  #revisionForIdent(id: string | null, checkBranch: string | null): Node | null {
    const branchRev = checkBranch ? this.#resolveBranch(checkBranch) : null;
    let node: Node | null;
    if (id === null) {
      node = null;
    } else {
      node = this.#keys.get(id) ?? null;
      if (!node) {
        let matches = [...this.#keys.keys()].filter((k) => k.length > 3 && k.startsWith(id));
        if (branchRev) matches = this.#filterForLineage(matches, checkBranch);
        if (matches.length === 0) {
          const hint = id.length < 4
            ? "; please ensure at least four characters are present for partial revision identifier matches"
            : "";
          throw new UnknownRevisionError(`No such revision or branch '${id}'${hint}`, id);
        }
        if (matches.length > 1) {
          throw new AmbiguousRevisionError(
            `Multiple revisions start with '${id}': ${
              matches.slice(0, 3).map((m) => `'${m}'`).join(", ")
            }...`,
            id,
            matches,
          );
        }
        node = this.#keys.get(matches[0])!;
      }
    }
    if (checkBranch && node !== null) {
      if (!this.#sharesLineage(node, [branchRev!])) {
        throw new UnknownRevisionError(`Revision ${node.id} is not a member of branch '${checkBranch}'`, id!);
      }
    }
    return node;
  }

  /** Alembic's `filter_for_lineage`: keep targets related (ancestor or descendant) to `checkAgainst`. */
  #filterForLineage<T extends string | Node | null>(
    targets: readonly T[],
    checkAgainst: string | null,
    includeDeps = false,
  ): T[] {
    const [ids, branch] = this.#resolveNumber(checkAgainst);
    const shares: string[] = [];
    if (branch) shares.push(branch);
    shares.push(...ids);
    return targets.filter((t) => this.#sharesLineage(t, shares, includeDeps));
  }

  /** Alembic's `_shares_lineage`. */
  #sharesLineage(
    target: string | Node | null,
    against: readonly (string | Node)[],
    includeDeps = false,
  ): boolean {
    if (against.length === 0) return true;
    const node = typeof target === "string" || target === null
      ? this.#revisionForIdent(target, null)
      : target;
    if (node === null) throw invalidState("Cannot compare lineage: a target resolved to no revision");
    const wanted = new Set(against.map((a) => typeof a === "string" ? this.#revisionForIdent(a, null) : a));
    for (const n of this.#descendants([node], { includeDeps })) if (wanted.has(n)) return true;
    for (const n of this.#ancestors([node], includeDeps)) if (wanted.has(n)) return true;
    return false;
  }

  /** Alembic's `_get_all_current` + `_filter_into_branch_heads`. */
  #allCurrent(ids: readonly string[]): Node[] {
    const top = new Set<Node>(this.#getRevisions(ids) as Node[]);
    for (const n of this.#ancestors([...top], true)) top.add(n);
    const result = new Set(top);
    for (const rev of [...result]) {
      for (const d of this.#descendants([rev], { includeDeps: false })) {
        if (d !== rev && result.has(d)) {
          result.delete(rev);
          break;
        }
      }
    }
    return [...result];
  }

  /** Alembic's `_walk`: `steps` up (positive) or down (negative), `null` when walking off the graph. */
  #walk(start: string | Walked, steps: number, branch: string | null = null, noOverwalk = true): Walked {
    let initial: Walked = typeof start === "string" ? this.#getRevision(start) : start;
    for (let i = 0; i < Math.abs(steps); i++) {
      let children: Walked[];
      if (steps > 0) {
        if (initial === BASE) throw invalidState("Cannot walk up from below base");
        const up = this.#getRevisions(initial === null ? this.#bases : initial.next) as Node[];
        children = branch ? this.#filterForLineage(up, branch) : up;
      } else if (initial === BASE) {
        children = [];
      } else {
        children = this.#getRevisions(initial === null ? this.#heads : initial.down);
        if (children.length === 0) children = [BASE];
      }
      if (children.length === 0) return noOverwalk ? null : initial;
      if (children.length > 1) throw new RevisionError("Ambiguous walk");
      initial = children[0];
    }
    return initial;
  }

  /** Alembic's `_parse_downgrade_target`. */
  #parseDowngradeTarget(
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
        const rev = this.#walk(symbol, rel, branch, assertLength);
        if (rev === null) throw new RevisionError("Walked too far");
        return [branch, rev];
      }
      const isRelative = symbol === null;
      if (isRelative) {
        if (branch) {
          const cr = toTuple(current);
          let symbols: string[] = this.#filterForLineage(cr, branch);
          if (symbols.length === 0) {
            symbols = this.#filterForLineage(this.#allCurrent(cr), branch).map((r) => r.id);
          }
          if (symbols.length !== 1) {
            throw invalidState(
              `Cannot resolve "${target}": ${symbols.length} current revisions are on branch '${branch}'`,
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
      const start = branch === null ? this.#getRevision(symbol) : this.#getRevision(`${branch}@${symbol}`);
      const rev = this.#walk(start, rel, null, assertLength);
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
    return [branch, this.#getRevision(target.slice(at + 1))];
  }

  /** Alembic's `_parse_upgrade_target`. */
  #parseUpgradeTarget(current: Ident, target: Ident, assertLength: boolean): Walked[] {
    const m = typeof target === "string" ? RELATIVE.exec(target) : null;
    if (!m) return this.#getRevisions(target);
    const branch = m[1] ?? null;
    const symbol = m[2] ?? null;
    const relativeStr = m[3];
    const relative = parseInt(relativeStr, 10);
    if (relative > 0) {
      if (symbol === null) {
        const cur: readonly (string | null)[] = toTuple(current).length === 0 ? [null] : toTuple(current);
        let start: readonly (string | Node | null)[] = cur;
        if (branch) {
          const curRevs = this.#getRevisions(cur.filter((c): c is string => c !== null)) as Node[];
          start = this.#filterForLineage(curRevs, branch);
          if (start.length === 0) {
            const active = this.#filterForLineage(this.#ancestors(curRevs), branch);
            const downs = new Set(active.flatMap((r) => this.#normDown(r)));
            start = [...new Set(active.map((r) => r.id))].filter((id) => !downs.has(id));
            if (start.length === 0) start = [null];
          }
        }
        if (start.length > 1) throw new RevisionError("Ambiguous upgrade from multiple current revisions");
        const rev = this.#walk(start[0], relative, branch, assertLength);
        if (rev === null) {
          throw new RevisionError(
            `Relative revision ${relativeStr} didn't produce ${Math.abs(relative)} migrations`,
          );
        }
        return [rev];
      }
      return [this.#walk(this.#getRevision(symbol), relative, branch, assertLength)];
    }
    if (symbol === null) {
      throw new RevisionError(
        `Relative revision ${relative} didn't produce ${Math.abs(relative)} migrations`,
      );
    }
    const start = branch === null ? this.#getRevision(symbol) : this.#getRevision(`${branch}@${symbol}`);
    return [this.#walk(start, relative, null, assertLength)];
  }

  /** Alembic's `_collect_downgrade_revisions`. */
  #collectDowngrade(
    upper: Ident,
    target: string | null,
    implicitBase: boolean,
    assertLength: boolean,
  ): [Set<Node>, Node[]] {
    const [branch, parsed] = this.#parseDowngradeTarget(upper, target, assertLength);
    const targetRev = parsed === BASE ? null : parsed;
    let roots: Node[];
    if (targetRev === null) {
      roots = this.#nodes.filter((n) => n.down.length === 0);
    } else {
      roots = this.#getRevisions(targetRev.next) as Node[];
    }
    if (branch && roots.length > 1) {
      const anc = new Set(this.#ancestors([this.#resolveBranch(branch)], false));
      roots = roots.filter((r) => anc.has(r));
      if (roots.length === 0) throw new RevisionError("Not a valid downgrade target from current heads");
    }
    const heads = this.#getRevisions(upper) as Node[];
    const active = new Set(this.#ancestors(heads, true));
    const drop = new Set(
      this.#descendants(roots, { includeDeps: true, omitImmediateDeps: false }).filter((n) => active.has(n)),
    );
    if (implicitBase) {
      const rootAnc = new Set(this.#ancestors(roots));
      for (const a of active) if (!rootAnc.has(a)) drop.add(a);
    }
    if (targetRev !== null && drop.size === 0 && !heads.includes(targetRev)) {
      throw new RangeNotAncestorError("Nothing to drop", upper);
    }
    return [drop, heads];
  }

  /** Alembic's `_collect_upgrade_revisions`. */
  #collectUpgrade(
    upper: Ident,
    lower: Ident,
    inclusive: boolean,
    implicitBase: boolean,
    assertLength: boolean,
  ): [Set<Node>, Node[]] {
    let targets = this.#parseUpgradeTarget(lower, upper, assertLength).map((t) => {
      if (t === null || t === BASE) {
        throw invalidState(`Cannot resolve "${fmt(upper)}": it resolves to no revision`);
      }
      return t;
    });
    if (typeof lower === "string" && lower.includes("@")) {
      let branch = lower.slice(0, lower.indexOf("@"));
      const branchRev = this.#getRevision(branch);
      if (branchRev !== null && branchRev.id === branch) {
        const labels = this.#labels(branchRev);
        if (labels.size !== 1) {
          throw invalidState(`Cannot use revision "${branch}" as a branch: it has ${labels.size} labels`);
        }
        branch = [...labels][0];
      }
      targets = targets.filter((t) => this.#labels(t).has(branch));
    }
    const required = new Set(this.#ancestors(targets, true, true));
    for (const t of targets) required.add(t);
    let current = this.#getRevisions(lower);
    if (!implicitBase && current.some((r) => r !== null && (r === BASE || !required.has(r)))) {
      throw new RangeNotAncestorError(lower, upper);
    }
    if (current.length > 0 && current[0] === null) {
      const [, rev] = this.#parseDowngradeTarget(
        upper,
        typeof lower === "string" ? lower : null,
        assertLength,
      );
      if (rev === null) throw invalidState(`Cannot resolve "${fmt(lower)}": it resolves to no revision`);
      if (rev === BASE) {
        current = [];
        lower = null;
      } else {
        current = [rev];
        lower = rev.id;
      }
    }
    const have = new Set(this.#ancestors(current, true, true));
    for (const c of current) if (c !== null && c !== BASE) have.add(c);
    const needs = new Set([...required].filter((n) => !have.has(n)));
    if (inclusive) {
      for (const r of this.#getRevisions(lower)) {
        if (r === null || r === BASE) {
          throw invalidState(`Cannot resolve "${fmt(lower)}": it resolves to no revision`);
        }
        needs.add(r);
      }
    }
    if (current.length > 0 && !implicitBase) {
      const below = new Set(this.#descendants(current, { includeDeps: false, check: true }));
      for (const n of [...needs]) if (!below.has(n)) needs.delete(n);
    }
    return [needs, targets];
  }

  /** Alembic's `_topological_sort`: newest first, one branch at a time, ties by input order. */
  #topologicalSort(revisions: Set<Node>, heads: readonly Node[]): Node[] {
    const todo = new Set(revisions);
    const ancestorsOf = (n: Node) => new Set(this.#ancestors([n]));
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
      const toAdd = this.#normDown(candidate).map((id) => this.#keys.get(id)!).filter((r) =>
        todo.has(r) && !current.includes(r)
      );
      if (toAdd.length === 0) {
        current.splice(idx, 1);
        ancestorsByIdx.splice(idx, 1);
        idx = Math.max(idx - 1, 0);
      } else if (this.#normDeps(candidate).length === 0 && candidate.down.length === 1) {
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

  // ---------------------------------------------------------------- public resolution

  /**
   * Resolves one identifier in Alembic's grammar to revisions: `head`, `heads`, `base` (no revision),
   * a full or unambiguous partial id (4+ characters), a branch label, `label@head`, `label@heads`,
   * `label@base`, `rev@head`, relative `+N` / `-N` (from `currentHeads`), `rev+N`, `rev-N`, `label@+N`,
   * `label@-N`.
   *
   * @param identifier the identifier
   * @param currentHeads the database's current heads, for relative identifiers
   * @returns the revisions it names, in Alembic's order; empty for `base`
   * @throws {MultipleHeadsError} when `head` (or `label@head`) matches several heads
   * @throws {AmbiguousRevisionError} when a partial id matches several revisions
   * @throws {UnknownRevisionError} when nothing matches
   * @throws {RevisionError} when a relative identifier walks off the graph or is ambiguous
   */
  resolve(identifier: string, currentHeads: readonly string[] = []): Revision[] {
    return catchRevisionErrors(() => {
      const m = RELATIVE.exec(identifier);
      let walked: Walked[];
      if (m && parseInt(m[3], 10) > 0) walked = this.#parseUpgradeTarget(currentHeads, identifier, true);
      else if (m) walked = [this.#parseDowngradeTarget(currentHeads, identifier, true)[1]];
      else walked = this.#getRevisions(identifier);
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
   * @returns the revision, or `undefined` for `base`
   * @throws {MultipleHeadsError} when it names several (e.g. `heads`, or `head` with a fork)
   * @throws {UnknownRevisionError} / {AmbiguousRevisionError} as {@link RevisionMap.resolve}
   */
  resolveOne(identifier: string): Revision | undefined {
    return catchRevisionErrors(() => this.#getRevision(identifier)?.rev);
  }

  // ---------------------------------------------------------------- plans

  /**
   * The steps `upgrade TARGET` runs (Alembic's `_upgrade_revs` then `HeadMaintainer`), oldest first.
   *
   * @param currentHeads the version table rows
   * @param target any identifier {@link RevisionMap.resolve} takes
   * @returns the steps, each with the version table changes recording it
   * @throws {RevisionError} "Destination X is not a valid upgrade target from current head(s)", and the
   *   resolution errors of {@link RevisionMap.resolve}
   */
  upgradePlan(currentHeads: readonly string[], target: string): PlanStep[] {
    const nodes = catchRevisionErrors(() => {
      const [revs, heads] = this.#collectUpgrade(target, currentHeads, false, true, true);
      return this.#topologicalSort(revs, heads).reverse();
    }, {
      ancestor: "Destination %(end)s is not a valid upgrade target from current head(s)",
      end: target,
    });
    return this.#withVersionActions(currentHeads, nodes, "up");
  }

  /**
   * The steps `downgrade TARGET` runs (Alembic's `_downgrade_revs` then `HeadMaintainer`), newest first.
   *
   * @param currentHeads the version table rows
   * @param target `base`, `-N`, `label@-N`, `label@base`, a revision, …
   * @returns the steps, each with the version table changes recording it
   * @throws {RevisionError} "Destination X is not a valid downgrade target from current head(s)", and the
   *   resolution errors of {@link RevisionMap.resolve}
   */
  downgradePlan(currentHeads: readonly string[], target: string): PlanStep[] {
    const nodes = catchRevisionErrors(() => {
      const [revs, heads] = this.#collectDowngrade(currentHeads, target, false, true);
      return this.#topologicalSort(revs, heads);
    }, {
      ancestor: "Destination %(end)s is not a valid downgrade target from current head(s)",
      end: target,
    });
    return this.#withVersionActions(currentHeads, nodes, "down");
  }

  /**
   * The plan for an offline (`--sql`) `START:END` range: Alembic resolves `START` with `get_revision`
   * (`base` means an empty version table) and plans from there.
   *
   * @param start the starting revision (`base`, an id, `head`, a label)
   * @param end the target
   * @param direction `up` for `upgrade START:END`, `down` for `downgrade START:END`
   * @returns the plan, as {@link RevisionMap.upgradePlan} / {@link RevisionMap.downgradePlan}
   * @throws {RevisionError} as those, and when `START` cannot be resolved
   */
  planRange(start: string, end: string, direction: "up" | "down"): PlanStep[] {
    const heads = this.startingHeads(start);
    return direction === "up" ? this.upgradePlan(heads, end) : this.downgradePlan(heads, end);
  }

  /**
   * The version rows an offline run starts from (Alembic's `get_current_heads` with `starting_rev`).
   *
   * @param start `base` or an identifier naming one revision
   * @returns the starting heads
   * @throws {RevisionError} when `start` does not name exactly one revision
   */
  startingHeads(start: string): string[] {
    if (start === "base" || start === "") return [];
    const rev = this.resolveOne(start);
    return rev ? [rev.revision] : [];
  }

  #withVersionActions(
    currentHeads: readonly string[],
    nodes: readonly Node[],
    direction: "up" | "down",
  ): PlanStep[] {
    const heads = new Set(currentHeads);
    return nodes.map((node) => ({
      revision: node.rev,
      direction,
      versionActions: this.#revisionStepActions(heads, node, direction === "up"),
    }));
  }

  /** Alembic's `HeadMaintainer.update_to_step` for a `RevisionStep`; mutates `heads`. */
  #revisionStepActions(heads: Set<string>, node: Node, isUpgrade: boolean): VersionAction[] {
    const normDown = this.#normDown(node);
    const from = isUpgrade ? normDown : [node.id];
    const to = isUpgrade ? [node.id] : normDown;
    const vm = new VersionMaintainer(heads);
    const otherAncestors = (exclude: readonly string[]) => {
      const others = [...heads].filter((h) => !exclude.includes(h));
      return new Set(this.#ancestors(this.#getRevisions(others)).map((n) => n.id));
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

  /**
   * The version table changes `stamp TARGETS` makes (Alembic's `_stamp_revs` + `StampStep`).
   *
   * @param currentHeads the version table rows
   * @param targets identifiers (`base`, `heads`, ids, labels); empty means `base`
   * @param purge empty the table first (`--purge`): emitted as one `delete` per current row
   * @returns the actions, in order
   * @throws {MultipleHeadsError} "Multiple heads are present; please specify a single target revision"
   * @throws {RevisionError} when a target cannot be resolved or the table cannot be updated
   */
  stampPlan(currentHeads: readonly string[], targets: readonly string[], purge: boolean): VersionAction[] {
    const heads = new Set(purge ? [] : currentHeads);
    const pre: VersionAction[] = purge ? currentHeads.map((version) => ({ kind: "delete", version })) : [];
    const steps = catchRevisionErrors(() => this.#stampSteps(targets, [...heads]), {
      multipleHeads: "Multiple heads are present; please specify a single target revision",
    });
    const out = [...pre];
    for (const step of steps) out.push(...stampStepActions(heads, step));
    return out;
  }

  #stampSteps(revision: readonly string[], currentHeads: readonly string[]): StampStep[] {
    const headRevs = this.#getRevisions(currentHeads) as Node[];
    if (revision.length === 0) revision = ["base"];
    const filtered: Node[] = [];
    for (const rev of revision) {
      if (!rev) continue;
      for (const h of this.#filterForLineage(headRevs, rev, true)) {
        if (!filtered.includes(h)) filtered.push(h);
      }
    }
    let dests: Walked[] = this.#getRevisions(revision);
    if (dests.length === 0) dests = [null];
    const steps: StampStep[] = [];
    for (const dest of dests) {
      if (dest === null || dest === BASE) {
        for (const h of filtered) steps.push({ from: [h.id], to: [], isUpgrade: false, branchMove: true });
        continue;
      }
      if (filtered.includes(dest)) continue;
      const desc = new Set(this.#descendants([dest]));
      const anc = new Set(this.#ancestors([dest]));
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

  // ---------------------------------------------------------------- history

  /**
   * The revisions `history -r START:END` lists, newest first (Alembic's `walk_revisions`).
   *
   * @param range `START:END`, `START:`, `:END` (each side any identifier, `current`, or `-N`); all when absent
   * @param currentHeads the database rows, needed when a side is `current`
   * @returns the revisions, newest first
   * @throws {RevisionError} "History range requires [start]:[end], [start]:, or :[end]" for a range
   *   without `:`, "Requested range X:Y does not refer to ancestor/descendant revisions along the same
   *   branch", and resolution errors
   */
  history(range?: string, currentHeads: readonly string[] = []): Revision[] {
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
      const [revs, heads] = this.#collectUpgrade(upper, lower, true, false, false);
      return this.#topologicalSort(revs, heads).map((n) => n.rev);
    }, { start: fmt(lower), end: fmt(upper) });
  }
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
function stampStepActions(heads: Set<string>, step: StampStep): VersionAction[] {
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
