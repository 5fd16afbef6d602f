/**
 * A scratch database on a database server (PostgreSQL, MySQL/MariaDB), for `migrate test`: created
 * beside the configured one under a unique name, reached by the same URL with that name, dropped
 * afterwards. The dialect supplies the CREATE and DROP statements.
 *
 * @module
 */
import { randomBytes } from "node:crypto";
import type { DatabaseUrl } from "../config/url.ts";
import { parseUrl } from "../config/url.ts";
import type { Dialect, ScratchDatabase } from "./dialect.ts";

/**
 * Create a scratch database on the server of `url`.
 *
 * @param dialect connects, and quotes the name
 * @param url the configured database, whose server and login are used
 * @param statements the dialect's CREATE and DROP statements for a quoted name
 * @returns the scratch database
 * @throws {ConnectionError} when the server cannot be reached
 * @throws {Error} the server's error when the login may not create databases
 */
export async function createServerScratch(
  dialect: Dialect,
  url: DatabaseUrl,
  statements: { create: (quoted: string) => string; drop: (quoted: string) => string },
): Promise<ScratchDatabase> {
  const name = `retort_scratch_${randomBytes(5).toString("hex")}`;
  const quoted = dialect.quoteIdentifier(name);
  const admin = await dialect.connect(url);
  try {
    await admin.execute(statements.create(quoted));
  } finally {
    await admin.close();
  }
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?]*)(?:\/[^?]*)?(\?.*)?$/i.exec(url.raw);
  const scratchUrl = `${m?.[1] ?? url.raw}/${name}${m?.[2] ?? ""}`;
  // Checked now, so a URL the rewrite broke fails before anything runs.
  parseUrl(scratchUrl, "/");
  return {
    url: scratchUrl,
    async drop() {
      try {
        const conn = await dialect.connect(url);
        try {
          await conn.execute(statements.drop(quoted));
        } finally {
          await conn.close();
        }
      } catch {
        // Best effort: the name is unique and says what it was for.
      }
    },
  };
}
