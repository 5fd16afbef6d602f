import { assertEquals, assertThrows } from "../../_assert.ts";
import {
  commandCount,
  dataRow,
  errorFields,
  extendedQuery,
  MessageReader,
  passwordMessage,
  rowDescription,
  saslInitialResponse,
  startupMessage,
  TERMINATE,
} from "../../../lib/dialects/postgres/protocol.ts";
import { ScramClient } from "../../../lib/dialects/postgres/scram.ts";
import { sessionSettings } from "../../../lib/dialects/postgres/settings.ts";
import { parseUrl } from "../../../lib/config/url.ts";

const bytes = (...parts: (number | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => typeof p === "number" ? [p] : [...new TextEncoder().encode(p)]));

/** A backend message: type, Int32 length, body. */
function backend(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(5 + body.length);
  out[0] = type.charCodeAt(0);
  new DataView(out.buffer).setInt32(1, 4 + body.length);
  out.set(body, 5);
  return out;
}

Deno.test("startupMessage: length, protocol 3.0, NUL-separated parameters and a final NUL", () => {
  assertEquals(
    startupMessage({ user: "u", database: "d" }),
    bytes(0, 0, 0, 27, 0, 3, 0, 0, "user", 0, "u", 0, "database", 0, "d", 0, 0),
  );
});

Deno.test("client messages carry their type byte and length", () => {
  assertEquals(passwordMessage("pw"), bytes("p", 0, 0, 0, 7, "pw", 0));
  assertEquals(
    saslInitialResponse("SCRAM-SHA-256", "n,,n=,r=x"),
    bytes("p", 0, 0, 0, 31, "SCRAM-SHA-256", 0, 0, 0, 0, 9, "n,,n=,r=x"),
  );
  assertEquals(TERMINATE, bytes("X", 0, 0, 0, 4));
});

Deno.test("extendedQuery sends Parse, Bind with text parameters (NULL as -1), Describe, Execute, Sync", () => {
  assertEquals(
    extendedQuery("select $1, $2", ["é", null]),
    bytes(
      "P",
      0,
      0,
      0,
      21,
      0,
      "select $1, $2",
      0,
      0,
      0,
      "B",
      0,
      0,
      0,
      22,
      0,
      0,
      0,
      0,
      0,
      2,
      0,
      0,
      0,
      2,
      0xc3,
      0xa9,
      0xff,
      0xff,
      0xff,
      0xff,
      0,
      0,
      "D",
      0,
      0,
      0,
      6,
      "P",
      0,
      "E",
      0,
      0,
      0,
      9,
      0,
      0,
      0,
      0,
      0,
      "S",
      0,
      0,
      0,
      4,
    ),
  );
});

Deno.test("MessageReader splits messages across chunk boundaries and waits for whole ones", () => {
  const stream = new Uint8Array([
    ...backend("Z", bytes("I")),
    ...backend("C", bytes("SELECT 3", 0)),
  ]);
  const reader = new MessageReader();
  reader.push(stream.subarray(0, 3));
  assertEquals(reader.next(), undefined);
  reader.push(stream.subarray(3, 8));
  const z = reader.next();
  assertEquals(z?.type, "Z");
  assertEquals([...z!.body], [73]);
  assertEquals(reader.next(), undefined);
  reader.push(stream.subarray(8));
  const c = reader.next();
  assertEquals(c?.type, "C");
  assertEquals(commandCount(c!.body), 3);
  assertEquals(reader.next(), undefined);
});

Deno.test("MessageReader refuses an impossible length", () => {
  const reader = new MessageReader();
  reader.push(bytes("Z", 0, 0, 0, 2));
  assertThrows(() => reader.next(), RangeError, "Cannot read the server's reply: message length 2");
});

Deno.test("errorFields names the fields as postgres.js does; V wins over the translated S", () => {
  const fields = errorFields(
    bytes(
      "S",
      "FEHLER",
      0,
      "V",
      "ERROR",
      0,
      "C",
      "42P01",
      0,
      "M",
      'relation "x" does not exist',
      0,
      "P",
      "15",
      0,
      0,
    ),
  );
  assertEquals(fields, {
    severity_local: "FEHLER",
    severity: "ERROR",
    code: "42P01",
    message: 'relation "x" does not exist',
    position: "15",
  });
});

Deno.test("rowDescription and dataRow read names, type OIDs and text values (NULL as null)", () => {
  const column = (name: string, oid: number) => {
    const b = new Uint8Array(18);
    const v = new DataView(b.buffer);
    v.setInt32(6, oid);
    return [...new TextEncoder().encode(name), 0, ...b];
  };
  assertEquals(
    rowDescription(Uint8Array.from([0, 2, ...column("version_num", 1043), ...column("n", 23)])),
    [{ name: "version_num", typeOid: 1043 }, { name: "n", typeOid: 23 }],
  );
  assertEquals(dataRow(bytes(0, 2, 0, 0, 0, 2, "ab", 0xff, 0xff, 0xff, 0xff)), ["ab", null]);
});

Deno.test("commandCount reads the count of a CommandComplete tag, 0 when there is none", () => {
  assertEquals(commandCount(bytes("INSERT 0 5", 0)), 5);
  assertEquals(commandCount(bytes("UPDATE 1", 0)), 1);
  assertEquals(commandCount(bytes("CREATE TABLE", 0)), 0);
});

Deno.test("ScramClient reproduces RFC 7677's SCRAM-SHA-256 example", () => {
  const client = new ScramClient("pencil", { clientNonce: "rOprNGfwEbeRWgbNEkqO", user: "user" });
  assertEquals(client.clientFirst(), "n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
  const serverFirst =
    "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
  assertEquals(
    client.clientFinal(serverFirst),
    "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
  );
  client.verifyServerFinal("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
  assertThrows(
    () => client.verifyServerFinal("v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="),
    Error,
    "SCRAM: the server's signature does not match",
  );
});

Deno.test("ScramClient refuses a server nonce that does not extend its own", () => {
  const client = new ScramClient("pencil", { clientNonce: "abc" });
  assertThrows(() => client.clientFinal("r=xyz123,s=AAAA,i=4096"), Error, "SCRAM: the server's nonce");
  assertThrows(() => client.clientFinal("r=abc,s=AAAA,i=4096"), Error, "SCRAM: the server's nonce");
  assertThrows(() => client.clientFinal("r=abc1,i=4096"), Error, "lacks a salt");
});

Deno.test("sessionSettings reads the URL as libpq does", () => {
  const s = sessionSettings(
    parseUrl(
      "postgresql://me:p%40ss@db.example:6543/app?sslmode=disable&connect_timeout=3&search_path=a",
      "/",
    ),
  );
  assertEquals(s.user, "me");
  assertEquals(s.password, "p@ss");
  assertEquals(s.target.host, "db.example");
  assertEquals(s.target.port, 6543);
  assertEquals(s.target.database, "app");
  assertEquals(s.connectTimeoutMs, 3000);
  assertEquals(s.applicationName, "retort");
  assertEquals(s.parameters, { search_path: "a" });
  assertEquals(s.socketPath, undefined);
  const socket = sessionSettings(parseUrl("postgresql://me@/app?host=/var/run/postgresql", "/"));
  assertEquals(socket.socketPath, "/var/run/postgresql/.s.PGSQL.5432");
  assertEquals(
    sessionSettings(parseUrl("postgresql://me@h/app?connect_timeout=0", "/")).connectTimeoutMs,
    86_400_000,
  );
});
