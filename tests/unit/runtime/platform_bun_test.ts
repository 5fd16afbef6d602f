/**
 * Runs `bun_socket_smoke.ts` under the npm-installed Bun: the compiled binary reaches the network
 * through `Bun.connect`, which `deno test` cannot load.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { assert, assertEquals } from "../../_assert.ts";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const BUN = join(ROOT, "node_modules", ".bin", "bun");

Deno.test("connectSocket under Bun (Bun.connect) echoes 4 MiB over TCP and a Unix socket", () => {
  assert(existsSync(BUN), `Cannot run the Bun socket test: ${BUN} is missing; run "npm install"`);
  const out = spawnSync(BUN, [join(ROOT, "tests", "unit", "runtime", "bun_socket_smoke.ts")], {
    encoding: "utf8",
    timeout: 60_000,
  });
  assertEquals(out.status, 0, `${out.stdout}\n${out.stderr}`);
  assertEquals(out.stdout, "ok tcp\nok unix\n");
});
