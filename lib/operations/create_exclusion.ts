/**
 * Factory of `createExclusionConstraint` (PostgreSQL's `EXCLUDE USING`), which Alembic writes as
 * `op.create_exclude_constraint`. Bad arguments throw `TypeError`; the operation is deeply frozen.
 *
 * @module
 */
import { checkIndexColumn } from "./index_columns.ts";
import { SIGNATURES } from "./signatures.ts";
import type { CreateExclusionConstraintOp, DeferrableOptions, ExclusionElement } from "./types.ts";
import { checkName, checkOptions, checkText, deferrableOf, describe, schemaOf } from "./_validate.ts";
import type { SchemaOption } from "./create_options.ts";

/** Options of {@link createExclusionConstraint}. */
export interface CreateExclusionConstraintOptions extends SchemaOption, DeferrableOptions {
  /** Index access method; `gist` when absent. */
  readonly using?: string;
  /** Partial constraint predicate. */
  readonly where?: string;
}

/**
 * Build `ALTER TABLE table ADD CONSTRAINT name EXCLUDE USING method (element WITH operator, ...)`.
 * Only PostgreSQL has exclusion constraints; the other dialects refuse the operation.
 *
 * @param name constraint name
 * @param table table name
 * @param elements `{ column | sql, operator, order?, nulls?, collation?, opclass? }`, at least one
 * @param options `using`, `where`, `deferrable`, `initiallyDeferred`, `schema`
 * @returns a frozen {@link CreateExclusionConstraintOp}
 * @throws {TypeError} for an empty name, no elements, or an element without column/sql or operator
 * @example
 * ```ts
 * import { createExclusionConstraint } from "./create.ts";
 * const op = createExclusionConstraint("no_overlap", "booking", [
 *   { column: "room", operator: "=" },
 *   { sql: "tsrange(start_at, end_at)", operator: "&&" },
 * ]);
 * ```
 */
export function createExclusionConstraint(
  name: string,
  table: string,
  elements: readonly ExclusionElement[],
  options: CreateExclusionConstraintOptions = {},
): CreateExclusionConstraintOp {
  const what = "createExclusionConstraint operation";
  checkName(name, what, "constraint name");
  checkName(table, `${what} "${name}"`, "table name");
  checkOptions(options, what, SIGNATURES.createExclusionConstraint.options);
  const where = `${what} "${name}"`;
  if (!Array.isArray(elements) || elements.length === 0) {
    throw new TypeError(
      `Cannot create ${where}: elements must be a non-empty array, got ${describe(elements)}`,
    );
  }
  const copied = elements.map((e, i) => {
    if (typeof e !== "object" || e === null) {
      throw new TypeError(`Cannot create ${where}: element ${i + 1} must be { column | sql, operator }`);
    }
    const { operator, ...rest } = e as ExclusionElement;
    const op = checkText(operator, where, `element ${i + 1} operator`);
    return Object.freeze({
      ...(checkIndexColumn(rest, where, i + 1) as object),
      operator: op,
    }) as ExclusionElement;
  });
  return Object.freeze({
    kind: "createExclusionConstraint",
    name,
    table,
    elements: Object.freeze(copied),
    ...(options.using !== undefined ? { using: checkText(options.using, where, "using") } : {}),
    ...(options.where !== undefined ? { where: checkText(options.where, where, "where") } : {}),
    ...deferrableOf(options as Record<string, unknown>, where),
    ...schemaOf(options, what),
  });
}
