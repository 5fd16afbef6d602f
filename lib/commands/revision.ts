/**
 * `migrate revision` and `migrate merge`: write new revision files (Alembic's commands of the same
 * names, and its `ScriptDirectory.generate_revision` rules for `--head`, `--splice` and labels).
 *
 * @module
 */
import type { Config } from "../config/config.ts";
import type { Revision } from "../revision/revision.ts";
import { loadRevisionMap } from "./_project.ts";
import {
  generateRevision,
  type GenerateRevisionOptions,
  runPostWriteHooks,
} from "../script/revision_writer.ts";
import { RevisionError, UsageError } from "../errors.ts";

/** Options of {@link revision}. */
export interface RevisionOptions {
  /** The `-m` message: the docstring's first line and the file name's slug (CLI default `empty message`). */
  readonly message: string;
  /** Write a `.sql` revision instead of TypeScript. */
  readonly sqlFile?: boolean;
  /** The revision to build on: `head` (default), `base` for a new root, a revision or `label@head`. */
  readonly head?: string;
  /** Allow `head` to be a revision that is not a head (starts a new branch from it). */
  readonly splice?: boolean;
  /** `--branch-label`: labels of the new revision (Alembic's `branch_labels`); each must be unused. */
  readonly branchLabels?: readonly string[];
  /** Versions directory to write into (must be one of `version_locations`). */
  readonly versionPath?: string;
  /** `--rev-id`: the new revision's id, `[A-Za-z0-9_]{1,32}` and not taken; default 12 random hex digits. */
  readonly revId?: string;
  /**
   * `--depends-on` (Alembic's `depends_on`): revisions, partial ids or branch labels, written to the
   * file as the full revision ids they resolve to.
   */
  readonly dependsOn?: readonly string[];
  /** Bodies of the generated functions (autogenerate fills these). */
  readonly upgradeBody?: string;
  /** Statements of `downgrade()`, as `upgradeBody`; default a placeholder comment. */
  readonly downgradeBody?: string;
}

/** The file written. */
export interface RevisionResult {
  /** Absolute path of the new revision file. */
  readonly path: string;
  /** The revision as the written file's header declares it. */
  readonly revision: Revision;
}

/**
 * Create a revision file.
 *
 * @returns the path and header of the new file
 * @throws {RevisionError} when `head` is ambiguous (several heads: merge first or name one), not a head
 *   without `splice`, or a branch label is already taken
 */
export function revision(config: Config, options: RevisionOptions): RevisionResult {
  const map = loadRevisionMap(config);
  const head = options.head ?? "head";
  let downRevisions: string[];
  if (head === "base") {
    downRevisions = [];
  } else if (head === "head" && map.heads.length > 1) {
    throw new RevisionError(
      `Cannot create a revision on "head": multiple heads are present (${map.heads.join(", ")}); ` +
        `specify the head to build on with --head, or run "migrate merge heads"`,
    );
  } else {
    const resolved = map.resolve(head);
    for (const r of resolved) {
      if (!map.heads.includes(r.revision) && !options.splice) {
        throw new RevisionError(
          `Cannot create a revision on ${r.revision}: it is not a head revision; pass --splice to start a new ` +
            `branch from it`,
        );
      }
    }
    downRevisions = resolved.map((r) => r.revision);
  }
  const labels = options.branchLabels ?? [];
  for (const label of labels) {
    const owner = map.all().find((r) => r.branchLabels.includes(label));
    if (owner) {
      throw new RevisionError(
        `Cannot use branch label "${label}": revision ${owner.revision} already has it`,
      );
    }
  }
  // Alembic keeps a branch label written in depends_on as is; we store resolved revision ids so the
  // file says exactly which revision it needs (a label would move with its branch).
  const dependsOn = (options.dependsOn ?? []).flatMap((d) => map.resolve(d).map((r) => r.revision));
  if (options.revId !== undefined && map.has(options.revId)) {
    throw new RevisionError(`Cannot use revision id "${options.revId}": it is already taken`);
  }
  return write(config, {
    message: options.message,
    revId: options.revId,
    downRevisions,
    branchLabels: [...labels],
    dependsOn,
    versionPath: options.versionPath,
    sqlFile: options.sqlFile,
    upgradeBody: options.upgradeBody,
    downgradeBody: options.downgradeBody,
  });
}

/** Options of {@link merge}. */
export interface MergeOptions {
  /** Revisions to merge (`heads` for all of them). */
  readonly revisions: readonly string[];
  /** The merge revision's message; default `merge`. */
  readonly message?: string;
  /** Branch labels of the merge revision (Alembic's `branch_labels`). */
  readonly branchLabels?: readonly string[];
  /** `--rev-id`: the merge revision's id (`[A-Za-z0-9_]{1,32}`); default 12 random hex digits. */
  readonly revId?: string;
  /** Write a `.sql` revision; default from the config's `revision_format`. */
  readonly sqlFile?: boolean;
}

/**
 * Create a merge revision whose down revisions are the given revisions (Alembic's `merge`).
 *
 * @throws {UsageError} when fewer than two distinct revisions are named
 */
export function merge(config: Config, options: MergeOptions): RevisionResult {
  const map = loadRevisionMap(config);
  const ids = [...new Set(options.revisions.flatMap((r) => map.resolve(r).map((x) => x.revision)))];
  if (ids.length < 2) {
    throw new UsageError(
      `Cannot merge ${options.revisions.map((r) => `"${r}"`).join(", ")}: it resolves to ${
        ids.length === 1 ? `only ${ids[0]}` : "nothing"
      }; a merge needs two or more revisions`,
    );
  }
  return write(config, {
    message: options.message ?? "merge",
    revId: options.revId,
    downRevisions: ids,
    branchLabels: [...(options.branchLabels ?? [])],
    dependsOn: [],
    sqlFile: options.sqlFile,
  });
}

function write(config: Config, opts: GenerateRevisionOptions): RevisionResult {
  const out = generateRevision(config, opts);
  runPostWriteHooks(config, out.path);
  return out;
}
