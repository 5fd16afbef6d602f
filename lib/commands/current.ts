/**
 * `migrate current`: the revisions the database is at (Alembic's `current`).
 *
 * @module
 */
import type { Config } from "../config/config.ts";
import { maskUrl, parseUrl } from "../config/url.ts";
import { RevisionMap } from "../revision/revision_map.ts";
import { ScriptDirectory } from "../script/script_directory.ts";
import { readVersions, versionTableName } from "../runtime/version_table.ts";
import type { VersionTableName } from "../dialects/dialect.ts";
import {
  describeRevision,
  type FormatOptions,
  formatRevisions,
  type RevisionInfo,
} from "../output/revision_format.ts";
import { appliedRevisions, connectionOpener, openConnection, useConnection } from "./_project.ts";

/** Options of {@link current}. */
export interface CurrentOptions {
  /** Accepted for symmetry with the CLI; the data does not depend on it. */
  readonly verbose?: boolean;
}

/** What {@link current} found. */
export interface CurrentResult {
  /** The database URL with its password masked. */
  readonly url: string;
  /** The version table rows as stored, sorted; empty when the table is absent or empty. */
  readonly versions: readonly string[];
  /**
   * The current revisions as Alembic lists them (`get_all_current`): the rows, plus revisions the rows
   * depend on that no row descends from. Absent when there is no config file (database-only mode).
   */
  readonly revisions?: readonly RevisionInfo[];
  /** Rows naming no revision of the script directory (a database ahead of this code, or a foreign table). */
  readonly unknownVersions?: readonly string[];
  /**
   * Rows another row descends from (stale rows, which Alembic never writes and its `current` hides),
   * each with a row above it. Absent when there are none.
   */
  readonly staleVersions?: readonly StaleVersion[];
}

/** A version row that another row descends from: `version` is an ancestor of the row `above`. */
export interface StaleVersion {
  /** The stale row's revision id. */
  readonly version: string;
  /** A row of the version table that descends from it. */
  readonly above: string;
}

/**
 * Read the version table. With a config file the rows are matched against the revisions; with only a
 * URL (`--url` or `DATABASE_URL`, no config file) the raw rows are returned.
 *
 * @param config the resolved config; needs `url`
 * @param _options unused (the CLI passes `verbose`)
 * @returns the rows and, with a config file, the revisions they name
 * @throws {ConfigError} when no URL is configured
 * @throws {ConnectionError} / {DatabaseError} when the database cannot be reached or read
 * @throws {RevisionFileError} / {RevisionError} when the revision files cannot be read
 */
export async function current(config: Config, _options: CurrentOptions = {}): Promise<CurrentResult> {
  const table = versionTableName(config);
  // Over a network the connection (TCP, a server backend starting, authentication) and the read of
  // the version table progress while the revision headers are read, as those give the event loop a
  // turn every half millisecond. The read has no effect, so it may run even when the project turns out
  // to be broken; the project's error then wins. A file database (SQLite) gains nothing and must not
  // be created for a broken project, so it is opened after the revisions are read.
  const reading = config.file && namesServer(config) ? (await startReading(config, table)).rows : undefined;
  // Handled below; without this a failure to connect would count as unhandled while files are read.
  reading?.catch(() => {});
  let map: RevisionMap | undefined;
  if (config.file) {
    const dir = ScriptDirectory.fromConfig(config);
    map = new RevisionMap(reading ? await dir.loadRevisionsInterleaved() : dir.loadRevisions());
  }
  const versions = await (reading ??
    useConnection(openConnection(config), (conn) => readVersions(conn, table)));
  return currentOf(map, versions, maskUrl(config.url ?? ""));
}

/**
 * Starts connecting and reading the version table. Resolves once the connection attempt is under
 * way (the modules it needs are loaded first, so the revision scan does not delay it), to the
 * promise of the rows (boxed: a promise resolved with a promise would wait for it).
 */
async function startReading(config: Config, table: VersionTableName): Promise<{ rows: Promise<string[]> }> {
  const open = await connectionOpener(config);
  return { rows: useConnection(open(), (conn) => readVersions(conn, table)) };
}

/**
 * Whether the configured URL names a database server (reached over a network or a socket) rather
 * than a file: a server URL always has a port (its own or the dialect's default), a file none.
 * False for a bad URL.
 */
function namesServer(config: Config): boolean {
  try {
    return config.url !== undefined && parseUrl(config.url, config.root).port !== undefined;
  } catch {
    // The URL's error is reported where it was before: after the revisions, when connecting.
    return false;
  }
}

/**
 * The pure part of {@link current}: match version rows against a revision map.
 *
 * Rows the map does not know are reported in `unknownVersions` rather than failing as Alembic does
 * ("Can't locate revision"), and rows another row descends from in `staleVersions` rather than hidden
 * as Alembic hides them, so `current` shows every row the database holds.
 *
 * @param map the revision graph, or undefined in database-only mode
 * @param versions the version table rows
 * @param url the masked URL, shown by the verbose form
 * @returns the result {@link formatCurrent} prints
 */
export function currentOf(
  map: RevisionMap | undefined,
  versions: readonly string[],
  url: string,
): CurrentResult {
  if (!map) return { url, versions: [...versions] };
  const known = versions.filter((v) => map.has(v));
  const unknownVersions = versions.filter((v) => !map.has(v));
  // Alembic's `_get_all_current`: the rows and all their ancestors (dependencies included), then only
  // those no other member descends from. The set is closed downwards, so checking children suffices.
  // Only revisions reached through a dependency can be a branch head that is not a row (any other
  // member is the down revision of a member), so only those are checked against the whole map.
  const { applied: members, dependencyTargets: depTargets } = appliedRevisions(map, known);
  const isBranchHead = (id: string) => !map.children(id).some((c) => members.has(c));
  const fromRows = known.filter(isBranchHead);
  const fromDeps = depTargets.size === 0
    ? []
    : map.all().map((r) => r.revision).filter((id) =>
      depTargets.has(id) && members.has(id) && !known.includes(id) && isBranchHead(id)
    );
  // Alembic hides a row another row descends from; it is shown, marked, because `downgrade -N`
  // would walk from it if the database returned it first.
  const staleVersions = [...map.staleRows(known)].map(([version, above]) => ({ version, above }));
  return {
    url,
    versions: [...versions],
    revisions: [...fromRows, ...fromDeps].map((id) => describeRevision(map, id)),
    ...(unknownVersions.length > 0 ? { unknownVersions } : {}),
    ...(staleVersions.length > 0 ? { staleVersions } : {}),
  };
}

/**
 * Print the current revisions as Alembic's `current` does: `1975ea83b712 (head)` per revision, or with
 * `verbose` a `Current revision(s) for URL:` line and full entries. Database-only mode prints the raw
 * rows. A row another row descends from prints as `ID (stale row: ancestor of ROW)`, unknown rows as
 * `ID (unknown revision)`.
 *
 * @param result what {@link current} returned
 * @param options `verbose`: full entries
 * @returns the text, ending with a newline; "" when there is nothing to print
 */
export function formatCurrent(result: CurrentResult, options: FormatOptions = {}): string {
  const header = options.verbose ? `Current revision(s) for ${result.url}:\n` : "";
  if (!result.revisions) return header + result.versions.map((v) => `${v}\n`).join("");
  const body = formatRevisions(result.revisions, options);
  const stale = (result.staleVersions ?? []).map((s) => `${s.version} (stale row: ancestor of ${s.above})\n`)
    .join("");
  const unknown = (result.unknownVersions ?? []).map((v) => `${v} (unknown revision)\n`).join("");
  return header + body + stale + unknown;
}
