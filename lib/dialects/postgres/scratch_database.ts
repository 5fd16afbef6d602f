/**
 * PostgreSQL's scratch database for `migrate test`: `CREATE DATABASE`, dropped `WITH (FORCE)`
 * (PostgreSQL 13+), which ends sessions a failed test may have left.
 *
 * @module
 */
import type { DatabaseUrl } from "../../config/url.ts";
import type { Dialect, ScratchDatabase } from "../dialect.ts";
import { createServerScratch } from "../_server_scratch.ts";

/**
 * Create a scratch database on the server of `url`.
 *
 * @param dialect the PostgreSQL dialect
 * @param url the configured database
 * @returns the scratch database
 * @throws {ConnectionError} when the server cannot be reached
 */
export function openPostgresScratchDatabase(dialect: Dialect, url: DatabaseUrl): Promise<ScratchDatabase> {
  return createServerScratch(dialect, url, {
    create: (q) => `CREATE DATABASE ${q}`,
    drop: (q) => `DROP DATABASE IF EXISTS ${q} WITH (FORCE)`,
  });
}
