/**
 * Schemas carried into an empty database by autogenerate's operations, then read back: the
 * database must hold what the schema says (`compareSchemas` finds nothing left to do), for the
 * column and table attributes of DESIGN.md section 10 (collation, charset, ON UPDATE, TIMESTAMP,
 * BINARY defaults, JSON, enums, storage options, partitioning). A row runs on the databases that
 * have what it tests (asked through capabilities, never by name).
 *
 * @module
 */
import type { DialectCapabilities } from "../../lib/dialects/capabilities.ts";
import type { Connection } from "../../lib/dialects/dialect.ts";
import type { Operation } from "../../lib/operations/types.ts";
import * as create from "../../lib/operations/create.ts";
import { compareSchemas } from "../../lib/schema/compare/compare_schemas.ts";
import { introspectSchema } from "../../lib/schema/introspect.ts";
import type { Schema, Table } from "../../lib/schema/model.ts";
import { assertEquals } from "../_assert.ts";
import { testUrl } from "../_db.ts";
import { applyOnline } from "../_operations.ts";
import { DIALECTS } from "./_dialects.ts";

interface RoundTrip {
  readonly name: string;
  /** The databases it runs on; all when absent. */
  readonly when?: (c: DialectCapabilities) => boolean;
  /** Applied first, when the row tests a change. */
  readonly from?: Schema;
  readonly to: Schema;
  /** Checks on the table `t` read back. */
  readonly expect?: (t: Table, c: DialectCapabilities) => void;
}

const mood = { name: "mood", values: ["sad", "ok", "happy"] };

const ROWS: readonly RoundTrip[] = [
  {
    name: "an enum declared on its column only",
    to: { tables: { t: { columns: { id: { type: "integer" }, m: { type: "enum", enum: mood } } } } },
  },
  {
    name: "an enum declared on its column and in the enums block",
    to: {
      enums: { mood: mood.values },
      tables: { t: { columns: { id: { type: "integer" }, m: { type: "enum", enum: mood } } } },
    },
  },
  {
    name: "an enum given a new value",
    when: (c) => c.enums === "inline",
    from: { tables: { t: { columns: { m: { type: "enum", enum: { values: ["a", "b"] } } } } } },
    to: { tables: { t: { columns: { m: { type: "enum", enum: { values: ["a", "b", "c"] } } } } } },
    expect: (t) => assertEquals(t.columns.m.type, "enum('a','b','c')"),
  },
  {
    name: "a bigint autoincrement key",
    to: {
      tables: { t: { columns: { id: { type: "bigint", primaryKey: true, autoincrement: true } } } },
    },
  },
  {
    name: "generated columns, stored and (where the database has them) virtual",
    to: {
      tables: {
        t: {
          columns: {
            a: { type: "integer" },
            s: { type: "integer", computed: { sql: "a * 2", stored: true } },
          },
        },
      },
    },
    expect: (t) => assertEquals(t.columns.s.computed?.stored, true),
  },
  {
    name: "a virtual generated column",
    when: (c) => c.enums !== "named-type",
    to: {
      tables: {
        t: {
          columns: {
            a: { type: "integer" },
            v: { type: "integer", computed: { sql: "a + 1", stored: false } },
          },
        },
      },
    },
    expect: (t) => assertEquals(t.columns.v.computed?.stored, false),
  },
  {
    name: "enum values with quotes, backslashes and capitals",
    to: {
      enums: { odd: ["it's", "a\\b", "Big"] },
      tables: {
        t: { columns: { m: { type: "enum", enum: { name: "odd", values: ["it's", "a\\b", "Big"] } } } },
      },
    },
  },
  {
    name: "a json column",
    to: { tables: { t: { columns: { id: { type: "integer" }, j: { type: "json" } } } } },
  },
  {
    name: "a column collation",
    when: (c) => !c.storageOptions && c.enums === "named-type",
    to: { tables: { t: { columns: { s: { type: "text", collation: "C" } } } } },
    expect: (t) => assertEquals(t.columns.s.collation, "C"),
  },
  {
    name: "a table partitioned by range with its partitions, and a table that inherits",
    when: (c) => c.enums === "named-type",
    to: {
      tables: {
        t: {
          columns: {
            id: { type: "integer", nullable: false },
            at: { type: "date", nullable: false },
          },
          primaryKey: { columns: ["at", "id"] },
          partitionBy: "RANGE (at)",
        },
        t_2024: {
          columns: {
            id: { type: "integer", nullable: false },
            at: { type: "date", nullable: false },
          },
          partitionOf: { table: "t", bound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')" },
        },
        t_rest: {
          columns: {
            id: { type: "integer", nullable: false },
            at: { type: "date", nullable: false },
          },
          partitionOf: { table: "t", bound: "DEFAULT" },
        },
        base: { columns: { id: { type: "integer" } } },
        heir: { columns: { id: { type: "integer" }, extra: { type: "text" } }, inherits: ["base"] },
      },
    },
    expect: (t) => assertEquals(t.partitionBy, "RANGE (at)"),
  },
  {
    name: "a SERIAL column stays SERIAL",
    when: (c) => c.enums === "named-type",
    to: {
      tables: {
        t: {
          columns: { id: { type: "serial", nullable: false }, n: { type: "bigserial", nullable: false } },
        },
      },
    },
    expect: (t) => {
      assertEquals(t.columns.id, { type: "serial", nullable: false });
      assertEquals(t.columns.n, { type: "bigserial", nullable: false });
    },
  },
  {
    name: "a STRICT table WITHOUT ROWID",
    when: (c) => c.rowidTables,
    to: {
      tables: {
        t: {
          columns: { k: { type: "text", nullable: false }, v: { type: "integer" } },
          primaryKey: { columns: ["k"] },
          sqlite: { withoutRowid: true, strict: true },
        },
      },
    },
    expect: (t) => assertEquals(t.sqlite, { withoutRowid: true, strict: true }),
  },
  {
    name: "a PostgreSQL column collation added",
    when: (c) => c.enums === "named-type",
    from: { tables: { t: { columns: { s: { type: "text", nullable: false, default: "x" } } } } },
    to: {
      tables: { t: { columns: { s: { type: "text", nullable: false, default: "x", collation: "C" } } } },
    },
    expect: (t) => assertEquals(t.columns.s, { type: "text", nullable: false, default: "x", collation: "C" }),
  },
  {
    name: "a SQLite column collation added",
    when: (c) => c.rowidTables,
    from: { tables: { t: { columns: { s: { type: "text", nullable: false, default: "x" } } } } },
    to: {
      tables: { t: { columns: { s: { type: "text", nullable: false, default: "x", collation: "NOCASE" } } } },
    },
    expect: (t) =>
      assertEquals(t.columns.s, { type: "text", nullable: false, default: "x", collation: "NOCASE" }),
  },
  {
    name: "a SQLite column collation",
    when: (c) => c.enums === "none",
    to: { tables: { t: { columns: { s: { type: "text", collation: "NOCASE" } } } } },
    expect: (t) => assertEquals(t.columns.s.collation, "NOCASE"),
  },
  {
    name: "identity options, then changed in place",
    when: (c) => c.identity,
    from: {
      tables: {
        t: { columns: { id: { type: "integer", nullable: false, autoincrement: true } } },
      },
    },
    to: {
      tables: {
        t: {
          columns: {
            id: {
              type: "integer",
              nullable: false,
              autoincrement: true,
              identity: { always: true, start: 10, increment: 5, maxValue: 1000, cache: 2, cycle: true },
            },
          },
        },
      },
    },
    expect: (t) =>
      assertEquals(t.columns.id.identity, {
        always: true,
        start: 10,
        increment: 5,
        maxValue: 1000,
        cache: 2,
        cycle: true,
      }),
  },
  {
    name: "a column charset and collation, TIMESTAMP with ON UPDATE, a BINARY default and table options",
    when: (c) => c.storageOptions,
    to: {
      tables: {
        t: {
          columns: {
            id: { type: "integer", nullable: false },
            s: { type: "varchar(10)", charset: "latin1", collation: "latin1_bin" },
            ts: {
              type: "timestamp(0)",
              nullable: false,
              default: { sql: "CURRENT_TIMESTAMP" },
              onUpdate: "CURRENT_TIMESTAMP",
            },
            b: { type: "binary(4)", nullable: false, default: "" },
            u: { type: "int(10) unsigned zerofill" },
          },
          primaryKey: { columns: ["id"] },
          mysql: {
            engine: "InnoDB",
            charset: "utf8mb4",
            collate: "utf8mb4_unicode_ci",
          },
          partitionBy: "HASH(id) (PARTITION p0, PARTITION p1)",
        },
      },
    },
    expect: (t) => {
      assertEquals(t.columns.s, { type: "varchar(10)", charset: "latin1", collation: "latin1_bin" });
      assertEquals(t.columns.ts.type, "timestamp(0)");
      assertEquals(t.columns.ts.onUpdate, "CURRENT_TIMESTAMP");
      assertEquals(t.columns.b.default, "");
      assertEquals(t.mysql, {
        engine: "InnoDB",
        charset: "utf8mb4",
        collate: "utf8mb4_unicode_ci",
      });
      assertEquals(t.partitionBy, "HASH(`id`) (PARTITION p0, PARTITION p1)");
    },
  },
  {
    name: "a column collation changed, and the table's collation",
    when: (c) => c.storageOptions,
    from: {
      tables: { t: { columns: { s: { type: "varchar(10)" } }, mysql: { collate: "utf8mb4_general_ci" } } },
    },
    to: {
      tables: {
        t: {
          columns: { s: { type: "varchar(10)", nullable: false, collation: "utf8mb4_bin" } },
          mysql: { collate: "utf8mb4_unicode_ci" },
        },
      },
    },
    expect: (t) => assertEquals(t.columns.s.collation, "utf8mb4_bin"),
  },
];

/** Apply what autogenerate finds from the database to `target`; returns the downgrade's operations. */
async function apply(conn: Connection, target: Schema): Promise<Operation[]> {
  const normalizer = await conn.dialect.normalizer();
  const current = await introspectSchema(conn);
  const found = compareSchemas(target, current, { normalizer });
  await applyOnline(conn, found.operations);
  return found.downgrade.filter((item): item is Operation => "kind" in item);
}

for (const db of DIALECTS) {
  Deno.test(`${db.name} schemas survive autogenerate into an empty database`, async (t) => {
    await db.withDatabase(async (url) => {
      for (const row of ROWS) {
        if (row.when && !row.when(db.dialect.capabilities)) continue;
        await t.step(row.name, async () => {
          const conn = await db.dialect.connect(testUrl(url));
          try {
            if (row.from) await apply(conn, row.from);
            const downgrade = await apply(conn, row.to);
            const back = await introspectSchema(conn);
            const again = compareSchemas(row.to, back, { normalizer: await conn.dialect.normalizer() });
            assertEquals(again.changes, []);
            row.expect?.(back.tables.t, db.dialect.capabilities);
            if (row.from) {
              // The downgrade autogenerate wrote gives the schema back.
              await applyOnline(conn, downgrade);
              const before = await introspectSchema(conn);
              const normalizer = await conn.dialect.normalizer();
              assertEquals(compareSchemas(row.from, before, { normalizer }).changes, []);
            }
            await applyOnline(
              conn,
              compareSchemas({ tables: {} }, back, {
                normalizer: await conn.dialect.normalizer(),
              }).operations,
            );
          } finally {
            await conn.close();
          }
        });
      }
    }, "roundtrip");
  });
}

for (const db of DIALECTS) {
  Deno.test(`${db.name} alterColumn of the type alone keeps NOT NULL, the default and the comment`, async () => {
    await db.withDatabase(async (url) => {
      const conn = await db.dialect.connect(testUrl(url));
      try {
        const c = { type: "varchar(10)", nullable: false, default: "x", comment: "kept" } as const;
        await apply(conn, { tables: { t: { columns: { id: { type: "integer" }, c } } } });
        await applyOnline(conn, [create.alterColumn("t", "c", { type: "varchar(20)" })]);
        const back = (await introspectSchema(conn)).tables.t.columns.c;
        const { comment: _, ...rest } = c;
        assertEquals(
          back,
          db.dialect.capabilities.comments
            ? { ...rest, type: back.type, comment: "kept" }
            : { ...rest, type: back.type },
        );
        assertEquals(
          (await conn.dialect.normalizer()).type(back.type),
          (await conn.dialect.normalizer()).type("varchar(20)"),
        );
      } finally {
        await conn.close();
      }
    }, "keep");
  });
}
