/**
 * `migrate stamp REV...`: set the version table without running migrations (Alembic's `stamp`).
 *
 * @module
 */
import type { Config } from "../config/config.ts";
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
    const stampActions = map.stampPlan([], options.revisions, true);
    return {
      sql: await renderOffline({
        config,
        dialect,
        steps: [],
        startHeads: [],
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
