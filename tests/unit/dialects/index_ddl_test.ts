/**
 * `CREATE INDEX` with structured columns and index options on each dialect: the exact text where
 * the database has the clause, an UnsupportedOperationError naming the way out where it has not.
 * The `{ column, order: "desc" }` form replaces `{ sql: "name DESC" }`, which rendered `((name DESC))`.
 *
 * @module
 */
import { assertEquals, assertStringIncludes, assertThrows } from "../../_assert.ts";
import { UnsupportedOperationError } from "../../../lib/errors.ts";
import type { DialectName } from "../../../lib/dialects/dialect.ts";
import { mysqlDialect } from "../../../lib/dialects/mysql/dialect.ts";
import { postgresDialect } from "../../../lib/dialects/postgres/dialect.ts";
import { sqliteDialect } from "../../../lib/dialects/sqlite/dialect.ts";
import { createIndex } from "../../../lib/operations/create.ts";
import type { Operation } from "../../../lib/operations/types.ts";

const DIALECTS = { postgresql: postgresDialect, mysql: mysqlDialect, sqlite: sqliteDialect };

const CASES: readonly {
  name: string;
  op: Operation;
  expect: { readonly [D in DialectName]: string | null };
}[] = [
  {
    name: "a descending column with NULLS placement",
    op: createIndex("ix", "t", [{ column: "name", order: "desc" }, "id"]),
    expect: {
      postgresql: "CREATE INDEX ix ON t (name DESC, id)",
      mysql: "CREATE INDEX ix ON t (name DESC, id)",
      sqlite: "CREATE INDEX ix ON t (name DESC, id)",
    },
  },
  {
    name: "NULLS FIRST on an ascending column",
    op: createIndex("ix", "t", [{ column: "name", nulls: "first" }]),
    expect: { postgresql: "CREATE INDEX ix ON t (name NULLS FIRST)", mysql: null, sqlite: null },
  },
  {
    name: "an expression with order, collation and operator class",
    op: createIndex("ix", "t", [{
      sql: "lower(name)",
      collation: "C",
      opclass: "text_pattern_ops",
      order: "desc",
    }]),
    expect: {
      postgresql: 'CREATE INDEX ix ON t ((lower(name)) COLLATE "C" text_pattern_ops DESC)',
      mysql: null,
      sqlite: null,
    },
  },
  {
    name: "a collation",
    op: createIndex("ix", "t", [{ column: "name", collation: "NOCASE" }]),
    expect: {
      postgresql: 'CREATE INDEX ix ON t (name COLLATE "NOCASE")',
      mysql: null,
      sqlite: 'CREATE INDEX ix ON t (name COLLATE "NOCASE")',
    },
  },
  {
    name: "an access method",
    op: createIndex("ix", "t", ["tags"], { using: "gin" }),
    expect: {
      postgresql: "CREATE INDEX ix ON t USING gin (tags)",
      mysql: "CREATE INDEX ix ON t (tags) USING GIN",
      sqlite: null,
    },
  },
  {
    name: "INCLUDE and NULLS NOT DISTINCT",
    op: createIndex("ix", "t", ["a"], { unique: true, include: ["b"], nullsNotDistinct: true }),
    expect: {
      postgresql: "CREATE UNIQUE INDEX ix ON t (a) INCLUDE (b) NULLS NOT DISTINCT",
      mysql: null,
      sqlite: null,
    },
  },
  {
    name: "FULLTEXT with a prefix length elsewhere",
    op: createIndex("ix", "t", ["title", "body"], { fulltext: true }),
    expect: { postgresql: null, mysql: "CREATE FULLTEXT INDEX ix ON t (title, body)", sqlite: null },
  },
  {
    name: "SPATIAL",
    op: createIndex("ix", "t", ["geo"], { spatial: true }),
    expect: { postgresql: null, mysql: "CREATE SPATIAL INDEX ix ON t (geo)", sqlite: null },
  },
];

for (const [name, dialect] of Object.entries(DIALECTS)) {
  Deno.test(`${name} renders structured index columns and options`, async (t) => {
    for (const c of CASES) {
      await t.step(c.name, () => {
        const expected = c.expect[dialect.name];
        if (expected === null) {
          const error = assertThrows(() => dialect.ddl(c.op), UnsupportedOperationError);
          assertStringIncludes(error.message, "Cannot create");
          return;
        }
        assertEquals(dialect.ddl(c.op).map((s) => s.sql), [expected]);
      });
    }
  });
}

Deno.test("createIndex refuses unknown keys and bad orders in a column entry", () => {
  assertThrows(
    () => createIndex("ix", "t", [{ column: "a", order: "down" } as never]),
    TypeError,
    'column 1 order must be "asc" or "desc", got "down"',
  );
  assertThrows(
    () => createIndex("ix", "t", [{ column: "a", sql: "b" } as never]),
    TypeError,
    "column 1 needs exactly one of column and sql",
  );
  assertThrows(
    () => createIndex("ix", "t", [{ column: "a", desc: true } as never]),
    TypeError,
    'unknown key "desc"',
  );
});
