/**
 * A quick read-only PostgreSQL session: protocol 3.0 spoken directly over a socket, for commands
 * that open a connection to read a row or two and leave (`migrate current`). It exists for
 * start-up time: in the compiled binary, loading postgres.js and Bun's `node:net` and making the
 * first connection through them costs about 8 ms, this session under 1 ms besides the server's own
 * work (measured with `scripts/bench/apply.ts`), and it does not wait for the server's goodbye.
 *
 * It covers plain TCP and Unix sockets (`sslmode=disable`, the default) and the trust, password,
 * MD5 and SCRAM-SHA-256 logins. Anything else (TLS, GSSAPI, ...) throws
 * {@link QuickSessionUnsupported} before any error is reported, and the dialect falls back to the
 * postgres.js driver. It runs single statements through the extended query protocol with text
 * parameters; transactions, locks and scripts are not offered.
 *
 * @module
 */
import type { DatabaseUrl } from "../../config/url.ts";
import type { SqlValue } from "../../operations/types.ts";
import { type ByteSocket, connectSocket } from "../../runtime/platform.ts";
import type { Connection, ConnectOptions, Dialect, Row } from "../dialect.ts";
import { connectionFailure, connectionGone, improveDbErrorMessage } from "../_connection_error.ts";
import {
  type BackendMessage,
  BodyReader,
  type ColumnInfo,
  commandCount,
  dataRow,
  errorFields,
  extendedQuery,
  MessageReader,
  passwordMessage,
  rowDescription,
  saslInitialResponse,
  saslResponse,
  startupMessage,
  TERMINATE,
} from "./protocol.ts";
import { numberPlaceholders, sessionSettings } from "./settings.ts";

/**
 * Thrown by {@link connectQuick} when the URL or the server needs something this session does not
 * speak (TLS, an authentication method other than trust, password, MD5 or SCRAM-SHA-256); the caller
 * connects through the full driver instead. Never shown to people.
 */
export class QuickSessionUnsupported extends Error {
  /** The class name, kept explicitly because minified builds rename classes. */
  override name: string = "QuickSessionUnsupported";
}

/** A server's ErrorResponse, shaped like postgres.js's `PostgresError` (fields by the same names). */
class ServerError extends Error {
  override name: string = "PostgresError";
  /** `ERROR`, `FATAL` or `PANIC` (the untranslated severity). */
  readonly severity: string;
  constructor(fields: Record<string, string>) {
    super(fields.message ?? "unknown server error");
    this.severity = fields.severity;
    Object.assign(this, fields, { message: fields.message ?? "unknown server error" });
  }
}

/** An error with a Node-style `code`, for the reasons `connectionFailure` recognises. */
function codedError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** Messages from the server, awaited one at a time. */
class Inbox {
  readonly #reader = new MessageReader();
  readonly #queue: BackendMessage[] = [];
  #waiting: { resolve(m: BackendMessage): void; reject(e: Error): void } | undefined;
  #failure: Error | undefined;

  /** Bytes from the socket. */
  receive(chunk: Uint8Array): void {
    this.#reader.push(chunk);
    try {
      for (let m = this.#reader.next(); m !== undefined; m = this.#reader.next()) this.#queue.push(m);
    } catch (error) {
      this.fail(error as Error);
      return;
    }
    this.#wake();
  }

  /** The stream ended or broke: every later {@link Inbox.next} rejects with `error`. */
  fail(error: Error): void {
    this.#failure ??= error;
    this.#wake();
  }

  /** The next message, in order. */
  next(): Promise<BackendMessage> {
    const m = this.#queue.shift();
    if (m !== undefined) return Promise.resolve(m);
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#waiting = { resolve, reject };
    });
  }

  #wake(): void {
    const w = this.#waiting;
    if (w === undefined) return;
    const m = this.#queue.shift();
    if (m !== undefined) {
      this.#waiting = undefined;
      w.resolve(m);
    } else if (this.#failure) {
      this.#waiting = undefined;
      w.reject(this.#failure);
    }
  }
}

/**
 * Open a quick read-only session (see the module documentation for what it covers).
 *
 * @param url the parsed `postgresql://` URL (same options as the postgres.js driver)
 * @param dialect stored as `connection.dialect`
 * @param options `connectTimeoutMs`, used when the URL has no `connect_timeout`
 * @returns a connection whose `query` and `execute` run one statement each; `executeScript`,
 *   transactions and locks throw
 * @throws {QuickSessionUnsupported} when TLS or another authentication method is needed
 * @throws {ConnectionError} as the postgres.js driver: one line naming host, port and database,
 *   never the password
 * @throws {UrlError} for an invalid `sslmode`, `connect_timeout` or a libpq-only option
 */
export async function connectQuick(
  url: DatabaseUrl,
  dialect: Dialect,
  options: ConnectOptions = {},
): Promise<Connection> {
  const settings = sessionSettings(url, options.connectTimeoutMs);
  if (settings.sslmode !== "disable") {
    throw new QuickSessionUnsupported(`sslmode=${settings.sslmode} needs TLS`);
  }
  const { target, connectTimeoutMs } = settings;
  const inbox = new Inbox();
  let lost = false;
  let closed = false;
  let socket: ByteSocket | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const giveUp = new AbortController();
  const login = async (): Promise<void> => {
    socket = await connectSocket(
      settings.socketPath ? { path: settings.socketPath } : { host: target.host, port: target.port },
      {
        data: (chunk) => inbox.receive(chunk),
        closed: (error) => {
          lost = true;
          inbox.fail(error ?? codedError("CONNECTION_CLOSED", "the server closed the connection"));
        },
      },
      giveUp.signal,
    );
    if (giveUp.signal.aborted) throw giveUp.signal.reason;
    socket.write(startupMessage({
      user: settings.user,
      database: target.database,
      application_name: settings.applicationName,
      client_encoding: "UTF8",
      ...settings.parameters,
    }));
    await authenticate(socket, inbox, settings.user, settings.password);
  };

  try {
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => {
        const timeout = codedError("CONNECT_TIMEOUT", "connect timeout");
        giveUp.abort(timeout);
        reject(timeout);
      }, connectTimeoutMs);
      login().then(resolve, reject);
    });
  } catch (error) {
    lost = true;
    socket?.close();
    if (error instanceof QuickSessionUnsupported) throw error;
    throw connectionFailure(target, error, connectTimeoutMs);
  } finally {
    clearTimeout(timer);
  }
  const open = socket as ByteSocket;

  // One statement at a time: each waits for the previous one's ReadyForQuery.
  let queue: Promise<unknown> = Promise.resolve();
  const run = (text: string, params: readonly SqlValue[] | undefined) => {
    const result = queue.then(async () => {
      if (closed || lost) throw connectionGone(target, closed);
      const values = params ?? [];
      const sql = values.length > 0 ? numberPlaceholders(text, values.length) : text;
      open.write(extendedQuery(sql, values.map(textParameter)));
      try {
        return await readResult(inbox);
      } catch (error) {
        if (error instanceof ServerError && error.severity !== "FATAL" && error.severity !== "PANIC") {
          throw improveDbErrorMessage(error);
        }
        lost = true;
        throw connectionGone(target, false, error);
      }
    });
    queue = result.catch(() => {});
    return result;
  };
  const refuse = (what: string) => () =>
    Promise.reject(
      new Error(`Cannot ${what}: this PostgreSQL session only reads (it serves migrate current)`),
    );

  return {
    dialect,
    async query(text, params) {
      return (await run(text, params)).rows;
    },
    async execute(text, params) {
      return (await run(text, params)).count;
    },
    executeScript: refuse("run a script"),
    begin: refuse("begin a transaction"),
    commit: refuse("commit"),
    rollback: refuse("roll back"),
    lock: refuse("take the migration lock"),
    unlock: refuse("release the migration lock"),
    close() {
      if (closed) return Promise.resolve();
      closed = true;
      if (!lost) open.close(TERMINATE);
      return Promise.resolve();
    },
  };
}

/** Answers the server's authentication requests until ReadyForQuery. */
async function authenticate(
  socket: ByteSocket,
  inbox: Inbox,
  user: string,
  password: string | undefined,
): Promise<void> {
  const needPassword = () => {
    if (password === undefined) throw new Error("the server asks for a password and the URL has none");
    return password;
  };
  let scram: import("./scram.ts").ScramClient | undefined;
  for (;;) {
    const m = await inbox.next();
    switch (m.type) {
      case "R": {
        const r = new BodyReader(m.body);
        const code = r.int32();
        if (code === 0) break;
        if (code === 3) socket.write(passwordMessage(needPassword()));
        else if (code === 5) {
          socket.write(passwordMessage(await md5Password(needPassword(), user, r.bytes(4))));
        } else if (code === 10) {
          const mechanisms: string[] = [];
          for (let name = r.cstring(); name !== ""; name = r.cstring()) mechanisms.push(name);
          const { ScramClient, SCRAM_SHA_256 } = await import("./scram.ts");
          if (!mechanisms.includes(SCRAM_SHA_256)) {
            throw new QuickSessionUnsupported(`SASL mechanisms ${mechanisms.join(", ")}`);
          }
          scram = new ScramClient(needPassword());
          socket.write(saslInitialResponse(SCRAM_SHA_256, scram.clientFirst()));
        } else if (code === 11 && scram) {
          socket.write(saslResponse(scram.clientFinal(new TextDecoder().decode(r.bytes()))));
        } else if (code === 12 && scram) {
          scram.verifyServerFinal(new TextDecoder().decode(r.bytes()));
        } else {
          throw new QuickSessionUnsupported(`authentication request ${code}`);
        }
        break;
      }
      case "E":
        throw new ServerError(errorFields(m.body));
      case "Z":
        return;
      default:
        // ParameterStatus, BackendKeyData, NoticeResponse, NegotiateProtocolVersion: nothing to do.
        break;
    }
  }
}

/** PostgreSQL's MD5 password: `md5` + md5hex(md5hex(password + user) + salt). */
async function md5Password(password: string, user: string, salt: Uint8Array): Promise<string> {
  const { createHash } = await import("node:crypto");
  const inner = createHash("md5").update(password + user).digest("hex");
  return "md5" + createHash("md5").update(inner).update(salt).digest("hex");
}

/** Reads one statement's results up to ReadyForQuery; rejects with the server's error, if any. */
async function readResult(inbox: Inbox): Promise<{ rows: Row[]; count: number }> {
  let columns: ColumnInfo[] = [];
  const rows: Row[] = [];
  let count = 0;
  let error: ServerError | undefined;
  for (;;) {
    const m = await inbox.next();
    switch (m.type) {
      case "T":
        columns = rowDescription(m.body);
        break;
      case "D": {
        const values = dataRow(m.body);
        const row: Row = {};
        for (let i = 0; i < columns.length; i++) {
          row[columns[i].name] = parseValue(values[i], columns[i].typeOid);
        }
        rows.push(row);
        break;
      }
      case "C":
        count = commandCount(m.body);
        break;
      case "E":
        error = new ServerError(errorFields(m.body));
        if (error.severity === "FATAL" || error.severity === "PANIC") throw error;
        break;
      case "Z":
        if (error) throw error;
        return { rows, count };
      default:
        // ParseComplete, BindComplete, NoData, EmptyQueryResponse, notices and parameter changes.
        break;
    }
  }
}

/** A bound value's text form, as PostgreSQL's input functions read it. */
function textParameter(value: SqlValue): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) {
    return "\\x" + Array.from(value, (b) => b.toString(16).padStart(2, "0")).join("");
  }
  return JSON.stringify(value);
}

/**
 * A result value from its text form, as postgres.js parses the same types: `bool` to boolean,
 * `int2`/`int4`/`oid`/`float4`/`float8` to number, `json`/`jsonb` parsed; everything else, `int8`
 * and `numeric` included, stays text.
 */
function parseValue(text: string | null, typeOid: number): unknown {
  if (text === null) return null;
  switch (typeOid) {
    case 16:
      return text === "t";
    case 21:
    case 23:
    case 26:
    case 700:
    case 701:
      return Number(text);
    case 114:
    case 3802:
      return JSON.parse(text);
    default:
      return text;
  }
}
