/**
 * Index fidelity on every database: a table whose indexes use per-column order, NULLS placement,
 * collation, operator classes, access methods, INCLUDE, NULLS NOT DISTINCT, FULLTEXT and prefix
 * lengths is created from a schema, read back by introspection as the same definitions, and
 * compared equal to the schema it came from (`check` clean after a round trip). Each database's
 * row says what its grammar has.
 *
 * @module
 */
import { assertEquals, assertThrows } from "../_assert.ts";
import { UnsupportedOperationError } from "../../lib/errors.ts";
import type { DialectName } from "../../lib/dialects/dialect.ts";
import type { IndexDefinition, Operation } from "../../lib/operations/types.ts";
import { compareSchemas } from "../../lib/schema/compare/compare_schemas.ts";
import type { Schema, Table } from "../../lib/schema/model.ts";
import { createTableOp } from "../../lib/schema/compare/_create_ops.ts";
import { normalizeTable } from "../../lib/schema/model.ts";
import { testUrl } from "../_db.ts";
import { DIALECTS } from "./_dialects.ts";

const COLUMNS: Table["columns"] = {
  id: { type: "integer", primaryKey: true },
  name: { type: "varchar(50)" },
  code: { type: "varchar(20)" },
  score: { type: "integer" },
  body: { type: "text" },
};

/** Per database: extra columns and the indexes its grammar can hold (introspection must give them back). */
const ROWS: Record<DialectName, { columns?: Table["columns"]; indexes: IndexDefinition[] }> = {
  postgresql: {
    columns: { tags: { type: "text[]" } },
    indexes: [
      { name: "ix_desc", columns: [{ column: "name", order: "desc" }, "score"] },
      {
        name: "ix_nulls",
        columns: [{ column: "score", nulls: "first" }, { column: "code", order: "desc", nulls: "last" }],
      },
      { name: "ix_coll", columns: [{ column: "name", collation: "C" }] },
      { name: "ix_opclass", columns: [{ column: "code", opclass: "varchar_pattern_ops" }] },
      { name: "ix_expr_desc", columns: [{ sql: "lower(name::text)", order: "desc" }] },
      { name: "ix_gin", columns: ["tags"], using: "gin" },
      { name: "ix_hash", columns: ["code"], using: "hash" },
      { name: "ix_brin", columns: ["score"], using: "brin" },
      { name: "ix_include", columns: ["code"], include: ["name", "score"], unique: true },
      { name: "ix_nnd", columns: ["name"], unique: true, nullsNotDistinct: true },
      { name: "ix_partial", columns: ["score"], where: "score > 10" },
    ],
  },
  mysql: {
    indexes: [
      { name: "ix_desc", columns: [{ column: "name", order: "desc" }, "score"] },
      { name: "ix_fulltext", columns: ["body"], fulltext: true },
      { name: "ix_prefix", columns: ["body", "code"], lengths: { body: 20 } },
    ],
  },
  sqlite: {
    indexes: [
      { name: "ix_desc", columns: [{ column: "name", order: "desc" }, "score"] },
      { name: "ix_coll", columns: [{ column: "code", collation: "NOCASE" }] },
      { name: "ix_both", columns: [{ column: "code", collation: "NOCASE", order: "desc" }] },
      { name: "ix_partial", columns: ["score"], where: "score > 10" },
    ],
  },
};

for (const db of DIALECTS) {
  Deno.test(`${db.name} indexes survive create, introspect and compare`, async () => {
    const row = ROWS[db.name];
    const table: Table = { columns: { ...COLUMNS, ...row.columns }, indexes: row.indexes };
    const schema: Schema = { tables: { doc: table } };
    await db.withDatabase(async (url) => {
      const conn = await db.dialect.connect(testUrl(url));
      try {
        const op: Operation = createTableOp("doc", undefined, normalizeTable(table));
        for (const st of db.dialect.ddl(op)) await conn.execute(st.sql);
        const read = await db.dialect.introspect(conn);
        const byName = (a: IndexDefinition, b: IndexDefinition) => a.name < b.name ? -1 : 1;
        assertEquals([...(read.tables.doc.indexes ?? [])].sort(byName), [...row.indexes].sort(byName));
        const result = compareSchemas(schema, read, { normalizer: await db.dialect.normalizer() });
        assertEquals(result.operations, []);
      } finally {
        await conn.close();
      }
    }, "idx");
  });
}

for (const db of DIALECTS) {
  Deno.test(`${db.name} UNIQUE NULLS NOT DISTINCT is kept and compared, or refused`, async () => {
    const table: Table = {
      columns: { id: { type: "integer", primaryKey: true }, code: { type: "varchar(20)" } },
      uniqueConstraints: [{ name: "uq_code", columns: ["code"], nullsNotDistinct: true }],
    };
    await db.withDatabase(async (url) => {
      const conn = await db.dialect.connect(testUrl(url));
      try {
        const op = createTableOp("doc", undefined, normalizeTable(table));
        if (db.name !== "postgresql") {
          assertThrows(() => db.dialect.ddl(op), UnsupportedOperationError, "NULLS NOT DISTINCT");
          return;
        }
        for (const st of db.dialect.ddl(op)) await conn.execute(st.sql);
        const read = await db.dialect.introspect(conn);
        assertEquals(read.tables.doc.uniqueConstraints, table.uniqueConstraints);
        const normalizer = await db.dialect.normalizer();
        assertEquals(compareSchemas({ tables: { doc: table } }, read, { normalizer }).operations, []);
        const plain: Table = { ...table, uniqueConstraints: [{ name: "uq_code", columns: ["code"] }] };
        assertEquals(compareSchemas({ tables: { doc: plain } }, read, { normalizer }).operations.length, 2);
      } finally {
        await conn.close();
      }
    }, "nnd");
  });
}
