/**
 * The `lint` command's registration.
 *
 * @module
 */
import type { CommandUnknownOpts } from "@commander-js/extra-typings";
import { requestExitStatus } from "./exit_status.ts";
import type { GlobalOptions } from "./global_options.ts";
import { loadConfigFor } from "./load_config_for.ts";
import { output } from "./output.ts";

/**
 * Adds `lint [RANGE]`, which reports what each revision would lock, rewrite or lose before it runs,
 * and requests exit status 1 when an error-level rule fires.
 *
 * @param program the root command
 * @param g reads the global options once parsed
 */
export function addLintCommand(program: CommandUnknownOpts, g: () => GlobalOptions): void {
  program.command("lint").description(
    "report locks, table rewrites and data loss of revisions before they run",
  )
    .argument("[range]", "START:END, as for upgrade --sql (default: the revisions not yet applied)")
    .option("--all", "every revision from base, without reading the database")
    .option("--ignore <rule...>", "rule ids to switch off for this run")
    .action(async (range, opts) => {
      const config = await loadConfigFor(g());
      const { lint } = await import("../commands/lint.ts");
      const { formatLint } = await import("../output/lint_format.ts");
      const result = await lint(config, { range, all: opts.all, ignore: opts.ignore });
      output(g(), result, () => formatLint(result));
      if (result.errors > 0) requestExitStatus(1);
    });
}
