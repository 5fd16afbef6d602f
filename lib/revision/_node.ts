/**
 * The revision graph's node and the small types and helpers every part of `lib/revision/` shares:
 * walk results, Alembic-style identifiers, and the error for a broken internal invariant. Private to
 * `lib/revision/`.
 *
 * @module
 */

import { RevisionError } from "../errors.ts";
import type { Revision } from "./revision.ts";

/** One revision in the graph, with the links Alembic's `Revision` object computes. */
export interface Node {
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
  /** `nextrev`: revisions naming this one as a down revision (a shared empty list until the first). */
  next: string[];
  /** `_all_nextrev`: `next` plus revisions depending on this one (a shared empty list until the first). */
  allNext: string[];
  /** `_normalized_resolved_dependencies`, computed on first use. */
  normDeps?: readonly string[];
  /** `_normalized_down_revisions`, computed on first use. */
  normDown?: readonly string[];
  /** Branch labels after propagation (`_add_branches`), filled on first use. */
  labels?: Set<string>;
}

/** Alembic's `"base"` walk result: below every base. */
export const BASE: unique symbol = Symbol("base");
/** Where a walk lands: a node, nothing (`None`), or below every base. */
export type Walked = Node | null | typeof BASE;
/** An identifier as Alembic passes them around: one string, a tuple, or `None`. */
export type Ident = string | readonly string[] | null;

/**
 * A failed consistency check where Alembic has a bare `assert` (or fails with a `KeyError`):
 * reported as a plain {@link RevisionError}.
 */
export function invalidState(message: string): RevisionError {
  return new RevisionError(message);
}

/** An identifier as Alembic prints it in messages: ids joined by ", ", "" for none. */
export function fmt(id: Ident): string {
  if (id === null) return "";
  return typeof id === "string" ? id : id.join(", ");
}

/** An identifier as a list of ids (Alembic's `util.to_tuple`). */
export function toTuple(id: Ident): readonly string[] {
  if (id === null) return [];
  return typeof id === "string" ? [id] : id;
}
