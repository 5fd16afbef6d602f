/**
 * Runs the Bun SQLite driver's smoke script under the npm-installed Bun: `deno test` cannot load
 * `bun:sqlite`, so the Bun side of the SQLite driver contract is checked in a Bun process.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { assert, assertEquals } from "../_assert.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BUN = join(ROOT, "node_modules", ".bin", "bun");

Deno.test("bun:sqlite driver passes the shared DDL cases and the connection contract under Bun", () => {
  assert(existsSync(BUN), `Cannot run the Bun driver test: ${BUN} is missing; run "npm install"`);
  const out = spawnSync(BUN, [join(ROOT, "tests", "sqlite", "bun_driver_smoke.ts")], {
    encoding: "utf8",
    timeout: 120_000,
  });
  assertEquals(out.status, 0, `${out.stdout}\n${out.stderr}`);
  const summary = /^(\d+) passed, 0 failed$/m.exec(out.stdout);
  assert(summary && Number(summary[1]) > 30, `expected a passing summary line:\n${out.stdout}`);
  assert(!out.stdout.includes("FAIL "), out.stdout);
});
