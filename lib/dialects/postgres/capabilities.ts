/**
 * What PostgreSQL can do: transactional DDL, every ALTER in place, enum types of their own, sequences and identity columns, `CREATE INDEX CONCURRENTLY`; the migrator lock is `pg_advisory_lock`; postgres.js pipelines statements; a multi-statement text is one implicit transaction (simple query protocol, docs section 55.2.2.1).
 *
 * @module
 */
import type { DialectCapabilities } from "../capabilities.ts";

/** What PostgreSQL can do: transactional DDL, every ALTER in place, enum types of their own, sequences and identity columns, `CREATE INDEX CONCURRENTLY`; the migrator lock is `pg_advisory_lock`; postgres.js pipelines statements; a multi-statement text is one implicit transaction (simple query protocol, docs section 55.2.2.1). */
export const POSTGRES_CAPABILITIES: DialectCapabilities = Object.freeze({
  transactionalDdl: true,
  ifExists: true,
  ifExistsOnIndex: true,
  alterColumn: true,
  alterConstraints: true,
  dropColumn: true,
  renameColumn: true,
  descIndex: true,
  partialIndex: true,
  concurrentIndex: true,
  deferrable: true,
  enums: "named-type",
  sequences: true,
  identity: true,
  comments: true,
  uniqueConstraintsAreIndexes: false,
  foreignKeyCreatesIndex: false,
  lockTimeout: true,
  migratorLock: "session",
  pipelining: true,
  rowidTables: false,
  storageOptions: false,
  multiStatementIsTransaction: true,
  maxIdentifierLength: { max: 63, unit: "bytes" as const },
});
