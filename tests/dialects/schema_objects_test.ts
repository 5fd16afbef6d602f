/**
 * Views, routines, triggers and (PostgreSQL) materialized views, sequences, domains and raw objects
 * on every database of tests/dialects/_dialects.ts: created with the database's own SQL,
 * introspected, re-created in an empty database from the operations autogenerate derives, and
 * introspected again with nothing left to change; the downgrade removes them again.
 *
 * @module
 */
import { testUrl } from "../_db.ts";
import { assert, assertEquals } from "../_assert.ts";
import { applyOnline } from "../_operations.ts";
import type { DialectName } from "../../lib/dialects/dialect.ts";
import { compareSchemas } from "../../lib/schema/compare/compare_schemas.ts";
import type { Operation } from "../../lib/operations/types.ts";
import { DIALECTS } from "./_dialects.ts";

/** Per database: the objects, written in its own SQL, and what introspection must find. */
const OBJECTS: Readonly<
  Record<DialectName, { readonly setup: readonly string[]; readonly expect: string[] }>
> = {
  postgresql: {
    setup: [
      "CREATE EXTENSION IF NOT EXISTS citext",
      "CREATE DOMAIN year AS integer CONSTRAINT year_check CHECK (VALUE >= 1901)",
      "CREATE SEQUENCE ticket START 10 INCREMENT 5",
      "CREATE TABLE item (id integer PRIMARY KEY, name text, touched timestamptz, made year)",
      "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.touched = now(); RETURN NEW; END $$",
      "CREATE FUNCTION _cat(text, text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT $1 || $2'",
      "CREATE AGGREGATE cat(text) (SFUNC = _cat, STYPE = text, INITCOND = '')",
      "CREATE VIEW names AS SELECT cat(name) AS all_names FROM item",
      "CREATE VIEW names2 AS SELECT all_names FROM names",
      "CREATE MATERIALIZED VIEW counts AS SELECT count(*) AS n FROM item",
      "CREATE TRIGGER item_touch BEFORE UPDATE ON item FOR EACH ROW EXECUTE FUNCTION touch()",
      "CREATE RULE item_nodelete AS ON DELETE TO item DO INSTEAD NOTHING",
      "COMMENT ON VIEW names IS 'every name'",
      "ALTER TABLE item ENABLE ROW LEVEL SECURITY",
      "CREATE POLICY own_items ON item USING (id > 0)",
      "ALTER TABLE item DISABLE TRIGGER item_touch",
      "COMMENT ON FUNCTION touch() IS 'sets touched'",
      // A table an extension owns (as PostGIS owns spatial_ref_sys) is the extension's, not the user's.
      "CREATE TABLE ext_owned (id integer)",
      "ALTER EXTENSION citext ADD TABLE ext_owned",
      "CREATE TYPE ext_mood AS ENUM ('a')",
      "ALTER EXTENSION citext ADD TYPE ext_mood",
    ],
    expect: [
      "domains:year",
      "extensions:citext",
      "functions:_cat(text, text)",
      "functions:cat(text)",
      "functions:touch()",
      "materializedViews:counts",
      "rawObjects:item",
      "rawObjects:item.item_nodelete",
      "rawObjects:item.item_touch",
      "rawObjects:item.own_items",
      "rawObjects:names",
      "rawObjects:touch()",
      "sequences:ticket",
      "triggers:item.item_touch",
      "views:names",
      "views:names2",
    ],
  },
  mysql: {
    setup: [
      "CREATE TABLE item (id integer PRIMARY KEY, name varchar(50), touched datetime)",
      "CREATE FUNCTION twice(x integer) RETURNS integer DETERMINISTIC RETURN x * 2",
      "CREATE PROCEDURE clear_items(IN below integer) MODIFIES SQL DATA BEGIN DELETE FROM item WHERE id < below; END",
      "CREATE VIEW names AS SELECT name, twice(id) AS double_id FROM item",
      "CREATE TRIGGER item_touch BEFORE UPDATE ON item FOR EACH ROW SET NEW.touched = now()",
      "CREATE EVENT purge_old ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM item WHERE touched < now() - INTERVAL 1 YEAR",
    ],
    expect: [
      "functions:clear_items",
      "functions:twice",
      "rawObjects:purge_old",
      "triggers:item.item_touch",
      "views:names",
    ],
  },
  sqlite: {
    setup: [
      "CREATE TABLE item (id integer PRIMARY KEY, name text, touched text)",
      "CREATE VIEW names AS SELECT name FROM item",
      "CREATE VIEW names2 AS SELECT name FROM names",
      "CREATE VIEW counted(n) AS SELECT count(*) FROM item",
      "CREATE TRIGGER item_touch AFTER UPDATE ON item BEGIN UPDATE item SET touched = 'now' WHERE id = NEW.id; END",
    ],
    expect: ["rawObjects:counted", "triggers:item.item_touch", "views:names", "views:names2"],
  },
};

const OBJECT_KEYS = [
  "views",
  "materializedViews",
  "functions",
  "sequences",
  "extensions",
  "domains",
] as const;

for (const db of DIALECTS) {
  for (const mode of ["online", "offline"] as const) {
    Deno.test(`${db.name} objects beyond tables survive introspection, autogenerate and downgrade (${mode})`, () =>
      roundTrip(db, mode));
  }
}

async function roundTrip(db: (typeof DIALECTS)[number], mode: "online" | "offline"): Promise<void> {
  {
    const { setup, expect } = OBJECTS[db.name];
    await db.withDatabase(async (sourceUrl) => {
      const source = await db.dialect.connect(testUrl(sourceUrl));
      let found;
      try {
        for (const sql of setup) await source.execute(sql);
        found = await db.dialect.introspect(source, {});
      } finally {
        await source.close();
      }
      const names = [
        ...OBJECT_KEYS.flatMap((k) => Object.keys(found[k] ?? {}).map((n) => `${k}:${n}`)),
        ...(found.triggers ?? []).map((t) => `triggers:${t.table}.${t.name}`),
        ...(found.rawObjects ?? []).map((o) => `rawObjects:${o.name}`),
      ].sort();
      assertEquals(names, expect);
      // A column of a domain names the domain (PostgreSQL), which is created before the table.
      if (found.domains) assertEquals(found.tables.item.columns.made, { type: "year" });
      assertEquals(Object.keys(found.tables), ["item"]);
      assertEquals(found.enums, undefined);

      await db.withDatabase(async (copyUrl) => {
        const copy = await db.dialect.connect(testUrl(copyUrl));
        try {
          const normalizer = await db.dialect.normalizer();
          const empty = await db.dialect.introspect(copy, {});
          const up = compareSchemas(found, empty, { normalizer });
          if (mode === "online") await applyOnline(copy, up.operations);
          else await db.offline.apply(copyUrl, up.operations, true);
          const after = await db.dialect.introspect(copy, {});
          const again = compareSchemas(found, after, { normalizer });
          assertEquals(again.operations, [], JSON.stringify(again.changes));
          const down = up.downgrade.filter((d): d is Operation => "kind" in d);
          // A raw object has no inverse (its SQL is all the model knows): the downgrade leaves it.
          assert(down.length >= up.operations.length - (found.rawObjects?.length ?? 0));
          if (mode === "online") await applyOnline(copy, down);
          else await db.offline.apply(copyUrl, down, false);
          const back = await db.dialect.introspect(copy, {});
          const leftover = { ...back, tables: {}, ...(back.rawObjects ? { rawObjects: undefined } : {}) };
          assertEquals(
            compareSchemas({ tables: {} }, leftover, { normalizer }).operations.map((o) => o.kind),
            [],
          );
        } finally {
          await copy.close();
        }
      }, "objcopy");
    }, "objsrc");
  }
}
