/**
 * What SQLite can do: transactional DDL, but an ALTER TABLE that only renames and adds (changes of type, nullability, default or constraints rebuild the table); no comments, enums or sequences; the migrator lock is the write transaction (`BEGIN IMMEDIATE`).
 *
 * @module
 */
import type { DialectCapabilities } from "../capabilities.ts";

/** What SQLite can do: transactional DDL, but an ALTER TABLE that only renames and adds (changes of type, nullability, default or constraints rebuild the table); no comments, enums or sequences; the migrator lock is the write transaction (`BEGIN IMMEDIATE`). */
export const SQLITE_CAPABILITIES: DialectCapabilities = Object.freeze({
  transactionalDdl: true,
  ifExists: true,
  ifExistsOnIndex: true,
  alterColumn: false,
  alterConstraints: false,
  dropColumn: true,
  renameColumn: true,
  descIndex: true,
  partialIndex: true,
  concurrentIndex: false,
  deferrable: true,
  enums: "none",
  sequences: false,
  identity: false,
  comments: false,
  uniqueConstraintsAreIndexes: false,
  foreignKeyCreatesIndex: false,
  lockTimeout: false,
  migratorLock: "write-transaction",
  pipelining: false,
  rowidTables: true,
  storageOptions: false,
  multiStatementIsTransaction: false,
  maxIdentifierLength: null,
});
