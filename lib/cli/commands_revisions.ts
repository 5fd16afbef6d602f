/**
 * Commander registrations of the commands that work on the script directory (the revision files):
 * `revision`, `merge`, `heads`, `branches`, `history`, `graph`, `show` and `edit`. `buildProgram` calls each
 * `add…` in the order `migrate --help` lists the commands.
 *
 * @module
 */
import type { CommandUnknownOpts } from "@commander-js/extra-typings";
import { UsageError } from "../errors.ts";
import { headsAction, historyAction } from "./fast_path_actions.ts";
import { collect, type GlobalOptions, verbose } from "./global_options.ts";
import { loadConfigFor } from "./load_config_for.ts";
import { output } from "./output.ts";

/**
 * Adds `revision`, which writes a new revision file, empty or (`--autogenerate`) filled from the
 * difference between the schema file and the database.
 *
 * @param program the root command
 * @param g reads the global options once parsed
 */
export function addRevisionCommand(program: CommandUnknownOpts, g: () => GlobalOptions): void {
  program.command("revision").description("create a new revision file")
    .option("-m, --message <text>", "the revision's message (Alembic's \"empty message\" when left out)")
    .option("--autogenerate", "fill the revision from the schema file (compare it with the database)")
    .option("--allow-empty", "with --autogenerate: write the revision even when nothing differs")
    .option("--sql-file", "write a .sql revision instead of TypeScript")
    .option("--head <rev>", "revision to base the new one on", "head")
    .option("--splice", "allow --head to be a non-head revision (start a branch)")
    .option(
      "--branch-label <label>",
      "branch label of the new revision (repeatable)",
      collect,
      [] as string[],
    )
    .option("--version-path <path>", "versions directory to write into")
    .option("--rev-id <id>", "revision id to use instead of a random one")
    .option("--depends-on <rev>", "revision the new one depends on (repeatable)", collect, [] as string[])
    .action(async (opts) => {
      const config = await loadConfigFor(g());
      const common = {
        message: opts.message ?? "empty message",
        head: opts.head,
        splice: opts.splice,
        branchLabels: opts.branchLabel,
        versionPath: opts.versionPath,
        revId: opts.revId,
        dependsOn: opts.dependsOn,
      };
      if (opts.autogenerate) {
        if (opts.sqlFile) throw new UsageError(`Cannot autogenerate a .sql revision: leave out --sql-file`);
        const { autogenerateRevision } = await import("../commands/autogenerate.ts");
        const auto = await autogenerateRevision(config, { ...common, allowEmpty: opts.allowEmpty });
        output(g(), auto, () =>
          auto.written
            ? [
              ...auto.detected,
              `Generating ${auto.written.path} ... done`,
            ].join("\n")
            : "No changes in schema detected; no revision written (pass --allow-empty to write one anyway)");
        return;
      }
      const { revision } = await import("../commands/revision.ts");
      const out = await revision(config, { ...common, sqlFile: opts.sqlFile });
      output(g(), out, () => `Generating ${out.path} ... done`);
    });
}

/**
 * Adds `merge REVISIONS...`, which writes a merge revision.
 *
 * @param program the root command
 * @param g reads the global options once parsed
 */
export function addMergeCommand(program: CommandUnknownOpts, g: () => GlobalOptions): void {
  program.command("merge").description("merge two or more revisions into one (a merge point)")
    .argument("<revisions...>", "revisions to merge, e.g. heads")
    .option("-m, --message <text>", "the merge revision's message")
    .option(
      "--branch-label <label>",
      "branch label of the merge revision (repeatable)",
      collect,
      [] as string[],
    )
    .option("--rev-id <id>", "revision id to use instead of a random one")
    .action(async (revisions, opts) => {
      const config = await loadConfigFor(g());
      const { merge } = await import("../commands/revision.ts");
      const out = await merge(config, {
        revisions,
        message: opts.message,
        branchLabels: opts.branchLabel,
        revId: opts.revId,
      });
      output(g(), out, () => `Generating ${out.path} ... done`);
    });
}

/**
 * Adds `heads`; its action is shared with the fast path of `cli.ts`.
 *
 * @param program the root command
 * @param g reads the global options once parsed
 */
export function addHeadsCommand(program: CommandUnknownOpts, g: () => GlobalOptions): void {
  program.command("heads").description("show the head revisions of the script directory")
    .option("--verbose", "show full revision entries")
    .option("--resolve-dependencies", "treat dependencies as down revisions")
    .action((opts) => headsAction(g(), opts));
}

/**
 * Adds `branches`, which shows branch points.
 *
 * @param program the root command
 * @param g reads the global options once parsed
 */
export function addBranchesCommand(program: CommandUnknownOpts, g: () => GlobalOptions): void {
  program.command("branches").description("show branch points")
    .option("--verbose", "show full revision entries")
    .action(async (opts) => {
      const config = await loadConfigFor(g());
      const { branches, formatBranches } = await import("../commands/branches.ts");
      const result = await branches(config, { verbose: verbose(g(), opts) });
      output(g(), result, () => formatBranches(result, { verbose: verbose(g(), opts) }));
    });
}

/**
 * Adds `history`; its action is shared with the fast path of `cli.ts`.
 *
 * @param program the root command
 * @param g reads the global options once parsed
 */
export function addHistoryCommand(program: CommandUnknownOpts, g: () => GlobalOptions): void {
  program.command("history").description("list revisions in order, newest first")
    .option("-r, --rev-range <range>", "range START:END, e.g. base:head, -3:, current:")
    .option("--verbose", "show full revision entries")
    .option("-i, --indicate-current", "mark the database's current revisions")
    .option("--graph", "draw the revisions in lanes, as git log --graph draws commits")
    .option("--ascii", "with --graph: ASCII characters only, no box drawing")
    .action((opts) => historyAction(g(), opts));
}

/**
 * Adds `graph`, which writes the revision graph as Mermaid, DOT, SVG or JSON.
 *
 * @param program the root command
 * @param g reads the global options once parsed
 */
export function addGraphCommand(program: CommandUnknownOpts, g: () => GlobalOptions): void {
  program.command("graph").description("write the revision graph as Mermaid, DOT, SVG or JSON")
    .option("--format <format>", "mermaid, dot, svg or json", "mermaid")
    .option("-r, --rev-range <range>", "range START:END, as for history")
    .option("--collapse", "keep only bases, heads, branch and merge points; edges count the rest")
    .option("-i, --indicate-current", "read the database and highlight its current revisions")
    .action(async (opts) => {
      const config = await loadConfigFor(g());
      const { graph } = await import("../commands/graph.ts");
      const result = await graph(config, {
        format: opts.format,
        range: opts.revRange,
        collapse: opts.collapse,
        indicateCurrent: opts.indicateCurrent,
      });
      output(g(), g().json ? result.graph : result, () => result.text);
    });
}

/**
 * Adds `show REV`, which prints one revision in full.
 *
 * @param program the root command
 * @param g reads the global options once parsed
 */
export function addShowCommand(program: CommandUnknownOpts, g: () => GlobalOptions): void {
  program.command("show").description("show one revision")
    .argument("<rev>", "revision identifier")
    .action(async (rev) => {
      const config = await loadConfigFor(g());
      const { show, formatShow } = await import("../commands/show.ts");
      const result = await show(config, { revision: rev });
      output(g(), result, () => formatShow(result, { verbose: true }));
    });
}

/**
 * Adds `edit REV`, which opens a revision file in `$EDITOR`.
 *
 * @param program the root command
 * @param g reads the global options once parsed
 */
export function addEditCommand(program: CommandUnknownOpts, g: () => GlobalOptions): void {
  program.command("edit").description("open a revision file in $EDITOR")
    .argument("<rev>", "revision identifier (default: head)")
    .action(async (rev) => {
      const config = await loadConfigFor(g());
      const { edit } = await import("../commands/edit.ts");
      const result = await edit(config, { revision: rev });
      output(g(), result, () => result.path);
    });
}
