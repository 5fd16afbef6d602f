/**
 * Colours for human output, from `picocolors`, switched on only where people read them: on a
 * terminal, unless `NO_COLOR` is set (https://no-color.org), or anywhere when `FORCE_COLOR` is set
 * to something other than `0` (the convention of Node.js, chalk and picocolors).
 *
 * @module
 */
import pc from "picocolors";
import process from "node:process";

/** The colour functions Retort uses; each returns its input unchanged when colours are off. */
export interface Palette {
  readonly enabled: boolean;
  green(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  cyan(s: string): string;
}

/**
 * Whether to colour text written to `stream`.
 *
 * @param stream where the text goes (its `isTTY`)
 * @param env the environment (`NO_COLOR`, `FORCE_COLOR`)
 * @returns true for a non-empty `FORCE_COLOR` (not `0` or `false`), false for a non-empty `NO_COLOR`, else whether `stream` is a terminal
 */
export function colorsEnabled(
  stream: { isTTY?: boolean } = process.stdout,
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean {
  const force = env.FORCE_COLOR || undefined;
  if (force !== undefined && force !== "0" && force !== "false") return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (force === "0" || force === "false") return false;
  return Boolean(stream.isTTY) && env.TERM !== "dumb";
}

/**
 * The colour functions, on or off.
 *
 * @param enabled from {@link colorsEnabled}
 * @returns the palette
 */
export function createPalette(enabled: boolean): Palette {
  const c = pc.createColors(enabled);
  return {
    enabled,
    green: c.green,
    red: c.red,
    yellow: c.yellow,
    dim: c.dim,
    bold: c.bold,
    cyan: c.cyan,
  };
}
