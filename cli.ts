#!/usr/bin/env -S deno run -A
/**
 * The `migrate` command line (DESIGN.md section 7): parses argv, loads the config, calls one
 * command function from `lib/commands`, prints its result, and sets the exit status
 * (0 success, 1 run-time failure, 2 bad usage/config/revision files, 3 `status --exit-code` pending).
 *
 * This file is the entry point only: the commands are registered in `lib/cli/program.ts`, and
 * command modules are imported lazily so that `migrate current` loads only what it needs.
 *
 * @module
 */
// Commander and lib/cli/program.ts are imported by `main` only when argv needs them: see FAST_PATHS.
import process from "node:process";
import { requestedExitStatus, resetExitStatus } from "./lib/cli/exit_status.ts";
import { currentAction, headsAction, historyAction } from "./lib/cli/fast_path_actions.ts";
import type { GlobalOptions } from "./lib/cli/global_options.ts";
import {
  exitWhenOutputFlushed,
  reportError,
  writeStdout,
  writeStdoutThroughConsole,
} from "./lib/cli/output.ts";
import { VERSION } from "./lib/version.ts";

/**
 * Argument lists run without Commander (whose import and set-up cost about 4 ms of a 10 ms start):
 * exactly one word, no option. Each calls the same action as its Commander command, with the options
 * Commander would pass (`{ x: [] }` globals, no command options), so output and exit status match.
 */
const FAST_PATHS: Readonly<Record<string, (g: GlobalOptions) => Promise<void>>> = {
  "--version": versionAction,
  "-V": versionAction,
  current: (g) => currentAction(g, {}),
  heads: (g) => headsAction(g, {}),
  history: (g) => historyAction(g, {}),
};

/** What Commander's `.version()` prints. */
function versionAction(): Promise<void> {
  writeStdout(`${VERSION}\n`);
  return Promise.resolve();
}

/**
 * Run the CLI with `argv` (without the executable and script path) and resolve to the exit status.
 *
 * @param argv arguments, e.g. `["upgrade", "head"]`
 * @returns 0, 1, 2 or 3 (DESIGN.md section 7)
 */
export async function main(argv: string[]): Promise<number> {
  const fast = argv.length === 1 && Object.hasOwn(FAST_PATHS, argv[0]) ? FAST_PATHS[argv[0]] : undefined;
  if (fast !== undefined) {
    const g: GlobalOptions = { x: [] };
    writeStdoutThroughConsole();
    try {
      resetExitStatus();
      await fast(g);
      return requestedExitStatus();
    } catch (error) {
      return reportError(g, error);
    }
  }
  const [{ Command, CommanderError }, { buildProgram }] = await Promise.all([
    import("@commander-js/extra-typings"),
    import("./lib/cli/program.ts"),
  ]);
  const program = buildProgram(Command);
  try {
    resetExitStatus();
    await program.parseAsync(argv, { from: "user" });
    return requestedExitStatus();
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and --version end through exitOverride with exit code 0
      if (
        error.exitCode === 0 || error.code === "commander.helpDisplayed" || error.code === "commander.version"
      ) {
        return 0;
      }
      return 2;
    }
    return reportError(program.opts() as GlobalOptions, error);
  }
}

if (import.meta.main) {
  // No top-level await: the compiled binary is built as bytecode, which needs a plain module body.
  main(process.argv.slice(2)).then((code) => exitWhenOutputFlushed(code));
}
