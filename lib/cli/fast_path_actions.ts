/**
 * The actions of `current`, `heads` and `history`: the commands `cli.ts` also runs without Commander
 * (its FAST_PATHS), so they live apart from the Commander registrations. This module must not
 * import Commander, even indirectly, at run time.
 *
 * @module
 */
import process from "node:process";
import { eachDatabase } from "./each_database.ts";
import { fleetCommand, type FleetOptions } from "./fleet_command.ts";
import { type GlobalOptions, verbose } from "./global_options.ts";
import { loadConfigFor } from "./load_config_for.ts";
import { output } from "./output.ts";

/**
 * `migrate current`: prints the current revision(s) of each database (or of the fleet).
 *
 * @param g the global options
 * @param opts the command's options (`{}` on the fast path)
 * @throws what loading the config or reading the version table throws
 */
export async function currentAction(
  g: GlobalOptions,
  opts: { verbose?: boolean; fleet?: boolean } & FleetOptions,
): Promise<void> {
  if (opts.fleet) return await fleetCommand(g, "current", opts);
  const { current, formatCurrent } = await import("../commands/current.ts");
  await eachDatabase(g, async (config, section) => {
    const result = await current(config, { verbose: verbose(g, opts) });
    section();
    return { data: result, human: () => formatCurrent(result, { verbose: verbose(g, opts) }) };
  });
}

/**
 * `migrate heads`: prints the head revisions of the script directory.
 *
 * @param g the global options
 * @param opts the command's options (`{}` on the fast path)
 * @throws what loading the config or the revision files throws
 */
export async function headsAction(
  g: GlobalOptions,
  opts: { verbose?: boolean; resolveDependencies?: boolean },
): Promise<void> {
  const config = await loadConfigFor(g);
  const { heads, formatHeads } = await import("../commands/heads.ts");
  const result = await heads(config, {
    verbose: verbose(g, opts),
    resolveDependencies: opts.resolveDependencies,
  });
  output(g, result, () => formatHeads(result, { verbose: verbose(g, opts) }));
}

/**
 * `migrate history`: lists revisions newest first.
 *
 * @param g the global options
 * @param opts the command's options (`{}` on the fast path)
 * @throws what loading the config or the revision files, or resolving the range, throws
 */
export async function historyAction(
  g: GlobalOptions,
  opts: { revRange?: string; verbose?: boolean; indicateCurrent?: boolean; graph?: boolean; ascii?: boolean },
): Promise<void> {
  const config = await loadConfigFor(g);
  const { history, formatHistory } = await import("../commands/history.ts");
  const result = await history(config, {
    range: opts.revRange,
    verbose: verbose(g, opts),
    indicateCurrent: opts.indicateCurrent,
  });
  if (!opts.graph) {
    output(g, result, () => formatHistory(result, { verbose: verbose(g, opts) }));
    return;
  }
  const [{ colorsEnabled }, { localeIsUtf8 }] = await Promise.all([
    import("../output/colors.ts"),
    import("../output/graph_text.ts"),
  ]);
  output(g, result, () =>
    formatHistory(result, {
      graph: true,
      ascii: opts.ascii || !localeIsUtf8(process.env),
      colors: colorsEnabled(process.stdout),
    }));
}
