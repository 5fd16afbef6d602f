/**
 * Commander registrations of the commands that read or change a database: `upgrade`, `downgrade`,
 * `stamp`, `current`, `status`, `check` and `schema dump`. `buildProgram` calls each `add…` in the
 * order `migrate --help` lists the commands.
 *
 * @module
 */
import type { CommandUnknownOpts } from "@commander-js/extra-typings";
import process from "node:process";
import { checkJsonWithSql, checkTarget } from "./check_arguments.ts";
import { eachDatabase } from "./each_database.ts";
import { requestExitStatus } from "./exit_status.ts";
import { currentAction } from "./fast_path_actions.ts";
import { fleetCommand, withFleetOptions } from "./fleet_command.ts";
import type { GlobalOptions } from "./global_options.ts";
import { loadConfigFor } from "./load_config_for.ts";
import { output, printRun, progress } from "./output.ts";

/**
 * Adds `upgrade TARGET` and `downgrade TARGET`, which run migrations (or print them with `--sql`)
 * on one database, each database of a multidb config, or the fleet.
 *
 * @param program the root command
 * @param g reads the global options once parsed
 */
export function addUpgradeCommands(program: CommandUnknownOpts, g: () => GlobalOptions): void {
  for (const verb of ["upgrade", "downgrade"] as const) {
    withFleetOptions(
      program.command(verb).description(`${verb} the database to a revision`)
        .argument(
          "<target>",
          verb === "upgrade" ? "revision, e.g. head, +1, abc123" : "revision, e.g. base, -1, abc123",
        )
        .option("--sql", "print the SQL script instead of running it (offline mode; ranges start:end)")
        .option("--plan", "show the steps, locks, table rewrites and row estimates without changing anything")
        .option("--tag <tag>", "tag handed to scripts as `tag`"),
    ).action(async (target, opts) => {
      checkTarget(target);
      checkJsonWithSql(g().json, opts.sql);
      if (opts.fleet) return await fleetCommand(g(), verb, opts, target);
      if (opts.plan) {
        const { plan } = await import("../commands/plan.ts");
        const { formatPlan } = await import("../output/plan_format.ts");
        await eachDatabase(g(), async (base, section) => {
          section();
          const result = await plan({ ...base, tag: opts.tag }, {
            target,
            direction: verb === "upgrade" ? "up" : "down",
          });
          return { data: result, human: () => formatPlan(result, verb) };
        });
        return;
      }
      const mod = await import("../commands/upgrade.ts");
      const { formatRunSummary } = await import("../output/run_format.ts");
      await eachDatabase(g(), async (base, section) => {
        const config = { ...base, tag: opts.tag };
        if (!opts.sql) section();
        const result = await mod[verb](config, { target, sql: opts.sql, onEvent: await progress(g()) });
        if (result.sql !== undefined) {
          section(`-- `);
          // Offline SQL is the result itself: written as is, even with --json.
          process.stdout.write(result.sql);
          return undefined;
        }
        return { data: result, human: () => formatRunSummary(result, verb) };
      });
    });
  }
}

/**
 * Adds `stamp REVISIONS...`, which sets the version table without running migrations.
 *
 * @param program the root command
 * @param g reads the global options once parsed
 */
export function addStampCommand(program: CommandUnknownOpts, g: () => GlobalOptions): void {
  program.command("stamp").description("set the version table to revisions without running migrations")
    .argument("<revisions...>", "revisions to stamp, e.g. head")
    .option("--sql", "print the SQL instead of running it")
    .option("--purge", "delete every version row first")
    .option("--tag <tag>", "tag handed to scripts as `tag`")
    .action(async (revisions, opts) => {
      for (const revision of revisions) checkTarget(revision);
      checkJsonWithSql(g().json, opts.sql);
      const config = await loadConfigFor(g());
      const { stamp } = await import("../commands/stamp.ts");
      const result = await stamp(config, {
        revisions,
        sql: opts.sql,
        purge: opts.purge,
        onEvent: await progress(g()),
      });
      if (result.sql !== undefined) {
        process.stdout.write(result.sql);
        return;
      }
      await printRun(g(), result, "stamp");
    });
}

/**
 * Adds `current`; its action is shared with the fast path of `cli.ts`.
 *
 * @param program the root command
 * @param g reads the global options once parsed
 */
export function addCurrentCommand(program: CommandUnknownOpts, g: () => GlobalOptions): void {
  withFleetOptions(
    program.command("current").description("show the current revision(s) of the database")
      .option("--verbose", "show full revision entries"),
  ).action((opts) => currentAction(g(), opts));
}

/**
 * Adds `status`, which lists applied and pending revisions; with `--exit-code` it requests exit
 * status 3 when any database has pending revisions.
 *
 * @param program the root command
 * @param g reads the global options once parsed
 */
export function addStatusCommand(program: CommandUnknownOpts, g: () => GlobalOptions): void {
  withFleetOptions(
    program.command("status").description("list applied and pending revisions of the database")
      .option("--exit-code", "exit with status 3 when revisions are pending, or applied ones edited or gone"),
  ).action(async (opts) => {
    if (opts.fleet) return await fleetCommand(g(), "status", opts);
    const { status, formatStatus } = await import("../commands/status.ts");
    let pending = false;
    await eachDatabase(g(), async (config, section) => {
      const result = await status(config);
      pending ||= result.pending.length > 0 || (result.edited?.length ?? 0) > 0 ||
        (result.missing?.length ?? 0) > 0;
      section();
      return { data: result, human: () => formatStatus(result) };
    });
    if (opts.exitCode && pending) requestExitStatus(3);
  });
}

/**
 * Adds `check`, which requests exit status 1 when the database differs from the schema file.
 *
 * @param program the root command
 * @param g reads the global options once parsed
 */
export function addCheckCommand(program: CommandUnknownOpts, g: () => GlobalOptions): void {
  withFleetOptions(
    program.command("check").description("exit 1 when the database differs from the schema file")
      .option("--strict", "exit 1 also when the database holds objects that cannot be compared (raw SQL)"),
  ).action(async (opts) => {
    if (opts.fleet) return await fleetCommand(g(), "check", opts);
    const config = await loadConfigFor(g());
    const { check, formatCheck } = await import("../commands/check.ts");
    const result = await check(config, { strict: opts.strict === true });
    output(g(), result, () => formatCheck(result));
    if (!result.ok) requestExitStatus(1);
  });
}

/**
 * Adds `schema dump`, which writes the database's schema as a schema file or a diagram (or to stdout).
 *
 * @param program the root command
 * @param g reads the global options once parsed
 */
export function addSchemaCommand(program: CommandUnknownOpts, g: () => GlobalOptions): void {
  program.command("schema").description("work with schema files")
    .command("dump").description("write the database's schema as a schema file")
    .option(
      "--format <format>",
      "ts, json or toml; or a diagram: mermaid, dot or svg (default: from -o's extension, else ts)",
    )
    .option("-o, --output <file>", "file to write (default: stdout)")
    .option("--tables <pattern>", "diagrams only: tables to draw, comma-separated globs (film*,actor)")
    .action(async (opts) => {
      const config = await loadConfigFor(g());
      const { schemaDump } = await import("../commands/schema_dump.ts");
      const result = await schemaDump(config, {
        format: opts.format,
        output: opts.output,
        cwd: process.cwd(),
        tables: opts.tables,
      });
      // Objects carried as raw SQL are named on stderr, so a dump never drops one silently.
      for (const w of result.warnings) process.stderr.write(`${w}\n`);
      if (result.path === undefined) {
        // The schema itself is the output: JSON as data with --json, else the file's text as is.
        if (g().json) output(g(), result.schema, () => "");
        else process.stdout.write(result.text);
        return;
      }
      output(
        g(),
        { path: result.path, format: result.format, tables: result.tables },
        () => `Wrote ${result.tables} tables to ${result.path}`,
      );
    });
}
