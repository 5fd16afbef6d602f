/**
 * Hand-written view, function and trigger definitions are compared as PostgreSQL prints them
 * (`normalize_objects.ts`): right after autogenerate created them they compare equal, a real change
 * is still found, and asking the database leaves it unchanged.
 */
import { assert, assertEquals } from "../_assert.ts";
import { testUrl, withPostgresDatabase } from "../_db.ts";
import { applyOnline } from "../_operations.ts";
import { postgresDialect } from "../../lib/dialects/postgres/dialect.ts";
import { compareSchemas } from "../../lib/schema/compare/compare_schemas.ts";
import type { Schema } from "../../lib/schema/model.ts";

const HAND_WRITTEN: Schema = {
  tables: {
    item: { columns: { id: { type: "integer", primaryKey: true }, touched: { type: "timestamptz" } } },
  },
  functions: {
    "touch()": {
      definition:
        "create function touch() returns trigger language plpgsql as $$ begin new.touched = now(); return new; end $$",
    },
  },
  views: { recent: { definition: "select id from item where touched > now() - interval '1 day'" } },
  triggers: [{
    name: "item_touch",
    table: "item",
    definition: "create trigger item_touch before update on item for each row execute function touch()",
  }],
};

Deno.test("hand-written PostgreSQL definitions settle after autogenerate and changes are still found", async () => {
  await withPostgresDatabase(async (url) => {
    const conn = await postgresDialect.connect(testUrl(url));
    try {
      const normalizer = await postgresDialect.normalizer();
      const empty = await postgresDialect.introspect(conn, {});
      await applyOnline(conn, compareSchemas(HAND_WRITTEN, empty, { normalizer }).operations);
      const current = await postgresDialect.introspect(conn, {});
      // As written, the texts differ from the database's: without asking it, they never settle.
      assert(compareSchemas(HAND_WRITTEN, current, { normalizer }).operations.length > 0);
      const settled = await postgresDialect.normalizeObjects!(conn, HAND_WRITTEN, current);
      assertEquals(compareSchemas(settled, current, { normalizer }).operations, []);

      const changed: Schema = {
        ...HAND_WRITTEN,
        views: { recent: { definition: "select id from item where touched > now() - interval '2 days'" } },
      };
      const found = compareSchemas(await postgresDialect.normalizeObjects!(conn, changed, current), current, {
        normalizer,
      });
      assertEquals(found.operations.map((o) => o.kind), ["replaceView"]);
      // Asking the database changed nothing in it.
      assertEquals(await postgresDialect.introspect(conn, {}), current);
    } finally {
      await conn.close();
    }
  }, "normobj");
});
