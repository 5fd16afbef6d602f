import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { assertEquals } from "../../_assert.ts";
import { TEMPLATES } from "../../../lib/script/templates_data.ts";
import { readTemplates } from "../../../scripts/gen_templates.ts";

Deno.test("templates_data.ts matches templates/ (run scripts/gen_templates.ts when this fails)", () => {
  const repo = join(dirname(fileURLToPath(import.meta.url)), "../../..");
  assertEquals(JSON.parse(JSON.stringify(TEMPLATES)), readTemplates(join(repo, "templates")));
});
