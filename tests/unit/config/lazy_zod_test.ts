import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assertEquals } from "../../_assert.ts";

const LOAD = new URL("../../../lib/config/load.ts", import.meta.url).href;

/**
 * Loads `toml` with `loadConfig` in a fresh process and says whether zod was evaluated there
 * (zod's core module sets `globalThis.__zod_globalConfig`).
 */
async function zodLoadedFor(toml: string): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), "retort-lazy-zod-"));
  try {
    writeFileSync(join(dir, "migrate.toml"), toml);
    const code = `
      const { loadConfig } = await import(${JSON.stringify(LOAD)});
      try { await loadConfig({ cwd: ${JSON.stringify(dir)}, environ: {} }); } catch { /* bad files throw */ }
      console.log("__zod_globalConfig" in globalThis);
    `;
    const out = await new Deno.Command(Deno.execPath(), { args: ["eval", code], stderr: "inherit" }).output();
    return new TextDecoder().decode(out.stdout).trim() === "true";
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

Deno.test("loadConfig does not load zod for a well-formed file, and does for a file with a problem", async () => {
  assertEquals(
    await zodLoadedFor('script_location = "m"\nurl = "sqlite:///a.db"\n[environments.prod]\nurl = "x"\n'),
    false,
  );
  assertEquals(await zodLoadedFor("truncate_slug_length = 0\n"), true);
});
