/**
 * How a failed step is reported: the statement that failed, where in the script it came from,
 * and what had already run (which stays applied where DDL is not transactional).
 *
 * @module
 */
import type { Dialect } from "../dialects/dialect.ts";
import type { PlanStep } from "../revision/revision.ts";
import { errorMessage, MigrationError, RuntimeFailure } from "../errors.ts";
import { findCallSite } from "./context.ts";

/**
 * A step failed at a statement (or in script code when `statement` is undefined). Internal to the
 * runner: {@link toMigrationError} turns it into the public {@link MigrationError}.
 */
export class StatementFailure extends Error {
  /**
   * @param statement the SQL that failed, if a statement failed
   * @param callSite `file:line` of the script call or SQL statement, when known
   * @param executed the step's statements that had already run
   * @param cause the driver's or the script's error
   */
  constructor(
    readonly statement: string | undefined,
    readonly callSite: string | undefined,
    readonly executed: string[],
    override readonly cause: unknown,
  ) {
    super(errorMessage(cause));
  }
}

/**
 * The error a failed online step is reported with.
 *
 * @param error what the step threw (a {@link StatementFailure} or anything else)
 * @param step the failed step
 * @param dialect says whether a rollback also undid the DDL
 * @param rolledBack the step's transaction was rolled back
 * @returns a {@link MigrationError} naming revision, file (with line when known), statement and what
 *   stayed applied; a {@link RuntimeFailure} that is not about a statement is returned unchanged
 */
export function toMigrationError(
  error: unknown,
  step: PlanStep,
  dialect: Dialect,
  rolledBack: boolean,
): unknown {
  if (error instanceof RuntimeFailure && !(error instanceof StatementFailure)) return error;
  const failure = error instanceof StatementFailure
    ? error
    : new StatementFailure(undefined, undefined, [], error);
  // An error thrown by the script's own code points at its line through the error's stack.
  const file = failure.callSite ??
    (failure.cause instanceof Error ? findCallSite(failure.cause.stack, step.revision.path) : undefined) ??
    step.revision.path;
  const verb = step.direction === "up" ? "upgrade" : "downgrade";
  const cause = failure.cause;
  const reason = errorMessage(cause);
  const really = rolledBack && dialect.capabilities.transactionalDdl;
  let message = `Cannot ${verb} ${step.revision.revision} (${file}): ${reason}`;
  if (failure.statement) message += `\n  statement: ${oneLine(failure.statement)}`;
  if (really) message += STEP_ROLLED_BACK;
  else if (failure.executed.length > 0) {
    message += `\n  ${dialect.name} commits DDL as it runs: these statements of ${step.revision.revision} ` +
      `had already run and were NOT rolled back:\n` + failure.executed.map((s) =>
        `    ${oneLine(s)}`
      ).join("\n");
  }
  return new MigrationError(message, {
    revision: step.revision.revision,
    direction: step.direction,
    file,
    statement: failure.statement,
    executed: failure.executed,
    rolledBack: really,
  }, { cause });
}

/** The line {@link toMigrationError} ends with when a step's transaction really was rolled back. */
const STEP_ROLLED_BACK = "\n  The step was rolled back; the version table is unchanged.";

/**
 * Add to a failed run's error what the run had done before it: the revisions applied and still
 * recorded, or, when the run shared one transaction that was rolled back, that they were undone too.
 *
 * @param error what the sink made of the failure (only a {@link MigrationError}'s message changes)
 * @param applied the revisions of this run applied before the failed step, in order
 * @param runRolledBack the run's one transaction (`transaction_per_migration = false`) was rolled back
 * @returns the same error
 */
export function withRunSummary(error: unknown, applied: readonly string[], runRolledBack: boolean): unknown {
  if (!(error instanceof MigrationError)) return error;
  if (runRolledBack && error.rolledBack) {
    const undone = applied.length > 0 ? ` (${applied.join(", ")} too)` : "";
    error.message = error.message.replace(STEP_ROLLED_BACK, "") +
      `\n  The whole run was rolled back${undone}, since transaction_per_migration = false runs it ` +
      `in one transaction; the version table is unchanged.`;
  } else if (applied.length > 0) {
    error.message += `\n  Applied before the failure, and recorded in the version table: ${
      applied.join(", ")
    }`;
  }
  return error;
}

function oneLine(sql: string): string {
  const flat = sql.replace(/\s+/g, " ").trim();
  return flat.length > 300 ? `${flat.slice(0, 297)}...` : flat;
}
