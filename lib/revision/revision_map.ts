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
 * {@link RevisionMap} is the public face; the work lives in private modules by job: `_graph.ts`
 * (nodes, links, walks, topological order; `_cycles.ts` its cycle checks), `resolve.ts` (the
 * identifier grammar) and `plan.ts` (upgrade, downgrade and stamp plans, history; the version table
 * changes in `_version_actions.ts`).
 *
 * @module
 */

import { DuplicateRevisionError } from "../errors.ts";
import { Graph } from "./_graph.ts";
import { downgradePlan, history, planRange, stampPlan, startingHeads, upgradePlan } from "./plan.ts";
import { resolveRevision, resolveRevisions } from "./resolve.ts";
import { staleRows } from "./_stale_rows.ts";
import type { PlanStep, Revision, VersionAction } from "./revision.ts";

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
  /** Nodes, links and walks; resolution and plans are the functions of `resolve.ts` and `plan.ts`. */
  readonly #graph: Graph;
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
    this.#graph = new Graph(revisions);
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

  // ---------------------------------------------------------------- public accessors

  /** Versioned heads (no revision names them as a down revision), in input order: what `heads` prints. */
  get heads(): readonly string[] {
    return this.#graph.heads;
  }

  /** Heads counting dependencies too (Alembic's `_real_heads`): what the `heads` identifier means. */
  get realHeads(): readonly string[] {
    return this.#graph.realHeads;
  }

  /** Revisions without down revision, in input order (Alembic's `bases`). */
  get bases(): readonly string[] {
    return this.#graph.bases;
  }

  /** Bases without dependencies either (Alembic's `_real_bases`). */
  get realBases(): readonly string[] {
    return this.#graph.realBases;
  }

  /**
   * The revision with exactly this id.
   *
   * @param id a full revision id
   * @returns the revision
   * @throws {UnknownRevisionError} when no revision has this id
   */
  get(id: string): Revision {
    return this.#graph.node(id).rev;
  }

  /** Whether a revision has exactly this id. */
  has(id: string): boolean {
    return this.#graph.keys.get(id)?.id === id;
  }

  /** Every revision in input order. */
  all(): readonly Revision[] {
    return this.#revisions ??= this.#graph.nodes.map((n) => n.rev);
  }

  /** Revisions naming `id` as a down revision (Alembic's `nextrev`), in input order. @throws {UnknownRevisionError} */
  children(id: string): readonly string[] {
    return this.#graph.node(id).next;
  }

  /** Whether two or more revisions name `id` as down revision. @throws {UnknownRevisionError} */
  isBranchPoint(id: string): boolean {
    return this.#graph.node(id).next.length > 1;
  }

  /** Whether `id` has two or more down revisions. @throws {UnknownRevisionError} */
  isMergePoint(id: string): boolean {
    return this.#graph.node(id).down.length > 1;
  }

  /**
   * Branch labels of a revision after Alembic's propagation (a label covers the labelled revision,
   * its descendants, and the unbranched line below it).
   *
   * @throws {UnknownRevisionError} when no revision has this id
   */
  branchLabels(id: string): ReadonlySet<string> {
    return this.#graph.labels(this.#graph.node(id));
  }

  /**
   * The dependencies of `id` that no ancestor already depends on (Alembic's
   * `_normalized_resolved_dependencies`), in declared order.
   *
   * @throws {UnknownRevisionError} when no revision has this id
   */
  normalizedDependencies(id: string): readonly string[] {
    return this.#graph.normDeps(this.#graph.node(id));
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
    return resolveRevisions(this.#graph, identifier, currentHeads);
  }

  /**
   * Resolves an identifier that must name at most one revision (Alembic's `get_revision`).
   *
   * @returns the revision, or `undefined` for `base`
   * @throws {MultipleHeadsError} when it names several (e.g. `heads`, or `head` with a fork)
   * @throws {UnknownRevisionError} / {AmbiguousRevisionError} as {@link RevisionMap.resolve}
   */
  resolveOne(identifier: string): Revision | undefined {
    return resolveRevision(this.#graph, identifier);
  }

  // ---------------------------------------------------------------- plans

  /**
   * Version rows that another row descends from through down revisions (stale rows: Alembic never
   * writes one; `current` shows them marked, `downgrade -N` refuses to walk from one).
   *
   * @param rows the version table rows; rows naming no revision are ignored
   * @returns each stale row with a row that descends from it
   */
  staleRows(rows: readonly string[]): Map<string, string> {
    return staleRows(this.#graph, rows);
  }

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
    return upgradePlan(this.#graph, currentHeads, target);
  }

  /**
   * The steps `downgrade TARGET` runs (Alembic's `_downgrade_revs` then `HeadMaintainer`), newest first.
   * `-N` walks from the first row, as Alembic 1.8 does, so pass the rows in the order the database
   * returned them; from a stale row (see {@link RevisionMap.staleRows}) `-N` is refused.
   *
   * @param currentHeads the version table rows, in the database's order
   * @param target `base`, `-N`, `label@-N`, `label@base`, a revision, …
   * @returns the steps, each with the version table changes recording it
   * @throws {RevisionError} "Destination X is not a valid downgrade target from current head(s)", "Cannot
   *   downgrade "-N": the first version row 'X' is an ancestor of the version row 'Y'; ...", "Ambiguous
   *   walk", and the resolution errors of {@link RevisionMap.resolve}
   */
  downgradePlan(currentHeads: readonly string[], target: string): PlanStep[] {
    return downgradePlan(this.#graph, currentHeads, target);
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
    return planRange(this.#graph, start, end, direction);
  }

  /**
   * The version rows an offline run starts from (Alembic's `get_current_heads` with `starting_rev`).
   *
   * @param start `base` or an identifier naming one revision
   * @returns the starting heads
   * @throws {RevisionError} when `start` does not name exactly one revision
   */
  startingHeads(start: string): string[] {
    return startingHeads(this.#graph, start);
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
    return stampPlan(this.#graph, currentHeads, targets, purge);
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
    return history(this.#graph, range, currentHeads);
  }
}
