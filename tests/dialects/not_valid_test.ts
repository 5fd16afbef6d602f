/**
 * `NOT VALID` constraints: on PostgreSQL a new table's NOT VALID foreign key and check are added
 * after the CREATE TABLE (where NOT VALID would be ignored), read back as NOT VALID and compared
 * equal, and a validated constraint is a change from a NOT VALID one; MySQL and SQLite, which
 * check existing rows always, refuse the option.
 *
 * @module
 */
import { assertEquals, assertRejects, assertStringIncludes } from "../_assert.ts";
import { UnsupportedOperationError } from "../../lib/errors.ts";
import { compareSchemas } from "../../lib/schema/compare/compare_schemas.ts";
import type { Schema } from "../../lib/schema/model.ts";
import { testUrl } from "../_db.ts";
import { applyOnline } from "../_operations.ts";
import { DIALECTS } from "./_dialects.ts";

const schema = (notValid: boolean): Schema => ({
  tables: {
    parent: { columns: { id: { type: "integer", primaryKey: true } } },
    child: {
      columns: { id: { type: "integer", primaryKey: true }, parent_id: { type: "integer" } },
      foreignKeys: [{
        name: "fk_child_parent",
        columns: ["parent_id"],
        referencedTable: "parent",
        referencedColumns: ["id"],
        ...(notValid ? { notValid } : {}),
      }],
      checkConstraints: [{ name: "ck_child_id", condition: "id > 0", ...(notValid ? { notValid } : {}) }],
    },
  },
});

for (const db of DIALECTS) {
  Deno.test(`${db.name} NOT VALID constraints are kept, compared, or refused`, async () => {
    await db.withDatabase(async (url) => {
      const conn = await db.dialect.connect(testUrl(url));
      try {
        const normalizer = await db.dialect.normalizer();
        const ops = compareSchemas(schema(true), { tables: {} }, { normalizer }).operations;
        if (db.name !== "postgresql") {
          const error = await assertRejects(() => applyOnline(conn, ops), UnsupportedOperationError);
          assertStringIncludes(error.message, "NOT VALID");
          return;
        }
        await applyOnline(conn, ops);
        const read = await db.dialect.introspect(conn);
        assertEquals(read.tables.child.foreignKeys?.[0].notValid, true);
        assertEquals(read.tables.child.checkConstraints?.[0].notValid, true);
        assertEquals(compareSchemas(schema(true), read, { normalizer }).operations, []);
        const kinds = compareSchemas(schema(false), read, { normalizer }).operations.map((o) => o.kind);
        assertEquals(kinds.sort(), [
          "createCheckConstraint",
          "createForeignKey",
          "dropConstraint",
          "dropConstraint",
        ]);
      } finally {
        await conn.close();
      }
    }, "nv");
  });
}
