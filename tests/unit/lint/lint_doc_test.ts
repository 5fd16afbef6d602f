import { readFileSync } from "node:fs";
import { assertEquals } from "../../_assert.ts";
import { lintDoc } from "../../../scripts/gen_lint_doc.ts";

Deno.test("docs/lint.md is the rules table of lib/lint/rules.ts (regenerate: deno run -A scripts/gen_lint_doc.ts)", () => {
  assertEquals(readFileSync(new URL("../../../docs/lint.md", import.meta.url), "utf8"), lintDoc());
});
