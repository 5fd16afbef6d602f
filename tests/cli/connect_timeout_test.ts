/**
 * `dist/migrate` gives up on a server that cannot be reached after `connect_timeout`, reports it in
 * one line and exits at once: both for a host that drops connection attempts (a firewall; the
 * connect itself never completes) and for one that accepts and then never answers.
 *
 * @module
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { assert, assertEquals } from "../_assert.ts";
import { withBlackholePort, withSilentServer } from "../_db.ts";
import { runBinary } from "./_project.ts";

const CASES = [
  { product: "PostgreSQL", scheme: "postgresql", user: "postgres" },
  { product: "MySQL", scheme: "mysql", user: "root" },
] as const;

const SERVERS = [
  ["drops connection attempts", withBlackholePort],
  ["never answers", withSilentServer],
] as const;

for (const { product, scheme, user } of CASES) {
  for (const [what, withServer] of SERVERS) {
    Deno.test(`dist/migrate exits after connect_timeout when a ${product} server ${what}`, async () => {
      await withServer(async (port) => {
        const bare = await Deno.makeTempDir({ prefix: "retort-timeout-" });
        const project = await Deno.makeTempDir({ prefix: "retort-timeout-" });
        try {
          mkdirSync(join(project, "migrations", "versions"), { recursive: true });
          writeFileSync(join(project, "migrate.toml"), 'script_location = "migrations"\n');
          const url = `${scheme}://${user}@127.0.0.1:${port}/app?connect_timeout=0.5`;
          // `current` with only a URL (the rows alone), `current` in a project (connecting while the
          // revisions are read), and `upgrade` (the migrator's connection).
          const runs = [
            { cwd: bare, args: ["--url", url, "current"] },
            { cwd: project, args: ["--url", url, "current"] },
            { cwd: project, args: ["--url", url, "upgrade", "head"] },
          ];
          for (const { cwd, args } of runs) {
            const what = `${args.slice(2).join(" ")} in ${cwd === bare ? "an empty folder" : "a project"}`;
            const out = await runBinary(args, { cwd, timeoutMs: 20_000 });
            assertEquals(out.code, 1, `${what}: ${out.stderr}`);
            assertEquals(
              out.stderr.trim(),
              `Error: Cannot connect to ${product} at 127.0.0.1:${port} database "app": ` +
                "no answer within 500 ms (connect_timeout)",
              what,
            );
            // The error comes after 0.5 s; the process must not linger on the attempt after it.
            assert(out.ms < 4000, `${what} took ${out.ms.toFixed(0)} ms`);
          }
        } finally {
          await Deno.remove(bare, { recursive: true });
          await Deno.remove(project, { recursive: true });
        }
      });
    });
  }
}
