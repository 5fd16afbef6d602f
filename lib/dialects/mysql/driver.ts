/**
 * The MySQL/MariaDB driver: one mysql2 connection, `?` placeholders bound as escaped literals,
 * multi-statement scripts, plain `BEGIN`/`COMMIT` transactions and a `GET_LOCK` named lock.
 *
 * @module
 */
import mysql from "mysql2/promise";
import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";
import type { Connection, ConnectOptions, Dialect, Row } from "../dialect.ts";
import { transactionStatements } from "../_transaction_statements.ts";
import type { DatabaseUrl } from "../../config/url.ts";
import type { SqlValue } from "../../operations/types.ts";
import {
  connectionFailure,
  connectionGone,
  connectionSilent,
  type ConnectionTarget,
  improveDbErrorMessage,
  urlSecrets,
} from "../_connection_error.ts";
import { createLivenessGuard, LIVENESS_PROBE_TIMEOUT_MS, type LivenessVerdict } from "../_liveness.ts";
import { replacePlaceholders } from "../_placeholders.ts";
import { ConnectionError, UrlError } from "../../errors.ts";

/** Connect time-out when neither the URL's `connect_timeout` nor {@link ConnectOptions} sets one. */
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** MySQL's limit on user-level lock names, in characters. */
const MAX_LOCK_NAME = 64;

/** MySQL's `--ssl-mode` values (any case) and the mysql2 `ssl` option for each. */
const SSL_MODES: Record<string, mysql.ConnectionOptions["ssl"] | undefined> = {
  "disabled": undefined,
  // mysql2 cannot fall back to plain text, so "preferred" means no TLS (MySQL's default over TCP
  // tries TLS first; say `required` to insist on it).
  "preferred": undefined,
  "required": { rejectUnauthorized: false },
  "verify_ca": { rejectUnauthorized: true, verifyIdentity: false },
  "verify_identity": { rejectUnauthorized: true, verifyIdentity: true },
};

/**
 * Open one MySQL or MariaDB connection.
 *
 * The URL gives user (default `root`), password, host (default `localhost`), port (default 3306)
 * and database. Query options: `connect_timeout` (seconds; else `options.connectTimeoutMs`, else
 * 10 s), `ssl_mode`/`ssl-mode` (`DISABLED`, `PREFERRED` (no TLS: mysql2 cannot fall back),
 * `REQUIRED`, `VERIFY_CA`, `VERIFY_IDENTITY`), `ssl=true` (same as `VERIFY_IDENTITY`) and `charset`
 * (a charset or collation, default `utf8mb4`).
 *
 * Rows: `DATE`/`DATETIME`/`TIMESTAMP` come back as the server's text (no time-zone shift),
 * `BIGINT` as a number when it is exact, else a string, `DECIMAL` as a string. `Date` parameters
 * are written in UTC. Scripts may hold several statements (`multipleStatements`), but not the
 * mysql client's `DELIMITER` command.
 *
 * The connection never reconnects: once it is lost, every call throws a {@link ConnectionError}.
 * A call left unanswered is checked from a second connection (`_liveness.ts`): when the server is
 * idle for this session, lost it or cannot be reached, the connection is destroyed and the call
 * fails within about 35 s (a session found idle is also ended on the server with `KILL`, which frees its lock
 * at once); TCP keepalive (10 s idle) covers a peer that vanished between calls.
 *
 * @param url the parsed `mysql://` URL
 * @param dialect stored as `connection.dialect`
 * @param options `connectTimeoutMs`
 * @returns an open connection
 * @throws {ConnectionError} when the server cannot be reached or refuses the login; one line naming
 *   host, port and database (`Cannot connect to MySQL at 127.0.0.1:3306 database "nope": Unknown
 *   database 'nope'`), never the password, also not in `cause`
 * @throws {UrlError} for an unknown `ssl_mode` or a non-numeric `connect_timeout`
 */
export async function connectMysql(
  url: DatabaseUrl,
  dialect: Dialect,
  options: ConnectOptions = {},
): Promise<Connection> {
  const opts = url.options;
  const target: ConnectionTarget = {
    product: "MySQL",
    host: url.host || "localhost",
    port: url.port ?? 3306,
    database: url.database ?? "",
    secrets: urlSecrets(url),
  };
  const timeoutMs = connectTimeout(opts.connect_timeout, options.connectTimeoutMs);
  const ssl = sslOption(opts);

  const clientOptions: mysql.ConnectionOptions = {
    host: target.host,
    port: target.port,
    user: url.user || "root",
    password: url.password,
    database: url.database || undefined,
    connectTimeout: timeoutMs,
    multipleStatements: true,
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: false,
    timezone: "Z",
    charset: opts.charset || "utf8mb4",
    ssl,
    // Seconds of silence before the kernel starts probing the peer.
    enableKeepAlive: true,
    keepAliveInitialDelay: 10_000,
  };
  let conn: mysql.Connection;
  try {
    conn = await mysql.createConnection(clientOptions);
  } catch (err) {
    throw connectionFailure(target, err, timeoutMs);
  }

  let lost = false;
  let closed = false;
  // Without a listener, a dropped connection's "error" event would crash the process.
  conn.on("error", () => {
    if (!closed) lost = true;
  });
  conn.on("end", () => {
    if (!closed) lost = true;
  });

  const threadId = conn.threadId;
  /** What a second connection sees of this session: is the server running a request of it? */
  async function probe(): Promise<LivenessVerdict> {
    const other = await mysql.createConnection({
      ...clientOptions,
      connectTimeout: LIVENESS_PROBE_TIMEOUT_MS,
      enableKeepAlive: false,
    });
    try {
      const [rows] = await other.query(
        "SELECT COMMAND AS command FROM information_schema.PROCESSLIST WHERE ID = ?",
        [threadId],
      );
      const row = (rows as { command?: string }[])[0];
      if (!row) return "gone";
      return row.command === "Query" || row.command === "Execute" ? "busy" : "idle";
    } finally {
      other.destroy();
    }
  }

  const guard = createLivenessGuard({
    probe,
    onDead: () => {
      lost = true;
      conn.destroy();
    },
    async terminate() {
      const other = await mysql.createConnection({
        ...clientOptions,
        connectTimeout: LIVENESS_PROBE_TIMEOUT_MS,
        enableKeepAlive: false,
      });
      try {
        await other.query(`KILL ${Number(threadId)}`);
      } finally {
        other.destroy();
      }
    },
    error: (verdict, waitedMs, ended) => connectionSilent(target, verdict, waitedMs, ended),
  });

  /** Run one statement; guards against use after close or loss and improves the error message. */
  async function run(text: string, params?: readonly SqlValue[]): Promise<unknown> {
    if (closed || lost) throw connectionGone(target, closed);
    const statement = params && params.length > 0 ? bindPlaceholders(text, params, conn) : text;
    try {
      const [result] = await guard(conn.query(statement));
      return result;
    } catch (err) {
      if (err instanceof ConnectionError) throw err;
      if (isFatal(err)) {
        lost = true;
        if (!closed) throw connectionGone(target, false);
      }
      throw improveDbErrorMessage(err);
    }
  }

  const connection: Connection = {
    dialect,
    async query(text, params) {
      const result = await run(text, params);
      return Array.isArray(result) ? (result as Row[]) : [];
    },
    async execute(text, params) {
      const result = await run(text, params) as { affectedRows?: number };
      return typeof result?.affectedRows === "number" ? result.affectedRows : 0;
    },
    async executeScript(text) {
      if (text.trim() === "") return;
      try {
        await run(text);
      } catch (err) {
        // A script of comments only is "empty" to the server; there is nothing to run.
        if ((err as { code?: unknown }).code === "ER_EMPTY_QUERY") return;
        throw err;
      }
    },
    ...transactionStatements(run),
    async lock(name, timeoutMs, onWait) {
      const key = mysqlLockName(name);
      const rows = await run("SELECT GET_LOCK(?, 0) AS locked", [key]) as Row[];
      if (Number(rows[0]?.locked) === 1) return true;
      onWait?.();
      if (timeoutMs <= 0) return false;
      // GET_LOCK takes fractional seconds on MySQL 5.7+ and MariaDB 10.0+; it waits server-side.
      const seconds = Number.isFinite(timeoutMs) ? timeoutMs / 1000 : -1;
      const waited = await run("SELECT GET_LOCK(?, ?) AS locked", [key, seconds]) as Row[];
      return Number(waited[0]?.locked) === 1;
    },
    async unlock(name) {
      await run("SELECT RELEASE_LOCK(?)", [mysqlLockName(name)]);
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        // A frozen peer never answers the goodbye: the liveness check gives up on it.
        await guard(conn.end());
      } catch {
        // The socket is already gone (lost connection); destroy frees what is left.
        conn.destroy();
      }
    },
  };
  return connection;
}

/**
 * The `GET_LOCK` name for a lock name: the name itself when it fits MySQL's 64 characters, else
 * its first 47 characters, a dot and 16 hex digits of its SHA-256 (stable, still readable in
 * `performance_schema.metadata_locks`). Lock names are server-wide, not per database.
 *
 * @param name the lock name
 * @returns at most 64 characters
 */
export function mysqlLockName(name: string): string {
  const chars = [...name];
  if (chars.length <= MAX_LOCK_NAME) return name;
  const hash = createHash("sha256").update(name, "utf8").digest("hex").slice(0, 16);
  return `${chars.slice(0, MAX_LOCK_NAME - 17).join("")}.${hash}`;
}

/**
 * Replace the `?` placeholders of a statement (outside strings, identifiers and comments) with
 * the values as escaped SQL literals. Done here rather than by mysql2, whose formatter also
 * replaces `?` inside string literals and treats `??` as an identifier.
 *
 * @param text one statement with `?` placeholders
 * @param params the values
 * @param escaper escapes one value (a mysql2 connection: its time zone applies to dates)
 * @returns the statement with literals in place
 * @throws {RangeError} when the number of placeholders differs from the number of values, or a
 *   number is not finite
 */
export function bindPlaceholders(
  text: string,
  params: readonly SqlValue[],
  escaper: { escape(value: unknown): string },
): string {
  return replacePlaceholders(text, "mysql", params.length, (i) => literal(params[i], escaper));
}

/** One value as a MySQL literal. */
function literal(value: SqlValue, escaper: { escape(value: unknown): string }): string {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new RangeError(`Cannot bind parameter: ${value} has no MySQL literal`);
  }
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) return escaper.escape(Buffer.from(value));
  return escaper.escape(value);
}

/** Whether mysql2 reports the connection itself as broken (not just the statement). */
function isFatal(err: unknown): boolean {
  const e = err as { fatal?: unknown; code?: unknown; message?: unknown };
  return e?.fatal === true ||
    (typeof e?.message === "string" && e.message.includes("connection is in closed state"));
}

/** The mysql2 `ssl` option from the URL's `ssl_mode`/`ssl-mode`/`ssl`. */
function sslOption(opts: Readonly<Record<string, string>>): mysql.ConnectionOptions["ssl"] | undefined {
  const mode = opts["ssl_mode"] ?? opts["ssl-mode"] ?? opts["sslmode"];
  if (mode !== undefined) {
    const key = mode.toLowerCase().replace(/-/g, "_");
    if (!(key in SSL_MODES)) {
      throw new UrlError(
        `Cannot use ssl_mode "${mode}": expected one of DISABLED, PREFERRED, REQUIRED, VERIFY_CA, VERIFY_IDENTITY`,
      );
    }
    return SSL_MODES[key];
  }
  const ssl = opts["ssl"];
  if (ssl === undefined || ssl === "false" || ssl === "0") return undefined;
  return SSL_MODES.verify_identity;
}

/** The connect time-out in milliseconds: URL `connect_timeout` (seconds), then the option, then 10 s. */
function connectTimeout(fromUrl: string | undefined, fromOptions: number | undefined): number {
  if (fromUrl !== undefined) {
    const seconds = Number(fromUrl);
    if (!Number.isFinite(seconds) || seconds <= 0) {
      throw new UrlError(`Cannot use connect_timeout "${fromUrl}": expected a positive number of seconds`);
    }
    return seconds * 1000;
  }
  return fromOptions ?? DEFAULT_CONNECT_TIMEOUT_MS;
}
