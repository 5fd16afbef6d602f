import { readFileSync } from "node:fs";
import { assertEquals } from "../../_assert.ts";
import { OPERATIONS_DOC, renderOperationsDoc } from "../../../scripts/gen_operations_doc.ts";

Deno.test("docs/operations.md matches the signature table (run scripts/gen_operations_doc.ts)", () => {
  assertEquals(readFileSync(OPERATIONS_DOC, "utf8"), renderOperationsDoc());
});
