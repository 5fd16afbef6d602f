/**
 * Alembic's `RangeNotAncestorError` and `ScriptDirectory._catch_revision_errors`: how graph-level
 * errors become the command-level messages. Private to `lib/revision/`.
 *
 * @module
 */

import {
  AmbiguousRevisionError,
  MultipleHeadsError,
  RevisionError,
  UnknownRevisionError,
} from "../errors.ts";
import { fmt, type Ident } from "./_node.ts";

/** Alembic's `RangeNotAncestorError`: callers turn it into a message naming the destination. */
export class RangeNotAncestorError extends RevisionError {
  /** The lower end of the requested range. */
  readonly lower: Ident;
  /** The upper end of the requested range. */
  readonly upper: Ident;
  /**
   * @param lower the lower end of the requested range
   * @param upper the upper end
   */
  constructor(lower: Ident, upper: Ident) {
    super(`Revision ${fmt(lower) || "base"} is not an ancestor of revision ${fmt(upper) || "base"}`);
    this.lower = lower;
    this.upper = upper;
  }
}

/** The message Alembic's `_catch_revision_errors` gives for several heads where one was needed. */
function multipleHeadsMessage(arg: string): string {
  return `Multiple head revisions are present for given argument '${arg}'; please specify a specific ` +
    `target revision, '<branchname>@${arg}' to narrow to a specific head, or 'heads' for all heads`;
}

/** Message parts {@link catchRevisionErrors} substitutes, as Alembic's keyword arguments. */
export interface CatchOptions {
  /** Template for a range that is not ancestor/descendant (`%(start)s`, `%(end)s`). */
  ancestor?: string;
  /** Message for several heads where one was needed. */
  multipleHeads?: string;
  /** The start of the range, as the user wrote it. */
  start?: string;
  /** The end of the range (the target), as the user wrote it. */
  end?: string;
}

/**
 * Alembic's `ScriptDirectory._catch_revision_errors`: rewrites the graph-level errors into the
 * command-level messages (`%(start)s`, `%(end)s`, `%(head_arg)s` substituted), keeping the class.
 */
export function catchRevisionErrors<T>(fn: () => T, options: CatchOptions = {}): T {
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
