/**
 * Where `migrate check`'s time goes, phase by phase, in one process (run it under Bun, the runtime
 * of `dist/migrate`): loading the config, loading the schema file (TypeScript and JSON), opening the
 * connection, introspecting, the dialect's normaliser, comparing, and the whole `check` function.
 * Companion of `check_tables.ts`, for a project folder that one (or you) prepared: `migrate.toml` with
 * `schema = "schema.ts"` and the same schema dumped as `schema.json` beside it.
 *
 * Run: `./node_modules/.bin/bun scripts/bench/check_phases.ts PROJECT_DIR URL [--runs N]`
 *
 * @module
 */
import { join } from "node:path";
import process from "node:process";
import { loadConfig } from "../../lib/config/load.ts";
import { check } from "../../lib/commands/check.ts";
import { withConnection } from "../../lib/commands/_project.ts";
import { compareSchemas } from "../../lib/schema/compare/compare_schemas.ts";
import { introspectSchema } from "../../lib/schema/introspect.ts";
import { loadSchemaFile } from "../../lib/schema/load.ts";

const [dir, url] = process.argv.slice(2);
const at = process.argv.indexOf("--runs");
const RUNS = at >= 0 ? Number(process.argv[at + 1]) : 5;
if (!dir || !url) throw new Error("Cannot run: give PROJECT_DIR and URL");

async function timed<T>(label: string, fn: () => Promise<T>, times: Map<string, number[]>): Promise<T> {
  const t0 = performance.now();
  const out = await fn();
  times.set(label, [...(times.get(label) ?? []), performance.now() - t0]);
  return out;
}

const times = new Map<string, number[]>();
for (let i = 0; i < RUNS; i++) {
  const config = await timed("load config", () => loadConfig({ cwd: dir, url }), times);
  // The first import of a module is the one a process pays; later runs hit the module cache.
  if (i === 0) {
    await timed("load schema.ts (first import)", () => loadSchemaFile(join(dir, "schema.ts")), times);
  }
  const target = await timed("load schema.json", () => loadSchemaFile(join(dir, "schema.json")), times);
  const [current, normalizer] = await timed(
    "connect + introspect + normalizer + close",
    () =>
      withConnection(config, async (conn) => {
        const current = await timed("  introspect", () => introspectSchema(conn), times);
        const normalizer = await timed("  normalizer", () => conn.dialect.normalizer(), times);
        return [current, normalizer] as const;
      }),
    times,
  );
  await timed("compare", () => Promise.resolve(compareSchemas(target, current, { normalizer })), times);
  await timed("check() whole, schema file included", () => check(config), times);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [label, xs] of times) console.log(`${label.padEnd(45)} median ${median(xs).toFixed(1)} ms`);
