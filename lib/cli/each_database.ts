/**
 * Multidb configs (DESIGN.md section 6): one command run on each `[databases.NAME]` in turn.
 *
 * @module
 */
import type { Config } from "../config/config.ts";
import type { GlobalOptions } from "./global_options.ts";
import { loadConfigFor } from "./load_config_for.ts";
import { output, writeStdout } from "./output.ts";
import { waitFor } from "./wait_for.ts";

/**
 * What one database's run gives {@link eachDatabase} to print: `data` for `--json`, `human()` for
 * people; undefined when the run printed its result itself (offline SQL).
 */
export type DatabaseOutput = { data: object; human: () => string } | undefined;

/**
 * Runs a database command once, or, in a multidb config without `-n`, once per `[databases.NAME]` in
 * config order, and prints each result. `section(prefix)` prints which database the following output
 * belongs to (nothing for a single database, with `--json` or `--quiet`, or a second time); with
 * `--json` the results are collected into one `{ "databases": [...] }` document.
 *
 * @param g the global options
 * @param run the command for one database's config
 * @throws whatever loading a config or `run` throws; databases after a failing one are not run
 */
export async function eachDatabase(
  g: GlobalOptions,
  run: (config: Config, section: (prefix?: string) => void) => Promise<DatabaseOutput>,
): Promise<void> {
  // The top-level config is loaded without waiting: in a multidb config it has no URL of its own.
  const config = await loadConfigFor({ ...g, wait: false });
  if (g.name !== undefined || config.databaseNames.length === 0) {
    if (g.wait && config.url !== undefined) await waitFor(g, config);
    const out = await run(config, () => {});
    if (out) output(g, out.data, out.human);
    return;
  }
  const { maskUrl } = await import("../config/url.ts");
  const results: unknown[] = [];
  let first = true;
  for (const name of config.databaseNames) {
    const db = await loadConfigFor({ ...g, name });
    let printed = false;
    const section = (prefix = "") => {
      if (printed || g.json || g.quiet) return;
      printed = true;
      writeStdout(`${first ? "" : "\n"}${prefix}Database "${name}" (${maskUrl(db.url ?? "no url")}):\n`);
      first = false;
    };
    const out = await run(db, section);
    if (!out) continue;
    // With --json the results form one document, printed after the last database.
    if (g.json) results.push({ database: name, ...out.data });
    else output(g, out.data, out.human);
  }
  if (g.json && results.length > 0) writeStdout(`${JSON.stringify({ databases: results }, null, 2)}\n`);
}
