/**
 * The options every `migrate` command accepts (DESIGN.md section 7), and the small readers that turn
 * their raw Commander strings into values.
 *
 * @module
 */
import { UsageError } from "../errors.ts";

/**
 * Global options as Commander parses them: strings as typed, flags as `true` or absent. The fast
 * paths of `cli.ts` pass `{ x: [] }`, which is what Commander gives for an argv without options.
 */
export interface GlobalOptions {
  /** `-c, --config`: config file path. */
  config?: string;
  /** `-e, --env`: environment section name. */
  env?: string;
  /** `-n, --name`: named database of a multidb config. */
  name?: string;
  /** `--url`: database URL overriding the config. */
  url?: string;
  /** `-x KEY=VALUE`, in the order given (repeatable). */
  x: string[];
  /** `--json`: one JSON document on stdout. */
  json?: boolean;
  /** `-q, --quiet`: only errors. */
  quiet?: boolean;
  /** `-v, --verbose`: more detail, stack traces on errors. */
  verbose?: boolean;
  /** `--lock-timeout`, in seconds, unparsed. */
  lockTimeout?: string;
  /** `--wait`: wait for the database to accept connections first. */
  wait?: boolean;
  /** `--wait-timeout`, in seconds, unparsed. */
  waitTimeout?: string;
  /** `--statement-timeout`, in seconds, unparsed. */
  statementTimeout?: string;
}

/**
 * Whether to show full entries: a command's own `--verbose` wins, else the global `-v`.
 *
 * @param g the global options
 * @param opts the command's options
 * @returns true for verbose output
 */
export function verbose(g: GlobalOptions, opts: { verbose?: boolean }): boolean {
  return Boolean(opts.verbose ?? g.verbose);
}

/**
 * Reads a number of seconds given on the command line.
 *
 * @param option the option's name for the message, e.g. `"--lock-timeout"`
 * @param value the text given
 * @param min the smallest accepted value, in seconds (`Number.MIN_VALUE` for "more than 0")
 * @returns the number of seconds
 * @throws {UsageError} when `value` is blank, not a finite number, or below `min`
 */
export function seconds(option: string, value: string, min: number): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < min) {
    throw new UsageError(
      `Cannot use ${option} "${value}": expected a number of seconds${min > 0 ? " > 0" : ""}`,
    );
  }
  return n;
}

/**
 * Commander's argument parser for a repeatable option (`-x`, `--branch-label`, `--depends-on`).
 *
 * @param value the value given this time
 * @param previous the values given before, in order
 * @returns a new list: `previous` then `value`
 */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
