/**
 * `--wait`: wait until the database accepts connections, for containers that start beside their
 * database (dbmate's `wait`, Flyway's `connectRetries`).
 *
 * @module
 */
import type { Config } from "../config/config.ts";
import { maskUrl } from "../config/url.ts";
import { ConnectionError } from "../errors.ts";
import { openConnection } from "./_project.ts";

/** Options of {@link waitForDatabase}. */
export interface WaitOptions {
  /** Give up after this many milliseconds; default 60,000. */
  readonly timeoutMs?: number;
  /** Pause between attempts in milliseconds; default 500. */
  readonly intervalMs?: number;
  /** Called after each failed attempt with the attempt number (1-based) and its error. */
  readonly onRetry?: (attempt: number, error: unknown) => void;
}

/** What {@link waitForDatabase} did. */
export interface WaitResult {
  /** Connection attempts made, the successful one included. */
  readonly attempts: number;
  /** Elapsed milliseconds until the database answered. */
  readonly ms: number;
}

/**
 * Try to connect until the database answers or the time is up. Only connection failures are
 * retried; a bad URL or a missing `url` fails at once.
 *
 * @param config the resolved config; needs `url`
 * @param options time-out, pause between attempts, retry callback
 * @returns attempts made and time taken
 * @throws {ConnectionError} `Cannot connect to URL within N s: last error` when the time is up
 * @throws {ConfigError} / {UrlError} when there is no usable URL
 */
export async function waitForDatabase(config: Config, options: WaitOptions = {}): Promise<WaitResult> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const intervalMs = options.intervalMs ?? 500;
  const started = performance.now();
  for (let attempt = 1;; attempt++) {
    try {
      const conn = await openConnection(config);
      await conn.close();
      return { attempts: attempt, ms: performance.now() - started };
    } catch (error) {
      if (!(error instanceof ConnectionError)) throw error;
      const elapsed = performance.now() - started;
      if (elapsed + intervalMs >= timeoutMs) {
        throw new ConnectionError(
          `Cannot connect to ${maskUrl(config.url ?? "")} within ${formatSeconds(timeoutMs)} s ` +
            `(${attempt} attempts): ${error.message}`,
          { cause: error },
        );
      }
      options.onRetry?.(attempt, error);
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return Number.isInteger(s) ? String(s) : s.toFixed(1);
}
