/**
 * `migrate branches`: the branch points of the script directory and where they lead (Alembic's
 * `branches`).
 *
 * @module
 */
import type { Config } from "../config/config.ts";
import type { RevisionMap } from "../revision/revision_map.ts";
import {
  describeRevision,
  formatLogEntry,
  type FormatOptions,
  formatRevisionLine,
  type RevisionInfo,
} from "../output/revision_format.ts";
import { loadRevisionMap } from "./_project.ts";

/** Options of {@link branches}. */
export interface BranchesOptions {
  /** Accepted for symmetry with the CLI; the data does not depend on it. */
  readonly verbose?: boolean;
}

/** One branch point and the revisions it branches into. */
export interface BranchPoint {
  /** The revision that two or more revisions name as down revision. */
  readonly revision: RevisionInfo;
  /** The revisions naming it as down revision, in script-directory order. */
  readonly children: readonly RevisionInfo[];
}

/** What {@link branches} found. */
export interface BranchesResult {
  /** Branch points in history order (newest first). */
  readonly branchPoints: readonly BranchPoint[];
}

/**
 * List the branch points.
 *
 * @param config the resolved config (needs a config file)
 * @param _options unused (the CLI passes `verbose`)
 * @returns the branch points
 * @throws {ConfigError} when there is no config file
 * @throws {RevisionFileError} / {RevisionError} when the revision files cannot be read
 */
export async function branches(config: Config, _options: BranchesOptions = {}): Promise<BranchesResult> {
  await Promise.resolve();
  return branchesOf(loadRevisionMap(config));
}

/**
 * The pure part of {@link branches}: every revision of the history with two or more children.
 *
 * @param map the revision graph
 * @returns the branch points, newest first
 */
export function branchesOf(map: RevisionMap): BranchesResult {
  const branchPoints = map.history().filter((rev) => map.isBranchPoint(rev.revision)).map((rev) => ({
    revision: describeRevision(map, rev.revision),
    children: map.children(rev.revision).map((id) => describeRevision(map, id)),
  }));
  return { branchPoints };
}

/**
 * Print the branch points as Alembic does:
 *
 * ```text
 * 1975ea83b712 (branchpoint)
 *              -> 3b9f5d1c2e4a
 *              -> ae1027a6acf1 (feature)
 *
 * ```
 *
 * With `verbose` the branch point is a full entry and each child line ends with its message.
 *
 * @param result what {@link branches} returned
 * @param options `verbose`: full entries
 * @returns the text, ending with a newline; "" when there are no branch points
 */
export function formatBranches(result: BranchesResult, options: FormatOptions = {}): string {
  const verbose = options.verbose ?? false;
  return result.branchPoints.map(({ revision, children }) => {
    const head = verbose ? formatLogEntry(revision) : formatRevisionLine(revision, { labels: true });
    const pad = " ".repeat(revision.revision.length);
    const lines = children.map((child) =>
      `${pad} -> ${formatRevisionLine(child, { labels: true, doc: verbose })}`
    );
    return `${head}\n${lines.join("\n")}\n\n`;
  }).join("");
}
