/**
 * Shared plumbing of the commands: the revision map of a project, the revisions a database has
 * applied, and a database connection that is always closed.
 *
 * @module
 */
import type { Config } from "../config/config.ts";
import type { Connection } from "../dialects/dialect.ts";
import { parseUrl } from "../config/url.ts";
import { requireConfigFile } from "../config/find_config_file.ts";
import { requireUrl } from "../config/select_url.ts";
import { RevisionMap } from "../revision/revision_map.ts";
import { ScriptDirectory } from "../script/script_directory.ts";

/**
 * Read every revision header of the project and build its graph.
 *
 * @param config the resolved config
 * @returns the revision map (validated: no duplicates, missing down revisions or cycles)
 * @throws {ConfigError} when no config file was found (commands on revisions need one)
 * @throws {RevisionFileError} on a header that cannot be read
 * @throws {RevisionError} on a broken graph
 */
export function loadRevisionMap(config: Config): RevisionMap {
  requireConfigFile(config);
  return new RevisionMap(ScriptDirectory.fromConfig(config).loadRevisions());
}

/**
 * Open the configured database, run `fn`, and close the connection whatever happens.
 *
 * @param config needs `url` (from the file, `--url` or `DATABASE_URL`)
 * @param fn the work to do on the connection
 * @returns what `fn` returns
 * @throws {ConfigError} when no URL is configured
 * @throws {UrlError} when the URL cannot be parsed
 * @throws {ConnectionError} when the database cannot be reached
 */
export function withConnection<T>(config: Config, fn: (conn: Connection) => Promise<T>): Promise<T> {
  return useConnection(openConnection(config), fn);
}

/**
 * {@link withConnection} for a connection already being opened: waits for it, runs `fn`, and closes
 * it whatever happens.
 *
 * @param connecting the connection, as `openConnection` or a function of `connectionOpener` gives it
 * @param fn the work to do on the connection
 * @returns what `fn` returns
 * @throws what opening the connection or `fn` throws
 */
export async function useConnection<T>(
  connecting: Promise<Connection>,
  fn: (conn: Connection) => Promise<T>,
): Promise<T> {
  const conn = await connecting;
  try {
    return await fn(conn);
  } finally {
    await conn.close();
  }
}

/**
 * Open the configured database.
 *
 * @param config the resolved config; needs `url`
 * @returns an open connection; the caller closes it
 * @throws {ConfigError} when no URL is configured
 * @throws {ConnectionError} when the database cannot be reached
 */
export async function openConnection(config: Config): Promise<Connection> {
  return await (await connectionOpener(config))();
}

/**
 * {@link openConnection} in two steps: resolves, once the URL is checked and the dialect is loaded,
 * to a function that starts connecting when called. Lets a caller start a connection at a known
 * moment, e.g. before a long synchronous scan that yields now and then.
 *
 * @param config the resolved config; needs `url`
 * @returns a function that opens the connection
 * @throws {ConfigError} when no URL is configured
 * @throws {UrlError} when the URL is malformed
 */
export async function connectionOpener(config: Config): Promise<() => Promise<Connection>> {
  const url = parseUrl(requireUrl(config), config.root);
  const { dialectFor } = await import("../dialects/registry.ts");
  const dialect = await dialectFor(url.dialect);
  const connectOptions = { connectTimeoutMs: 10_000 };
  return () => dialect.connect(url, connectOptions);
}

/** What {@link appliedRevisions} found. */
export interface AppliedRevisions {
  /** The rows and all their ancestors, through down revisions and dependencies. */
  readonly applied: Set<string>;
  /** The members reached through a dependency (a branch head that is not a row can only be one of these). */
  readonly dependencyTargets: Set<string>;
}

/**
 * The revisions a database has applied: its version rows and everything they descend from,
 * following down revisions and normalized dependencies (Alembic's `_get_all_current` walk).
 *
 * Thousands of revisions go through here on every `current`: no spreading, and dependencies are
 * looked up only for revisions that declare some.
 *
 * @param map the revision graph
 * @param rows version rows the map knows
 * @returns the applied set, and which of its members were reached through a dependency
 * @throws {UnknownRevisionError} when a row is not in the map (callers pass only rows it has)
 */
export function appliedRevisions(map: RevisionMap, rows: readonly string[]): AppliedRevisions {
  const applied = new Set<string>();
  const dependencyTargets = new Set<string>();
  const todo = [...rows];
  while (todo.length > 0) {
    const id = todo.pop()!;
    if (applied.has(id)) continue;
    applied.add(id);
    const rev = map.get(id);
    const down = rev.downRevisions;
    for (let i = 0; i < down.length; i++) todo.push(down[i]);
    if (rev.dependsOn.length > 0) {
      for (const dep of map.normalizedDependencies(id)) {
        todo.push(dep);
        dependencyTargets.add(dep);
      }
    }
  }
  return { applied, dependencyTargets };
}
