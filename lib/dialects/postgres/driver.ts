/**
 * The PostgreSQL driver: one dedicated session through postgres.js, `?` placeholders,
 * multi-statement scripts, plain `BEGIN`/`COMMIT` transactions and a session-level advisory lock.
 *
 * @module
 */
import postgres from "postgres";
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
  improveDbErrorMessage,
} from "../_connection_error.ts";
import { createLivenessGuard, LIVENESS_PROBE_TIMEOUT_MS, type LivenessVerdict } from "../_liveness.ts";
import { ConnectionError } from "../../errors.ts";
import { numberPlaceholders, sessionSettings, type SslMode } from "./settings.ts";

/** Interval between two `pg_try_advisory_lock` attempts while waiting for the lock, in milliseconds. */
const LOCK_POLL_MS = 50;

/** What postgres.js does for each libpq `sslmode` (`verify-ca` checks the chain, not the name). */
const SSL_MODES: Record<SslMode, postgres.Options<Record<string, never>>["ssl"]> = {
  "disable": false,
  "allow": "allow",
  "prefer": "prefer",
  "require": "require",
  "verify-ca": { rejectUnauthorized: true, checkServerIdentity: () => undefined },
  "verify-full": "verify-full",
};

/**
 * Open one PostgreSQL session.
 *
 * The URL gives user, password, host (a path starting with `/` is a Unix socket directory), port
 * (default 5432) and database (default: the user name, as libpq does). Query options, named as in
 * libpq: `sslmode` (`disable` (default), `allow`, `prefer`, `require`, `verify-ca`, `verify-full`),
 * `application_name` (default `retort`), `connect_timeout` (seconds; else
 * `options.connectTimeoutMs`, else 10 s), `options` (e.g. `-c statement_timeout=5s`) and
 * `search_path`. Other options are sent as run-time parameters (`client_encoding`, `TimeZone`, ...);
 * libpq-only keywords such as `sslrootcert` are refused.
 *
 * The session never reconnects on its own: once the server or the network drops it, every call
 * throws a {@link ConnectionError}, because its transaction and advisory lock are gone. A call left
 * unanswered is checked from a second connection (`_liveness.ts`): when the server is idle for
 * this session, lost it or cannot be reached, the session is closed and the call fails within
 * about 35 s (a session found idle is also ended on the server with `pg_terminate_backend`,
 * which frees its lock at once); TCP keepalive (10 s idle) covers a peer that vanished between calls.
 *
 * @param url the parsed `postgresql://` URL
 * @param dialect stored as `connection.dialect`
 * @param options `connectTimeoutMs`
 * @returns an open connection (the first round trip has completed)
 * @throws {ConnectionError} when the server cannot be reached or refuses the login; one line naming
 *   host, port and database (`Cannot connect to PostgreSQL at 127.0.0.1:5432 database "nope": database
 *   "nope" does not exist`), never the password, also not in `cause`
 * @throws {UrlError} for an unknown `sslmode`, a non-numeric `connect_timeout` or a libpq-only option
 */
export async function connectPostgres(
  url: DatabaseUrl,
  dialect: Dialect,
  options: ConnectOptions = {},
): Promise<Connection> {
  const settings = sessionSettings(url, options.connectTimeoutMs);
  const { target, user, connectTimeoutMs: timeoutMs } = settings;

  let lost = false;
  let closed = false;
  const clientOptions = {
    host: target.host,
    port: target.port,
    database: target.database,
    username: user,
    password: settings.password,
    ssl: SSL_MODES[settings.sslmode],
    max: 1,
    // Seconds of silence before the kernel starts probing the peer (postgres.js's default is 60).
    keep_alive: 10,
    // One-shot DDL gains nothing from named prepared statements (measured: no faster) and they
    // break behind transaction-mode poolers such as PgBouncer.
    prepare: false,
    connect_timeout: timeoutMs / 1000,
    idle_timeout: 0,
    // A recycled connection would silently drop the session's lock and transaction.
    max_lifetime: null,
    // Skips postgres.js's catalog query for array types on every connect (about 1.5 ms of ~6 ms);
    // ARRAY_TYPES parses the built-in arrays the catalog queries use instead.
    fetch_types: false,
    types: ARRAY_TYPES,
    onnotice: () => {},
    onclose: () => {
      if (!closed) lost = true;
    },
    connection: { application_name: settings.applicationName, ...settings.parameters },
  };
  const sql = postgres(clientOptions);

  let pid: number;
  try {
    // The backend's id lets a second connection tell a long statement from a lost reply.
    const rows = await sql.unsafe<{ pid: number }[]>("select pg_backend_pid() as pid");
    pid = Number(rows[0]?.pid);
  } catch (err) {
    lost = true;
    await sql.end({ timeout: 0 }).catch(() => {});
    const insists = settings.sslmode === "require" || settings.sslmode.startsWith("verify");
    throw connectionFailure(target, err, timeoutMs, insists ? settings.sslmode : undefined);
  }

  /** What a second connection sees of this session: is the server running a request of it? */
  async function probe(): Promise<LivenessVerdict> {
    const other = postgres({
      ...clientOptions,
      connect_timeout: LIVENESS_PROBE_TIMEOUT_MS / 1000,
      keep_alive: null,
    });
    try {
      const rows = await other.unsafe<{ state: string | null }[]>(
        "select state from pg_stat_activity where pid = $1",
        [pid],
      );
      if (rows.length === 0) return "gone";
      return rows[0].state === "active" || rows[0].state === "fastpath function call" ? "busy" : "idle";
    } finally {
      other.end({ timeout: 0 }).catch(() => {});
    }
  }

  const guard = createLivenessGuard({
    probe,
    onDead: () => {
      lost = true;
      sql.end({ timeout: 0 }).catch(() => {});
    },
    async terminate() {
      const other = postgres({
        ...clientOptions,
        connect_timeout: LIVENESS_PROBE_TIMEOUT_MS / 1000,
        keep_alive: null,
      });
      try {
        const rows = await other.unsafe<{ ended: boolean }[]>("select pg_terminate_backend($1) as ended", [
          pid,
        ]);
        if (rows[0]?.ended !== true) throw new Error("not ended");
      } finally {
        other.end({ timeout: 0 }).catch(() => {});
      }
    },
    error: (verdict, waitedMs, ended) => connectionSilent(target, verdict, waitedMs, ended),
  });

  /** Run one statement; guards against use after close or loss and improves the error message. */
  async function run(text: string, params?: readonly SqlValue[]): Promise<postgres.RowList<Row[]>> {
    if (closed || lost) throw connectionGone(target, closed);
    try {
      if (params && params.length > 0) {
        return await guard(sql.unsafe<Row[]>(numberPlaceholders(text, params.length), toParams(params)));
      }
      return await guard(sql.unsafe<Row[]>(text));
    } catch (err) {
      throw failure(err);
    }
  }

  /** The error to throw for a failed call: a lost session becomes a ConnectionError for good. */
  function failure(err: unknown): unknown {
    // The liveness guard's own error already says what happened.
    if (err instanceof ConnectionError) return err;
    if (!closed && (lost || isConnectionLoss(err))) {
      lost = true;
      return connectionGone(target, false, err);
    }
    return improveDbErrorMessage(err);
  }

  const connection: Connection = {
    dialect,
    async query(text, params) {
      const result = await run(text, params);
      return [...result];
    },
    async execute(text, params) {
      const result = await run(text, params);
      return result.count ?? 0;
    },
    async executeScript(text) {
      if (text.trim() === "") return;
      if (closed || lost) throw connectionGone(target, closed);
      try {
        // No parameters: postgres.js uses the simple query protocol, which accepts many statements.
        await guard(sql.unsafe(text).simple());
      } catch (err) {
        throw failure(err);
      }
    },
    ...transactionStatements(run),
    async lock(name, timeoutMs, onWait) {
      const key = advisoryLockKey(name);
      const tryLock = async () => {
        const rows = await run("select pg_try_advisory_lock(?::bigint) as locked", [key]);
        return rows[0]?.locked === true;
      };
      if (await tryLock()) return true;
      onWait?.();
      // Polling rather than `lock_timeout` + `pg_advisory_lock`: a lock_timeout error would abort a
      // surrounding transaction, and polling leaves the session's settings untouched.
      const deadline = performance.now() + Math.max(0, timeoutMs);
      while (performance.now() < deadline) {
        await sleep(Math.min(LOCK_POLL_MS, Math.max(1, deadline - performance.now())));
        if (await tryLock()) return true;
      }
      return false;
    },
    async unlock(name) {
      await run("select pg_advisory_unlock(?::bigint)", [advisoryLockKey(name)]);
    },
    async close() {
      if (closed) return;
      closed = true;
      // A lost session has nothing left to finish; a live one gets 5 s for a graceful Terminate.
      await sql.end({ timeout: lost ? 0 : 5 });
    },
  };
  return connection;
}

/** Parses the elements of one array type from their text form. */
function arrayType(oids: number[], element: (text: string) => unknown) {
  return {
    to: oids[0],
    from: oids,
    serialize: (value: unknown) => String(value),
    parse: (text: string) => parseArrayLiteral(text, element),
  };
}

/**
 * Built-in array types, parsed to JavaScript arrays as postgres.js does after `fetch_types`:
 * `bool[]`, `int2[]`/`int4[]`/`oid[]`/`float4[]`/`float8[]` to numbers, `int8[]`/`numeric[]`
 * kept as strings (like postgres.js's scalar `int8`), and text-like arrays to strings.
 */
const ARRAY_TYPES = {
  retortBoolArray: arrayType([1000], (x) => x === "t"),
  retortNumberArray: arrayType([1005, 1007, 1028, 1021, 1022], Number),
  retortTextArray: arrayType([1009, 1015, 1003, 1002, 1014, 1016, 1231, 1034, 1040], (x) => x),
};

/**
 * Parse PostgreSQL's text form of an array (`{a,"b c",NULL,{1,2}}`) into nested arrays; unquoted
 * `NULL` becomes `null`, quoted elements lose their quotes and backslash escapes.
 *
 * @param text the array literal as the server sends it (a `[1:2]=` bounds prefix is dropped)
 * @param element converts one element's text
 * @returns the elements, nested like the array's dimensions
 */
export function parseArrayLiteral(text: string, element: (text: string) => unknown): unknown[] {
  let i = text.startsWith("[") ? text.indexOf("=") + 1 : 0;
  const parseLevel = (): unknown[] => {
    const out: unknown[] = [];
    i++; // "{"
    while (i < text.length) {
      const c = text[i];
      if (c === "}") {
        i++;
        return out;
      }
      if (c === ",") {
        i++;
      } else if (c === "{") {
        out.push(parseLevel());
      } else if (c === '"') {
        let s = "";
        i++;
        while (i < text.length && text[i] !== '"') {
          if (text[i] === "\\") i++;
          s += text[i++];
        }
        i++;
        out.push(element(s));
      } else {
        let j = i;
        while (j < text.length && text[j] !== "," && text[j] !== "}") j++;
        const raw = text.slice(i, j);
        out.push(raw === "NULL" ? null : element(raw));
        i = j;
      }
    }
    return out;
  };
  return parseLevel();
}

/**
 * The 64-bit advisory-lock key of a lock name: the first 8 bytes of its SHA-256, as a signed
 * decimal string. Stable across processes, versions and servers (unlike `hashtext`).
 *
 * @param name the lock name
 * @returns a decimal string in the `bigint` range
 */
export function advisoryLockKey(name: string): string {
  const digest = createHash("sha256").update(name, "utf8").digest();
  return BigInt.asIntN(64, digest.readBigUInt64BE(0)).toString();
}

/** Values as postgres.js binds them; bigints go as text so no custom serializer is needed. */
function toParams(params: readonly SqlValue[]): postgres.ParameterOrJSON<never>[] {
  return params.map((v) => {
    if (typeof v === "bigint") return v.toString();
    if (v instanceof Uint8Array && !(v instanceof Buffer)) return Buffer.from(v);
    return v as postgres.ParameterOrJSON<never>;
  });
}

/** Socket and postgres.js codes that mean the session itself is gone, not just one statement. */
const LOSS_CODES = new Set([
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
]);

/** Whether an error means the session is gone: a socket error, or a FATAL/PANIC from the server. */
function isConnectionLoss(err: unknown): boolean {
  const e = err as { code?: unknown; severity?: unknown } | null;
  if (!e || typeof e !== "object") return false;
  return (typeof e.code === "string" && LOSS_CODES.has(e.code)) || e.severity === "FATAL" ||
    e.severity === "PANIC";
}

/** Resolve after `ms` milliseconds. */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
