/**
 * `migrate show REV`: the full entry of the revisions an identifier names (Alembic's `show`).
 *
 * @module
 */
import type { Config } from "../config/config.ts";
import type { RevisionMap } from "../revision/revision_map.ts";
import { readVersions, versionTableName } from "../runtime/version_table.ts";
import {
  describeRevision,
  type FormatOptions,
  formatRevisionList,
  type RevisionInfo,
} from "../output/revision_format.ts";
import { loadRevisionMap, withConnection } from "./_project.ts";
import { UnknownRevisionError } from "../errors.ts";

/** Options of {@link show}. */
export interface ShowOptions {
  /** Any identifier (`head`, `heads`, an id or prefix, `label@head`, `-1`, ...) or `current` (reads the database). */
  readonly revision: string;
}

/** What {@link show} found. */
export interface ShowResult {
  /** The revisions the identifier names (none for `base`). */
  readonly revisions: readonly RevisionInfo[];
}

/**
 * Describe the revisions an identifier names. `current` names the database's version rows.
 *
 * @param config the resolved config (needs a config file; a URL for `current`)
 * @param options `revision`
 * @returns the revisions
 * @throws {ConfigError} when there is no config file, or `current` is asked and no URL is set
 * @throws {UnknownRevisionError} / {AmbiguousRevisionError} / {RevisionError} when the identifier does not resolve
 * @throws {ConnectionError} / {DatabaseError} for `current` when the database cannot be read
 */
export async function show(config: Config, options: ShowOptions): Promise<ShowResult> {
  const map = loadRevisionMap(config);
  const currentHeads = options.revision === "current"
    ? await withConnection(config, (conn) => readVersions(conn, versionTableName(config)))
    : undefined;
  return showOf(map, options.revision, currentHeads);
}

/**
 * The pure part of {@link show}.
 *
 * @param map the revision graph
 * @param revision the identifier
 * @param currentHeads the version table rows; required to resolve `current`
 * @returns the revisions
 * @throws {UnknownRevisionError} when a version row names no revision (Alembic fails the same way), and
 *   the resolution errors of {@link RevisionMap.resolve}
 */
export function showOf(map: RevisionMap, revision: string, currentHeads?: readonly string[]): ShowResult {
  if (revision === "current" && currentHeads !== undefined) {
    for (const id of currentHeads) {
      if (!map.has(id)) throw new UnknownRevisionError(`Can't locate revision identified by '${id}'`, id);
    }
    return { revisions: currentHeads.map((id) => describeRevision(map, id)) };
  }
  return {
    revisions: map.resolve(revision, currentHeads ?? []).map((rev) => describeRevision(map, rev.revision)),
  };
}

/**
 * Print full entries (`Rev: ...`), each followed by an empty line, as Alembic's `show`.
 *
 * @param result what {@link show} returned
 * @param _options ignored: `show` always prints full entries
 * @returns the text, ending with a newline; "" when the identifier named no revision
 */
export function formatShow(result: ShowResult, _options: FormatOptions = {}): string {
  return formatRevisionList(result.revisions, true, () => "");
}
