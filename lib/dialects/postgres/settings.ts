/**
 * What a `postgresql://` URL asks of a session, checked before the driver connects: user, target,
 * `sslmode`, connect time-out, `application_name`, and the remaining query options, which are sent
 * as run-time parameters.
 *
 * @module
 */
import process from "node:process";
import type { DatabaseUrl } from "../../config/url.ts";
import { UrlError } from "../../errors.ts";
import { type ConnectionTarget, urlSecrets } from "../_connection_error.ts";
import { replacePlaceholders } from "../_placeholders.ts";

/** Connect time-out when neither the URL's `connect_timeout` nor the caller sets one, in ms. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** libpq's `sslmode` values, in the order messages list them. */
export const SSL_MODE_NAMES = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"] as const;

/** One of libpq's `sslmode` values. */
export type SslMode = typeof SSL_MODE_NAMES[number];

/**
 * libpq connection keywords that are not server run-time parameters; sent as such they would fail
 * with "unrecognized configuration parameter", so they are refused up front with a clearer message.
 */
const LIBPQ_ONLY = new Set([
  "user",
  "password",
  "dbname",
  "port",
  "hostaddr",
  "passfile",
  "service",
  "channel_binding",
  "gssencmode",
  "requiressl",
  "sslcert",
  "sslkey",
  "sslpassword",
  "sslrootcert",
  "sslcrl",
  "sslcrldir",
  "sslsni",
  "sslcompression",
  "ssl_min_protocol_version",
  "ssl_max_protocol_version",
  "krbsrvname",
  "gsslib",
  "keepalives",
  "keepalives_idle",
  "keepalives_interval",
  "keepalives_count",
  "tcp_user_timeout",
  "target_session_attrs",
  "load_balance_hosts",
  "fallback_application_name",
]);

/** A session's settings, as {@link sessionSettings} derives them from a URL. */
export interface SessionSettings {
  /** Host, port and database as messages name them, and the secrets to keep out of them. */
  readonly target: ConnectionTarget;
  /** The login role: the URL's user, else `PGUSER`, else `postgres`. */
  readonly user: string;
  /**
   * The URL's password (percent-decoded), else `PGPASSWORD` as libpq reads it; undefined when neither
   * is set. An empty password in the URL stays empty: it does not fall back to `PGPASSWORD`.
   */
  readonly password: string | undefined;
  readonly sslmode: SslMode;
  /** How long to wait for the connection and login, in milliseconds. */
  readonly connectTimeoutMs: number;
  /** Sent as `application_name` (default `retort`, visible in `pg_stat_activity`). */
  readonly applicationName: string;
  /** The other query options (`options`, `search_path`, `TimeZone`, ...), sent as run-time parameters. */
  readonly parameters: Readonly<Record<string, string>>;
}

/**
 * Read a parsed `postgresql://` URL the way libpq does: user (default `PGUSER`, else `postgres`),
 * host (a path starting with `/` is a Unix socket directory; also the `host` query option; default
 * `localhost`), port (default 5432), database (default: the user name), and the query options
 * `sslmode` (default `disable`), `connect_timeout` (seconds; `0` waits a day), `application_name`.
 *
 * @param url the parsed URL
 * @param fallbackTimeoutMs the connect time-out when the URL sets none (default 10 s)
 * @returns the settings; never throws for a missing part
 * @throws {UrlError} for an unknown `sslmode`, a `connect_timeout` that is not a number of seconds,
 *   or a libpq-only option such as `sslrootcert`
 */
export function sessionSettings(url: DatabaseUrl, fallbackTimeoutMs?: number): SessionSettings {
  const opts: Record<string, string> = { ...url.options };
  const user = url.user || process.env.PGUSER || "postgres";
  const host = url.host || opts.host || "localhost";
  const port = url.port ?? 5432;
  delete opts.host;
  const sslmode = take(opts, "sslmode") ?? "disable";
  if (!(SSL_MODE_NAMES as readonly string[]).includes(sslmode)) {
    throw new UrlError(`Cannot use sslmode "${sslmode}": expected one of ${SSL_MODE_NAMES.join(", ")}`);
  }
  const connectTimeoutMs = connectTimeout(take(opts, "connect_timeout"), fallbackTimeoutMs);
  const applicationName = take(opts, "application_name") ?? "retort";
  for (const key of Object.keys(opts)) {
    if (LIBPQ_ONLY.has(key)) {
      throw new UrlError(
        `Cannot use URL option "${key}" with PostgreSQL: Retort's driver (postgres.js) does not support it`,
      );
    }
  }
  const password = url.password ?? process.env.PGPASSWORD;
  const secrets = urlSecrets(url);
  if (url.password === undefined && password) secrets.push(password);
  return {
    target: { product: "PostgreSQL", host, port, database: url.database || user, secrets },
    user,
    password,
    sslmode: sslmode as SslMode,
    connectTimeoutMs,
    applicationName,
    parameters: opts,
  };
}

/**
 * The statement with its `?` placeholders (outside literals, quoted names and comments) renumbered
 * to PostgreSQL's `$1..$n`.
 *
 * @param text one statement
 * @param count how many values are bound
 * @returns the statement as the server expects it
 * @throws {RangeError} when the statement has a different number of placeholders
 */
export function numberPlaceholders(text: string, count: number): string {
  return replacePlaceholders(text, "postgres", count, (i) => `$${i + 1}`);
}

/** Remove and return one option. */
function take(opts: Record<string, string>, key: string): string | undefined {
  const value = opts[key];
  delete opts[key];
  return value;
}

/** The connect time-out in milliseconds: URL `connect_timeout` (seconds), then the fallback, then 10 s. */
function connectTimeout(fromUrl: string | undefined, fallback: number | undefined): number {
  if (fromUrl !== undefined) {
    const seconds = Number(fromUrl);
    if (fromUrl.trim() === "" || !Number.isFinite(seconds) || seconds < 0) {
      throw new UrlError(`Cannot use connect_timeout "${fromUrl}": expected a number of seconds`);
    }
    // libpq treats 0 as "wait forever"; a day is forever enough and keeps the timer finite.
    return seconds === 0 ? 86_400_000 : seconds * 1000;
  }
  return fallback ?? DEFAULT_CONNECT_TIMEOUT_MS;
}
