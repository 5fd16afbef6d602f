/**
 * Every operation on every database of tests/dialects/_dialects.ts, online (through `plan`, so
 * SQLite's unsupported ALTERs become table rebuilds) and offline (rendered text fed to the
 * database's command-line client): the catalog change of each step and its downgrade
 * (tests/_operations.ts), against the database's own expectations (`_catalog_changes_<name>.ts`).
 *
 * @module
 */
import process from "node:process";
import { testUrl } from "../_db.ts";
import { applyOnline, BASE, RECORDED, runSteps } from "../_operations.ts";
import { DIALECTS } from "./_dialects.ts";

for (const db of DIALECTS) {
  Deno.test(`${db.name} operations change the catalog and downgrade back (online)`, async (t) => {
    await db.withDatabase(async (url) => {
      const conn = await db.dialect.connect(testUrl(url));
      try {
        await applyOnline(conn, BASE);
        await runSteps(t, conn, db, (ops) => applyOnline(conn, ops));
      } finally {
        await conn.close();
      }
    }, "ops");
    if (process.env.RETORT_RECORD) console.log(JSON.stringify(RECORDED, null, 2));
  });

  Deno.test(`${db.name} operations rendered offline run in ${db.offline.client} with the same effect`, async (t) => {
    await db.withDatabase(async (url) => {
      await db.offline.apply(url, BASE, true);
      const conn = await db.dialect.connect(testUrl(url));
      try {
        await runSteps(t, conn, db, (ops) => db.offline.apply(url, ops, false));
      } finally {
        await conn.close();
      }
    }, "opsoff");
  });
}
