/**
 * Build `dist/migrate`, the single executable, with Bun's compiler (Bun comes from the
 * npm devDependency, so this needs nothing but `npm install`). Run: `deno run -A scripts/build.ts`.
 *
 * Flags: `--outfile PATH` (default dist/migrate), `--target bun-linux-x64` etc. for cross builds.
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const outIndex = args.indexOf("--outfile");
const outfile = outIndex >= 0 ? args[outIndex + 1] : join(root, "dist", "migrate");
const targetIndex = args.indexOf("--target");
const bun = join(root, "node_modules", ".bin", "bun");

// The generated template data must match templates/ (a stale copy would ship old templates).
const gen = spawnSync(join(root, "node_modules", ".bin", "deno"), [
  "run",
  "-A",
  join(root, "scripts", "gen_templates.ts"),
], {
  stdio: "inherit",
});
if (gen.status !== 0) process.exit(gen.status ?? 1);

mkdirSync(dirname(outfile), { recursive: true });
// Bun's JavaScript API rather than its CLI: a build plugin embeds libpg_query's WASM file (see
// scripts/build_binary.ts for the options and why).
const buildArgs = [join(root, "scripts", "build_binary.ts"), join(root, "cli.ts"), outfile];
if (targetIndex >= 0) buildArgs.push(args[targetIndex + 1]);
const started = performance.now();
const result = spawnSync(bun, buildArgs, { stdio: ["ignore", "pipe", "inherit"], cwd: root });
if (result.status !== 0) {
  process.stderr.write(result.stdout?.toString() ?? "");
  process.exit(result.status ?? 1);
}
console.log(`Built ${outfile} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
