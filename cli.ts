#!/usr/bin/env -S deno run -A
/**
 * The `migrate` command line (DESIGN.md section 7): parses argv, loads the config, calls one
 * command function from `lib/commands`, prints its result, and sets the exit status
 * (0 success, 1 run-time failure, 2 bad usage/config/revision files, 3 `status --exit-code` pending).
 *
 * Command modules are imported lazily so that `migrate current` loads only what it needs.
 *
 * @module
 */
// Commander is imported by `main` only when argv needs it: see FAST_PATHS.
import type { Command as CommandClass, OptionValues } from "@commander-js/extra-typings";
import process from "node:process";
import type { Config } from "./lib/config/config.ts";
import { errorFields, errorMessage, exitCodeFor, UsageError } from "./lib/errors.ts";
import type { MigrationEvent, RunResult } from "./lib/runtime/migrator.ts";

/** Global options, shared by every command. */
interface GlobalOptions {
  config?: string;
  env?: string;
  name?: string;
  url?: string;
  x: string[];
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  lockTimeout?: string;
  wait?: boolean;
  waitTimeout?: string;
  statementTimeout?: string;
}

const VERSION = "0.1.0";

/** Exit status a command asks for without failing (`check` found differences: 1). */
let commandExitStatus = 0;

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function buildProgram(Command: typeof CommandClass) {
  const program = new Command()
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

  const g = () => program.opts() as GlobalOptions;

  program.command("init").description("create a new migration environment in DIR")
    .argument("<dir>", "directory to create")
    .option("-t, --template <name>", "template to use (see list-templates)", "generic")
    .action(async (dir, opts) => {
      const { initProject } = await import("./lib/script/init.ts");
      const files = await initProject(dir, opts.template);
      output(
        g(),
        { dir, template: opts.template, files },
        () =>
          [`Created a "${opts.template}" migration environment in ${dir}:`, ...files.map((f) => `  ${f}`)]
            .join("\n"),
      );
    });

  program.command("list-templates").description("list the templates init can use")
    .action(async () => {
      const { listTemplates } = await import("./lib/script/init.ts");
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
        const { autogenerateRevision } = await import("./lib/commands/autogenerate.ts");
        const auto = await autogenerateRevision(config, { ...common, allowEmpty: opts.allowEmpty });
        output(g(), auto, () =>
          auto.written
            ? [
              ...auto.changes.map((c) => `Detected ${c.type.replace(".", " ")} "${c.name}"`),
              `Generating ${auto.written.path} ... done`,
            ].join("\n")
            : "No changes in schema detected; no revision written (pass --allow-empty to write one anyway)");
        return;
      }
      const { revision } = await import("./lib/commands/revision.ts");
      const out = await revision(config, { ...common, sqlFile: opts.sqlFile });
      output(g(), out, () => `Generating ${out.path} ... done`);
    });

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
      const { merge } = await import("./lib/commands/revision.ts");
      const out = await merge(config, {
        revisions,
        message: opts.message,
        branchLabels: opts.branchLabel,
        revId: opts.revId,
      });
      output(g(), out, () => `Generating ${out.path} ... done`);
    });

  for (const verb of ["upgrade", "downgrade"] as const) {
    withFleetOptions(
      program.command(verb).description(`${verb} the database to a revision`)
        .argument(
          "<target>",
          verb === "upgrade" ? "revision, e.g. head, +1, abc123" : "revision, e.g. base, -1, abc123",
        )
        .option("--sql", "print the SQL script instead of running it (offline mode; ranges start:end)")
        .option("--tag <tag>", "tag handed to scripts as `tag`"),
    ).action(async (target, opts) => {
      if (opts.fleet) return await fleetCommand(g(), verb, opts, target);
      const mod = await import("./lib/commands/upgrade.ts");
      const { formatRunSummary } = await import("./lib/output/run_format.ts");
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

  program.command("stamp").description("set the version table to revisions without running migrations")
    .argument("<revisions...>", "revisions to stamp, e.g. head")
    .option("--sql", "print the SQL instead of running it")
    .option("--purge", "delete every version row first")
    .option("--tag <tag>", "tag handed to scripts as `tag`")
    .action(async (revisions, opts) => {
      const config = await loadConfigFor(g());
      const { stamp } = await import("./lib/commands/stamp.ts");
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
      printRun(g(), result, "stamp");
    });

  withFleetOptions(
    program.command("current").description("show the current revision(s) of the database")
      .option("--verbose", "show full revision entries"),
  ).action((opts) => currentAction(g(), opts));

  withFleetOptions(
    program.command("status").description("list applied and pending revisions of the database")
      .option("--exit-code", "exit with status 3 when revisions are pending"),
  ).action(async (opts) => {
    if (opts.fleet) return await fleetCommand(g(), "status", opts);
    const { status, formatStatus } = await import("./lib/commands/status.ts");
    let pending = false;
    await eachDatabase(g(), async (config, section) => {
      const result = await status(config);
      pending ||= result.pending.length > 0;
      section();
      return { data: result, human: () => formatStatus(result) };
    });
    if (opts.exitCode && pending) commandExitStatus = 3;
  });

  program.command("env").description("list the config's environments")
    .command("list").description("list environments (and databases) with their URLs, passwords masked")
    .action(async () => {
      const { envList, formatEnvList } = await import("./lib/commands/env_list.ts");
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

  program.command("completions").description("print a shell completion script")
    .argument("<shell>", "bash, zsh or fish")
    .action(async (shell) => {
      const { completionScript, completionSpecOf } = await import("./lib/commands/completions.ts");
      process.stdout.write(completionScript(shell, completionSpecOf(program)));
    });

  program.command("__complete", { hidden: true })
    .argument("<kind>", "environments, databases, templates or revisions")
    .action(async (kind) => {
      const { completionWords } = await import("./lib/commands/completions.ts");
      const words = await completionWords(kind, () => loadConfigFor({ ...g(), wait: false }));
      if (words.length > 0) process.stdout.write(`${words.join("\n")}\n`);
    });

  program.command("heads").description("show the head revisions of the script directory")
    .option("--verbose", "show full revision entries")
    .option("--resolve-dependencies", "treat dependencies as down revisions")
    .action((opts) => headsAction(g(), opts));

  program.command("branches").description("show branch points")
    .option("--verbose", "show full revision entries")
    .action(async (opts) => {
      const config = await loadConfigFor(g());
      const { branches, formatBranches } = await import("./lib/commands/branches.ts");
      const result = await branches(config, { verbose: verbose(g(), opts) });
      output(g(), result, () => formatBranches(result, { verbose: verbose(g(), opts) }));
    });

  program.command("history").description("list revisions in order, newest first")
    .option("-r, --rev-range <range>", "range START:END, e.g. base:head, -3:, current:")
    .option("--verbose", "show full revision entries")
    .option("-i, --indicate-current", "mark the database's current revisions")
    .action((opts) => historyAction(g(), opts));

  program.command("show").description("show one revision")
    .argument("<rev>", "revision identifier")
    .action(async (rev) => {
      const config = await loadConfigFor(g());
      const { show, formatShow } = await import("./lib/commands/show.ts");
      const result = await show(config, { revision: rev });
      output(g(), result, () => formatShow(result, { verbose: true }));
    });

  withFleetOptions(
    program.command("check").description("exit 1 when the database differs from the schema file"),
  ).action(async (opts) => {
    if (opts.fleet) return await fleetCommand(g(), "check", opts);
    const config = await loadConfigFor(g());
    const { check, formatCheck } = await import("./lib/commands/check.ts");
    const result = await check(config);
    output(g(), result, () => formatCheck(result));
    if (!result.ok) commandExitStatus = 1;
  });

  program.command("schema").description("work with schema files")
    .command("dump").description("write the database's schema as a schema file")
    .option("--format <format>", "ts, json or toml (default: from -o's extension, else ts)")
    .option("-o, --output <file>", "file to write (default: stdout)")
    .action(async (opts) => {
      const config = await loadConfigFor(g());
      const { schemaDump } = await import("./lib/commands/schema_dump.ts");
      const result = await schemaDump(config, {
        format: opts.format,
        output: opts.output,
        cwd: process.cwd(),
      });
      if (result.path === undefined) {
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

  program.command("edit").description("open a revision file in $EDITOR")
    .argument("<rev>", "revision identifier (default: head)")
    .action(async (rev) => {
      const config = await loadConfigFor(g());
      const { edit } = await import("./lib/commands/edit.ts");
      const result = await edit(config, { revision: rev });
      output(g(), result, () => result.path);
    });

  return program;
}

/** `--fleet`, `--concurrency` and `--fail-fast`, last among the options of each command that runs on a fleet. */
function withFleetOptions<Args extends unknown[], Opts extends OptionValues, Globals extends OptionValues>(
  command: CommandClass<Args, Opts, Globals>,
) {
  return command
    .option("--fleet", "run on every database of the config's [fleet]")
    .option("--concurrency <n>", "with --fleet: databases at once (default: [fleet] concurrency, 8)")
    .option("--fail-fast", "with --fleet: start no database after the first failure");
}

async function currentAction(
  g: GlobalOptions,
  opts: { verbose?: boolean; fleet?: boolean; concurrency?: string; failFast?: boolean },
): Promise<void> {
  if (opts.fleet) return await fleetCommand(g, "current", opts);
  const { current, formatCurrent } = await import("./lib/commands/current.ts");
  await eachDatabase(g, async (config, section) => {
    const result = await current(config, { verbose: verbose(g, opts) });
    section();
    return { data: result, human: () => formatCurrent(result, { verbose: verbose(g, opts) }) };
  });
}

async function headsAction(g: GlobalOptions, opts: { verbose?: boolean; resolveDependencies?: boolean }) {
  const config = await loadConfigFor(g);
  const { heads, formatHeads } = await import("./lib/commands/heads.ts");
  const result = await heads(config, {
    verbose: verbose(g, opts),
    resolveDependencies: opts.resolveDependencies,
  });
  output(g, result, () => formatHeads(result, { verbose: verbose(g, opts) }));
}

async function historyAction(
  g: GlobalOptions,
  opts: { revRange?: string; verbose?: boolean; indicateCurrent?: boolean },
): Promise<void> {
  const config = await loadConfigFor(g);
  const { history, formatHistory } = await import("./lib/commands/history.ts");
  const result = await history(config, {
    range: opts.revRange,
    verbose: verbose(g, opts),
    indicateCurrent: opts.indicateCurrent,
  });
  output(g, result, () => formatHistory(result, { verbose: verbose(g, opts) }));
}

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

function verbose(g: GlobalOptions, opts: { verbose?: boolean }): boolean {
  return Boolean(opts.verbose ?? g.verbose);
}

async function loadConfigFor(g: GlobalOptions): Promise<Config> {
  const { loadConfig } = await import("./lib/config/load.ts");
  const x: Record<string, string> = {};
  for (const pair of g.x) {
    const at = pair.indexOf("=");
    if (at <= 0) throw new UsageError(`Cannot read -x "${pair}": expected KEY=VALUE`);
    x[pair.slice(0, at)] = pair.slice(at + 1);
  }
  const config = await loadConfig({
    cwd: process.cwd(),
    configPath: g.config,
    url: g.url,
    env: g.env,
    name: g.name,
    x,
    environ: process.env,
  });
  let resolved: Config = config;
  if (g.lockTimeout !== undefined) {
    resolved = { ...resolved, lockTimeoutMs: seconds("--lock-timeout", g.lockTimeout, 0) * 1000 };
  }
  if (g.statementTimeout !== undefined) {
    const ms = seconds("--statement-timeout", g.statementTimeout, Number.MIN_VALUE) * 1000;
    resolved = { ...resolved, statementTimeoutMs: ms };
  }
  if (g.wait && resolved.url !== undefined) await waitFor(g, resolved);
  return resolved;
}

/** A number of seconds given on the command line; `min` is the smallest accepted. */
function seconds(option: string, value: string, min: number): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < min) {
    throw new UsageError(
      `Cannot use ${option} "${value}": expected a number of seconds${min > 0 ? " > 0" : ""}`,
    );
  }
  return n;
}

/** `--wait`: retry connecting until the database answers or `--wait-timeout` (default 60 s) passes. */
async function waitFor(g: GlobalOptions, config: Config): Promise<void> {
  const { waitForDatabase } = await import("./lib/commands/wait.ts");
  const { maskUrl } = await import("./lib/config/url.ts");
  const timeoutMs = g.waitTimeout === undefined ? 60_000 : seconds("--wait-timeout", g.waitTimeout, 0) * 1000;
  await waitForDatabase(config, {
    timeoutMs,
    onRetry: (attempt) => {
      if (attempt === 1 && !g.quiet && !g.json) {
        process.stderr.write(
          `Waiting for ${maskUrl(config.url ?? "")} to accept connections (up to ${timeoutMs / 1000} s)...\n`,
        );
      }
    },
  });
}

/**
 * Run a database command once, or, in a multidb config without `-n`, once per `[databases.NAME]` in
 * config order. `section(prefix)` prints which database the following output belongs to (nothing for
 * a single database); with `--json` the results are collected into `{ "databases": [...] }`.
 */
async function eachDatabase(
  g: GlobalOptions,
  run: (
    config: Config,
    section: (prefix?: string) => void,
  ) => Promise<{ data: object; human: () => string } | undefined>,
): Promise<void> {
  const config = await loadConfigFor({ ...g, wait: false });
  if (g.name !== undefined || config.databaseNames.length === 0) {
    if (g.wait && config.url !== undefined) await waitFor(g, config);
    const out = await run(config, () => {});
    if (out) output(g, out.data, out.human);
    return;
  }
  const { maskUrl } = await import("./lib/config/url.ts");
  const results: unknown[] = [];
  let first = true;
  for (const name of config.databaseNames) {
    const db = await loadConfigFor({ ...g, name });
    let printed = false;
    const section = (prefix = "") => {
      if (printed || g.json || g.quiet) return;
      printed = true;
      writeStdout(`${first ? "" : "\n"}${prefix}Database "${name}" (${maskUrl(db.url ?? "no url")}):\n`);
      first = false;
    };
    const out = await run(db, section);
    if (!out) continue;
    // With --json the results form one document, printed after the last database.
    if (g.json) results.push({ database: name, ...out.data });
    else output(g, out.data, out.human);
  }
  if (g.json && results.length > 0) writeStdout(`${JSON.stringify({ databases: results }, null, 2)}\n`);
}

/** `--fleet`: run the command on every database of `[fleet]`, print the table, set the exit status. */
async function fleetCommand(
  g: GlobalOptions,
  command: "upgrade" | "downgrade" | "current" | "status" | "check",
  opts: { concurrency?: string; failFast?: boolean; exitCode?: boolean; sql?: boolean; tag?: string },
  target?: string,
): Promise<void> {
  if (opts.sql) throw new UsageError(`Cannot use --sql with --fleet: render the script for one database`);
  const base = await loadConfigFor({ ...g, wait: false });
  const config = opts.tag === undefined ? base : { ...base, tag: opts.tag };
  const { runFleet, fleetTask, formatFleet } = await import("./lib/commands/fleet.ts");
  const { colorsEnabled, createPalette } = await import("./lib/output/colors.ts");
  const { createFleetProgress } = await import("./lib/output/progress.ts");
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
    if (g.quiet || g.json) {
      for (const r of result.rows.filter((r) => r.result === "failed")) {
        process.stderr.write(`Error: ${r.database}: ${r.error}\n`);
      }
    }
    process.stderr.write(`Error: ${result.failed} of ${result.rows.length} databases failed\n`);
    commandExitStatus = 1;
  } else if (opts.exitCode && result.rows.some((r) => r.result === "pending")) commandExitStatus = 3;
}

async function progress(g: GlobalOptions): Promise<((event: MigrationEvent) => void) | undefined> {
  if (g.quiet || g.json) return undefined;
  const { colorsEnabled, createPalette } = await import("./lib/output/colors.ts");
  const { createRunProgress } = await import("./lib/output/progress.ts");
  const display = createRunProgress({
    out: process.stdout,
    err: process.stderr,
    live: Boolean(process.stdout.isTTY),
    palette: createPalette(colorsEnabled(process.stdout)),
  });
  return (event) => display.onEvent(event);
}

async function printRun(g: GlobalOptions, result: RunResult, verb: "upgrade" | "downgrade" | "stamp") {
  const { formatRunSummary } = await import("./lib/output/run_format.ts");
  output(g, result, () => formatRunSummary(result, verb));
}

/**
 * Writes the result of a command to stdout. Under Bun the first use of `process.stdout` costs about
 * 2 ms (it builds a Node stream), so FAST_PATHS, which print only through here, switch this to
 * {@link writeLinesThroughConsole}.
 */
let writeStdout = (text: string): void => {
  process.stdout.write(text);
};

/** Prints text ending in a newline through `console.log`, which writes a lone string as given plus "\n". */
function writeLinesThroughConsole(text: string): void {
  if (text.endsWith("\n")) console.log(text.slice(0, -1));
  else process.stdout.write(text);
}

function output(g: GlobalOptions, data: unknown, human: () => string): void {
  if (g.json) {
    writeStdout(`${JSON.stringify(data, null, 2)}\n`);
    return;
  }
  if (g.quiet) return;
  const text = human();
  if (text) writeStdout(text.endsWith("\n") ? text : `${text}\n`);
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
    writeStdout = writeLinesThroughConsole;
    try {
      commandExitStatus = 0;
      await fast(g);
      return commandExitStatus;
    } catch (error) {
      return reportError(g, error);
    }
  }
  const { Command, CommanderError } = await import("@commander-js/extra-typings");
  const program = buildProgram(Command);
  try {
    commandExitStatus = 0;
    await program.parseAsync(argv, { from: "user" });
    return commandExitStatus;
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

/** Prints a command's error (JSON with `--json`, the stack with `--verbose`) and returns its exit status. */
function reportError(g: GlobalOptions, error: unknown): number {
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

if (import.meta.main) {
  // No top-level await: the compiled binary is built as bytecode, which needs a plain module body.
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
