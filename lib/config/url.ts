/**
 * Database URLs, Alembic-style (DESIGN.md section 3):
 * `sqlite:///relative.db`, `sqlite:////absolute.db`, `sqlite://:memory:`,
 * `postgresql://user:pass@host:port/db` (also `postgres://`), `mysql://...` (also `mariadb://`).
 * A driver suffix (`postgresql+psycopg2://`) is accepted and ignored.
 *
 * This module declares the parsed shape, {@link parseUrl} and {@link maskUrl}.
 *
 * @module
 */
import { isAbsolute, resolve } from "node:path";
import type { DialectName } from "../dialects/dialect_name.ts";
import { UrlError } from "../errors.ts";

/** A parsed database URL. `password` is kept only here; print URLs with `maskUrl`. */
export interface DatabaseUrl {
  /** The dialect the scheme names (`postgres` and `mariadb` normalised, any `+driver` dropped). */
  readonly dialect: DialectName;
  /** For SQLite: absolute file path, or `:memory:`. */
  readonly path?: string;
  /**
   * Server host, without an IPv6 address's brackets; undefined when empty (PostgreSQL then reads the
   * `host` option; both drivers default to `localhost`). Undefined for SQLite.
   */
  readonly host?: string;
  /** Server port: the URL's, else 5432 (PostgreSQL) or 3306 (MySQL); undefined for SQLite. */
  readonly port?: number;
  /** Login name, percent-decoded; when absent PostgreSQL uses `PGUSER`, else `postgres`, and MySQL `root`. */
  readonly user?: string;
  /**
   * Password, percent-decoded: `""` for `user:@host`, undefined when absent (PostgreSQL then uses
   * `PGPASSWORD`). Never print it.
   */
  readonly password?: string;
  /** Database name, percent-decoded; when absent PostgreSQL uses the user's name and MySQL selects none. */
  readonly database?: string;
  /** Query-string options (`sslmode`, `application_name`, `connect_timeout`, ...), decoded. */
  readonly options: Readonly<Record<string, string>>;
  /** The URL as given, for messages: always pass through `maskUrl` before printing. */
  readonly raw: string;
}

/** URL scheme (before any `+driver` suffix) -> dialect. */
const SCHEMES: Readonly<Record<string, DialectName>> = {
  sqlite: "sqlite",
  postgresql: "postgresql",
  postgres: "postgresql",
  mysql: "mysql",
  mariadb: "mysql",
};

const DEFAULT_PORTS: Readonly<Record<string, number>> = { postgresql: 5432, mysql: 3306 };

// SQLAlchemy's URL grammar: the password runs to the first "@", so a password holding "@" must be
// percent-encoded there too; an IPv6 host is written in brackets.
const SERVER_RE =
  /^(?:(?<user>[^:/?@]*)(?::(?<password>[^@]*))?@)?(?:\[(?<ipv6>[^\]]*)\]|(?<host>[^/:?]*))(?::(?<port>[^/?]*))?(?:\/(?<database>[^?]*))?(?:\?(?<query>.*))?$/s;

/**
 * Parses a database URL in the forms DESIGN.md section 3 lists (SQLAlchemy's URL forms, so Alembic
 * URLs work unchanged).
 *
 * - `sqlite:///relative.db` (relative to `baseDir`), `sqlite:////absolute.db`, `sqlite://:memory:`,
 *   `sqlite:///:memory:` and `sqlite://` (in memory, as SQLAlchemy);
 * - `postgresql://user:pass@host:port/db` (also `postgres://`), `mysql://...` (also `mariadb://`);
 *   a driver suffix (`postgresql+psycopg2://`, `mysql+pymysql://`) is accepted and ignored.
 *
 * User, password and database are percent-decoded; query options (`?sslmode=require`) are decoded
 * into `options` (a repeated key keeps its last value). Ports default to 5432 (PostgreSQL) and
 * 3306 (MySQL).
 *
 * @param raw the URL as written
 * @param baseDir absolute folder that a relative SQLite path is resolved against
 * @returns the parsed URL; `raw` is kept as given
 * @throws {UrlError} when the scheme is not supported or the URL is malformed; the message shows
 *   the URL through {@link maskUrl}, so it never holds the password
 * @example
 * ```ts
 * import { deepStrictEqual as assertEquals } from "node:assert/strict";
 * const url = parseUrl("postgresql+psycopg2://app:s%40cret@db:6543/shop", "/srv");
 * assertEquals([url.dialect, url.host, url.port, url.password], ["postgresql", "db", 6543, "s@cret"]);
 * ```
 */
export function parseUrl(raw: string, baseDir: string): DatabaseUrl {
  const fail = (detail: string): never => {
    throw new UrlError(`Cannot parse database URL "${maskUrl(raw)}": ${detail}`);
  };
  const trimmed = raw.trim();
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(.*)$/s.exec(trimmed);
  if (!schemeMatch) {
    return fail("expected SCHEME://..., e.g. postgresql://user@host/db or sqlite:///file.db");
  }
  const scheme = schemeMatch[1].toLowerCase();
  const rest = schemeMatch[2];
  const base = scheme.split("+")[0];
  const dialect = SCHEMES[base];
  if (!dialect) {
    return fail(`unsupported scheme "${scheme}" (expected sqlite, postgresql, postgres, mysql or mariadb)`);
  }
  if (dialect === "sqlite") return parseSqlite(raw, rest, baseDir, fail);

  const m = SERVER_RE.exec(rest);
  if (!m || !m.groups) return fail("expected USER:PASSWORD@HOST:PORT/DATABASE");
  const g = m.groups;
  const decode = (value: string | undefined, what: string): string | undefined => {
    if (value === undefined || value === "") return undefined;
    try {
      return decodeURIComponent(value);
    } catch {
      return fail(`the ${what} holds a malformed percent escape`);
    }
  };
  let port = DEFAULT_PORTS[dialect];
  if (g.port !== undefined && g.port !== "") {
    if (!/^\d{1,5}$/.test(g.port) || Number(g.port) < 1 || Number(g.port) > 65535) {
      return fail(`port "${g.port}" is not a number from 1 to 65535`);
    }
    port = Number(g.port);
  }
  const host = g.ipv6 !== undefined ? g.ipv6 : g.host;
  return {
    dialect,
    host: host === undefined || host === "" ? undefined : decode(host, "host"),
    port,
    user: decode(g.user, "user"),
    password: g.password === undefined ? undefined : (decode(g.password, "password") ?? ""),
    database: decode(g.database, "database"),
    options: parseQuery(g.query, fail),
    raw,
  };
}

function parseSqlite(
  raw: string,
  rest: string,
  baseDir: string,
  fail: (detail: string) => never,
): DatabaseUrl {
  const q = rest.indexOf("?");
  const pathPart = q < 0 ? rest : rest.slice(0, q);
  const options = parseQuery(q < 0 ? undefined : rest.slice(q + 1), fail);
  let path: string;
  if (pathPart === "" || pathPart === "/" || pathPart === ":memory:" || pathPart === "/:memory:") {
    path = ":memory:";
  } else if (pathPart.startsWith("/")) {
    // "sqlite:///x" leaves "/x": one slash ends the (empty) host; a second one makes it absolute.
    const file = pathPart.slice(1);
    path = isAbsolute(file) ? file : resolve(baseDir, file);
  } else {
    return fail("expected sqlite:///relative.db, sqlite:////absolute.db or sqlite://:memory:");
  }
  return { dialect: "sqlite", path, options, raw };
}

function parseQuery(query: string | undefined, fail: (detail: string) => never): Record<string, string> {
  const options: Record<string, string> = {};
  if (query === undefined || query === "") return options;
  for (const pair of query.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const key = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? "" : pair.slice(eq + 1);
    try {
      // "+" is a space in query strings (Python's parse_qsl, which SQLAlchemy uses, agrees).
      options[decodeURIComponent(key.replaceAll("+", " "))] = decodeURIComponent(value.replaceAll("+", " "));
    } catch {
      return fail(`query option "${key}" holds a malformed percent escape`);
    }
  }
  return options;
}

const SECRET_QUERY_RE = /([?&](?:password|passwd|pwd|pass)=)[^&]*/gi;

/**
 * Hides the password of a database URL for messages and logs: `postgresql://app:***@db/shop`.
 *
 * Works on any string, parseable or not: everything between the first `:` of the user-info part
 * and the last `@` is replaced, and `password=` query options are masked too, so a password never
 * leaks even from a malformed URL (a URL with `@` inside its query may be over-masked; that is the
 * safe side).
 *
 * @param raw a URL, or any text given where a URL was expected
 * @returns the same text with the password replaced by `***`
 * @example
 * ```ts
 * import { deepStrictEqual as assertEquals } from "node:assert/strict";
 * assertEquals(maskUrl("mysql://root:hunter2@127.0.0.1/app"), "mysql://root:***@127.0.0.1/app");
 * ```
 */
export function maskUrl(raw: string): string {
  const text = raw.replace(SECRET_QUERY_RE, "$1***");
  const sep = text.indexOf("://");
  const start = sep < 0 ? 0 : sep + 3;
  const at = text.lastIndexOf("@");
  if (at < start) return text;
  const userinfo = text.slice(start, at);
  const colon = userinfo.indexOf(":");
  if (colon < 0) {
    // Without "://" we cannot tell a user name from a password: hide all of it.
    return sep < 0 ? `***${text.slice(at)}` : text;
  }
  return `${text.slice(0, start + colon + 1)}***${text.slice(at)}`;
}
