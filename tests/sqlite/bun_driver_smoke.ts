/**
 * Smoke test of the Bun SQLite driver (`bun:sqlite`), run as a script:
 * `./node_modules/.bin/bun tests/sqlite/bun_driver_smoke.ts`. It runs the same checks as the Deno
 * tests do for node:sqlite (every shared DDL case, the SQLite-only checks and the connection
 * contract of every driver), prints one line per check, and exits 1 on the first failure.
 *
 * @module
 */
import process from "node:process";
import { assert } from "../_assert.ts";
import { DIALECTS } from "../dialects/_dialects.ts";
import { contractContext, contractFor } from "../dialects/_driver_contract.ts";
import { SQLITE_DDL_CHECKS, SQLITE_DRIVER_CHECKS } from "./_driver_checks.ts";

assert(typeof (globalThis as { Bun?: unknown }).Bun !== "undefined", "Run this script with bun");

let passed = 0;
async function check(name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (error) {
    console.log(`FAIL ${name}`);
    console.error(error);
    process.exit(1);
  }
}

for (const c of SQLITE_DDL_CHECKS) await check(`ddl case: ${c.name}`, () => c.run());
for (const c of SQLITE_DRIVER_CHECKS) await check(`sqlite: ${c.name}`, () => c.run());

/**
 * Contract checks bun:sqlite is known to fail, with why; each must still fail, so that a fix in
 * lib/ shows here as a line to delete.
 */
const KNOWN_GAPS: Readonly<Record<string, string>> = {
  "executeScript accepts a blank or comment-only script":
    'bun:sqlite\'s exec throws "Query contained no valid SQL statement" (lib/dialects/sqlite/driver_bun.ts)',
};

const sqlite = DIALECTS.find((db) => db.name === "sqlite")!;
await sqlite.withDatabase(async (url) => {
  for (const c of contractFor(sqlite)) {
    const run = () => c.run(contractContext(sqlite, url, (part, fn) => check(`  ${part}`, fn)));
    const gap = KNOWN_GAPS[c.name];
    if (gap === undefined) await check(`sqlite: ${c.name}`, run);
    else {
      await check(`sqlite: ${c.name} still fails under Bun (known gap: ${gap})`, async () => {
        const failed = await run().then(() => false, () => true);
        assert(failed, `"${c.name}" passes under Bun now: remove it from KNOWN_GAPS`);
      });
    }
  }
}, "bun");

console.log(`${passed} passed, 0 failed`);
