/**
 * `migrate history`: the revisions in order, newest first (Alembic's `history`).
 *
 * @module
 */
import type { Config } from "../config/config.ts";
import type { RevisionMap } from "../revision/revision_map.ts";
import { readVersions, versionTableName } from "../runtime/version_table.ts";
import {
  describeRevision,
  type FormatOptions,
  formatRevisions,
  type RevisionInfo,
} from "../output/revision_format.ts";
import { formatHistoryGraph } from "../output/graph_text.ts";
import { loadRevisionMap, withConnection } from "./_project.ts";

/** Options of {@link history}. */
export interface HistoryOptions {
  /** `START:END`, `START:` or `:END`; each side any identifier, `current` or `-N`. All revisions when absent. */
  readonly range?: string;
  /** Accepted for symmetry with the CLI; the data does not depend on it. */
  readonly verbose?: boolean;
  /** Read the database and mark its current revisions (`(current)`). */
  readonly indicateCurrent?: boolean;
}

/** What {@link history} found. */
export interface HistoryResult {
  /** The revisions, newest first, in Alembic's `history` order. */
  readonly revisions: readonly RevisionInfo[];
  /** The version table rows, when the database was read (`indicateCurrent`, or `current` in the range). */
  readonly currentHeads?: readonly string[];
}

/**
 * List the revisions. The database is read only when `indicateCurrent` is set or a side of the range
 * is `current`, as in Alembic.
 *
 * @param config the resolved config (needs a config file; a URL when the database is read)
 * @param options `range`, `indicateCurrent`
 * @returns the revisions, newest first
 * @throws {ConfigError} when there is no config file, or the database is needed and no URL is set
 * @throws {RevisionError} "History range requires [start]:[end], [start]:, or :[end]" for a range
 *   without `:`, and the resolution errors of the range's identifiers
 * @throws {ConnectionError} / {DatabaseError} when the database is needed and cannot be read
 */
export async function history(config: Config, options: HistoryOptions = {}): Promise<HistoryResult> {
  const map = loadRevisionMap(config);
  const sides = options.range?.trim().split(":") ?? [];
  const needsDatabase = (options.indicateCurrent ?? false) || sides.includes("current");
  const currentHeads = needsDatabase
    ? await withConnection(config, (conn) => readVersions(conn, versionTableName(config)))
    : undefined;
  return historyOf(map, options, currentHeads);
}

/**
 * The pure part of {@link history}.
 *
 * @param map the revision graph
 * @param options `range`, `indicateCurrent`
 * @param currentHeads the version table rows, when read
 * @returns the revisions, newest first; `isCurrent` set on each when `indicateCurrent` is set
 * @throws {RevisionError} as {@link history}
 */
export function historyOf(
  map: RevisionMap,
  options: HistoryOptions = {},
  currentHeads?: readonly string[],
): HistoryResult {
  const marks = options.indicateCurrent ? currentHeads ?? [] : undefined;
  const revisions = map.history(options.range, currentHeads ?? []).map((rev) =>
    describeRevision(map, rev.revision, marks)
  );
  return currentHeads === undefined ? { revisions } : { revisions, currentHeads: [...currentHeads] };
}

/** Options of {@link formatHistory}. */
export interface HistoryFormatOptions extends FormatOptions {
  /** Draw the revisions with their lanes (`history --graph`) instead of Alembic's lines. */
  readonly graph?: boolean;
  /** With `graph`: ASCII only, no box drawing. */
  readonly ascii?: boolean;
  /** With `graph`: colour the lanes with ANSI escapes. */
  readonly colors?: boolean;
}

/**
 * Print the history as Alembic does: `27c6a30d7c24 -> 1975ea83b712 (head), create account table` per
 * revision (`<base> -> ...` for a base, `down (dependency) -> ...` with dependencies, then labels,
 * `(head)`, `(current)`, `(branchpoint)`, `(mergepoint)`), or full entries with `verbose`; with
 * `graph`, the same revisions drawn in lanes as `git log --graph` draws commits (see `graph_text.ts`).
 *
 * @param result what {@link history} returned
 * @param options `verbose`: full entries; `graph` (wins over `verbose`), `ascii`, `colors`: the drawing
 * @returns the text, ending with a newline; "" when there are no revisions
 */
export function formatHistory(result: HistoryResult, options: HistoryFormatOptions = {}): string {
  if (options.graph) return formatHistoryGraph(result.revisions, options);
  return formatRevisions(result.revisions, options, { parents: true, labels: true, doc: true });
}
