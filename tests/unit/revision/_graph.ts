/** Inline revision graphs for the RevisionMap tests. */
import type { Revision } from "../../../lib/revision/revision.ts";

/**
 * One in-memory revision.
 *
 * @param revision the id
 * @param down down revisions
 * @param options branch labels and dependencies
 * @returns a Revision whose path is `/v/<id>.ts`
 */
export function rev(
  revision: string,
  down: string[] = [],
  options: { labels?: string[]; deps?: string[] } = {},
): Revision {
  return {
    revision,
    downRevisions: down,
    branchLabels: options.labels ?? [],
    dependsOn: options.deps ?? [],
    path: `/v/${revision}.ts`,
  };
}

/** Ids of revisions, for compact assertions. */
export function ids(revisions: readonly Revision[]): string[] {
  return revisions.map((r) => r.revision);
}
