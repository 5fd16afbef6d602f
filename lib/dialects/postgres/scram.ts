/**
 * The client side of SCRAM-SHA-256 (RFC 5802 with RFC 7677's hash), as PostgreSQL uses it for
 * password logins (PostgreSQL documentation, "SASL Authentication"): no channel binding, the user
 * name taken from the startup message.
 *
 * @module
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from "node:crypto";
import { Buffer } from "node:buffer";

/** The mechanism name PostgreSQL offers in AuthenticationSASL. */
export const SCRAM_SHA_256 = "SCRAM-SHA-256";

/** Base64 of the GS2 header `n,,` (no channel binding), sent back in the final message. */
const GS2_HEADER_BASE64 = "biws";

/**
 * One SCRAM-SHA-256 exchange. Call {@link ScramClient.clientFirst}, then
 * {@link ScramClient.clientFinal} with the server's first message, then
 * {@link ScramClient.verifyServerFinal} with its last.
 */
export class ScramClient {
  readonly #password: string;
  readonly #clientNonce: string;
  readonly #user: string;
  #authMessage = "";
  #saltedPassword: Buffer | undefined;

  /**
   * @param password the login password (SASLprep's mapping and NFKC normalisation are applied, as
   *   the server applied them when the password was set)
   * @param options for tests: `clientNonce` instead of 18 random bytes, and the `user` name to
   *   send (default empty, as libpq sends: PostgreSQL takes the one of the startup message)
   */
  constructor(password: string, options: { clientNonce?: string; user?: string } = {}) {
    this.#password = saslPrepMapping(password);
    this.#clientNonce = options.clientNonce ?? randomBytes(18).toString("base64");
    this.#user = options.user ?? "";
  }

  /** The client-first-message: GS2 header `n,,`, the user name, the nonce. */
  clientFirst(): string {
    return `n,,${this.#firstBare()}`;
  }

  /**
   * The client-final-message with its proof.
   *
   * @param serverFirst the server-first-message (`r=...,s=...,i=...`)
   * @returns the message to send
   * @throws {Error} when the server's message is malformed or its nonce does not extend ours
   */
  clientFinal(serverFirst: string): string {
    const attrs = attributes(serverFirst);
    const nonce = attrs.get("r");
    const salt = attrs.get("s");
    const iterations = Number(attrs.get("i"));
    if (!nonce || !nonce.startsWith(this.#clientNonce) || nonce === this.#clientNonce) {
      throw new Error("SCRAM: the server's nonce does not extend the client's");
    }
    if (salt === undefined || !Number.isInteger(iterations) || iterations < 1) {
      throw new Error("SCRAM: the server's first message lacks a salt or an iteration count");
    }
    const salted = pbkdf2Sync(this.#password, Buffer.from(salt, "base64"), iterations, 32, "sha256");
    this.#saltedPassword = salted;
    const withoutProof = `c=${GS2_HEADER_BASE64},r=${nonce}`;
    this.#authMessage = `${this.#firstBare()},${serverFirst},${withoutProof}`;
    const clientKey = hmac(salted, "Client Key");
    const storedKey = createHash("sha256").update(clientKey).digest();
    const signature = hmac(storedKey, this.#authMessage);
    const proof = Buffer.alloc(clientKey.length);
    for (let i = 0; i < proof.length; i++) proof[i] = clientKey[i] ^ signature[i];
    return `${withoutProof},p=${proof.toString("base64")}`;
  }

  /**
   * Check the server's signature, which proves it knew the password's verifier.
   *
   * @param serverFinal the server-final-message (`v=...`)
   * @throws {Error} when the signature is missing or wrong, or the server reported an error (`e=...`)
   */
  verifyServerFinal(serverFinal: string): void {
    const attrs = attributes(serverFinal);
    const error = attrs.get("e");
    if (error !== undefined) throw new Error(`SCRAM: the server refused the proof: ${error}`);
    const signature = attrs.get("v");
    if (signature === undefined || this.#saltedPassword === undefined) {
      throw new Error("SCRAM: the server's final message lacks its signature");
    }
    const expected = hmac(hmac(this.#saltedPassword, "Server Key"), this.#authMessage);
    const given = Buffer.from(signature, "base64");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new Error("SCRAM: the server's signature does not match (is this the server you meant?)");
    }
  }

  #firstBare(): string {
    return `n=${this.#user.replaceAll("=", "=3D").replaceAll(",", "=2C")},r=${this.#clientNonce}`;
  }
}

function hmac(key: Uint8Array, text: string): Buffer {
  return createHmac("sha256", key).update(text).digest();
}

/** `a=1,b=2` -> Map; values may contain `=`. */
function attributes(message: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of message.split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) out.set(part.slice(0, eq), part.slice(eq + 1));
  }
  return out;
}

/**
 * SASLprep's mapping step (RFC 4013 section 2.1: non-ASCII spaces to a space, "commonly mapped to
 * nothing" characters removed) and NFKC (section 2.2). ASCII passwords, the usual case, are
 * unchanged. The prohibited-output and bidi checks are left out: where they fail, PostgreSQL and
 * libpq use the password as given, which differs from this only for passwords that NFKC changes.
 */
function saslPrepMapping(password: string): string {
  // deno-lint-ignore no-control-regex
  if (/^[\x00-\x7f]*$/.test(password)) return password;
  return password
    .replace(/[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000]/g, " ")
    .replace(/[\u00ad\u034f\u1806\u180b-\u180d\u200c\u200d\u2060\ufe00-\ufe0f\ufeff]/g, "")
    .normalize("NFKC");
}
