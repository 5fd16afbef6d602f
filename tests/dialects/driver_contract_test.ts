/**
 * The driver contract (tests/dialects/_driver_contract.ts) on every database of
 * tests/dialects/_dialects.ts: one test per database, one step per check, named
 * `<dialect>: <check>` so a failure says which database broke which promise.
 *
 * @module
 */
import { DIALECTS } from "./_dialects.ts";
import { contractContext, contractFor, KNOWN_GAPS, runCheck } from "./_driver_contract.ts";

for (const db of DIALECTS) {
  Deno.test(`${db.name} driver keeps the connection contract`, async (t) => {
    await db.withDatabase(async (url) => {
      for (const check of contractFor(db)) {
        const gap = KNOWN_GAPS.find((g) =>
          g.check === check.name && g.dialect === db.name && g.runtime === "deno"
        );
        const name = gap ? `${check.name} still fails (known gap: ${gap.reason})` : check.name;
        await t.step(`${db.name}: ${name}`, async (t) => {
          await runCheck(check, contractContext(db, url, async (part, fn) => void await t.step(part, fn)));
        });
      }
    }, "driver");
  });
}
