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
import { contractContext, contractFor, KNOWN_GAPS, runCheck } from "../dialects/_driver_contract.ts";
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

const sqlite = DIALECTS.find((db) => db.name === "sqlite")!;
await sqlite.withDatabase(async (url) => {
  for (const c of contractFor(sqlite)) {
    const gap = KNOWN_GAPS.find((g) => g.check === c.name && g.dialect === "sqlite" && g.runtime === "bun");
    const name = gap ? `${c.name} still fails (known gap: ${gap.reason})` : c.name;
    await check(
      `sqlite: ${name}`,
      () => runCheck(c, contractContext(sqlite, url, (part, fn) => check(`  ${part}`, fn))),
    );
  }
}, "bun");

console.log(`${passed} passed, 0 failed`);
