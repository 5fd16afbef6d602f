/**
 * `migrate upgrade TARGET` and `migrate downgrade TARGET`, online or offline (`--sql`), as Alembic's
 * commands of the same names.
 *
 * @module
 */
import type { Config } from "../config/config.ts";
import type { RevisionMap } from "../revision/revision_map.ts";
import { loadRevisionMap, openConnection } from "./_project.ts";
import { openOfflineScratch } from "./_offline_scratch.ts";
import { type MigrationEvent, renderOffline, runOnline, type RunResult } from "../runtime/migrator.ts";
import { UsageError } from "../errors.ts";
import type { Connection } from "../dialects/dialect.ts";
import { versionTableName } from "../runtime/version_table.ts";

/** Options of {@link upgrade} and {@link downgrade}. */
export interface MoveOptions {
  /** A revision identifier (DESIGN.md section 5); with `sql`, may be a `start:end` range. */
  readonly target: string;
  /** Offline mode: return the SQL script instead of running it. */
  readonly sql?: boolean;
  /** Progress callback for online runs. */
  readonly onEvent?: (event: MigrationEvent) => void;
  /** A revision map already loaded (for programs that run many commands). */
  readonly map?: RevisionMap;
}

/** Result of an online run ({@link RunResult}) or of an offline one (`{ sql }`). */
export type MoveResult = (RunResult & { readonly sql?: undefined }) | { readonly sql: string };

/**
 * Upgrade the database to `target` (Alembic's `upgrade`).
 *
 * @param config the resolved config
 * @param options target, offline mode, progress callback
 * @returns the steps applied (online) or the SQL script (offline)
 * @throws {RevisionError} for a target that does not resolve (unknown, ambiguous, several heads)
 * @throws {MigrationError} when a step fails (rolled back where the dialect allows)
 */
export function upgrade(config: Config, options: MoveOptions): Promise<MoveResult> {
  return move(config, options, "up");
}

/**
 * Downgrade the database to `target` (Alembic's `downgrade`); offline mode needs a `start:end` range.
 *
 * @param config the resolved config
 * @param options target, offline mode, progress callback
 * @returns the steps applied (online) or the SQL script (offline)
 * @throws {UsageError} for `--sql` without a range
 * @throws {RevisionError} for a target that is not below the current heads
 * @throws {MigrationError} when a step fails
 */
export function downgrade(config: Config, options: MoveOptions): Promise<MoveResult> {
  return move(config, options, "down");
}

async function move(config: Config, options: MoveOptions, direction: "up" | "down"): Promise<MoveResult> {
  const map = options.map ?? loadRevisionMap(config);
  const plan = (heads: readonly string[], target: string) =>
    direction === "up" ? map.upgradePlan(heads, target) : map.downgradePlan(heads, target);
  if (options.sql) {
    const { start, end } = splitRange(options.target, direction);
    const { dialectName } = await import("./_dialect_of.ts");
    const { dialectFor } = await import("../dialects/registry.ts");
    const dialect = await dialectFor(dialectName(config));
    // Alembic's offline ranges: without a start, an upgrade starts from base.
    const startHeads = start === undefined ? [] : map.startingHeads(start);
    const steps = start === undefined ? plan([], end) : map.planRange(start, end, direction);
    // A dialect that plans from the schema (SQLite's table rebuilds) reads a scratch database that
    // mirrors the script, holding the schema the revisions before the range make.
    const scratch = await openOfflineScratch({ config, dialect, map, startHeads });
    try {
      return { sql: await renderOffline({ config, dialect, steps, startHeads, scratch }) };
    } finally {
      await scratch?.close();
    }
  }
  if (options.target.includes(":")) {
    throw new UsageError(
      `Cannot ${
        direction === "up" ? "upgrade" : "downgrade"
      } to "${options.target}": a start:end range is only ` +
        `accepted with --sql`,
    );
  }
  const connection = await openConnection(config);
  try {
    // Alembic walks `downgrade -N` from the first version row in the order the database returns them,
    // and the runner hands its rows over sorted: read that order first (rows written since come last).
    // No other target depends on the order of the rows (scripts/alembic_walk_check.ts --sorted).
    const relativeToRows = direction === "down" && /^\s*-\d/.test(options.target);
    const order = relativeToRows ? await rowOrder(connection, config) : [];
    return await runOnline({
      config,
      connection,
      plan: (heads) => plan(inRowOrder(heads, order), options.target),
      onEvent: options.onEvent,
    });
  } finally {
    await connection.close();
  }
}

/**
 * The version rows in the order the database returns them to Alembic's own query (no ORDER BY); empty
 * when they cannot be read (no table yet: the runner reports real failures when it reads them).
 */
async function rowOrder(connection: Connection, config: Config): Promise<string[]> {
  try {
    const rows = await connection.query(connection.dialect.versionTable.select(versionTableName(config)));
    return rows.map((r) => String(r.version_num));
  } catch {
    return [];
  }
}

/**
 * `heads` in the order of `order`; heads missing from it (written after it was read) follow, as given.
 *
 * @param heads the rows the runner read
 * @param order the rows in the database's order
 * @returns the same rows, reordered
 */
export function inRowOrder(heads: readonly string[], order: readonly string[]): string[] {
  const position = (r: string) => {
    const i = order.indexOf(r);
    return i < 0 ? order.length : i;
  };
  return [...heads].sort((a, b) => position(a) - position(b));
}

/**
 * Split an offline target into start and end (Alembic: `upgrade [start:]end --sql`, `downgrade start:end --sql`).
 *
 * @throws {UsageError} when a downgrade has no start
 */
function splitRange(target: string, direction: "up" | "down"): { start?: string; end: string } {
  const at = target.indexOf(":");
  if (at < 0) {
    if (direction === "down") {
      throw new UsageError(
        `Cannot downgrade to "${target}" with --sql: offline downgrade needs a range <fromrev>:<torev>, ` +
          `e.g. "head:${target}"`,
      );
    }
    return { end: target };
  }
  const start = target.slice(0, at);
  const end = target.slice(at + 1);
  if (!end) throw new UsageError(`Cannot use range "${target}": it has no end revision`);
  return { start: start === "" || start === "base" ? undefined : start, end };
}
