/**
 * `migrate heads`: the head revisions of the script directory (Alembic's `heads`).
 *
 * @module
 */
import type { Config } from "../config/config.ts";
import type { RevisionMap } from "../revision/revision_map.ts";
import {
  describeRevision,
  type FormatOptions,
  formatRevisions,
  type RevisionInfo,
} from "../output/revision_format.ts";
import { loadRevisionMap } from "./_project.ts";

/** Options of {@link heads}. */
export interface HeadsOptions {
  /** Accepted for symmetry with the CLI; the data does not depend on it. */
  readonly verbose?: boolean;
  /**
   * Count dependencies as down revisions, so a head that another revision depends on is left out
   * (Alembic's `--resolve-dependencies`).
   */
  readonly resolveDependencies?: boolean;
}

/** What {@link heads} found. */
export interface HeadsResult {
  /** The heads, in script-directory order. */
  readonly heads: readonly RevisionInfo[];
}

/**
 * List the heads.
 *
 * @param config the resolved config (needs a config file)
 * @param options `resolveDependencies`
 * @returns the heads
 * @throws {ConfigError} when there is no config file
 * @throws {RevisionFileError} / {RevisionError} when the revision files cannot be read
 */
export async function heads(config: Config, options: HeadsOptions = {}): Promise<HeadsResult> {
  await Promise.resolve();
  return headsOf(loadRevisionMap(config), options);
}

/**
 * The pure part of {@link heads}.
 *
 * @param map the revision graph
 * @param options `resolveDependencies`: the `heads` identifier's meaning (Alembic's `_real_heads`)
 *   instead of the versioned heads
 * @returns the heads
 */
export function headsOf(map: RevisionMap, options: HeadsOptions = {}): HeadsResult {
  const ids = options.resolveDependencies ? map.realHeads : map.heads;
  return { heads: ids.map((id) => describeRevision(map, id)) };
}

/**
 * Print the heads as Alembic does: `5d3e0f9a2b1c (feature) (head)` per head (`(effective head)` for a
 * head others depend on), or full entries with `verbose`.
 *
 * @param result what {@link heads} returned
 * @param options `verbose`: full entries
 * @returns the text, ending with a newline; "" when there are no revisions
 */
export function formatHeads(result: HeadsResult, options: FormatOptions = {}): string {
  return formatRevisions(result.heads, options, { labels: true, treeIndicators: false });
}
