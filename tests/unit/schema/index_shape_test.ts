/**
 * Schema files may write index columns with sort options and the index options of the model; the
 * fast path and zod accept the same data, and a column the table lacks is named.
 *
 * @module
 */
import { assertEquals, assertRejects } from "../../_assert.ts";
import { schemaShape } from "../../../lib/schema/_schema_shape.ts";
import { FAIL_FAST, fastSchema, validateSchema } from "../../../lib/schema/load.ts";

const schema = {
  tables: {
    doc: {
      columns: { id: { type: "integer" }, name: { type: "text" }, tags: { type: "text[]" } },
      indexes: [
        {
          name: "ix_a",
          columns: [{ column: "name", order: "desc", nulls: "last", collation: "C", opclass: "x_ops" }],
        },
        {
          name: "ix_b",
          columns: [{ sql: "lower(name)", order: "desc" }, "id"],
          include: ["tags"],
          unique: true,
        },
        { name: "ix_c", columns: ["tags"], using: "gin" },
        { name: "ix_d", columns: ["name"], fulltext: true },
        { name: "ix_e", columns: ["name"], spatial: true, nullsNotDistinct: true },
      ],
    },
  },
};

Deno.test("index options load through the fast path and zod alike", () => {
  const fast = fastSchema(schema);
  assertEquals(fast === FAIL_FAST, false);
  assertEquals(fast, schemaShape.parse(schema));
});

Deno.test("a bad index column entry is refused by both paths", async () => {
  const bad = structuredClone(schema);
  (bad.tables.doc.indexes[0].columns[0] as Record<string, unknown>).order = "down";
  assertEquals(fastSchema(bad), FAIL_FAST);
  assertEquals(schemaShape.safeParse(bad).success, false);
  const unknown = structuredClone(schema);
  unknown.tables.doc.indexes[2] = { name: "ix_c", columns: ["tags"], include: ["nope"] } as never;
  await assertRejects(
    () => Promise.resolve().then(() => validateSchema(unknown, "s.json")),
    Error,
    'column "nope"',
  );
});
