/**
 * What only the SQLite driver does (node:sqlite under Deno), from tests/sqlite/_driver_checks.ts;
 * the connection contract it shares with the other drivers runs in
 * tests/dialects/driver_contract_test.ts.
 */
import { SQLITE_DDL_CHECKS, SQLITE_DRIVER_CHECKS } from "./_driver_checks.ts";

Deno.test("sqlite driver runs every shared DDL case and PRAGMAs read back its effect", async (t) => {
  for (const check of SQLITE_DDL_CHECKS) await t.step(check.name, () => check.run());
});

Deno.test("sqlite driver", async (t) => {
  for (const check of SQLITE_DRIVER_CHECKS) await t.step(`sqlite: ${check.name}`, () => check.run());
});
