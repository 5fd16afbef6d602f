/**
 * What MySQL and MariaDB can do: every DDL statement commits implicitly (a failed migration can leave part of its DDL applied); enums are inline column types; unique constraints are unique indexes; InnoDB creates an index for a foreign key that has none; `IF EXISTS` on indexes only on MariaDB, so it is off; the migrator lock is `GET_LOCK`.
 *
 * @module
 */
import type { DialectCapabilities } from "../capabilities.ts";

/** What MySQL and MariaDB can do: every DDL statement commits implicitly (a failed migration can leave part of its DDL applied); enums are inline column types; unique constraints are unique indexes; InnoDB creates an index for a foreign key that has none; `IF EXISTS` on indexes only on MariaDB, so it is off; the migrator lock is `GET_LOCK`. */
export const MYSQL_CAPABILITIES: DialectCapabilities = Object.freeze({
  transactionalDdl: false,
  ifExists: true,
  ifExistsOnIndex: false,
  alterColumn: true,
  alterConstraints: true,
  dropColumn: true,
  renameColumn: true,
  descIndex: true,
  partialIndex: false,
  concurrentIndex: false,
  deferrable: false,
  enums: "inline",
  sequences: false,
  identity: false,
  comments: true,
  uniqueConstraintsAreIndexes: true,
  foreignKeyCreatesIndex: true,
  lockTimeout: true,
  migratorLock: "session",
  pipelining: false,
  rowidTables: false,
  storageOptions: true,
  multiStatementIsTransaction: false,
  maxIdentifierLength: { max: 64, unit: "characters" as const },
});
