/**
 * The generated docs (`docs/commands/*.md`, `docs/configuration.md`) match what
 * `scripts/gen_docs.ts` produces from the current binary and config schema.
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { assertEquals } from "../_assert.ts";
import { requireBinary, ROOT } from "./_project.ts";

Deno.test("docs generated from dist/migrate and the config schema are up to date", () => {
  requireBinary();
  const r = spawnSync(join(ROOT, "node_modules", ".bin", "deno"), [
    "run",
    "-A",
    "scripts/gen_docs.ts",
    "--check",
  ], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
  });
  assertEquals([r.status, r.stdout.trim()], [0, "docs are up to date"], r.stderr);
});
