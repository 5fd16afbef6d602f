/**
 * A revision as its file header declares it (DESIGN.md section 4), and the steps of a plan.
 *
 * @module
 */

/** One revision: the four header values plus where the file is. */
export interface Revision {
  /** The revision id (`[A-Za-z0-9_]{1,32}`). */
  readonly revision: string;
  /** Down revisions: empty for a base, two or more for a merge point. */
  readonly downRevisions: readonly string[];
  /**
   * Branch labels declared in the header (Alembic's `branch_labels`), unique across the project;
   * targets such as `label@head` name the branch through them. Empty when none.
   */
  readonly branchLabels: readonly string[];
  /** Revisions this one depends on without descending from them (Alembic's `depends_on`). */
  readonly dependsOn: readonly string[];
  /** Absolute path of the revision file ("" for revisions built in memory). */
  readonly path: string;
  /** First line of the docstring / `message`, if any. */
  readonly message?: string;
  /** `Create Date` from the header, if any. */
  readonly createDate?: string;
}

/**
 * A change to the version table rows, as Alembic's `HeadMaintainer` makes them:
 * insert a head, delete one, or move one row from one revision to another.
 */
export type VersionAction =
  | { readonly kind: "insert"; readonly version: string }
  | { readonly kind: "delete"; readonly version: string }
  | { readonly kind: "update"; readonly from: string; readonly to: string };

/** One step of an upgrade or downgrade plan: run `revision` in `direction`, then apply `versionActions`. */
export interface PlanStep {
  /** The revision to run. */
  readonly revision: Revision;
  /** `up` runs its `upgrade`, `down` its `downgrade`. */
  readonly direction: "up" | "down";
  /** Version table changes that record this step, in order. */
  readonly versionActions: readonly VersionAction[];
}
