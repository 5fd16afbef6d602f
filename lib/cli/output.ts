/**
 * Everything the CLI prints on stdout and stderr: command results (human text or `--json`), run
 * progress, and errors with their exit status. `lib/` outside `lib/cli/` never prints.
 *
 * @module
 */
import process from "node:process";
import { setTimeout } from "node:timers";
import { errorFields, errorMessage, exitCodeFor } from "../errors.ts";
import type { MigrationEvent, RunResult } from "../runtime/migrator.ts";
import type { GlobalOptions } from "./global_options.ts";

/** Writes straight to `process.stdout`; see {@link writeStdoutThroughConsole} for why it can change. */
let write = (text: string): void => {
  process.stdout.write(text);
};

/**
 * Writes a command's result to stdout, through whichever writer is in use (see
 * {@link writeStdoutThroughConsole}).
 *
 * @param text the text, usually ending in a newline
 */
export function writeStdout(text: string): void {
  write(text);
}

/**
 * Makes {@link writeStdout} print through `console.log` from now on. Under Bun the first use of
 * `process.stdout` costs about 2 ms (it builds a Node stream), so the fast paths of `cli.ts`, which
 * print only through `writeStdout`, switch to this before running.
 */
export function writeStdoutThroughConsole(): void {
  write = writeLinesThroughConsole;
}

/** Prints text ending in a newline through `console.log`, which writes a lone string as given plus "\n". */
function writeLinesThroughConsole(text: string): void {
  if (text.endsWith("\n")) console.log(text.slice(0, -1));
  else process.stdout.write(text);
}

/**
 * Prints a command's result: `data` as one JSON document with `--json`, nothing with `--quiet`, else
 * `human()` (called only then) with a final newline added when missing; an empty text prints nothing.
 *
 * @param g the global options (`json`, `quiet`)
 * @param data the result, serialized with `JSON.stringify`
 * @param human renders the result for people
 */
export function output(g: GlobalOptions, data: unknown, human: () => string): void {
  if (g.json) {
    writeStdout(`${JSON.stringify(data, null, 2)}\n`);
    return;
  }
  if (g.quiet) return;
  const text = human();
  if (text) writeStdout(text.endsWith("\n") ? text : `${text}\n`);
}

/**
 * Prints the summary of an upgrade, downgrade or stamp run through {@link output}.
 *
 * @param g the global options
 * @param result what the migrator returned
 * @param verb the command, for the summary's wording
 */
export async function printRun(
  g: GlobalOptions,
  result: RunResult,
  verb: "upgrade" | "downgrade" | "stamp",
): Promise<void> {
  const { formatRunSummary } = await import("../output/run_format.ts");
  output(g, result, () => formatRunSummary(result, verb));
}

/**
 * The live progress display of a migration run (redrawn in place on a terminal, one line per step
 * otherwise), or none with `--quiet` or `--json`, whose stdout must hold only the result.
 *
 * @param g the global options
 * @returns the migrator's `onEvent` callback, or undefined for no display
 */
export async function progress(g: GlobalOptions): Promise<((event: MigrationEvent) => void) | undefined> {
  if (g.quiet || g.json) return undefined;
  const { colorsEnabled, createPalette } = await import("../output/colors.ts");
  const { createRunProgress } = await import("../output/progress.ts");
  const display = createRunProgress({
    out: process.stdout,
    err: process.stderr,
    live: Boolean(process.stdout.isTTY),
    palette: createPalette(colorsEnabled(process.stdout)),
  });
  return (event) => display.onEvent(event);
}

/**
 * Prints a command's error: `{ "error": { name, message, …fields } }` on stdout with `--json`, else
 * `Error: message` on stderr, followed with `--verbose` by the stack of the error and of each cause.
 *
 * @param g the global options (`json`, `verbose`)
 * @param error what the command threw
 * @returns the exit status for it: 2 for the InputError family, else 1 (`exitCodeFor`)
 */
export function reportError(g: GlobalOptions, error: unknown): number {
  if (g.json) {
    process.stdout.write(`${JSON.stringify({ error: errorFields(error) }, null, 2)}\n`);
  } else {
    process.stderr.write(`Error: ${errorMessage(error)}\n`);
    if (g.verbose && error instanceof Error) {
      let e: unknown = error;
      while (e instanceof Error) {
        process.stderr.write(`${e.stack ?? e.message}\n`);
        e = e.cause;
        if (e) process.stderr.write("Caused by: ");
      }
    }
  }
  return exitCodeFor(error);
}

/**
 * Ends the process with `code` once stdout and stderr are written, whatever else is still pending.
 * Bun cannot cancel a connection attempt: to a host that drops packets it stays pending for the
 * kernel's connect time-out (about two minutes on Linux) after Retort reported the error, and would
 * keep the process alive that long. A process with nothing pending ends by itself before this acts,
 * as the timers are unref'd; buffered output (a slow pipe reader) is waited for, never cut off.
 *
 * @param code the exit status
 * @param graceMs how long the work's leftovers may take before they are abandoned, in milliseconds
 */
export function exitWhenOutputFlushed(code: number, graceMs = 100): void {
  process.exitCode = code;
  const check = () => {
    const pending = process.stdout.writableLength + process.stderr.writableLength;
    if (pending > 0) setTimeout(check, 20).unref();
    else process.exit(code);
  };
  setTimeout(check, graceMs).unref();
}
