/**
 * The driver contract (tests/dialects/_driver_contract.ts) on every database of
 * tests/dialects/_dialects.ts: one test per database, one step per check, named
 * `<dialect>: <check>` so a failure says which database broke which promise.
 *
 * @module
 */
import { DIALECTS } from "./_dialects.ts";
import { contractContext, contractFor } from "./_driver_contract.ts";

for (const db of DIALECTS) {
  Deno.test(`${db.name} driver keeps the connection contract`, async (t) => {
    await db.withDatabase(async (url) => {
      for (const check of contractFor(db)) {
        await t.step(`${db.name}: ${check.name}`, async (t) => {
          await check.run(contractContext(db, url, async (name, fn) => void await t.step(name, fn)));
        });
      }
    }, "driver");
  });
}
