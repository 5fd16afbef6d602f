/**
 * How the read commands (`current`, `heads`, `branches`, `history`, `show`) describe a revision: the
 * JSON-friendly {@link RevisionInfo} record, and its two human forms taken from Alembic 1.8's
 * `Script.log_entry` (the verbose block) and `Script._head_only` (the one-line form).
 *
 * Deliberate differences from Alembic, because Retort reads headers instead of importing modules:
 * - the verbose block's indented text is rebuilt from the header (message, `Revision ID`, `Revises`,
 *   `Create Date`), which is what Alembic's and Retort's templates write; further docstring paragraphs
 *   a user added by hand are not shown;
 * - lists Alembic keeps in Python sets (branch labels, `Branches into`) are printed in a fixed order:
 *   declared labels first, then inherited ones in propagation order; children in script-directory order.
 *
 * @module
 */
import type { Revision } from "../revision/revision.ts";
import type { RevisionMap } from "../revision/revision_map.ts";

/**
 * One revision as the read commands report it; plain data, printed as is by `--json`. The header's
 * `revision`, `downRevisions`, `dependsOn`, `path` and `createDate` are the {@link Revision}'s own;
 * the rest is its place in the graph.
 */
export interface RevisionInfo
  extends Pick<Revision, "revision" | "downRevisions" | "dependsOn" | "path" | "createDate"> {
  /**
   * Branch labels after Alembic's propagation (a label also covers the labelled revision's descendants
   * and the unbranched line below it): declared labels first.
   */
  readonly branchLabels: readonly string[];
  /** First line of the revision's docstring / `message`; "" when there is none. */
  readonly message: string;
  /** Revisions naming this one as a down revision (Alembic's `nextrev`), in script-directory order. */
  readonly nextRevisions: readonly string[];
  /** No revision names it as a down revision (Alembic's `is_head`). */
  readonly isHead: boolean;
  /**
   * A head that other revisions depend on (`dependsOn`), so not a head once dependencies count
   * (Alembic's "effective head": `is_head and not _is_real_head`).
   */
  readonly isEffectiveHead: boolean;
  /** Two or more revisions name it as a down revision. */
  readonly isBranchPoint: boolean;
  /** It has two or more down revisions. */
  readonly isMergePoint: boolean;
  /** Whether the database's version table holds it; present only when the command read the database. */
  readonly isCurrent?: boolean;
}

/** Options of the `format*` functions of the read commands. */
export interface FormatOptions {
  /** Print Alembic's full entries (`Rev: ...`) instead of one line per revision. */
  readonly verbose?: boolean;
}

/** What {@link formatRevisionLine} includes, named after Alembic's `_head_only` arguments. */
export interface RevisionLineOptions {
  /** Prefix `down (dependencies) -> `. */
  readonly parents?: boolean;
  /** Append ` (label, ...)`. */
  readonly labels?: boolean;
  /** Append ` (branchpoint)` / ` (mergepoint)`; default true. */
  readonly treeIndicators?: boolean;
  /** Append `, message`. */
  readonly doc?: boolean;
}

/**
 * Describe one revision of a map.
 *
 * @param map the revision graph
 * @param id a full revision id
 * @param currentHeads when given, the version table rows: sets {@link RevisionInfo.isCurrent}
 * @returns the revision's data and its place in the graph
 * @throws {UnknownRevisionError} when `id` is not a revision of `map`
 */
export function describeRevision(
  map: RevisionMap,
  id: string,
  currentHeads?: readonly string[],
): RevisionInfo {
  const rev = map.get(id);
  const isHead = map.heads.includes(id);
  const declared = rev.branchLabels;
  const labels = [...declared, ...[...map.branchLabels(id)].filter((l) => !declared.includes(l))];
  const info: RevisionInfo = {
    revision: rev.revision,
    downRevisions: [...rev.downRevisions],
    dependsOn: [...rev.dependsOn],
    branchLabels: labels,
    message: rev.message ?? "",
    ...(rev.createDate === undefined ? {} : { createDate: rev.createDate }),
    path: rev.path,
    nextRevisions: [...map.children(id)],
    isHead,
    isEffectiveHead: isHead && !map.realHeads.includes(id),
    isBranchPoint: map.isBranchPoint(id),
    isMergePoint: map.isMergePoint(id),
  };
  return currentHeads === undefined ? info : { ...info, isCurrent: currentHeads.includes(id) };
}

/**
 * The down revisions as Alembic prints them: `<base>` for none, else comma-separated.
 *
 * @param info the revision
 */
export function formatDownRevisions(info: RevisionInfo): string {
  return info.downRevisions.length === 0 ? "<base>" : info.downRevisions.join(", ");
}

/**
 * The verbose block of one revision, as Alembic's `Script.log_entry`:
 *
 * ```text
 * Rev: 1975ea83b712 (branchpoint)
 * Parent: 27c6a30d7c24
 * Branches into: 3b9f5d1c2e4a, ae1027a6acf1
 * Path: /p/migrations/versions/1975ea83b712_create_account_table.ts
 *
 *     create account table
 *
 *     Revision ID: 1975ea83b712
 *     Revises: 27c6a30d7c24
 *     Create Date: 2026-11-21 10:02:03
 * ```
 *
 * Blank lines inside the indented text hold four spaces, as in Alembic.
 *
 * @param info the revision
 * @returns the block, ending with a newline
 */
export function formatLogEntry(info: RevisionInfo): string {
  let entry = `Rev: ${info.revision}${info.isHead ? " (head)" : ""}${
    info.isBranchPoint ? " (branchpoint)" : ""
  }${info.isMergePoint ? " (mergepoint)" : ""}${info.isCurrent ? " (current)" : ""}\n`;
  entry += `${info.isMergePoint ? "Merges" : "Parent"}: ${formatDownRevisions(info)}\n`;
  if (info.dependsOn.length > 0) entry += `Also depends on: ${info.dependsOn.join(", ")}\n`;
  if (info.isBranchPoint) entry += `Branches into: ${info.nextRevisions.join(", ")}\n`;
  if (info.branchLabels.length > 0) entry += `Branch names: ${info.branchLabels.join(", ")}\n`;
  entry += `Path: ${info.path}\n`;
  entry += `\n${longDoc(info).split("\n").map((line) => `    ${line}`).join("\n")}\n`;
  return entry;
}

/**
 * One revision on one line, as Alembic's `Script._head_only`, e.g.
 * `27c6a30d7c24 -> 1975ea83b712 (head), create account table` (with `parents`, `labels`, `doc`) or
 * `<base> (lib) -> 3d4e5f6a7b8c (head), create reports` for a base depending on the label `lib`.
 *
 * @param info the revision
 * @param options which parts to include
 * @returns the line, without a newline
 */
export function formatRevisionLine(info: RevisionInfo, options: RevisionLineOptions = {}): string {
  let text = info.revision;
  if (options.parents) {
    const deps = info.dependsOn.length > 0 ? ` (${info.dependsOn.join(", ")})` : "";
    text = `${formatDownRevisions(info)}${deps} -> ${text}`;
  }
  if (options.labels && info.branchLabels.length > 0) text += ` (${info.branchLabels.join(", ")})`;
  if (info.isHead) text += info.isEffectiveHead ? " (effective head)" : " (head)";
  if (info.isCurrent) text += " (current)";
  if (options.treeIndicators ?? true) {
    if (info.isBranchPoint) text += " (branchpoint)";
    if (info.isMergePoint) text += " (mergepoint)";
  }
  if (options.doc) text += `, ${info.message}`;
  return text;
}

/**
 * Print a list of revisions the way Alembic's commands print them, one `print` per revision: each
 * verbose entry is followed by an empty line, each short line by a newline.
 *
 * @param infos the revisions, in print order
 * @param verbose full entries instead of lines
 * @param line the one-line form used when not verbose
 * @returns the text, ending with a newline, or "" for no revisions
 */
export function formatRevisionList(
  infos: readonly RevisionInfo[],
  verbose: boolean,
  line: (info: RevisionInfo) => string,
): string {
  return infos.map((info) => `${verbose ? formatLogEntry(info) : line(info)}\n`).join("");
}

/**
 * Print the revisions of a read command (`current`, `heads`, `history`) as Alembic does: full
 * entries with `verbose`, else one {@link formatRevisionLine} per revision with the command's parts.
 *
 * @param infos the revisions, in print order
 * @param options `verbose`: full entries
 * @param line which parts each one-line form includes
 * @returns the text, ending with a newline, or "" for no revisions
 */
export function formatRevisions(
  infos: readonly RevisionInfo[],
  options: FormatOptions,
  line: RevisionLineOptions = {},
): string {
  return formatRevisionList(infos, options.verbose ?? false, (info) => formatRevisionLine(info, line));
}

/** The docstring body as Retort's and Alembic's templates write it, rebuilt from the header data. */
function longDoc(info: RevisionInfo): string {
  const lines = [
    info.message,
    "",
    `Revision ID: ${info.revision}`,
    `Revises: ${info.downRevisions.join(", ")}`,
  ];
  if (info.createDate !== undefined) lines.push(`Create Date: ${info.createDate}`);
  return lines.join("\n");
}
