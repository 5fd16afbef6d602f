/**
 * The messages of PostgreSQL's frontend/backend protocol 3.0 that a short read-only session needs
 * (PostgreSQL documentation, "Frontend/Backend Protocol" and "Message Formats"): encoding of the
 * client's messages and framing and decoding of the server's. Pure: bytes in, bytes or data out.
 *
 * @module
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Protocol version 3.0, as sent in the StartupMessage. */
const PROTOCOL_3_0 = 196608;

/** Builds one message: a type byte (absent for the StartupMessage), an Int32 length, the body. */
class MessageWriter {
  readonly #parts: Uint8Array[] = [];
  #size = 0;

  /** Append a NUL-terminated UTF-8 string. */
  cstring(text: string): this {
    return this.bytes(encoder.encode(text)).byte(0);
  }

  /** Append raw bytes. */
  bytes(data: Uint8Array): this {
    this.#parts.push(data);
    this.#size += data.length;
    return this;
  }

  byte(value: number): this {
    return this.bytes(Uint8Array.of(value));
  }

  int16(value: number): this {
    const b = new Uint8Array(2);
    new DataView(b.buffer).setInt16(0, value);
    return this.bytes(b);
  }

  int32(value: number): this {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setInt32(0, value);
    return this.bytes(b);
  }

  /** The whole message: `type` (a character, or "" for none), length, body. */
  finish(type: string): Uint8Array {
    const head = type === "" ? 0 : 1;
    const out = new Uint8Array(head + 4 + this.#size);
    if (head) out[0] = type.charCodeAt(0);
    new DataView(out.buffer).setInt32(head, 4 + this.#size);
    let at = head + 4;
    for (const p of this.#parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

/**
 * StartupMessage: protocol 3.0 and the session's parameters (`user`, `database`,
 * `application_name`, run-time parameters such as `search_path` or `options`).
 *
 * @param parameters name -> value; empty values are sent as given
 * @returns the message bytes
 */
export function startupMessage(parameters: Readonly<Record<string, string>>): Uint8Array {
  const w = new MessageWriter().int32(PROTOCOL_3_0);
  for (const [name, value] of Object.entries(parameters)) w.cstring(name).cstring(value);
  return w.byte(0).finish("");
}

/**
 * PasswordMessage (`p`): a cleartext password or an MD5 digest string, NUL-terminated.
 *
 * @param text what the authentication method asks for
 * @returns the message bytes
 */
export function passwordMessage(text: string): Uint8Array {
  return new MessageWriter().cstring(text).finish("p");
}

/**
 * SASLInitialResponse (`p`): the chosen mechanism and the client's first message.
 *
 * @param mechanism e.g. `SCRAM-SHA-256`
 * @param data the client-first-message
 * @returns the message bytes
 */
export function saslInitialResponse(mechanism: string, data: string): Uint8Array {
  const body = encoder.encode(data);
  return new MessageWriter().cstring(mechanism).int32(body.length).bytes(body).finish("p");
}

/**
 * SASLResponse (`p`): a later client message of the SASL exchange.
 *
 * @param data e.g. the SCRAM client-final-message
 * @returns the message bytes
 */
export function saslResponse(data: string): Uint8Array {
  return new MessageWriter().bytes(encoder.encode(data)).finish("p");
}

/**
 * One statement through the extended query protocol, unnamed statement and portal: Parse, Bind
 * (parameters and results in text format), Describe (portal), Execute (all rows), Sync.
 *
 * @param text one statement with `$1..$n` placeholders
 * @param params each parameter's text form, or null for SQL NULL
 * @returns the bytes of the five messages
 */
export function extendedQuery(text: string, params: readonly (string | null)[]): Uint8Array {
  const parse = new MessageWriter().cstring("").cstring(text).int16(0).finish("P");
  const bind = new MessageWriter().cstring("").cstring("").int16(0).int16(params.length);
  for (const p of params) {
    if (p === null) bind.int32(-1);
    else {
      const b = encoder.encode(p);
      bind.int32(b.length).bytes(b);
    }
  }
  const parts = [
    parse,
    bind.int16(0).finish("B"),
    new MessageWriter().byte("P".charCodeAt(0)).cstring("").finish("D"),
    new MessageWriter().cstring("").int32(0).finish("E"),
    new MessageWriter().finish("S"),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Terminate (`X`): the polite end of a session. */
export const TERMINATE: Uint8Array = Uint8Array.of(0x58, 0, 0, 0, 4);

/** One message from the server: its type character and body (without type and length). */
export interface BackendMessage {
  readonly type: string;
  readonly body: Uint8Array;
}

/**
 * Splits the server's byte stream into messages, across chunk boundaries.
 *
 * @example
 * ```ts
 * import { MessageReader } from "./protocol.ts";
 * const reader = new MessageReader();
 * reader.push(Uint8Array.of(0x5a, 0, 0, 0, 5, 0x49)); // ReadyForQuery, idle
 * reader.next(); // { type: "Z", body: Uint8Array [73] }
 * ```
 */
export class MessageReader {
  #buffer = new Uint8Array(0);
  #at = 0;

  /** Add received bytes (copied). */
  push(chunk: Uint8Array): void {
    const rest = this.#buffer.length - this.#at;
    const merged = new Uint8Array(rest + chunk.length);
    merged.set(this.#buffer.subarray(this.#at), 0);
    merged.set(chunk, rest);
    this.#buffer = merged;
    this.#at = 0;
  }

  /**
   * The next whole message, or undefined until more bytes arrive.
   *
   * @throws {RangeError} when a length field is impossible (not a PostgreSQL server)
   */
  next(): BackendMessage | undefined {
    const available = this.#buffer.length - this.#at;
    if (available < 5) return undefined;
    const view = new DataView(this.#buffer.buffer, this.#buffer.byteOffset + this.#at + 1, 4);
    const length = view.getInt32(0);
    if (length < 4) throw new RangeError(`Cannot read the server's reply: message length ${length}`);
    if (available < 1 + length) return undefined;
    const type = String.fromCharCode(this.#buffer[this.#at]);
    const body = this.#buffer.subarray(this.#at + 5, this.#at + 1 + length);
    this.#at += 1 + length;
    return { type, body };
  }
}

/** Reads the fields of one message body in order. */
export class BodyReader {
  readonly #body: Uint8Array;
  readonly #view: DataView;
  #at = 0;

  /** @param body a message body from {@link MessageReader.next} */
  constructor(body: Uint8Array) {
    this.#body = body;
    this.#view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  }

  int16(): number {
    const v = this.#view.getInt16(this.#at);
    this.#at += 2;
    return v;
  }

  int32(): number {
    const v = this.#view.getInt32(this.#at);
    this.#at += 4;
    return v;
  }

  byte(): number {
    return this.#body[this.#at++];
  }

  /** A NUL-terminated string, decoded as UTF-8. */
  cstring(): string {
    const end = this.#body.indexOf(0, this.#at);
    const stop = end < 0 ? this.#body.length : end;
    const text = decoder.decode(this.#body.subarray(this.#at, stop));
    this.#at = stop + 1;
    return text;
  }

  /** `n` bytes (a view, valid while the body is), or the rest when `n` is undefined. */
  bytes(n?: number): Uint8Array {
    const end = n === undefined ? this.#body.length : this.#at + n;
    const out = this.#body.subarray(this.#at, end);
    this.#at = end;
    return out;
  }

  /** Whether all bytes were read. */
  get done(): boolean {
    return this.#at >= this.#body.length;
  }
}

/**
 * The fields of an ErrorResponse or NoticeResponse, by postgres.js's names: `severity` (the
 * untranslated `V`, else `S`), `code` (SQLSTATE), `message`, `detail`, `hint`, `position`, `where`,
 * `schema_name`, `table_name`, `column_name`, `constraint_name`, ...
 *
 * @param body the message body
 * @returns field name -> text
 */
export function errorFields(body: Uint8Array): Record<string, string> {
  const names: Record<string, string> = {
    S: "severity_local",
    V: "severity",
    C: "code",
    M: "message",
    D: "detail",
    H: "hint",
    P: "position",
    p: "internal_position",
    q: "internal_query",
    W: "where",
    s: "schema_name",
    t: "table_name",
    c: "column_name",
    d: "data_type_name",
    n: "constraint_name",
    F: "file",
    L: "line",
    R: "routine",
  };
  const out: Record<string, string> = {};
  const r = new BodyReader(body);
  while (!r.done) {
    const code = r.byte();
    if (code === 0) break;
    const value = r.cstring();
    out[names[String.fromCharCode(code)] ?? String.fromCharCode(code)] = value;
  }
  out.severity ??= out.severity_local ?? "ERROR";
  return out;
}

/** One column of a RowDescription: its name and type OID. */
export interface ColumnInfo {
  readonly name: string;
  readonly typeOid: number;
}

/**
 * The columns of a RowDescription (`T`).
 *
 * @param body the message body
 * @returns the columns in order
 */
export function rowDescription(body: Uint8Array): ColumnInfo[] {
  const r = new BodyReader(body);
  const n = r.int16();
  const columns: ColumnInfo[] = [];
  for (let i = 0; i < n; i++) {
    const name = r.cstring();
    r.int32(); // table OID
    r.int16(); // column number
    const typeOid = r.int32();
    r.int16(); // type size
    r.int32(); // type modifier
    r.int16(); // format code
    columns.push({ name, typeOid });
  }
  return columns;
}

/**
 * The values of a DataRow (`D`) as text (null for SQL NULL); results are requested in text format.
 *
 * @param body the message body
 * @returns one entry per column
 */
export function dataRow(body: Uint8Array): (string | null)[] {
  const r = new BodyReader(body);
  const n = r.int16();
  const values: (string | null)[] = [];
  for (let i = 0; i < n; i++) {
    const length = r.int32();
    values.push(length < 0 ? null : decoder.decode(r.bytes(length)));
  }
  return values;
}

/**
 * The row count in a CommandComplete tag (`SELECT 3`, `UPDATE 1`, `INSERT 0 1`), or 0 when the tag
 * has none (`CREATE TABLE`).
 *
 * @param body the message body
 * @returns the count
 */
export function commandCount(body: Uint8Array): number {
  const tag = new BodyReader(body).cstring();
  const match = / (\d+)$/.exec(tag);
  return match ? Number(match[1]) : 0;
}
