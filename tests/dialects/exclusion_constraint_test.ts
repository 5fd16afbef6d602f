/**
 * Exclusion constraints: on PostgreSQL a new table's `EXCLUDE USING gist (...)` is created by
 * autogenerate's operations, read back by introspection as written, compared equal, and a change
 * of operator is detected; MySQL and SQLite refuse the operation with the way out in the message.
 *
 * @module
 */
import { assertEquals, assertRejects, assertStringIncludes } from "../_assert.ts";
import { UnsupportedOperationError } from "../../lib/errors.ts";
import type { ExclusionConstraint, Operation } from "../../lib/operations/types.ts";
import { compareSchemas } from "../../lib/schema/compare/compare_schemas.ts";
import type { Schema } from "../../lib/schema/model.ts";
import { testUrl } from "../_db.ts";
import { applyOnline } from "../_operations.ts";
import { DIALECTS } from "./_dialects.ts";

// btree_gist gives the integer column its `=` operator class for GiST: the schema declares it, so
// autogenerate creates it before the table.
const booking = (exclusion: ExclusionConstraint): Schema => ({
  extensions: { btree_gist: {} },
  tables: {
    booking: {
      columns: {
        id: { type: "integer", primaryKey: true },
        room: { type: "integer", nullable: false },
        during: { type: "tsrange", nullable: false },
        cancelled: { type: "boolean" },
      },
      exclusionConstraints: [exclusion],
    },
  },
});

const written: ExclusionConstraint = {
  name: "no_overlap",
  using: "gist",
  elements: [{ column: "room", operator: "=" }, { column: "during", operator: "&&" }],
  where: "NOT cancelled",
  deferrable: true,
};

for (const db of DIALECTS) {
  Deno.test(`${db.name} exclusion constraints: created, read back and compared, or refused`, async () => {
    await db.withDatabase(async (url) => {
      const conn = await db.dialect.connect(testUrl(url));
      try {
        const normalizer = await db.dialect.normalizer();
        const target = booking(written);
        if (db.name !== "postgresql") {
          const ops = compareSchemas(
            {
              tables: {
                t: {
                  columns: { a: { type: "integer" } },
                  exclusionConstraints: [{ ...written, elements: [{ column: "a", operator: "=" }] }],
                },
              },
            },
            { tables: {} },
            { normalizer },
          ).operations;
          const error = await assertRejects(() => applyOnline(conn, ops), UnsupportedOperationError);
          assertStringIncludes(error.message, "has no EXCLUDE constraints");
          return;
        }
        await applyOnline(conn, compareSchemas(target, { tables: {} }, { normalizer }).operations);
        const read = await db.dialect.introspect(conn);
        assertEquals(read.tables.booking.exclusionConstraints, [{
          name: "no_overlap",
          elements: [{ column: "room", operator: "=" }, { column: "during", operator: "&&" }],
          where: "NOT cancelled",
          deferrable: true,
        }]);
        assertEquals(compareSchemas(target, read, { normalizer }).operations, []);
        const changed = booking({
          ...written,
          elements: [{ column: "room", operator: "=" }, { column: "during", operator: "-|-" }],
        });
        const result = compareSchemas(changed, read, { normalizer });
        assertEquals(result.operations.map((o) => o.kind), ["dropConstraint", "createExclusionConstraint"]);
        await applyOnline(conn, result.operations);
        assertEquals(
          compareSchemas(changed, await db.dialect.introspect(conn), { normalizer }).operations,
          [],
        );
        // The downgrade drops the new constraint and creates the old one from the table before.
        await applyOnline(conn, result.downgrade.filter((x): x is Operation => "kind" in x));
        assertEquals(
          compareSchemas(target, await db.dialect.introspect(conn), { normalizer }).operations,
          [],
        );
      } finally {
        await conn.close();
      }
    }, "excl");
  });
}
