/**
 * Factories of the table comment operations: `createTableComment`, `dropTableComment`.
 * Bad arguments throw `TypeError` (wrong shape) or `RangeError` (right shape, impossible value);
 * every operation returned is deeply frozen and shares no object with the caller.
 *
 * @module
 */
import { SIGNATURES } from "./signatures.ts";
import type { CreateTableCommentOp, DropTableCommentOp } from "./types.ts";
import { checkName, checkOptions, checkText, schemaOf } from "./_validate.ts";
import type { SchemaOption } from "./create_options.ts";

/**
 * Set a table comment (Alembic's `op.create_table_comment`).
 *
 * @param table table name
 * @param comment the comment
 * @param options `existingComment` (for reversing), `schema`
 * @returns a frozen {@link CreateTableCommentOp}
 * @throws {TypeError} for an empty table name or a non-string comment
 */
export function createTableComment(
  table: string,
  comment: string,
  options: SchemaOption & { readonly existingComment?: string } = {},
): CreateTableCommentOp {
  const what = "createTableComment operation";
  checkName(table, what, "table name");
  checkOptions(options, what, SIGNATURES.createTableComment.options);
  return Object.freeze({
    kind: "createTableComment",
    table,
    comment: checkText(comment, what, "comment", true),
    ...(options.existingComment === undefined
      ? {}
      : { existingComment: checkText(options.existingComment, what, "existingComment", true) }),
    ...schemaOf(options, what),
  });
}

/**
 * Remove a table comment (Alembic's `op.drop_table_comment`).
 *
 * @param table table name
 * @param options `existingComment` (for reversing), `schema`
 * @returns a frozen {@link DropTableCommentOp}
 * @throws {TypeError} for an empty table name
 */
export function dropTableComment(
  table: string,
  options: SchemaOption & { readonly existingComment?: string } = {},
): DropTableCommentOp {
  const what = "dropTableComment operation";
  checkName(table, what, "table name");
  checkOptions(options, what, SIGNATURES.dropTableComment.options);
  return Object.freeze({
    kind: "dropTableComment",
    table,
    ...(options.existingComment === undefined
      ? {}
      : { existingComment: checkText(options.existingComment, what, "existingComment", true) }),
    ...schemaOf(options, what),
  });
}
