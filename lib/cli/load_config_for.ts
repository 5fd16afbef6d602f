/**
 * The config a command runs with: the config file and environment as the global options select
 * them, with the command-line overrides applied.
 *
 * @module
 */
import process from "node:process";
import type { Config } from "../config/config.ts";
import { UsageError } from "../errors.ts";
import { type GlobalOptions, seconds } from "./global_options.ts";
import { waitFor } from "./wait_for.ts";

/**
 * Loads the config for `g` (`-c`, `-e`, `-n`, `--url`, `-x`, then `MIGRATE_ENV` and `DATABASE_URL`
 * from the environment), applies `--lock-timeout` and `--statement-timeout`, and with `--wait`
 * waits for the database before returning.
 *
 * @param g the global options
 * @returns the resolved config
 * @throws {UsageError} when a `-x` is not `KEY=VALUE` or a timeout is not a number of seconds
 * @throws {ConfigError} / {UrlError} when the config cannot be loaded (`loadConfig`)
 * @throws {ConnectionError} when `--wait` times out
 */
export async function loadConfigFor(g: GlobalOptions): Promise<Config> {
  // Imported here so that `--version` and Commander's own errors never load the config code.
  const { loadConfig } = await import("../config/load.ts");
  const x: Record<string, string> = {};
  for (const pair of g.x) {
    const at = pair.indexOf("=");
    if (at <= 0) throw new UsageError(`Cannot read -x "${pair}": expected KEY=VALUE`);
    x[pair.slice(0, at)] = pair.slice(at + 1);
  }
  const config = await loadConfig({
    cwd: process.cwd(),
    configPath: g.config,
    url: g.url,
    env: g.env,
    name: g.name,
    x,
    environ: process.env,
  });
  let resolved: Config = config;
  if (g.lockTimeout !== undefined) {
    resolved = { ...resolved, lockTimeoutMs: seconds("--lock-timeout", g.lockTimeout, 0) * 1000 };
  }
  if (g.statementTimeout !== undefined) {
    const ms = seconds("--statement-timeout", g.statementTimeout, Number.MIN_VALUE) * 1000;
    resolved = { ...resolved, statementTimeoutMs: ms };
  }
  if (g.wait && resolved.url !== undefined) await waitFor(g, resolved);
  return resolved;
}
