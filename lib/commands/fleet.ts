/**
 * `--fleet`: run one command (upgrade, downgrade, current, status, check) on every database of the
 * config's `[fleet]` (tenants, shards: many databases sharing one migration set), a bounded number
 * at a time. Each database gets its own connection and its own migration lock; a failure on one
 * does not stop the others unless `failFast` is set, in which case databases not yet started are
 * reported as `skipped`.
 *
 * @module
 */
import { readFileSync } from "node:fs";
import type { Config } from "../config/config.ts";
import { maskUrl } from "../config/url.ts";
import { ConfigError, errorMessage, UsageError } from "../errors.ts";
import type { PlanStep } from "../revision/revision.ts";
import type { MigrationEvent } from "../runtime/migrator.ts";

/** The commands `--fleet` can run. */
export type FleetCommand = "upgrade" | "downgrade" | "current" | "status" | "check";

/** How one database of the fleet ended. */
export type FleetOutcome = "ok" | "pending" | "failed" | "skipped";

/** One database's line of the final table. */
export interface FleetRow {
  /** Position in the fleet's URL list (0-based). */
  readonly index: number;
  /** The URL with its password masked. */
  readonly database: string;
  /** Version rows before the command. */
  readonly from: readonly string[];
  /** Version rows after it (the same as `from` for read commands). */
  readonly to: readonly string[];
  /** Revisions applied (upgrade/downgrade), pending (status) or differences found (check). */
  readonly revisions: number;
  /** Elapsed milliseconds for this database (0 when skipped). */
  readonly ms: number;
  /** `ok`; `pending` (status found pending revisions); `failed`; `skipped` (not started: fail-fast). */
  readonly result: FleetOutcome;
  /** The error message of a failed database. */
  readonly error?: string;
}

/** What {@link runFleet} did. */
export interface FleetResult {
  /** The command that ran on each database ({@link FleetOptions.command}). */
  readonly command: FleetCommand;
  /** One row per database, in the order of the fleet's URL list. */
  readonly rows: readonly FleetRow[];
  /** Databases run at once: `options.concurrency`, else `[fleet] concurrency`, else 8. */
  readonly concurrency: number;
  /** Wall time of the whole run in milliseconds. */
  readonly ms: number;
  /** Number of databases that failed. */
  readonly failed: number;
}

/** Progress of a fleet run, for a live display. */
export type FleetEvent =
  | { readonly type: "start"; readonly index: number; readonly database: string }
  | {
    readonly type: "step";
    readonly index: number;
    readonly database: string;
    readonly step: PlanStep;
    /** Steps finished so far on this database. */
    readonly done: number;
  }
  | { readonly type: "done"; readonly row: FleetRow };

/** What a task reports for one database. */
export interface FleetTaskResult {
  /** Version rows before the command (`status`: the current ones; `check`: none). */
  readonly from: readonly string[];
  /** Version rows after it (`status`: the heads it would reach; `check`: none). */
  readonly to: readonly string[];
  /** Revisions applied (upgrade/downgrade), pending (status) or operations a revision would hold (check). */
  readonly revisions: number;
  /** Defaults to `ok`. */
  readonly result?: "ok" | "pending" | "failed";
  /** Message for a `failed` result the task reports without throwing (e.g. `check` found differences). */
  readonly error?: string;
}

/** The work done on one database: `config` is the fleet's config with that database's `url`. */
export type FleetTask = (
  config: Config,
  onEvent: (event: MigrationEvent) => void,
) => Promise<FleetTaskResult>;

/** Options of {@link runFleet}. */
export interface FleetOptions {
  /** The command, reported back in {@link FleetResult.command}; `task` does the work. */
  readonly command: FleetCommand;
  /** The work for one database (see {@link fleetTask}). */
  readonly task: FleetTask;
  /** Databases at once; default the config's `[fleet] concurrency` (8). */
  readonly concurrency?: number;
  /** Start no new database after the first failure. */
  readonly failFast?: boolean;
  /** The URLs; default {@link fleetUrls} of the config. */
  readonly urls?: readonly string[];
  /** Called as each database starts, starts each migration step, and ends (with its row). */
  readonly onEvent?: (event: FleetEvent) => void;
}

/**
 * The fleet's database URLs: `[fleet] urls`, then the lines of `urls_file` (blank lines and lines
 * starting with `#` are skipped). A URL listed twice is kept once, so no database is migrated twice.
 *
 * @param config the resolved config
 * @returns the URLs in file order
 * @throws {ConfigError} when the config has no `[fleet]`, the file cannot be read, or the list is empty
 */
export function fleetUrls(config: Config): string[] {
  const fleet = config.fleet;
  if (!fleet) {
    throw new ConfigError(
      `Cannot run on a fleet: ${config.file ?? "the config"} has no [fleet] section (add urls or urls_file)`,
      { file: config.file, key: "fleet" },
    );
  }
  const urls = [...(fleet.urls ?? [])];
  if (fleet.urlsFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(fleet.urlsFile, "utf8");
    } catch (error) {
      throw new ConfigError(
        `Cannot read fleet.urls_file "${fleet.urlsFile}": ${(error as Error).message}`,
        { file: config.file, key: "fleet.urls_file" },
        { cause: error },
      );
    }
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trim();
      if (line !== "" && !line.startsWith("#")) urls.push(line);
    }
  }
  const unique = [...new Set(urls)];
  if (unique.length === 0) {
    throw new ConfigError(`Cannot run on a fleet: [fleet] in ${config.file} lists no database`, {
      file: config.file,
      key: "fleet",
    });
  }
  return unique;
}

/**
 * Run `task` on every database of the fleet, at most `concurrency` at a time, in list order.
 * Never throws for a database's failure: it becomes a `failed` row.
 *
 * @param config the resolved config (its `url` is replaced by each fleet URL)
 * @param options the command, its task, concurrency, fail-fast, progress callback
 * @returns one row per database, in list order, and the number that failed
 * @throws {UsageError} when `concurrency` is not an integer >= 1
 * @throws {ConfigError} as {@link fleetUrls}
 */
export async function runFleet(config: Config, options: FleetOptions): Promise<FleetResult> {
  const urls = options.urls ?? fleetUrls(config);
  const concurrency = options.concurrency ?? config.fleet?.concurrency ?? 8;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new UsageError(`Cannot use --concurrency "${concurrency}": expected an integer >= 1`);
  }
  const started = performance.now();
  const rows: FleetRow[] = new Array(urls.length);
  let next = 0;
  let stop = false;
  const worker = async () => {
    while (!stop && next < urls.length) {
      const index = next++;
      const database = maskUrl(urls[index]);
      options.onEvent?.({ type: "start", index, database });
      const t0 = performance.now();
      let done = 0;
      let row: FleetRow;
      try {
        const out = await options.task({ ...config, url: urls[index] }, (event) => {
          if (event.type === "step-start") {
            options.onEvent?.({ type: "step", index, database, step: event.step, done });
          } else if (event.type === "step-done") done++;
        });
        row = {
          index,
          database,
          from: out.from,
          to: out.to,
          revisions: out.revisions,
          ms: performance.now() - t0,
          result: out.result ?? "ok",
          ...(out.error === undefined ? {} : { error: out.error }),
        };
      } catch (error) {
        row = {
          index,
          database,
          from: [],
          to: [],
          revisions: done,
          ms: performance.now() - t0,
          result: "failed",
          error: errorMessage(error),
        };
      }
      if (row.result === "failed" && options.failFast) stop = true;
      rows[index] = row;
      options.onEvent?.({ type: "done", row });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, urls.length) }, worker));
  for (let i = 0; i < urls.length; i++) {
    rows[i] ??= {
      index: i,
      database: maskUrl(urls[i]),
      from: [],
      to: [],
      revisions: 0,
      ms: 0,
      result: "skipped",
    };
  }
  return {
    command: options.command,
    rows,
    concurrency,
    ms: performance.now() - started,
    failed: rows.filter((r) => r.result === "failed").length,
  };
}

/**
 * The task a CLI command runs on each database of a fleet.
 *
 * @param command the command
 * @param target the revision for upgrade/downgrade
 * @param before work to do first on each database (the CLI's `--wait`)
 * @returns a task for {@link runFleet}
 * @throws {UsageError} when upgrade/downgrade has no target
 */
export function fleetTask(
  command: FleetCommand,
  target?: string,
  before?: (config: Config) => Promise<void>,
): FleetTask {
  return async (config, onEvent) => {
    await before?.(config);
    switch (command) {
      case "upgrade":
      case "downgrade": {
        if (target === undefined) throw new UsageError(`Cannot ${command} a fleet: no target revision`);
        const mod = await import("./upgrade.ts");
        const out = await mod[command](config, { target, onEvent });
        if (out.sql !== undefined) {
          throw new UsageError(`Cannot render --sql for a fleet: run it on one database`);
        }
        return {
          from: out.from,
          to: out.to,
          revisions: out.steps.filter((s) => s.status === "applied").length,
        };
      }
      case "current": {
        const { current } = await import("./current.ts");
        const out = await current(config);
        return { from: out.versions, to: out.versions, revisions: 0 };
      }
      case "status": {
        const { status } = await import("./status.ts");
        const out = await status(config);
        return {
          from: out.current,
          to: out.heads,
          revisions: out.pending.length,
          result: out.pending.length > 0 ? "pending" : "ok",
        };
      }
      case "check": {
        const { check } = await import("./check.ts");
        const out = await check(config);
        return {
          from: [],
          to: [],
          revisions: out.operations,
          result: out.ok ? "ok" : "failed",
          ...(out.ok ? {} : { error: `${out.operations} differences from the schema file` }),
        };
      }
    }
  };
}

/**
 * The final table of a fleet run: database (masked), from, to, revisions, time, result; then a
 * count line, e.g. `50 databases in 2.1 s: 49 ok, 1 failed`.
 *
 * @param result what {@link runFleet} returned
 * @param paint colours for the result column (identity functions when colours are off)
 * @returns the text, ending with a newline
 */
export async function formatFleet(
  result: FleetResult,
  paint: { ok(s: string): string; failed(s: string): string; dim(s: string): string } = {
    ok: (s) => s,
    failed: (s) => s,
    dim: (s) => s,
  },
): Promise<string> {
  const { formatTable } = await import("../output/table.ts");
  const { formatMs } = await import("../output/run_format.ts");
  const heads = (v: readonly string[]) => (v.length === 0 ? "<base>" : v.join(","));
  const header = ["DATABASE", "FROM", "TO", "REVISIONS", "TIME", "RESULT"];
  const body = result.rows.map((r) => {
    const skipped = r.result === "skipped";
    const failed = r.result === "failed";
    const text = failed ? `failed: ${firstLine(r.error ?? "")}` : r.result;
    return [
      r.database,
      skipped || (failed && r.from.length === 0 && r.to.length === 0) ? "-" : heads(r.from),
      skipped || (failed && r.from.length === 0 && r.to.length === 0) ? "-" : heads(r.to),
      skipped ? "-" : String(r.revisions),
      skipped ? "-" : formatMs(r.ms),
      { text, paint: failed ? paint.failed : skipped ? paint.dim : paint.ok },
    ];
  });
  const counts = (["ok", "pending", "failed", "skipped"] as const)
    .map((k) => [k, result.rows.filter((r) => r.result === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`);
  const n = result.rows.length;
  return `${formatTable(header, body, { rightAlign: [3, 4] })}\n${n} database${n === 1 ? "" : "s"} in ${
    formatMs(result.ms)
  }: ${counts.join(", ")}\n`;
}

function firstLine(text: string): string {
  return text.split("\n", 1)[0];
}
