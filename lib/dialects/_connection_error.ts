/**
 * Messages for failures of the PostgreSQL and MySQL drivers: a one-line {@link ConnectionError}
 * that names host and database but never the password, a scrubbed copy of the driver's error as
 * its `cause`, and {@link describeDbError} for statement errors.
 *
 * @module
 */
import { ConnectionError } from "../errors.ts";
import type { DatabaseUrl } from "../config/url.ts";

/** Where a connection goes, as shown in messages: product name, host, port and database. */
export interface ConnectionTarget {
  /** `PostgreSQL` or `MySQL`. */
  readonly product: string;
  readonly host: string;
  readonly port: number;
  readonly database: string;
  /** Values that must never appear in a message (the password, raw and percent-encoded). */
  readonly secrets: readonly string[];
}

/**
 * Secrets of a URL that must be kept out of messages: the password as given and its encodings.
 *
 * @param url the parsed URL
 * @returns non-empty strings, possibly none
 */
export function urlSecrets(url: DatabaseUrl): string[] {
  const p = url.password;
  if (!p) return [];
  return [...new Set([p, encodeURIComponent(p), encodeURI(p)])];
}

/**
 * `Cannot connect to PostgreSQL at 127.0.0.1:5432 database "nope"`: the start of every message
 * about a target.
 *
 * @param target where the connection goes
 * @returns the phrase, without a reason
 */
export function describeTarget(target: ConnectionTarget): string {
  const host = target.host.startsWith("/") ? target.host : `${target.host}:${target.port}`;
  return `${target.product} at ${host} database "${target.database}"`;
}

/**
 * A {@link ConnectionError} for a failed connection attempt, with one line of message and the
 * driver's error, scrubbed of secrets, as `cause`.
 *
 * @param target where the connection went
 * @param err the driver's error
 * @param timeoutMs the connect time-out used, to say how long was waited
 * @param sslRequired the URL's SSL mode when it insists on SSL (`require`, `verify-full`, ...): a
 *   server that then closes the connection does not accept SSL, and the message says so
 * @returns the error to throw
 */
export function connectionFailure(
  target: ConnectionTarget,
  err: unknown,
  timeoutMs: number,
  sslRequired?: string,
): ConnectionError {
  const reason = redact(connectReason(err, target, timeoutMs, sslRequired), target.secrets);
  return new ConnectionError(`Cannot connect to ${describeTarget(target)}: ${reason}`, {
    cause: scrubError(err, target.secrets),
  });
}

/**
 * A {@link ConnectionError} for a call on a connection that was closed or lost; the session's
 * transaction and locks are gone with it, so nothing may run on a new session silently.
 *
 * @param target where the connection went
 * @param closed `true` after {@link Connection.close}, `false` when the server or network dropped it
 * @param cause the driver's error that revealed the loss, if any
 * @returns the error to throw
 */
export function connectionGone(target: ConnectionTarget, closed: boolean, cause?: unknown): ConnectionError {
  return new ConnectionError(
    closed
      ? `Cannot run statement: the connection to ${describeTarget(target)} is closed`
      : `Cannot run statement: the connection to ${
        describeTarget(target)
      } was lost (its transaction and locks are gone)`,
    cause === undefined ? undefined : { cause: scrubError(cause, target.secrets) },
  );
}

/** What the second connection saw, as the end of a sentence about the server. */
const SILENT_REASONS: Record<string, string> = {
  idle: "is not working on it (the reply was lost on the way)",
  gone: "no longer has this session",
  unreachable: "cannot be reached on a new connection either",
  busy: "is still working on it",
};

/**
 * A {@link ConnectionError} for a session whose server stopped answering while it stays
 * connected (a hung proxy, a network partition): the session was closed, and the server rolls
 * its open transaction back and frees its locks once it notices.
 *
 * @param target where the connection went
 * @param verdict what a second connection saw: `idle`, `gone` or `unreachable`
 * @param waitedMs how long the oldest unanswered call had waited
 * @param ended the server ended the session on request (transaction rolled back, locks freed)
 * @returns the error to throw
 */
export function connectionSilent(
  target: ConnectionTarget,
  verdict: string,
  waitedMs: number,
  ended = false,
): ConnectionError {
  const seconds = Math.round(waitedMs / 1000);
  const after = ended
    ? "the connection was closed, and the server ended the session: its open transaction is rolled back and its locks are free"
    : "the connection was closed, and the server rolls back its open transaction and frees its locks when it notices";
  return new ConnectionError(
    `Cannot run statement: ${describeTarget(target)} stopped answering: no reply for ${seconds} s, ` +
      `and the server ${SILENT_REASONS[verdict] ?? verdict}; ${after}`,
  );
}

/** The reason part of a connection failure, from the driver's error. */
function connectReason(
  err: unknown,
  target: ConnectionTarget,
  timeoutMs: number,
  sslRequired: string | undefined,
): string {
  const e = (err ?? {}) as { code?: unknown; message?: unknown; sqlMessage?: unknown };
  const code = typeof e.code === "string" ? e.code : "";
  switch (code) {
    case "ECONNREFUSED":
      return "connection refused (is the server running and listening on that port?)";
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EAI_NONAME":
      return `host "${target.host}" not found`;
    case "CONNECT_TIMEOUT":
    case "ETIMEDOUT":
      return `no answer within ${formatSeconds(timeoutMs)} (connect_timeout)`;
    case "EHOSTUNREACH":
      return "host unreachable";
    case "ENETUNREACH":
      return "network unreachable";
    case "ECONNRESET":
    case "CONNECTION_CLOSED":
    case "PROTOCOL_CONNECTION_LOST":
      // Asked for SSL, a server without it answers "no", and the client's TLS handshake then
      // meets a closed connection.
      if (sslRequired !== undefined) {
        return `the server closed the connection when asked for SSL: it does not accept SSL connections ` +
          `(sslmode=${sslRequired}); enable SSL on the server, or use sslmode=prefer or sslmode=disable`;
      }
      return "the server closed the connection";
  }
  const message = typeof e.sqlMessage === "string"
    ? e.sqlMessage
    : typeof e.message === "string"
    ? e.message
    : String(err);
  return firstLine(message) || "unknown error";
}

/** `10 s`, `1.5 s`, `250 ms`. */
function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(3))} s`;
}

/** The first non-empty line of a message. */
function firstLine(text: string): string {
  return text.split("\n").map((l) => l.trim()).find((l) => l !== "") ?? "";
}

/**
 * Replace every occurrence of each secret in `text` with `***`.
 *
 * @param text any text
 * @param secrets values to hide; empty strings are ignored
 * @returns the text without the secrets
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s) out = out.split(s).join("***");
  return out;
}

/**
 * A copy of a driver error that keeps its name, message, stack and scalar fields (`code`,
 * `errno`, `severity`, ...), with secrets redacted, and drops every object-valued field, since
 * drivers may hang their config (and its password) on errors.
 *
 * @param err the driver's error (or any thrown value)
 * @param secrets values to hide
 * @returns a plain `Error` safe to show with `--verbose`
 */
export function scrubError(err: unknown, secrets: readonly string[]): Error {
  if (!(err instanceof Error)) return new Error(redact(String(err), secrets));
  const copy = new Error(redact(err.message, secrets));
  copy.name = err.name;
  copy.stack = redact(String(err.stack ?? ""), secrets);
  const fields = copy as unknown as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(err)) {
    if (key === "message" || key === "stack" || key === "name" || key === "cause") continue;
    const value = (err as unknown as Record<string, unknown>)[key];
    if (typeof value === "string") fields[key] = redact(value, secrets);
    else if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
      fields[key] = value;
    }
  }
  return copy;
}

/** Marks errors whose message {@link improveDbErrorMessage} already rewrote. */
const described = Symbol("retort.described");

/**
 * One line describing a statement error for people: the server's message, then what PostgreSQL
 * adds (`detail`, `hint`, `position`, `where`) or MySQL's error code.
 *
 * Example (PostgreSQL): `relation "nope" does not exist (at character 15)`;
 * `insert or update on table "b" violates foreign key constraint "b_a_fkey"; detail: Key (a)=(1)
 * is not present in table "a"`.
 *
 * @param err the error a driver threw (or any thrown value)
 * @returns the description; the message of errors already rewritten by the drivers is returned as is
 */
export function describeDbError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const e = err as Error & {
    [described]?: boolean;
    detail?: unknown;
    hint?: unknown;
    position?: unknown;
    where?: unknown;
    code?: unknown;
    errno?: unknown;
    sqlMessage?: unknown;
  };
  if (e[described]) return e.message;
  let text = typeof e.sqlMessage === "string" && e.sqlMessage !== "" ? e.sqlMessage : e.message;
  // Recognised by shape, not by `name`: a minified build may rename postgres.js's error class.
  const isPostgres = e.name === "PostgresError" ||
    (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code) && "severity" in e);
  if (isPostgres) {
    if (e.position !== undefined && e.position !== "") text += ` (at character ${e.position})`;
    if (typeof e.detail === "string" && e.detail) text += `; detail: ${e.detail}`;
    if (typeof e.hint === "string" && e.hint) text += `; hint: ${e.hint}`;
    if (typeof e.where === "string" && e.where) text += `; where: ${e.where}`;
  } else if (typeof e.errno === "number" && typeof e.code === "string" && e.code.startsWith("ER_")) {
    text += ` (${e.code})`;
  }
  return text.replace(/\s*\n\s*/g, " ");
}

/**
 * Rewrite a driver error's `message` to {@link describeDbError}'s text, once, and return it for
 * rethrowing: the runner and `--verbose` then show the detail without knowing the driver.
 *
 * @param err the error a driver threw
 * @returns the same value
 */
export function improveDbErrorMessage(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const e = err as Error & { [described]?: boolean };
  if (e[described]) return err;
  const text = describeDbError(err);
  try {
    Object.defineProperty(err, described, { value: true, enumerable: false });
    if (text !== err.message) {
      const oldMessage = err.message;
      err.message = text;
      // postgres.js defines `stack` read-only on statement errors; the message is what matters.
      const stack = Object.getOwnPropertyDescriptor(err, "stack");
      if (typeof err.stack === "string" && oldMessage && (!stack || stack.writable || stack.set)) {
        err.stack = err.stack.replace(oldMessage, text);
      }
    }
  } catch {
    // A frozen error keeps its message; describeDbError still works on it.
  }
  return err;
}
