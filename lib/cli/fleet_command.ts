/**
 * `--fleet` (DESIGN.md section 6): one command run on every database of the config's `[fleet]` at
 * once, reported as one table.
 *
 * @module
 */
// Type-only: the fast paths reach this module and must not load Commander.
import type { Command, OptionValues } from "@commander-js/extra-typings";
import process from "node:process";
import { UsageError } from "../errors.ts";
import { checkFleetFlags } from "./check_arguments.ts";
import { requestExitStatus } from "./exit_status.ts";
import type { GlobalOptions } from "./global_options.ts";
import { loadConfigFor } from "./load_config_for.ts";
import { output } from "./output.ts";
import { waitFor } from "./wait_for.ts";

/** The options {@link withFleetOptions} adds, plus the command's own ones a fleet run honours. */
export interface FleetOptions {
  /** `--concurrency`, unparsed. */
  concurrency?: string;
  /** `--fail-fast`. */
  failFast?: boolean;
  /** `status --exit-code`. */
  exitCode?: boolean;
  /** `--sql`, refused with `--fleet`. */
  sql?: boolean;
  /** `--tag`, handed to every database's scripts. */
  tag?: string;
}

/**
 * Adds `--fleet`, `--concurrency` and `--fail-fast` to a command; called after the command's own
 * options so that they come last in its help.
 *
 * @param command the Commander command
 * @returns the same command, its option types extended
 */
export function withFleetOptions<
  Args extends unknown[],
  Opts extends OptionValues,
  Globals extends OptionValues,
>(
  command: Command<Args, Opts, Globals>,
) {
  return command
    .option("--fleet", "run on every database of the config's [fleet]")
    .option("--concurrency <n>", "with --fleet: databases at once (default: [fleet] concurrency, 8)")
    .option("--fail-fast", "with --fleet: start no database after the first failure")
    // Refused rather than ignored: without --fleet they would do nothing.
    .hook("preAction", (_, action) => checkFleetFlags(action.opts()));
}

/**
 * Runs `command` on every database of `[fleet]`, showing live progress on a terminal, prints the
 * result table, and requests exit status 1 when a database failed (each failure's error on stderr),
 * or 3 for `status --exit-code` with pending revisions.
 *
 * @param g the global options (`--wait` waits for each database in its own task)
 * @param command the command to run on each database
 * @param opts the command's options
 * @param target the upgrade or downgrade target
 * @throws {UsageError} with `--sql`, or when `--concurrency` is not an integer >= 1
 * @throws {ConfigError} when the config cannot be loaded or has no `[fleet]` (`runFleet`)
 */
export async function fleetCommand(
  g: GlobalOptions,
  command: "upgrade" | "downgrade" | "current" | "status" | "check",
  opts: FleetOptions,
  target?: string,
): Promise<void> {
  if (opts.sql) throw new UsageError(`Cannot use --sql with --fleet: render the script for one database`);
  const base = await loadConfigFor({ ...g, wait: false });
  const config = opts.tag === undefined ? base : { ...base, tag: opts.tag };
  const { runFleet, fleetTask, formatFleet } = await import("../commands/fleet.ts");
  const { colorsEnabled, createPalette } = await import("../output/colors.ts");
  const { createFleetProgress } = await import("../output/progress.ts");
  const palette = createPalette(colorsEnabled(process.stdout));
  const live = Boolean(process.stdout.isTTY) && !g.json && !g.quiet;
  const display = createFleetProgress({ out: process.stdout, err: process.stderr, live, palette }, command);
  const concurrency = opts.concurrency === undefined ? undefined : Number(opts.concurrency);
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1)) {
    throw new UsageError(`Cannot use --concurrency "${opts.concurrency}": expected an integer >= 1`);
  }
  let result;
  try {
    result = await runFleet(config, {
      command,
      task: fleetTask(command, target, g.wait ? (c) => waitFor({ ...g, quiet: true }, c) : undefined),
      concurrency,
      failFast: opts.failFast,
      onEvent: (e) => display.onEvent(e),
    });
  } finally {
    display.close();
  }
  const table = await formatFleet(result, { ok: palette.green, failed: palette.red, dim: palette.dim });
  output(g, result, () => table);
  if (result.failed > 0) {
    // The table already names the failures, except when it is not printed.
    if (g.quiet || g.json) {
      for (const r of result.rows.filter((r) => r.result === "failed")) {
        process.stderr.write(`Error: ${r.database}: ${r.error}\n`);
      }
    }
    process.stderr.write(`Error: ${result.failed} of ${result.rows.length} databases failed\n`);
    requestExitStatus(1);
  } else if (opts.exitCode && result.rows.some((r) => r.result === "pending")) requestExitStatus(3);
}
