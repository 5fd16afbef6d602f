/**
 * The `test` command's registration.
 *
 * @module
 */
import type { CommandUnknownOpts } from "@commander-js/extra-typings";
import { requestExitStatus } from "./exit_status.ts";
import type { GlobalOptions } from "./global_options.ts";
import { loadConfigFor } from "./load_config_for.ts";
import { output } from "./output.ts";

/**
 * Adds `test [--scratch-url URL]`, which checks on a scratch database that the graph has one head,
 * that each revision's downgrade undoes its upgrade, and that head matches the schema file; requests
 * exit status 1 when a check fails.
 *
 * @param program the root command
 * @param g reads the global options once parsed
 */
export function addTestCommand(program: CommandUnknownOpts, g: () => GlobalOptions): void {
  program.command("test")
    .description("upgrade, downgrade and upgrade each revision on a scratch database and compare schemas")
    .option("--scratch-url <url>", "an empty database to use instead of a scratch one made and dropped")
    .action(async (opts) => {
      const config = await loadConfigFor(g());
      const { testRevisions } = await import("../commands/test.ts");
      const { formatTest } = await import("../output/test_format.ts");
      const result = await testRevisions(config, { scratchUrl: opts.scratchUrl });
      output(g(), result, () => formatTest(result));
      if (!result.ok) requestExitStatus(1);
    });
}
