import { compareSchemas } from "../../../../lib/schema/compare/compare_schemas.ts";
import { bareName, foldSql, sameSql } from "../../../../lib/schema/compare/_definition.ts";
import { orderByMentions } from "../../../../lib/schema/compare/_object_order.ts";
import { normalizerFor } from "../../../../lib/schema/introspect.ts";
import type { Schema } from "../../../../lib/schema/model.ts";
import { assert, assertEquals } from "../../../_assert.ts";

const plain = (x: unknown) => JSON.parse(JSON.stringify(x));
const pg = await normalizerFor("postgresql");
const TABLE = { columns: { id: { type: "integer" } } };

Deno.test("foldSql folds white space outside quotes and drops a final semicolon", () => {
  assertEquals(foldSql("  SELECT a,\n    b   FROM t ;\n"), "SELECT a, b FROM t");
  assertEquals(foldSql("SELECT 'a   b'"), "SELECT 'a   b'");
  assert(sameSql("SELECT 1", "SELECT\n  1;"));
  assert(!sameSql("SELECT 'a b'", "SELECT 'a  b'"));
  assertEquals(bareName("util.f(integer, text)"), "f");
});

Deno.test("orderByMentions puts what a definition mentions first and keeps the rest in order", () => {
  const order = orderByMentions([
    { key: "v2", definition: "SELECT * FROM v1" },
    { key: "v1", definition: "SELECT agg(x) FROM t" },
    { key: "agg(text)", definition: "CREATE AGGREGATE agg(text) (SFUNC = _agg, STYPE = text)" },
    { key: "_agg(text, text)", definition: "CREATE FUNCTION _agg(text, text) ..." },
    { key: "other", definition: "SELECT 1" },
  ]).map((i) => i.key);
  assertEquals(order, ["_agg(text, text)", "agg(text)", "v1", "v2", "other"]);
});

Deno.test("a schema and itself compare equal, objects included", () => {
  const schema: Schema = {
    tables: { t: TABLE },
    views: { v: { definition: "SELECT id FROM t" } },
    materializedViews: { m: { definition: "SELECT count(*) FROM t" } },
    functions: {
      "f()": { definition: "CREATE OR REPLACE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$" },
    },
    triggers: [{
      name: "trg",
      table: "t",
      definition: "CREATE TRIGGER trg BEFORE UPDATE ON t EXECUTE FUNCTION f()",
    }],
    sequences: { s: { start: 5 } },
    extensions: { citext: { version: "1.6" } },
    domains: { year: { type: "integer", checks: [{ name: "year_check", condition: "VALUE > 0" }] } },
    rawObjects: [{ kind: "rule", name: "t.r", sql: "CREATE RULE r AS ON INSERT TO t DO NOTHING" }],
  };
  const found = compareSchemas(schema, schema, { normalizer: pg });
  assertEquals(found.operations, []);
  assertEquals(found.uncompared, ['rule "t.r": kept as raw SQL']);
});

Deno.test("new objects are created in dependency order around the tables, and dropped on downgrade", () => {
  const found = compareSchemas(
    {
      tables: { t: TABLE },
      views: { v2: { definition: "SELECT * FROM v1" }, v1: { definition: "SELECT id FROM t" } },
      functions: { "f()": { definition: "CREATE FUNCTION f() RETURNS trigger ..." } },
      triggers: [{
        name: "trg",
        table: "t",
        definition: "CREATE TRIGGER trg BEFORE UPDATE ON t EXECUTE FUNCTION f()",
      }],
      sequences: { s: { start: 5 } },
      extensions: { citext: {} },
      domains: { year: { type: "integer" } },
      rawObjects: [{ kind: "rule", name: "t.r", sql: "CREATE RULE r AS ON INSERT TO t DO NOTHING" }],
    },
    { tables: {} },
    { normalizer: pg },
  );
  assertEquals(found.operations.map((o) => o.kind), [
    "createExtension",
    "createSequence",
    "createDomain",
    "createTable",
    "createFunction",
    "createView",
    "createView",
    "createTrigger",
    "execute",
  ]);
  assertEquals(plain(found.operations[5]), {
    kind: "createView",
    name: "v1",
    definition: "SELECT id FROM t",
  });
  const down = found.downgrade.map((d) => "kind" in d ? d.kind : d.comment);
  assertEquals(down, [
    'no inverse for execute of ""',
    "dropTrigger",
    "dropView",
    "dropView",
    "dropFunction",
    "dropTable",
    "dropDomain",
    "dropSequence",
    "dropExtension",
  ]);
  assertEquals(found.changes.map((c) => c.type).sort(), [
    "domain.added",
    "extension.added",
    "function.added",
    "raw object.added",
    "sequence.added",
    "table.added",
    "trigger.added",
    "view.added",
    "view.added",
  ]);
});

Deno.test("objects that go away are dropped before the tables change, with their definitions for downgrade", () => {
  const found = compareSchemas(
    { tables: { t: TABLE } },
    {
      tables: { t: TABLE },
      views: { v: { definition: "SELECT id FROM t" } },
      functions: {
        "util.f(integer)": { definition: "CREATE FUNCTION util.f(integer) ...", routine: "procedure" },
      },
      triggers: [{ name: "trg", table: "t", definition: "CREATE TRIGGER trg ..." }],
      sequences: { s: { cycle: true } },
      domains: { d: { type: "text" } },
      extensions: { citext: { schema: "ext", version: "1.6" } },
    },
    { normalizer: pg },
  );
  assertEquals(plain(found.operations), [
    { kind: "dropTrigger", name: "trg", table: "t", definition: "CREATE TRIGGER trg ..." },
    { kind: "dropView", name: "v", definition: "SELECT id FROM t" },
    {
      kind: "dropFunction",
      name: "f(integer)",
      routine: "procedure",
      schema: "util",
      definition: "CREATE FUNCTION util.f(integer) ...",
    },
    { kind: "dropDomain", name: "d", definition: { type: "text" } },
    { kind: "dropSequence", name: "s", definition: { cycle: true } },
    { kind: "dropExtension", name: "citext", schema: "ext", version: "1.6" },
  ]);
  assertEquals(found.downgrade.map((d) => "kind" in d ? d.kind : d.comment), [
    "createExtension",
    "createSequence",
    "createDomain",
    "createFunction",
    "createView",
    "createTrigger",
  ]);
});

Deno.test("changed objects: views replaced, routines replaced in place, triggers re-created, sequences altered", () => {
  const found = compareSchemas(
    {
      tables: { t: TABLE },
      views: { v: { definition: "SELECT id, 1 AS one FROM t" } },
      materializedViews: { m: { definition: "SELECT 2" } },
      functions: { "f()": { definition: "CREATE OR REPLACE FUNCTION f() RETURNS int AS 'SELECT 2'" } },
      triggers: [{ name: "trg", table: "t", definition: "CREATE TRIGGER trg AFTER UPDATE ON t ..." }],
      sequences: { s: { increment: 2, maxValue: 10 } },
      domains: { d: { type: "varchar(5)" } },
    },
    {
      tables: { t: TABLE },
      views: { v: { definition: "SELECT id FROM t" } },
      materializedViews: { m: { definition: "SELECT 1" } },
      functions: { "f()": { definition: "CREATE OR REPLACE FUNCTION f() RETURNS int AS 'SELECT 1'" } },
      triggers: [{ name: "trg", table: "t", definition: "CREATE TRIGGER trg BEFORE UPDATE ON t ..." }],
      sequences: { s: { cycle: true } },
      domains: { d: { type: "character varying(5)" } },
    },
    { normalizer: pg },
  );
  assertEquals(found.operations.map((o) => o.kind), [
    "alterSequence",
    "dropTrigger",
    "dropMaterializedView",
    "createFunction",
    "replaceView",
    "createMaterializedView",
    "createTrigger",
  ]);
  assertEquals(plain(found.operations[0]), {
    kind: "alterSequence",
    name: "s",
    definition: { increment: 2, maxValue: 10, cycle: false },
    existing: { increment: 1, cycle: true },
  });
  const down = found.downgrade.filter((d) => "kind" in d) as { kind: string; definition?: unknown }[];
  assertEquals(down.map((d) => d.kind), [
    "dropTrigger",
    "dropMaterializedView",
    "replaceView",
    "createFunction",
    "createMaterializedView",
    "createTrigger",
    "alterSequence",
  ]);
  assertEquals(down[3].definition, "CREATE OR REPLACE FUNCTION f() RETURNS int AS 'SELECT 1'");
  assertEquals(down[2].definition, "SELECT id FROM t");
});

Deno.test("triggers of tables left out by include/exclude are not compared", () => {
  const found = compareSchemas(
    { tables: {} },
    { tables: {}, triggers: [{ name: "trg", table: "audit", definition: "CREATE TRIGGER trg ..." }] },
    { normalizer: pg, excludeTables: ["audit"] },
  );
  assertEquals(found.operations, []);
});

Deno.test("a raw object of the database missing from the file is reported, not dropped", () => {
  const found = compareSchemas(
    { tables: {} },
    { tables: {}, rawObjects: [{ kind: "event", name: "purge", sql: "CREATE EVENT purge ..." }] },
    { normalizer: pg },
  );
  assertEquals(found.operations, []);
  assertEquals(found.uncompared, [
    'event "purge": kept as raw SQL, and not in the schema file (cannot drop it)',
  ]);
});
