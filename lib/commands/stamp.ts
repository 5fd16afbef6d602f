/**
 * `migrate stamp REV...`: set the version table without running migrations (Alembic's `stamp`).
 *
 * @module
 */
import type { Config } from "../config/config.ts";
import { UsageError } from "../errors.ts";
import { loadRevisionMap, openConnection } from "./_project.ts";
import { type MigrationEvent, renderOffline, type RunResult, stampOnline } from "../runtime/migrator.ts";

/** Options of {@link stamp}. */
export interface StampOptions {
  /** Revision identifiers to stamp (`head`, `base`, ids, labels). */
  readonly revisions: readonly string[];
  /** Delete every version row first, whatever it holds (Alembic's `--purge`). */
  readonly purge?: boolean;
  /** Offline mode: return the SQL instead of running it. */
  readonly sql?: boolean;
  /** Gets `lock-wait` when another migrator holds the lock (a stamp runs no steps); unused with `sql`. */
  readonly onEvent?: (event: MigrationEvent) => void;
}

/**
 * Stamp the version table.
 *
 * @returns the heads before and after (online) or the SQL script (offline)
 * @throws {RevisionError} for identifiers that do not resolve
 */
export async function stamp(
  config: Config,
  options: StampOptions,
): Promise<(RunResult & { sql?: undefined }) | { sql: string }> {
  const map = loadRevisionMap(config);
  if (options.sql) {
    const { dialectName } = await import("./_dialect_of.ts");
    const { dialectFor } = await import("../dialects/registry.ts");
    const dialect = await dialectFor(dialectName(config));
    const { start, destinations } = splitStampRanges(options.revisions);
    const startHeads = start === undefined ? [] : map.startingHeads(start);
    const stampActions = map.stampPlan(startHeads, destinations, options.purge ?? false);
    return {
      sql: await renderOffline({
        config,
        dialect,
        steps: [],
        startHeads,
        stampActions,
        purge: options.purge,
      }),
    };
  }
  const connection = await openConnection(config);
  try {
    return await stampOnline({
      config,
      connection,
      purge: options.purge,
      actions: (heads) => map.stampPlan(heads, options.revisions, options.purge ?? false),
      onEvent: options.onEvent,
    });
  } finally {
    await connection.close();
  }
}

/**
 * Alembic's offline stamp ranges: `stamp --sql START:DEST ...` starts from START (one start for all
 * destinations); without a range the script starts from base.
 *
 * @throws {UsageError} when the destinations name different starting revisions
 */
function splitStampRanges(revisions: readonly string[]): { start?: string; destinations: string[] } {
  let start: string | undefined;
  const destinations = revisions.map((r) => {
    const at = r.indexOf(":");
    if (at < 0) return r;
    const from = r.slice(0, at);
    if (start !== undefined && start !== from) {
      throw new UsageError(
        `Cannot stamp ${
          revisions.map((x) => `"${x}"`).join(", ")
        } with --sql: only one starting revision at a time`,
      );
    }
    start = from;
    return r.slice(at + 1);
  });
  return { start: start === "" || start === "base" ? undefined : start, destinations };
}
