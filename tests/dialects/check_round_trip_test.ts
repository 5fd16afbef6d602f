/**
 * CHECK conditions as the database stores them: `status IN ('a', 'b')` on a varchar, which
 * PostgreSQL prints as `= ANY (ARRAY[...])`, compares equal to the schema file's text right after
 * the table is created (the server is asked, `dialect.alignWithServer`), while a changed list is
 * still a change.
 *
 * @module
 */
import { assertEquals } from "../_assert.ts";
import { compareSchemas } from "../../lib/schema/compare/compare_schemas.ts";
import { createTableOp } from "../../lib/schema/compare/_create_ops.ts";
import { normalizeTable, type Schema, type Table } from "../../lib/schema/model.ts";
import { testUrl } from "../_db.ts";
import { applyOnline } from "../_operations.ts";
import { DIALECTS } from "./_dialects.ts";

const table = (condition: string): Table => ({
  columns: {
    id: { type: "integer", primaryKey: true },
    status: { type: "varchar(10)" },
    n: { type: "integer" },
  },
  checkConstraints: [
    { name: "ck_status", condition },
    { name: "ck_n", condition: "n BETWEEN 1 AND 10" },
  ],
});

for (const db of DIALECTS) {
  Deno.test(`${db.name}: CHECK ... IN (...) settles after a round trip, a changed list does not`, async () => {
    await db.withDatabase(async (url) => {
      const conn = await db.dialect.connect(testUrl(url));
      try {
        const normalizer = await db.dialect.normalizer();
        const written = table("status IN ('a', 'b')");
        await applyOnline(conn, [createTableOp("t", undefined, normalizeTable(written))]);
        const current = await db.dialect.introspect(conn);
        const align = (s: Schema) =>
          db.dialect.alignWithServer ? db.dialect.alignWithServer(conn, s, current) : s;
        const same = await align({ tables: { t: written } });
        assertEquals(compareSchemas(same, current, { normalizer }).operations, []);
        const changed = await align({ tables: { t: table("status IN ('a', 'b', 'c')") } });
        const ops = compareSchemas(changed, current, { normalizer }).operations;
        assertEquals(ops.length > 0, true);
        // The server's spelling is used for comparing only: the new condition keeps the file's text.
        assertEquals(JSON.stringify(ops).includes("status IN ('a', 'b', 'c')"), true);
      } finally {
        await conn.close();
      }
    }, "chk");
  });
}
