/**
 * Shared checks of the fault-injection suite: a refused run exits with the given status, names
 * what was wrong, prints no stack trace, and leaves the version table telling the truth.
 *
 * @module
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { assert, assertEquals, assertStringIncludes } from "../_assert.ts";
import { dumpSqlite } from "../cli/_catalog.ts";
import { describeRun, type RunOutput } from "../cli/_project.ts";

/**
 * Assert a refusal: exit status, every expected text in stderr, no stack frame or runtime banner.
 *
 * @param r the run
 * @param code the exit status expected
 * @param texts texts stderr must hold (file names, keys, revisions)
 */
export function assertRefused(r: RunOutput, code: number, ...texts: string[]): void {
  assertEquals(r.code, code, describeRun(r));
  for (const text of texts) assertStringIncludes(r.stderr, text, describeRun(r));
  assert(!/\n\s+at /.test(r.stderr), `stack trace in: ${describeRun(r)}`);
  assert(!/Bun v\d|\$bunfs/.test(r.stderr), `runtime report in: ${describeRun(r)}`);
}

/**
 * The rows of a SQLite project's version table (none when the database or table does not exist).
 *
 * @param dir the project folder, whose config says `sqlite:///a.db`
 * @returns the version rows, sorted, and the user tables
 */
export function sqliteState(dir: string): { versions: string[]; tables: string[] } {
  const file = join(dir, "a.db");
  if (!existsSync(file)) return { versions: [], tables: [] };
  const dump = dumpSqlite(file);
  return { versions: [...dump.versions].sort(), tables: dump.tables.filter((t) => t !== "alembic_version") };
}
