/**
 * Commander registrations of the commands that set a project up or serve the shell: `init`,
 * `list-templates`, `env list`, `completions` and the hidden `__complete`. `buildProgram` calls each
 * `add…` in the order `migrate --help` lists the commands.
 *
 * @module
 */
import type { CommandUnknownOpts } from "@commander-js/extra-typings";
import process from "node:process";
import type { GlobalOptions } from "./global_options.ts";
import { loadConfigFor } from "./load_config_for.ts";
import { output } from "./output.ts";

/**
 * Adds `init DIR [-t TEMPLATE]`, which creates a migration environment.
 *
 * @param program the root command
 * @param g reads the global options once parsed
 */
export function addInitCommand(program: CommandUnknownOpts, g: () => GlobalOptions): void {
  program.command("init").description("create a new migration environment in DIR")
    .argument("<dir>", "directory to create")
    .option("-t, --template <name>", "template to use (see list-templates)", "generic")
    .action(async (dir, opts) => {
      const { initProject } = await import("../script/init.ts");
      const files = await initProject(dir, opts.template);
      output(
        g(),
        { dir, template: opts.template, files },
        () =>
          [`Created a "${opts.template}" migration environment in ${dir}:`, ...files.map((f) => `  ${f}`)]
            .join("\n"),
      );
    });
}

/**
 * Adds `list-templates`, worded like Alembic's.
 *
 * @param program the root command
 * @param g reads the global options once parsed
 */
export function addListTemplatesCommand(program: CommandUnknownOpts, g: () => GlobalOptions): void {
  program.command("list-templates").description("list the templates init can use")
    .action(async () => {
      const { listTemplates } = await import("../script/init.ts");
      const templates = listTemplates();
      output(
        g(),
        { templates },
        () =>
          [
            "Available templates:",
            "",
            ...templates.map((t) => `${t.name} - ${t.description}`),
            "",
            "Templates are used via the 'init' command, e.g.:",
            "",
            "  migrate init --template generic ./migrations",
          ].join("\n"),
      );
    });
}

/**
 * Adds `env list`, which lists the config's environments and databases with masked URLs.
 *
 * @param program the root command
 * @param g reads the global options once parsed
 */
export function addEnvCommand(program: CommandUnknownOpts, g: () => GlobalOptions): void {
  program.command("env").description("list the config's environments")
    .command("list").description("list environments (and databases) with their URLs, passwords masked")
    .action(async () => {
      const { envList, formatEnvList } = await import("../commands/env_list.ts");
      const result = envList({
        cwd: process.cwd(),
        configPath: g().config,
        env: g().env,
        name: g().name,
        url: g().url,
        environ: process.env,
      });
      output(g(), result, () => formatEnvList(result));
    });
}

/**
 * Adds `completions SHELL` and the hidden `__complete KIND` the completion scripts call back.
 * `completions` reads the commands and options from `program` when it runs, by which time every
 * command is registered, so the script covers commands added after this call too.
 *
 * @param program the root command
 * @param g reads the global options once parsed
 */
export function addCompletionCommands(program: CommandUnknownOpts, g: () => GlobalOptions): void {
  program.command("completions").description("print a shell completion script")
    .argument("<shell>", "bash, zsh or fish")
    .action(async (shell) => {
      const { completionScript, completionSpecOf } = await import("../commands/completions.ts");
      process.stdout.write(completionScript(shell, completionSpecOf(program)));
    });

  program.command("__complete", { hidden: true })
    .argument("<kind>", "environments, databases, templates or revisions")
    .action(async (kind) => {
      const { completionWords } = await import("../commands/completions.ts");
      // A completion must answer at once: never wait for a database here.
      const words = await completionWords(kind, () => loadConfigFor({ ...g(), wait: false }));
      if (words.length > 0) process.stdout.write(`${words.join("\n")}\n`);
    });
}
