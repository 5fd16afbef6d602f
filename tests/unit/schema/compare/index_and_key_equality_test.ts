/**
 * The index comparator sees every option the model holds: a change of order, NULLS placement,
 * collation, operator class, access method, INCLUDE, NULLS NOT DISTINCT, FULLTEXT or prefix length
 * is a change; the spellings the database treats alike (`order: "asc"`, the default NULLS
 * placement, `using: "btree"`, a column object without options) are not.
 *
 * @module
 */
import { assertEquals } from "../../../_assert.ts";
import type { IndexDefinition } from "../../../../lib/operations/types.ts";
import { sameDeferrable, sameForeignKey, sameIndex } from "../../../../lib/schema/compare/_match.ts";

const base: IndexDefinition = { name: "ix", columns: ["name"] };

Deno.test("sameIndex tells apart what the database builds differently", () => {
  const differ: IndexDefinition[] = [
    { ...base, columns: [{ column: "name", order: "desc" }] },
    { ...base, columns: [{ column: "name", nulls: "first" }] },
    { ...base, columns: [{ column: "name", collation: "C" }] },
    { ...base, columns: [{ column: "name", opclass: "varchar_pattern_ops" }] },
    { ...base, using: "hash" },
    { ...base, include: ["id"] },
    { ...base, unique: true, nullsNotDistinct: true },
    { ...base, fulltext: true },
    { ...base, lengths: { name: 10 } },
  ];
  for (const other of differ) assertEquals(sameIndex(base, other), false, JSON.stringify(other));
  assertEquals(
    sameIndex({ ...base, columns: [{ column: "name", order: "desc" }] }, {
      ...base,
      columns: [{ column: "name", order: "desc", nulls: "last" }],
    }),
    false,
  );
});

Deno.test("sameIndex treats the database's defaults as unwritten", () => {
  const alike: IndexDefinition[] = [
    { ...base, columns: [{ column: "name" }] },
    { ...base, columns: [{ column: "name", order: "asc" }] },
    { ...base, columns: [{ column: "name", order: "asc", nulls: "last" }] },
    { ...base, using: "btree" },
  ];
  for (const other of alike) assertEquals(sameIndex(base, other), true, JSON.stringify(other));
  assertEquals(
    sameIndex(
      { ...base, columns: [{ column: "name", order: "desc", nulls: "first" }] },
      { ...base, columns: [{ column: "name", order: "desc" }] },
    ),
    true,
  );
  assertEquals(
    sameIndex(
      { ...base, columns: [{ sql: "lower(name)", order: "desc" }] },
      { ...base, columns: [{ sql: "lower((name)::text)", order: "desc" }] },
    ),
    true,
  );
});

Deno.test("sameForeignKey and sameDeferrable see a change of deferrability", () => {
  const fk = { columns: ["a"], referencedTable: "p", referencedColumns: ["id"] };
  assertEquals(sameForeignKey(fk, { ...fk, deferrable: true }), false);
  assertEquals(
    sameForeignKey({ ...fk, deferrable: true }, { ...fk, deferrable: true, initiallyDeferred: true }),
    false,
  );
  assertEquals(
    sameForeignKey({ ...fk, initiallyDeferred: true }, { ...fk, deferrable: true, initiallyDeferred: true }),
    true,
  );
  assertEquals(sameDeferrable({ deferrable: false }, {}), true);
  assertEquals(sameForeignKey(fk, { ...fk, match: "full" }), false);
  assertEquals(sameForeignKey(fk, { ...fk, notValid: true }), false);
});
