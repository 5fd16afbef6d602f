import { compareEnums } from "../../../../lib/schema/compare/enums.ts";
import { assertEquals } from "../../../_assert.ts";

const plain = (x: unknown) => JSON.parse(JSON.stringify(x));

Deno.test("compareEnums creates early, adds values in place and drops late", () => {
  const found = compareEnums(
    { tables: {}, enums: { mood: ["sad", "ok", "happy"], "s.color": ["red"] } },
    { tables: {}, enums: { mood: ["sad", "happy"], old: ["x"] } },
  );
  assertEquals(plain(found.early.map((s) => s.up)), [
    { kind: "addEnumValue", name: "mood", value: "ok", after: "sad" },
    { kind: "createEnum", name: "color", values: ["red"], schema: "s" },
  ]);
  assertEquals(
    found.early[0].comment,
    'PostgreSQL cannot remove a value from an enum: downgrade leaves "ok" in "mood"',
  );
  assertEquals(plain(found.late.map((s) => s.up)), [{ kind: "dropEnum", name: "old", values: ["x"] }]);
  assertEquals(found.changes.map((c) => [c.type, c.name, c.details]), [
    ["enum.changed", "mood", ['value "ok" added']],
    ["enum.added", "s.color", []],
    ["enum.removed", "old", []],
  ]);
});

Deno.test("compareEnums places a first value before the next one", () => {
  const found = compareEnums({ tables: {}, enums: { m: ["a", "b"] } }, { tables: {}, enums: { m: ["b"] } });
  assertEquals(plain(found.early[0].up), { kind: "addEnumValue", name: "m", value: "a", before: "b" });
});

Deno.test("compareEnums creates a type named only by its column, and nothing where enums are no types", () => {
  const target = {
    tables: { t: { columns: { m: { type: "enum", enum: { name: "mood", values: ["sad", "ok"] } } } } },
  };
  assertEquals(plain(compareEnums(target, { tables: {} }).early.map((s) => s.up)), [
    { kind: "createEnum", name: "mood", values: ["sad", "ok"] },
  ]);
  const withBlock = { ...target, enums: { mood: ["sad", "ok"] } };
  for (const support of ["inline", "none"] as const) {
    const found = compareEnums(withBlock, { tables: {} }, support);
    assertEquals([found.early.length, found.late.length, found.changes.length], [0, 0, 0]);
  }
});

Deno.test("compareEnums reports a value that only the database has", () => {
  const found = compareEnums({ tables: {}, enums: { m: ["a"] } }, { tables: {}, enums: { m: ["a", "z"] } });
  assertEquals(found.changes.map((c) => [c.type, c.name, c.details]), [
    ["enum.changed", "m", ['value "z" is in the database only']],
  ]);
});
