/**
 * docs/coming-from-alembic.md's "Integer primary keys" table: every Retort row shows the DDL the
 * three dialects really render for that column.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { assert, assertEquals } from "../../_assert.ts";
import { dialectFor } from "../../../lib/dialects/registry.ts";
import { createTable } from "../../../lib/operations/create.ts";
import type { Column } from "../../../lib/operations/types.ts";

const DOC = join(fileURLToPath(new URL("../../..", import.meta.url)), "docs", "coming-from-alembic.md");

Deno.test("coming-from-alembic.md's integer primary key DDL is what Retort renders", async () => {
  const text = readFileSync(DOC, "utf8");
  const section = text.slice(text.indexOf("## Integer primary keys"));
  const rows = section.split("\n").filter((l) => l.startsWith("| `{"));
  assertEquals(rows.length, 3);
  for (const row of rows) {
    const cells = row.split(" | ").map((c) => /`([^`]*)`/.exec(c)?.[1] ?? "");
    const column = JSON.parse(cells[0].replace(/(\w+):/g, '"$1":')) as Column;
    for (const [i, name] of (["postgresql", "mysql", "sqlite"] as const).entries()) {
      const dialect = await dialectFor(name);
      const ddl = dialect.ddl(createTable("t", { id: column })).map((s) => s.sql).join(" ").replace(
        /\s+/g,
        " ",
      );
      assert(ddl.includes(`( ${cells[i + 1]} )`), `${name}: "${ddl}" does not hold "${cells[i + 1]}"`);
    }
  }
});
