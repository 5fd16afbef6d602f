import { tableDiff } from "../../../lib/output/table_diff.ts";
import { normalizeTable, type Table } from "../../../lib/schema/model.ts";
import { comparableTables } from "../../../lib/schema/compare/comparable_tables.ts";
import { normalizerFor } from "../../../lib/schema/introspect.ts";
import { assertEquals } from "../../_assert.ts";

const lite = await normalizerFor("sqlite");

Deno.test("tableDiff prints both sides in one key order, so key and list order make no lines", () => {
  // As the database lists it: keys and indexes in its own order.
  const database: Table = {
    columns: { id: { type: "INTEGER", nullable: false }, name: { type: "TEXT", nullable: false } },
    indexes: [{ name: "ix_b", columns: ["name"] }, { name: "ix_a", columns: ["id", "name"], unique: true }],
  };
  // As the author wrote it: other key order, other index order, one real change (name's type).
  const schema: Table = {
    columns: { id: { nullable: false, type: "integer" }, name: { nullable: false, type: "varchar(20)" } },
    indexes: [{ columns: ["id", "name"], unique: true, name: "ix_a" }, { columns: ["name"], name: "ix_b" }],
  };
  const [before, after] = comparableTables(schema, database, lite);
  const changed = tableDiff("t", before, after).split("\n").slice(2).filter((l) => /^[-+]/.test(l));
  assertEquals(changed, [
    '-    name: { type: "TEXT", nullable: false },',
    '+    name: { type: "varchar(20)", nullable: false },',
  ]);
});

Deno.test("tableDiff lists the database's extra columns after the schema file's", () => {
  const diff = tableDiff(
    "t",
    normalizeTable({ columns: { extra: { type: "text" }, id: { type: "integer" } } }),
    normalizeTable({ columns: { id: { type: "integer" } } }),
  );
  assertEquals(diff.split("\n").slice(3, 8), [
    " {",
    "   columns: {",
    '     id: { type: "integer" },',
    '-    extra: { type: "text" },',
    "   },",
  ]);
});
