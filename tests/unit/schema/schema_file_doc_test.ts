/**
 * docs/schema-file.md: its key reference is what scripts/gen_schema_file_doc.ts generates from the
 * zod shape, and every example block is a schema file the real loader accepts (those marked with a
 * dialect also compile to that dialect's DDL from an empty database).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assert, assertEquals } from "../../_assert.ts";
import { dialectFor } from "../../../lib/dialects/registry.ts";
import type { DialectName } from "../../../lib/dialects/dialect_name.ts";
import { compareSchemas } from "../../../lib/schema/compare/compare_schemas.ts";
import { normalizerFor } from "../../../lib/schema/introspect.ts";
import { loadSchemaFile } from "../../../lib/schema/load.ts";
import { SCHEMA_FILE_DOC, withKeyReference } from "../../../scripts/gen_schema_file_doc.ts";

const page = readFileSync(SCHEMA_FILE_DOC, "utf8");

/** The page's ts/json/toml blocks, each with the dialect named in a comment just above it. */
function examples(): { lang: string; text: string; dialect?: DialectName; line: number }[] {
  const out: { lang: string; text: string; dialect?: DialectName; line: number }[] = [];
  const re = /(?:<!-- dialect: (\w+) -->\n\n)?```(ts|json|toml)\n([\s\S]*?)```/g;
  for (const m of page.matchAll(re)) {
    out.push({
      lang: m[2],
      text: m[3],
      ...(m[1] ? { dialect: m[1] as DialectName } : {}),
      line: page.slice(0, m.index).split("\n").length,
    });
  }
  return out;
}

Deno.test("docs/schema-file.md's key reference matches the zod shape (run scripts/gen_schema_file_doc.ts)", () => {
  assertEquals(page, withKeyReference(page));
});

Deno.test("every example of docs/schema-file.md loads through the schema-file loader", async (t) => {
  const blocks = examples();
  assert(blocks.length >= 12, `only ${blocks.length} examples found`);
  assertEquals(new Set(blocks.map((b) => b.lang)), new Set(["ts", "json", "toml"]));
  assertEquals(blocks.filter((b) => b.dialect).map((b) => b.dialect), ["postgresql", "mysql", "sqlite"]);
  const dir = mkdtempSync(join(tmpdir(), "retort-schema-doc-"));
  try {
    for (const [i, block] of blocks.entries()) {
      await t.step(
        `line ${block.line} (${block.lang}${block.dialect ? `, ${block.dialect}` : ""})`,
        async () => {
          const file = join(dir, `example_${i}.${block.lang}`);
          writeFileSync(file, block.text);
          const schema = await loadSchemaFile(file);
          if (!block.dialect) return;
          const dialect = await dialectFor(block.dialect);
          const result = compareSchemas(schema, { tables: {} }, {
            normalizer: await normalizerFor(block.dialect),
          });
          assert(result.operations.length > 0);
          for (const op of result.operations) assert(dialect.ddl(op).length > 0, `no DDL for ${op.kind}`);
        },
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
