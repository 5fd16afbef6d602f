/**
 * One factory per operation kind, gathered under one name so callers write
 * `import * as create from "../operations/create.ts"`. Each keeps Alembic's argument order
 * (`op.add_column(table, column)`, `op.create_index(name, table, columns)`, as
 * `signatures.ts` declares), takes options last as an object, validates its arguments and returns
 * a deeply frozen copy, so an operation never changes after it was made and never shares objects
 * with the caller. The factories live in one file per group (`create_tables.ts`,
 * `create_columns.ts`, `create_indexes.ts`, `create_constraints.ts`, `create_comments.ts`,
 * `create_enums_schemas.ts`); this module only re-exports them.
 *
 * Bad arguments throw `TypeError` (wrong shape) or `RangeError` (right shape, impossible value).
 *
 * @module
 */
export { bulkInsert, createTable, dropTable, execute, renameTable } from "./create_tables.ts";
export { addColumn, alterColumn, dropColumn } from "./create_columns.ts";
export { createIndex, dropIndex } from "./create_indexes.ts";
export { createExclusionConstraint } from "./create_exclusion.ts";
export {
  createCheckConstraint,
  createForeignKey,
  createPrimaryKey,
  createUniqueConstraint,
  dropConstraint,
} from "./create_constraints.ts";
export { createTableComment, dropTableComment } from "./create_comments.ts";
export { addEnumValue, createEnum, createSchema, dropEnum, dropSchema } from "./create_enums_schemas.ts";
export {
  alterSequence,
  createDomain,
  createExtension,
  createFunction,
  createMaterializedView,
  createSequence,
  createTrigger,
  createView,
  dropDomain,
  dropExtension,
  dropFunction,
  dropMaterializedView,
  dropSequence,
  dropTrigger,
  dropView,
  replaceView,
} from "./create_objects.ts";
export { type ResolvedReference, resolveReference } from "./resolve_reference.ts";
export type {
  AlterColumnOptions,
  CreateForeignKeyOptions,
  CreateIndexOptions,
  CreateTableOptions,
  SchemaOption,
} from "./create_options.ts";
