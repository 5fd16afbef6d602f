/**
 * `migrate status`: which revisions the database has applied and which are pending, as dbmate's
 * `status` lists them. With `--exit-code` the CLI exits 3 when any revision is pending, so a deploy
 * pipeline can gate on it.
 *
 * @module
 */
import type { Config } from "../config/config.ts";
import { maskUrl } from "../config/url.ts";
import type { RevisionMap } from "../revision/revision_map.ts";
import { readVersions, versionTableName } from "../runtime/version_table.ts";
import { fileChecksum, readRevisionLog, type RevisionLogRow } from "../runtime/revision_log.ts";
import { appliedRevisions, loadRevisionMap, withConnection } from "./_project.ts";

/** One revision as `status` reports it. */
export interface StatusEntry {
  /** The revision id. */
  readonly revision: string;
  /** First line of its message; "" when it has none. */
  readonly message: string;
  /** Its down revisions (empty for a base). */
  readonly downRevisions: readonly string[];
  /** Path of the revision file. */
  readonly path: string;
}

/** What {@link status} found. */
export interface StatusResult {
  /** The database URL with its password masked. */
  readonly url: string;
  /** The version table rows, sorted; empty when the table is absent or empty. */
  readonly current: readonly string[];
  /** The heads of the script directory. */
  readonly heads: readonly string[];
  /** Revisions the database has: the rows and everything they descend from or depend on, oldest first. */
  readonly applied: readonly StatusEntry[];
  /** Revisions an `upgrade heads` would apply, oldest first (dependency order). */
  readonly pending: readonly StatusEntry[];
  /** Version rows that name no revision of the script directory. */
  readonly unknownVersions: readonly string[];
  /**
   * Applied revisions whose file changed after it ran: the sha256 the revision log recorded differs
   * from the file's now (a database without the log reports none).
   */
  readonly edited?: readonly {
    readonly revision: string;
    readonly path: string;
    readonly appliedAt: string;
  }[];
  /** Revisions the log says were applied (and not downgraded since) whose file is gone. */
  readonly missing?: readonly string[];
}

/**
 * Read the version table and split the revisions into applied and pending.
 *
 * @param config the resolved config; needs a config file and `url`
 * @returns applied and pending revisions, oldest first
 * @throws {ConfigError} when there is no config file or no URL
 * @throws {ConnectionError} when the database cannot be reached
 * @throws {RevisionFileError} / {RevisionError} when the revision files cannot be read
 */
export async function status(config: Config): Promise<StatusResult> {
  // Revisions first: a broken project fails before a connection is opened.
  const map = loadRevisionMap(config);
  const name = versionTableName(config);
  const [versions, log] = await withConnection(
    config,
    async (conn) => [await readVersions(conn, name), await readRevisionLog(conn, name)] as const,
  );
  const result = statusOf(map, versions, maskUrl(config.url ?? ""));
  return { ...result, ...logFindings(map, result, log) };
}

/**
 * What the revision log tells beyond the version table: applied revisions edited since they ran,
 * and applied revisions whose file is gone.
 *
 * @param map the script directory's revisions
 * @param result the status so far
 * @param log the log's rows, oldest first
 * @returns the edited and missing revisions
 */
export function logFindings(
  map: RevisionMap,
  result: StatusResult,
  log: readonly RevisionLogRow[],
): Pick<StatusResult, "edited" | "missing"> {
  // The last row of each revision says its state: applied up, or downgraded, or stamped.
  const last = new Map<string, RevisionLogRow>();
  for (const row of log) {
    if (row.status === "applied" || row.status === "stamped") last.set(row.revision, row);
  }
  const edited = result.applied.flatMap((e) => {
    const row = last.get(e.revision);
    if (!row || row.direction !== "up" || row.checksum === undefined) return [];
    const now = fileChecksum(e.path);
    return now !== undefined && now !== row.checksum
      ? [{ revision: e.revision, path: e.path, appliedAt: row.startedAt }]
      : [];
  });
  const missing = [...last.values()].filter((r) => r.direction === "up" && !map.has(r.revision)).map((r) =>
    r.revision
  );
  return { edited, missing };
}

/**
 * The pure part of {@link status}: split a map's revisions by the version rows.
 *
 * A revision is applied when a row is that revision or descends from it (following down revisions
 * and `dependsOn`, as Alembic's `get_all_current` does); every other revision is pending.
 *
 * @param map the revision graph
 * @param versions the version table rows
 * @param url the masked URL
 * @returns the status
 */
export function statusOf(map: RevisionMap, versions: readonly string[], url: string): StatusResult {
  const known = versions.filter((v) => map.has(v));
  const { applied } = appliedRevisions(map, known);
  // history() is newest first in topological order; reversed, it is an order an upgrade can follow.
  const ordered = [...map.history()].reverse();
  const entry = (id: string): StatusEntry => {
    const rev = map.get(id);
    return {
      revision: rev.revision,
      message: rev.message ?? "",
      downRevisions: [...rev.downRevisions],
      path: rev.path,
    };
  };
  return {
    url,
    current: [...versions].sort(),
    heads: [...map.heads],
    applied: ordered.filter((r) => applied.has(r.revision)).map((r) => entry(r.revision)),
    pending: ordered.filter((r) => !applied.has(r.revision)).map((r) => entry(r.revision)),
    unknownVersions: versions.filter((v) => !map.has(v)),
  };
}

/**
 * Print a status as dbmate does: `[X] id message` for applied revisions, `[ ] id message` for pending
 * ones, then the counts.
 *
 * @param result what {@link status} returned
 * @returns the text, ending with a newline
 */
export function formatStatus(result: StatusResult): string {
  const line = (mark: string, e: StatusEntry) => `[${mark}] ${e.revision}${e.message ? ` ${e.message}` : ""}`;
  const entries = [
    ...result.applied.map((e) => line("X", e)),
    ...result.pending.map((e) => line(" ", e)),
    ...result.unknownVersions.map((v) => `[?] ${v} (unknown revision: not in the script directory)`),
    ...(result.edited ?? []).map((e) =>
      `[!] ${e.revision} edited after it ran (applied ${e.appliedAt}; sha256 differs): ${e.path}`
    ),
    ...(result.missing ?? []).filter((m) => !result.unknownVersions.includes(m)).map((m) =>
      `[!] ${m} applied, but its revision file is gone`
    ),
  ];
  const lines = [
    ...entries,
    ...(entries.length > 0 ? [""] : []),
    `Applied: ${result.applied.length}`,
    `Pending: ${result.pending.length}`,
  ];
  return `${lines.join("\n")}\n`;
}
