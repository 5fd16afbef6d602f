/**
 * The shared part of the scripting examples: load this folder's config with another database URL,
 * upgrade to head while printing each revision as it finishes, and return the typed result.
 * Runs unchanged on Deno and Bun (only `mod.ts` and `node:` modules).
 *
 * @module
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { current, loadConfig, type MigrationEvent, type RunResult, upgrade } from "../../mod.ts";

/** What {@link upgradeToHead} reports: the run and the version rows read back afterwards. */
export interface UpgradeReport {
  readonly run: RunResult;
  readonly versions: readonly string[];
  /** One line per finished revision, as printed. */
  readonly log: readonly string[];
}

/**
 * Upgrade the SQLite database at `file` to head with this folder's revisions.
 *
 * @param file path of the SQLite database (created when missing)
 * @param runtime shown in the progress lines
 * @returns the run's steps, heads before and after, and the rows read back
 * @throws {MigrationError} when a revision fails
 */
export async function upgradeToHead(file: string, runtime: string): Promise<UpgradeReport> {
  const here = dirname(fileURLToPath(import.meta.url));
  const config = await loadConfig({ cwd: here, url: `sqlite:///${resolve(file)}` });
  const log: string[] = [];
  const onEvent = (event: MigrationEvent) => {
    if (event.type !== "step-done") return;
    const line = `[${runtime}] applied ${event.step.revision.revision} (${event.step.revision.message}) ` +
      `in ${event.ms.toFixed(1)} ms`;
    log.push(line);
    console.log(line);
  };
  const result = await upgrade(config, { target: "head", onEvent });
  // `sql` is set only in offline mode; narrowing on it gives the online RunResult type.
  if (result.sql !== undefined) throw new Error("Cannot happen: an online upgrade returned SQL");
  const { versions } = await current(config);
  return { run: result, versions, log };
}
