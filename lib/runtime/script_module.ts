/**
 * Loading a revision's body when (and only when) one of its steps runs: TypeScript revisions are
 * imported, SQL revisions split into sections.
 *
 * @module
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { MigrationContext } from "./context.ts";
import type { Revision } from "../revision/revision.ts";
import { errorMessage, RevisionFileError } from "../errors.ts";
import { parseSqlSections } from "../script/sql_sections.ts";
import { syntaxErrorAt } from "../script/syntax_error_at.ts";

/** What a step runs: a script function, or a SQL text. */
export type StepBody =
  | {
    readonly kind: "ts";
    readonly run: (ctx: MigrationContext) => unknown;
    readonly transactional: boolean;
  }
  | { readonly kind: "sql"; readonly sql: string; readonly transactional: boolean; readonly line: number };

/**
 * Load the body of `revision` for `direction`.
 *
 * @returns the script function or SQL section; a revision built in memory (no path) has an empty body
 * @throws {RevisionFileError} when the file cannot be imported or lacks `upgrade`/`downgrade`
 */
export async function loadStepBody(revision: Revision, direction: "up" | "down"): Promise<StepBody> {
  const file = revision.path;
  if (!file) return { kind: "sql", sql: "", transactional: true, line: 0 };
  if (file.endsWith(".sql")) {
    const sections = parseSqlSections(file, readFileSync(file, "utf8"));
    const section = direction === "up" ? sections.up : sections.down;
    return { kind: "sql", sql: section.sql, transactional: section.transactional, line: section.line };
  }
  let mod: Record<string, unknown>;
  try {
    mod = await import(pathToFileURL(file).href);
  } catch (error) {
    const where = syntaxErrorAt(error, file);
    throw new RevisionFileError(
      `Cannot import revision ${revision.revision} from ${
        where ? `${file}:${where.line}:${where.column}` : file
      }: ${where?.message ?? errorMessage(error)}`,
      file,
      where?.line,
      { cause: error },
    );
  }
  const name = direction === "up" ? "upgrade" : "downgrade";
  const fn = mod[name];
  if (typeof fn !== "function") {
    throw new RevisionFileError(
      `Cannot run revision ${revision.revision}: ${file} does not export a function named "${name}"`,
      file,
    );
  }
  return {
    kind: "ts",
    run: fn as (ctx: MigrationContext) => unknown,
    transactional: mod.nonTransactional !== true,
  };
}
