/**
 * Command-line arguments refused before anything runs because they would do nothing, or nothing
 * sensible: fleet flags without `--fleet`, `--json` with `--sql`, and targets that cannot name a
 * revision (`@head`, or thousands of characters, which are not echoed back in full).
 *
 * @module
 */
import { UsageError } from "../errors.ts";

/** The longest target shown in full in a message; longer ones are cut with an ellipsis. */
const SHOWN_TARGET = 60;

/** A target longer than this cannot name anything (ids are at most 32 characters). */
const MAX_TARGET = 256;

/**
 * Refuse `--concurrency` and `--fail-fast` without `--fleet`: they only shape a fleet run.
 *
 * @param opts the command's options
 * @throws {UsageError} naming the flag
 */
export function checkFleetFlags(opts: { fleet?: boolean; concurrency?: string; failFast?: boolean }): void {
  if (opts.fleet) return;
  const flag = opts.concurrency !== undefined ? "--concurrency" : opts.failFast ? "--fail-fast" : undefined;
  if (flag === undefined) return;
  throw new UsageError(
    `Cannot use ${flag} without --fleet: it only applies to a run over the databases of [fleet]`,
  );
}

/**
 * Refuse `--json` with `--sql`: offline mode writes a SQL script, never a JSON document.
 *
 * @param json the global `--json`
 * @param sql the command's `--sql`
 * @throws {UsageError} when both are given
 */
export function checkJsonWithSql(json: boolean | undefined, sql: boolean | undefined): void {
  if (json && sql) {
    throw new UsageError("Cannot use --json with --sql: --sql prints a SQL script, not a JSON document");
  }
}

/**
 * Refuse a target that cannot name a revision: one starting with `@` (a branch label or revision
 * must come before it: `mybranch@head`), or one longer than any identifier.
 *
 * @param target the target as typed
 * @throws {UsageError} quoting the target, cut to 60 characters
 */
export function checkTarget(target: string): void {
  if ([...target].length > MAX_TARGET) {
    throw new UsageError(
      `Cannot resolve target ${shortTarget(target)}: it is ${[...target].length} characters long; ` +
        `revision ids, branch labels and target expressions are far shorter`,
    );
  }
  if (target.startsWith("@")) {
    throw new UsageError(
      `Cannot resolve target ${shortTarget(target)}: "@" needs a branch label or revision before it ` +
        `(e.g. "mybranch${target}"); use "${target.slice(1) || "head"}" alone for the whole graph`,
    );
  }
}

/**
 * A target quoted for a message, cut with an ellipsis after 60 characters.
 *
 * @param target the target as typed
 * @returns `"abc"` or `"abcd…" (10000 characters)`
 */
export function shortTarget(target: string): string {
  const chars = [...target];
  if (chars.length <= SHOWN_TARGET) return JSON.stringify(target);
  return `${JSON.stringify(chars.slice(0, SHOWN_TARGET).join("") + "…")}`;
}
