/**
 * `--wait`: hold a command until its database accepts connections.
 *
 * @module
 */
import process from "node:process";
import type { Config } from "../config/config.ts";
import { type GlobalOptions, seconds } from "./global_options.ts";

/**
 * Retries connecting until the database answers or `--wait-timeout` (default 60 s) passes, telling
 * stderr once, at the first retry, what it waits for (not with `--quiet` or `--json`).
 *
 * @param g the global options (`waitTimeout`, `quiet`, `json`)
 * @param config the resolved config whose `url` to reach
 * @throws {UsageError} when `--wait-timeout` is not a number of seconds
 * @throws {ConnectionError} when the database does not answer within the timeout (`waitForDatabase`)
 * @throws {ConfigError} when the config has no usable URL
 */
export async function waitFor(g: GlobalOptions, config: Config): Promise<void> {
  const { waitForDatabase } = await import("../commands/wait.ts");
  const { maskUrl } = await import("../config/url.ts");
  const timeoutMs = g.waitTimeout === undefined ? 60_000 : seconds("--wait-timeout", g.waitTimeout, 0) * 1000;
  await waitForDatabase(config, {
    timeoutMs,
    onRetry: (attempt) => {
      if (attempt === 1 && !g.quiet && !g.json) {
        process.stderr.write(
          `Waiting for ${maskUrl(config.url ?? "")} to accept connections (up to ${timeoutMs / 1000} s)...\n`,
        );
      }
    },
  });
}
