/**
 * The factory of each operation kind a plain call makes (every kind but `batchAlterTable`, whose
 * factory in `batch.ts` itself builds on this table), keyed by kind so the `op` and batch facades
 * can be generated from `SIGNATURES` (signatures.ts) instead of written out per kind.
 *
 * @module
 */
import * as create from "./create.ts";
import type { Operation, OperationKind } from "./types.ts";

/** The kinds made by a plain factory call (everything but `batchAlterTable`). */
export type PlainKind = Exclude<OperationKind, "batchAlterTable">;

/** A factory of kind `K`: any arguments, the frozen operation of that kind. */
export type FactoryOf<K extends OperationKind> = (...args: never[]) => Extract<Operation, { kind: K }>;

/**
 * Kind to factory. Typed over every {@link PlainKind}, so a kind added to `SIGNATURES` (signatures.ts) without
 * a factory here fails to compile, and each factory must return its own kind.
 */
export const FACTORIES = {
  execute: create.execute,
  createTable: create.createTable,
  dropTable: create.dropTable,
  renameTable: create.renameTable,
  addColumn: create.addColumn,
  dropColumn: create.dropColumn,
  createIndex: create.createIndex,
  dropIndex: create.dropIndex,
  bulkInsert: create.bulkInsert,
  alterColumn: create.alterColumn,
  createPrimaryKey: create.createPrimaryKey,
  createUniqueConstraint: create.createUniqueConstraint,
  createForeignKey: create.createForeignKey,
  createCheckConstraint: create.createCheckConstraint,
  createExclusionConstraint: create.createExclusionConstraint,
  dropConstraint: create.dropConstraint,
  createTableComment: create.createTableComment,
  dropTableComment: create.dropTableComment,
  createEnum: create.createEnum,
  dropEnum: create.dropEnum,
  addEnumValue: create.addEnumValue,
  createSchema: create.createSchema,
  dropSchema: create.dropSchema,
  createView: create.createView,
  dropView: create.dropView,
  replaceView: create.replaceView,
  createMaterializedView: create.createMaterializedView,
  dropMaterializedView: create.dropMaterializedView,
  createFunction: create.createFunction,
  dropFunction: create.dropFunction,
  createTrigger: create.createTrigger,
  dropTrigger: create.dropTrigger,
  createSequence: create.createSequence,
  alterSequence: create.alterSequence,
  dropSequence: create.dropSequence,
  createExtension: create.createExtension,
  dropExtension: create.dropExtension,
  createDomain: create.createDomain,
  dropDomain: create.dropDomain,
} as const satisfies { readonly [K in PlainKind]: FactoryOf<K> };
