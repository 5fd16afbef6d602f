/**
 * Shared plumbing of the commands: the revision map of a project and a database connection that
 * is always closed.
 *
 * @module
 */
import type { Config } from "../config/config.ts";
import type { Connection } from "../dialects/dialect.ts";
import { parseUrl } from "../config/url.ts";
import { requireConfigFile, requireUrl } from "../config/load.ts";
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
export async function withConnection<T>(config: Config, fn: (conn: Connection) => Promise<T>): Promise<T> {
  const conn = await openConnection(config);
  try {
    return await fn(conn);
  } finally {
    await conn.close();
  }
}

/**
 * Open the configured database.
 *
 * @throws {ConfigError} when no URL is configured
 */
export async function openConnection(config: Config): Promise<Connection> {
  const url = parseUrl(requireUrl(config), config.root);
  const { dialectFor } = await import("../dialects/registry.ts");
  const dialect = await dialectFor(url.dialect);
  return await dialect.connect(url, { connectTimeoutMs: 10_000 });
}
