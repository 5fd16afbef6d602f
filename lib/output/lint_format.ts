/**
 * `migrate lint`'s human output: one finding per paragraph, compiler style (`file:line: level
 * [rule] message`), with the lock and the safer alternative, then a one-line summary.
 *
 * @module
 */
import type { LintResult } from "../commands/lint.ts";

/**
 * Render a lint result for a terminal.
 *
 * @param result what `lint` returned
 * @returns the text, without a final newline
 */
export function formatLint(result: LintResult): string {
  const lines: string[] = [];
  for (const f of result.findings) {
    lines.push(`${f.at}: ${f.level} [${f.rule}] ${f.message}`);
    if (f.statement !== undefined) {
      lines.push(`  statement: ${f.statement.replace(/\s+/g, " ").slice(0, 200)}`);
    }
    lines.push(`  instead: ${f.instead}`);
  }
  const warnings = result.findings.length - result.errors;
  lines.push(
    `${result.revisions.length} revision(s) linted: ${result.errors} error(s), ${warnings} warning(s)`,
  );
  return lines.join("\n");
}
