/**
 * Runs {@link DDL_CASES} against one dialect's compiler (Hono's shared contract suite).
 *
 * @module
 */
import { assertEquals, assertThrows } from "../../_assert.ts";
import { UnsupportedOperationError } from "../../../lib/errors.ts";
import type { Dialect } from "../../../lib/dialects/dialect.ts";
import { DDL_CASES } from "./ddl_cases.ts";

/**
 * Check every case's exact SQL for `dialect`, one `t.step` per case.
 *
 * @param t the test context
 * @param dialect the dialect under test
 */
export async function runDdlCases(t: Deno.TestContext, dialect: Dialect): Promise<void> {
  for (const c of DDL_CASES) {
    await t.step(c.name, () => {
      const expected = c.expect[dialect.name];
      if (expected === null) {
        const error = assertThrows(() => dialect.ddl(c.op), UnsupportedOperationError);
        assertEquals(error.dialect, dialect.name);
        assertEquals(error.kind, c.op.kind);
        return;
      }
      const statements = dialect.ddl(c.op);
      assertEquals(statements.map((s) => s.sql), expected);
      for (const s of statements) assertEquals(s.source, c.op);
    });
  }
}
