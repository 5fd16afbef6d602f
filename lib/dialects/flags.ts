/**
 * The {@link DialectFlags} of each database, in one place so a diff shows what differs.
 *
 * @module
 */
import type { DialectFlags } from "./dialect.ts";

/**
 * SQLite: DDL is transactional (a failed migration leaves no half-made table); `IF [NOT] EXISTS` is
 * understood on tables and indexes.
 */
export const SQLITE_FLAGS: DialectFlags = Object.freeze({ transactionalDdl: true, supportsIfExists: true });

/** PostgreSQL: DDL is transactional; `IF [NOT] EXISTS` is understood on tables and indexes. */
export const POSTGRES_FLAGS: DialectFlags = Object.freeze({ transactionalDdl: true, supportsIfExists: true });

/**
 * MySQL / MariaDB: every DDL statement commits implicitly, so a failed migration can leave part of
 * its DDL applied. `IF [NOT] EXISTS` works on tables everywhere; on indexes only MariaDB accepts it
 * (MySQL 8 rejects the statement).
 */
export const MYSQL_FLAGS: DialectFlags = Object.freeze({ transactionalDdl: false, supportsIfExists: true });
