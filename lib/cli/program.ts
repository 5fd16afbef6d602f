/**
 * The Commander program of `migrate`: the global options and every command, registered in the
 * order `migrate --help` lists them (the generated docs in `docs/commands/` follow that order).
 *
 * @module
 */
// Type-only: `cli.ts` imports Commander itself, lazily, and hands the class in.
import { addLintCommand } from "./lint_command.ts";
import { addTestCommand } from "./test_command.ts";
import type { Command } from "@commander-js/extra-typings";
import process from "node:process";
import {
  addCheckCommand,
  addCurrentCommand,
  addSchemaCommand,
  addStampCommand,
  addStatusCommand,
  addUpgradeCommands,
} from "./commands_database.ts";
import {
  addCompletionCommands,
  addEnvCommand,
  addInitCommand,
  addListTemplatesCommand,
} from "./commands_project.ts";
import {
  addBranchesCommand,
  addEditCommand,
  addGraphCommand,
  addHeadsCommand,
  addHistoryCommand,
  addMergeCommand,
  addRevisionCommand,
  addShowCommand,
} from "./commands_revisions.ts";
import { collect, type GlobalOptions } from "./global_options.ts";
import { VERSION } from "../version.ts";

/**
 * Builds the `migrate` program. It throws instead of exiting (`exitOverride`): help and `--version`
 * end in a `CommanderError` with exit code 0, bad usage in one with exit code 1, which `main` maps to 2.
 *
 * @param CommandClass Commander's `Command` class, passed in so that this module loads without it
 * @returns the program, ready for `parseAsync(argv, { from: "user" })`
 */
export function buildProgram(CommandClass: typeof Command) {
  const program = new CommandClass()
    .name("migrate")
    .description(
      "Database schema migrations: Alembic's revision graph for PostgreSQL, MySQL/MariaDB and SQLite",
    )
    .version(VERSION, "-V, --version")
    .option("-c, --config <path>", "config file (default: migrate.toml, then migrate.json)")
    .option("-e, --env <name>", "environment section of the config ([environments.NAME]; also MIGRATE_ENV)")
    .option("-n, --name <name>", "named database of a multidb config ([databases.NAME])")
    .option("--url <url>", "database URL, overriding the config (also DATABASE_URL)")
    .option("-x <key=value>", "argument handed to scripts as `x` (repeatable)", collect, [] as string[])
    .option("--json", "print one JSON document on stdout")
    .option("-q, --quiet", "print only errors")
    .option("-v, --verbose", "more detail; stack traces on errors")
    .option("--lock-timeout <seconds>", "how long to wait for another migrator's lock")
    .option(
      "--statement-timeout <seconds>",
      "longest a migration statement may run (config: statement_timeout)",
    )
    .option("--wait", "wait for the database to accept connections first")
    .option("--wait-timeout <seconds>", "how long --wait waits (default: 60)")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
    });

  // Read when an action runs: the global options are parsed only by then.
  const g = () => program.opts() as GlobalOptions;

  addInitCommand(program, g);
  addListTemplatesCommand(program, g);
  addRevisionCommand(program, g);
  addMergeCommand(program, g);
  addUpgradeCommands(program, g);
  addStampCommand(program, g);
  addCurrentCommand(program, g);
  addStatusCommand(program, g);
  addEnvCommand(program, g);
  addCompletionCommands(program, g);
  addHeadsCommand(program, g);
  addBranchesCommand(program, g);
  addHistoryCommand(program, g);
  addGraphCommand(program, g);
  addLintCommand(program, g);
  addTestCommand(program, g);
  addShowCommand(program, g);
  addCheckCommand(program, g);
  addSchemaCommand(program, g);
  addEditCommand(program, g);
  return program;
}
