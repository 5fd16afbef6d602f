/**
 * MySQL's and MariaDB's scratch database for `migrate test`: `CREATE DATABASE` and `DROP DATABASE`.
 *
 * @module
 */
import type { DatabaseUrl } from "../../config/url.ts";
import type { Dialect, ScratchDatabase } from "../dialect.ts";
import { createServerScratch } from "../_server_scratch.ts";

/**
 * Create a scratch database on the server of `url`.
 *
 * @param dialect the MySQL dialect
 * @param url the configured database
 * @returns the scratch database
 * @throws {ConnectionError} when the server cannot be reached
 */
export function openMysqlScratchDatabase(dialect: Dialect, url: DatabaseUrl): Promise<ScratchDatabase> {
  return createServerScratch(dialect, url, {
    create: (q) => `CREATE DATABASE ${q} CHARACTER SET utf8mb4`,
    drop: (q) => `DROP DATABASE IF EXISTS ${q}`,
  });
}
