/**
 * The scripting examples (`examples/scripting/`) run under Deno and Bun: each upgrades a fresh
 * SQLite file to head through `mod.ts`, printing progress lines and a typed JSON summary.
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assertEquals } from "../_assert.ts";
import { ROOT } from "./_project.ts";

const IDS = ["5c0000000001", "5c0000000002", "5c0000000003"];

for (const runtime of ["deno", "bun"] as const) {
  Deno.test(`examples/scripting/upgrade_${runtime}.ts upgrades a SQLite database with progress callbacks`, () => {
    const dir = mkdtempSync(join(tmpdir(), "retort-scripting-"));
    try {
      const bin = join(ROOT, "node_modules", ".bin", runtime);
      const script = join(ROOT, "examples", "scripting", `upgrade_${runtime}.ts`);
      const db = join(dir, "app.db");
      const args = runtime === "deno" ? ["run", "-A", script, db] : [script, db];
      const run = () => spawnSync(bin, args, { cwd: dir, encoding: "utf8", timeout: 60_000 });
      const first = run();
      assertEquals(first.status, 0, first.stderr);
      const lines = first.stdout.trimEnd().split("\n");
      assertEquals(
        lines.slice(0, 3).map((l) => l.replace(/in [\d.]+ ms$/, "in T")),
        [
          `[${runtime}] applied ${IDS[0]} (create account) in T`,
          `[${runtime}] applied ${IDS[1]} (add account email) in T`,
          `[${runtime}] applied ${IDS[2]} (seed accounts) in T`,
        ],
      );
      assertEquals(JSON.parse(lines[3]), {
        runtime,
        from: [],
        to: [IDS[2]],
        applied: IDS,
        versions: [IDS[2]],
      });
      const second = run();
      assertEquals(JSON.parse(second.stdout.trim()), {
        runtime,
        from: [IDS[2]],
        to: [IDS[2]],
        applied: [],
        versions: [IDS[2]],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
