import { comparableTables } from "../../../../lib/schema/compare/comparable_tables.ts";
import { assertEquals } from "../../../_assert.ts";
import { account, lite, pg } from "./_rows.ts";

Deno.test("comparableTables writes what compares equal as the schema file does", () => {
  const current = {
    ...account,
    columns: { ...account.columns, name: { type: "character varying(50)", nullable: false } },
    uniqueConstraints: [{ name: "account_name_key", columns: ["name"] }],
  };
  const target = { ...account, uniqueConstraints: [{ columns: ["name"] }] };
  const [before, after] = comparableTables(target, current, pg);
  assertEquals(before, after);
});

Deno.test("comparableTables keeps real differences", () => {
  const target = { ...account, columns: { ...account.columns, name: { type: "text", nullable: false } } };
  const [before] = comparableTables(target, account, pg);
  assertEquals(before.columns.name.type, "varchar(50)");
});

Deno.test("comparableTables takes the schema file's comments where the database stores none", () => {
  const target = {
    ...account,
    columns: { ...account.columns, name: { ...account.columns.name, comment: "who" } },
    comment: "people",
  };
  const [sqliteBefore, sqliteAfter] = comparableTables(target, account, lite);
  assertEquals(sqliteBefore, sqliteAfter);
  const [pgBefore] = comparableTables(target, account, pg);
  assertEquals([pgBefore.comment, pgBefore.columns.name.comment], [undefined, undefined]);
});
