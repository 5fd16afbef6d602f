/**
 * The scratch database of an offline (`--sql`) range, for dialects that plan from the schema
 * (SQLite's table rebuilds read the table they rebuild). It never reads the database at the
 * configured URL, so the script depends on the revisions alone: it starts empty, and for a range
 * that starts after base, the revisions up to the start are rendered into it first (their text
 * thrown away), which leaves it holding the schema those revisions make.
 *
 * @module
 */
import type { Config } from "../config/config.ts";
import type { Connection, Dialect } from "../dialects/dialect.ts";
import { errorMessage, RuntimeFailure } from "../errors.ts";
import type { RevisionMap } from "../revision/revision_map.ts";
import { renderOffline } from "../runtime/migrator.ts";

/**
 * Open the scratch database for an offline script starting at `startHeads`.
 *
 * @param options the config, the dialect, the revision map and the script's starting heads (one
 *   revision, or none for base)
 * @returns the scratch connection (the caller closes it), or undefined when the dialect plans
 *   without one. When the revisions before the start cannot be rendered offline (a TypeScript
 *   revision that queries data), the connection answers every read with a `RuntimeFailure` that
 *   says so: a range that needs no table rebuild still renders.
 */
export async function openOfflineScratch(options: {
  readonly config: Config;
  readonly dialect: Dialect;
  readonly map: RevisionMap;
  readonly startHeads: readonly string[];
}): Promise<Connection | undefined> {
  const { config, dialect, map, startHeads } = options;
  // No URL: the scratch database is never seeded from whatever file the URL names.
  const scratch = await dialect.openOfflineScratch?.(undefined, true);
  if (scratch === undefined || startHeads.length === 0) return scratch;
  const start = startHeads[0];
  try {
    await renderOffline({ config, dialect, steps: map.upgradePlan([], start), startHeads: [], scratch });
    return scratch;
  } catch (error) {
    return unreadable(
      scratch,
      `Cannot plan from the schema at revision ${start} offline: replaying the revisions up to it ` +
        `failed (${errorMessage(error)}); render the script from base ("base:END") or run it online`,
    );
  }
}

/** `scratch` with every read failing with `message` (writes are dropped: the schema is unknown). */
function unreadable(scratch: Connection, message: string): Connection {
  const fail = () => Promise.reject(new RuntimeFailure(message));
  return {
    dialect: scratch.dialect,
    query: fail,
    execute: () => Promise.resolve(0),
    executeScript: () => Promise.resolve(),
    begin: () => Promise.resolve(),
    commit: () => Promise.resolve(),
    rollback: () => Promise.resolve(),
    lock: () => Promise.resolve(true),
    unlock: () => Promise.resolve(),
    close: () => scratch.close(),
  };
}
