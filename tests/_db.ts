/**
 * Shared helpers for tests that talk to real PostgreSQL and MySQL/MariaDB servers: a uniquely
 * named scratch database per call, dropped afterwards. A server that cannot be reached makes the
 * test fail with a message naming the URL tried; database tests never skip.
 *
 * Servers come from `RETORT_TEST_POSTGRES_URL` (default `postgres://postgres@127.0.0.1:5432/postgres`)
 * and `RETORT_TEST_MYSQL_URL` (default `mysql://root@127.0.0.1:3306/test`).
 *
 * @module
 */
import postgres from "postgres";
import mysql from "mysql2/promise";
import process from "node:process";
import { randomBytes } from "node:crypto";
import { type AddressInfo, connect as netConnect, createServer, type Socket } from "node:net";
import { maskUrl, parseUrl } from "../lib/config/url.ts";
import type { DatabaseUrl } from "../lib/config/url.ts";

/** The PostgreSQL server the tests use. */
export const POSTGRES_TEST_URL: string = process.env.RETORT_TEST_POSTGRES_URL ||
  "postgres://postgres@127.0.0.1:5432/postgres";

/** The MySQL/MariaDB server the tests use. */
export const MYSQL_TEST_URL: string = process.env.RETORT_TEST_MYSQL_URL || "mysql://root@127.0.0.1:3306/test";

/**
 * Parse a test URL (relative SQLite paths resolve against the working directory).
 *
 * @param raw a database URL
 * @returns the parsed URL
 */
export function testUrl(raw: string): DatabaseUrl {
  return parseUrl(raw, process.cwd());
}

/**
 * The same URL with another database name (and, optionally, other credentials).
 *
 * @param raw a `postgres://` or `mysql://` URL
 * @param database the database name to put in its path
 * @param credentials `user` and `password` to put in place of the URL's, written as given
 *   (percent-encode them yourself)
 * @returns the new URL string
 */
export function withDatabase(
  raw: string,
  database: string,
  credentials?: { user: string; password?: string },
): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)(?:([^@/]*)@)?([^/?]*)(?:\/[^?]*)?(\?.*)?$/i.exec(raw);
  if (!m) throw new TypeError(`Cannot use test URL "${maskUrl(raw)}": expected SCHEME://USER@HOST:PORT/DB`);
  const [, scheme, userinfo, hostport, query = ""] = m;
  const auth = credentials
    ? `${credentials.user}${credentials.password === undefined ? "" : `:${credentials.password}`}@`
    : userinfo === undefined
    ? ""
    : `${userinfo}@`;
  return `${scheme}${auth}${hostport}/${encodeURIComponent(database)}${query}`;
}

/** A fresh database name: `retort_test_<prefix>_<8 hex>` (lower case, no quoting needed). */
function uniqueName(prefix: string): string {
  return `retort_test_${prefix}_${randomBytes(4).toString("hex")}`;
}

/**
 * Open an administrative postgres.js connection to the PostgreSQL test server.
 *
 * @param raw the server URL; defaults to {@link POSTGRES_TEST_URL}
 * @returns a one-connection postgres.js client; call `end()` when done
 * @throws {Error} naming the URL tried when the server does not answer
 */
export async function postgresAdmin(raw: string = POSTGRES_TEST_URL): Promise<postgres.Sql> {
  const url = testUrl(raw);
  const sql = postgres({
    host: url.host ?? "127.0.0.1",
    port: url.port ?? 5432,
    user: url.user ?? "postgres",
    password: url.password,
    database: url.database ?? "postgres",
    max: 1,
    connect_timeout: 5,
    onnotice: () => {},
  });
  try {
    await sql`select 1`;
  } catch (err) {
    await sql.end({ timeout: 0 }).catch(() => {});
    throw new Error(
      `Cannot reach the PostgreSQL test server at "${maskUrl(raw)}" (set RETORT_TEST_POSTGRES_URL): ${
        (err as Error).message
      }`,
    );
  }
  return sql;
}

/**
 * Open an administrative mysql2 connection to the MySQL/MariaDB test server.
 *
 * @param raw the server URL; defaults to {@link MYSQL_TEST_URL}
 * @returns a mysql2 connection (with `multipleStatements`); call `end()` when done
 * @throws {Error} naming the URL tried when the server does not answer
 */
export async function mysqlAdmin(raw: string = MYSQL_TEST_URL): Promise<mysql.Connection> {
  const url = testUrl(raw);
  try {
    return await mysql.createConnection({
      host: url.host ?? "127.0.0.1",
      port: url.port ?? 3306,
      user: url.user ?? "root",
      password: url.password,
      database: url.database,
      connectTimeout: 5000,
      multipleStatements: true,
    });
  } catch (err) {
    throw new Error(
      `Cannot reach the MySQL test server at "${maskUrl(raw)}" (set RETORT_TEST_MYSQL_URL): ${
        (err as Error).message
      }`,
    );
  }
}

/**
 * Run `fn` with a new, empty PostgreSQL database, dropped afterwards (also when `fn` throws).
 *
 * @param fn receives the URL of the new database (same credentials as the server URL)
 * @param prefix part of the database name, to tell test files apart
 * @returns what `fn` returns
 * @throws {Error} naming the URL tried when the server does not answer
 */
export async function withPostgresDatabase<T>(fn: (url: string) => Promise<T>, prefix = "pg"): Promise<T> {
  const admin = await postgresAdmin();
  const name = uniqueName(prefix);
  try {
    await admin.unsafe(`create database "${name}"`);
    try {
      return await fn(withDatabase(POSTGRES_TEST_URL, name));
    } finally {
      // WITH (FORCE) ends sessions a failed test left open (PostgreSQL 13+).
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/**
 * Run `fn` with a new, empty MySQL/MariaDB database, dropped afterwards (also when `fn` throws).
 *
 * @param fn receives the URL of the new database (same credentials as the server URL)
 * @param prefix part of the database name, to tell test files apart
 * @returns what `fn` returns
 * @throws {Error} naming the URL tried when the server does not answer
 */
export async function withMysqlDatabase<T>(fn: (url: string) => Promise<T>, prefix = "my"): Promise<T> {
  const admin = await mysqlAdmin();
  const name = uniqueName(prefix);
  try {
    await admin.query(`CREATE DATABASE \`${name}\``);
    try {
      return await fn(withDatabase(MYSQL_TEST_URL, name));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    }
  } finally {
    await admin.end();
  }
}

/**
 * Every text reachable from an error: message, stack and all fields, down the cause chain; tests
 * search it for leaked passwords.
 *
 * @param err any thrown value
 * @returns the texts, one per line
 */
export function errorTexts(err: unknown): string {
  const out: string[] = [];
  let e: unknown = err;
  for (let depth = 0; e !== undefined && e !== null && depth < 10; depth++) {
    if (e instanceof Error) {
      out.push(e.message, String(e.stack));
      for (const key of Object.getOwnPropertyNames(e)) {
        const v = (e as unknown as Record<string, unknown>)[key];
        try {
          out.push(typeof v === "string" ? v : JSON.stringify(v) ?? "");
        } catch {
          out.push(String(v));
        }
      }
      e = e.cause;
    } else {
      out.push(String(e));
      break;
    }
  }
  return out.join("\n");
}

/**
 * The password of the test roles `retort_pw_test`, `retort_md5_test` and `retort_plain_test` (see
 * `_pg_password_roles.ts`) and of the MySQL user `retort_pw_test`.
 */
export const TEST_ROLE_PASSWORD = "S3cr%t p@ss";

/** {@link TEST_ROLE_PASSWORD} as written in a URL (percent-encoded). */
export const TEST_ROLE_PASSWORD_IN_URL = "S3cr%25t%20p%40ss";

/**
/**
 * Create (or reset) the MySQL/MariaDB user `retort_pw_test` with password {@link TEST_ROLE_PASSWORD},
 * allowed into `database`.
 *
 * @param database the database to grant
 */
export async function ensureMysqlPasswordUser(database: string): Promise<void> {
  const admin = await mysqlAdmin();
  try {
    await admin.query(
      `CREATE USER IF NOT EXISTS 'retort_pw_test'@'%' IDENTIFIED BY '${TEST_ROLE_PASSWORD}';
       ALTER USER 'retort_pw_test'@'%' IDENTIFIED BY '${TEST_ROLE_PASSWORD}';
       GRANT ALL ON \`${database}\`.* TO 'retort_pw_test'@'%'`,
    );
  } finally {
    await admin.end();
  }
}

/**
 * Run `fn` with a TCP server on 127.0.0.1 that accepts connections and never says a word, to test
 * connect time-outs deterministically.
 *
 * @param fn receives the server's port
 */
export async function withSilentServer(fn: (port: number) => Promise<void>): Promise<void> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await fn((server.address() as AddressInfo).port);
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
}

/**
 * Run `fn` with a port on 127.0.0.1 that drops connection attempts, as a firewalled host does: a
 * listener that never accepts, its backlog filled, so the kernel ignores further SYNs and a
 * connect stays pending until the caller gives up.
 *
 * @param fn receives the port
 */
export async function withBlackholePort(fn: (port: number) => Promise<void>): Promise<void> {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  const fillers: Socket[] = [];
  try {
    // Deno's backlog is about 512; connect until one attempt stays pending for 200 ms.
    for (let i = 0; i < 5000; i++) {
      const connected = await new Promise<boolean>((resolve) => {
        const s = netConnect(port, "127.0.0.1", () => resolve(true));
        s.on("error", () => resolve(false));
        fillers.push(s);
        setTimeout(() => resolve(false), 200);
      });
      if (!connected) break;
    }
    await fn(port);
  } finally {
    for (const s of fillers) s.destroy();
    listener.close();
  }
}
