import { assertEquals, assertThrows } from "../../_assert.ts";
import { maskUrl, parseUrl } from "../../../lib/config/url.ts";
import { UrlError } from "../../../lib/errors.ts";

Deno.test("parseUrl reads the SQLite forms", async (t) => {
  const rows: [string, string][] = [
    ["sqlite:///app.db", "/base/app.db"],
    ["sqlite:///data/app.db", "/base/data/app.db"],
    ["sqlite:////abs/app.db", "/abs/app.db"],
    ["sqlite://:memory:", ":memory:"],
    ["sqlite:///:memory:", ":memory:"],
    ["sqlite://", ":memory:"],
    ["sqlite+pysqlite:///app.db", "/base/app.db"],
  ];
  for (const [raw, path] of rows) {
    await t.step(raw, () => {
      assertEquals(parseUrl(raw, "/base"), { dialect: "sqlite", path, options: {}, raw });
    });
  }
});

Deno.test("parseUrl keeps SQLite query options", () => {
  assertEquals(parseUrl("sqlite:///a.db?mode=ro&cache=shared", "/b"), {
    dialect: "sqlite",
    path: "/b/a.db",
    options: { mode: "ro", cache: "shared" },
    raw: "sqlite:///a.db?mode=ro&cache=shared",
  });
});

Deno.test("parseUrl reads server URLs with every scheme and driver suffix", async (t) => {
  const rows: [string, "postgresql" | "mysql", number][] = [
    ["postgresql://u:p@h/db", "postgresql", 5432],
    ["postgres://u:p@h/db", "postgresql", 5432],
    ["postgresql+psycopg2://u:p@h/db", "postgresql", 5432],
    ["mysql://u:p@h/db", "mysql", 3306],
    ["mariadb://u:p@h/db", "mysql", 3306],
    ["mysql+pymysql://u:p@h/db", "mysql", 3306],
  ];
  for (const [raw, dialect, port] of rows) {
    await t.step(raw, () => {
      assertEquals(parseUrl(raw, "/base"), {
        dialect,
        host: "h",
        port,
        user: "u",
        password: "p",
        database: "db",
        options: {},
        raw,
      });
    });
  }
});

Deno.test("parseUrl percent-decodes user, password, database and options", () => {
  const raw =
    "postgresql://my%20user:p%40ss%3Aw%2Ford@db.example:6543/shop%2Dmain?sslmode=require&application_name=my+app&x=%26";
  assertEquals(parseUrl(raw, "/"), {
    dialect: "postgresql",
    host: "db.example",
    port: 6543,
    user: "my user",
    password: "p@ss:w/ord",
    database: "shop-main",
    options: { sslmode: "require", application_name: "my app", x: "&" },
    raw,
  });
});

Deno.test("parseUrl accepts missing parts and IPv6 hosts", () => {
  assertEquals(parseUrl("mysql://root@127.0.0.1", "/"), {
    dialect: "mysql",
    host: "127.0.0.1",
    port: 3306,
    user: "root",
    password: undefined,
    database: undefined,
    options: {},
    raw: "mysql://root@127.0.0.1",
  });
  assertEquals(parseUrl("postgresql://[::1]:5433/db", "/").host, "::1");
  assertEquals(parseUrl("postgresql://[::1]:5433/db", "/").port, 5433);
  assertEquals(parseUrl("postgresql:///db", "/").host, undefined);
  assertEquals(parseUrl("postgresql://u:@h/db", "/").password, "");
});

Deno.test("parseUrl rejects bad URLs without showing the password", async (t) => {
  const rows: [string, string][] = [
    [
      "oracle://scott:tiger@h/db",
      'Cannot parse database URL "oracle://scott:***@h/db": unsupported scheme "oracle" (expected sqlite, postgresql, postgres, mysql or mariadb)',
    ],
    [
      "postgresql://u:secret@h:abc/db",
      'Cannot parse database URL "postgresql://u:***@h:abc/db": port "abc" is not a number from 1 to 65535',
    ],
    [
      "postgresql://u:secret@h:70000/db",
      'Cannot parse database URL "postgresql://u:***@h:70000/db": port "70000" is not a number from 1 to 65535',
    ],
    [
      "postgresql://u:sec%zzret@h/db",
      'Cannot parse database URL "postgresql://u:***@h/db": the password holds a malformed percent escape',
    ],
    [
      "not a url",
      'Cannot parse database URL "not a url": expected SCHEME://..., e.g. postgresql://user@host/db or sqlite:///file.db',
    ],
    [
      "sqlite://host/app.db",
      'Cannot parse database URL "sqlite://host/app.db": expected sqlite:///relative.db, sqlite:////absolute.db or sqlite://:memory:',
    ],
  ];
  for (const [raw, message] of rows) {
    await t.step(raw, () => {
      const error = assertThrows(() => parseUrl(raw, "/"), UrlError);
      assertEquals(error.message, message);
    });
  }
});

Deno.test("maskUrl hides passwords in any input", async (t) => {
  const rows: [string, string][] = [
    ["postgresql://app:s3cret@db/shop", "postgresql://app:***@db/shop"],
    ["mysql://root@127.0.0.1/app", "mysql://root@127.0.0.1/app"],
    ["mysql://root:@127.0.0.1/app", "mysql://root:***@127.0.0.1/app"],
    ["postgresql://app:p@ss@db/shop", "postgresql://app:***@db/shop"],
    ["postgresql://app:pa/ss@db:x/shop", "postgresql://app:***@db:x/shop"],
    ["postgresql://h/db?user=a&password=secret&x=1", "postgresql://h/db?user=a&password=***&x=1"],
    ["sqlite:///app.db", "sqlite:///app.db"],
    ["user:secret@host", "user:***@host"],
    ["secret@host", "***@host"],
    ["garbage", "garbage"],
  ];
  for (const [raw, masked] of rows) {
    await t.step(raw, () => assertEquals(maskUrl(raw), masked));
  }
});
