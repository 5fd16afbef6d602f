/**
 * `migrate test`'s human output: one line per check, the failure's detail under it.
 *
 * @module
 */
import type { TestResult } from "../commands/test.ts";

/**
 * Render a test result for a terminal.
 *
 * @param result what `testRevisions` returned
 * @returns the text, without a final newline
 */
export function formatTest(result: TestResult): string {
  const lines = result.checks.flatMap((c) => [
    `${c.ok ? "ok  " : "FAIL"} ${c.name}`,
    ...(c.detail ? [`     ${c.detail}`] : []),
  ]);
  const passed = result.checks.filter((c) => c.ok).length;
  lines.push(`${passed} passed, ${result.checks.length - passed} failed`);
  return lines.join("\n");
}
