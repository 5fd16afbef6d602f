import { compareSchemaNames } from "../../../../lib/schema/compare/schema_names.ts";
import { assertEquals } from "../../../_assert.ts";

Deno.test("compareSchemaNames creates new schemas first and drops old ones last", () => {
  const found = compareSchemaNames({ tables: {}, schemas: ["sales", "hr"] }, {
    tables: {},
    schemas: ["hr", "old"],
  });
  assertEquals(JSON.parse(JSON.stringify(found.early.map((s) => s.up))), [{
    kind: "createSchema",
    name: "sales",
  }]);
  assertEquals(JSON.parse(JSON.stringify(found.late.map((s) => s.up))), [{
    kind: "dropSchema",
    name: "old",
  }]);
  assertEquals(found.changes.map((c) => `${c.type} ${c.name}`), ["schema.added sales", "schema.removed old"]);
});
