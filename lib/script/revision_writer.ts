/**
 * Writing new revision files (Alembic's `ScriptDirectory.generate_revision` and post-write hooks):
 * the script directory's templates rendered with eta, `file_template` names, and the configured
 * commands run on the new file.
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Eta } from "eta";
import type { Config } from "../config/config.ts";
import { InputError, RuntimeFailure } from "../errors.ts";
import type { Revision } from "../revision/revision.ts";
import { scanHeader } from "./header_scan.ts";
import { TEMPLATES } from "./templates_data.ts";

/** Options of {@link generateRevision}. */
export interface GenerateRevisionOptions {
  /** The `-m` message; becomes the docstring's first line and the file name's slug. */
  readonly message: string;
  /** `--rev-id`; default 12 random lowercase hex characters. */
  readonly revId?: string;
  /** Parents: none for a base, two or more for a merge. */
  readonly downRevisions: readonly string[];
  readonly branchLabels?: readonly string[];
  readonly dependsOn?: readonly string[];
  /**
   * `--version-path`: folder to write into, one of the version locations (relative to the config
   * folder; pass an absolute path to mean the working directory); default the first version location.
   */
  readonly versionPath?: string;
  /** Write a `.sql` revision; default from the config's `revisionFormat`. */
  readonly sqlFile?: boolean;
  /** Clock for `Create Date` and the date tokens of `file_template`; default now. */
  readonly now?: Date;
  /** Statements of `upgrade()` (unindented; indented by two spaces in a TS file); default a placeholder comment. */
  readonly upgradeBody?: string;
  /** Statements of `downgrade()`, as `upgradeBody`. */
  readonly downgradeBody?: string;
}

// `void op;` keeps an empty revision (a merge, a fresh file) free of lint's no-unused-vars.
const PLACEHOLDER_UP = "// write the upgrade here, e.g. op.createTable(...)\nvoid op;";
const PLACEHOLDER_DOWN = "// write the downgrade here, undoing upgrade()\nvoid op;";
const REV_ID_RE = /^[A-Za-z0-9_]{1,32}$/;

/**
 * Writes a new revision file from the script directory's `script.ts.tmpl` or `script.sql.tmpl`
 * (eta templates; the built-in `generic` ones when the directory has none), named by
 * `file_template` with Alembic's tokens.
 *
 * @param config the loaded configuration (script location, version locations, file_template, timezone)
 * @param opts what the revision holds
 * @returns the absolute path written and the revision as its header declares it
 * @throws {InputError} when `revId` is not `[A-Za-z0-9_]{1,32}`, a down revision or label is not a
 *   valid id, `versionPath` is not a version location, or the file already exists
 */
export function generateRevision(
  config: Config,
  opts: GenerateRevisionOptions,
): { path: string; revision: Revision } {
  const revId = opts.revId ?? randomRevisionId();
  if (!REV_ID_RE.test(revId)) {
    throw new InputError(`Cannot create revision: --rev-id "${revId}" must match [A-Za-z0-9_]{1,32}`);
  }
  if (revId === "head" || revId === "heads" || revId === "base") {
    throw new InputError(
      `Cannot create revision: --rev-id "${revId}" is a reserved word of revision targets (head, heads, base)`,
    );
  }
  for (
    const [what, list] of [
      ["down revision", opts.downRevisions],
      ["branch label", opts.branchLabels ?? []],
      ["depends-on revision", opts.dependsOn ?? []],
    ] as const
  ) {
    for (const id of list) {
      if (!/^[^\s,]{1,32}$/.test(id)) {
        throw new InputError(
          `Cannot create revision: ${what} "${id}" must be 1 to 32 characters without spaces or commas`,
        );
      }
    }
  }
  const sql = opts.sqlFile ?? config.revisionFormat === "sql";
  const now = opts.now ?? new Date();
  const parts = dateParts(now, config.timezone);
  const createDate = `${parts.year}-${pad(parts.month)}-${pad(parts.day)} ${pad(parts.hour)}:${
    pad(parts.minute)
  }:${pad(parts.second)}`;
  const slug = slugify(opts.message, config.truncateSlugLength);
  const stem = formatFileTemplate(config.fileTemplate, {
    rev: revId,
    slug,
    ...parts,
    epoch: Math.floor(now.getTime() / 1000),
  });
  const dir = opts.versionPath === undefined
    ? config.versionLocations[0]
    : resolve(config.root, opts.versionPath);
  // As Alembic: a file outside the version locations would never be loaded again.
  if (!config.versionLocations.includes(dir)) {
    throw new InputError(
      `Cannot create revision: --version-path "${dir}" is not a version location (${
        config.versionLocations.join(", ")
      })`,
    );
  }
  const path = join(dir, `${stem}${sql ? ".sql" : ".ts"}`);
  if (existsSync(path)) throw new InputError(`Cannot create revision: ${path} already exists`);

  const templateName = sql ? "script.sql.tmpl" : "script.ts.tmpl";
  const template = readTemplate(config.scriptLocation, templateName);
  const downRevisions = [...opts.downRevisions];
  const branchLabels = [...(opts.branchLabels ?? [])];
  const dependsOn = [...(opts.dependsOn ?? [])];
  const message = opts.message.replace(/\r?\n/g, " ").trim();
  const data = {
    message: sql ? message : message.replaceAll("*/", "*\\/"),
    revision: revId,
    downRevisions,
    branchLabels,
    dependsOn,
    createDate,
    revises: downRevisions.join(", "),
    branchLabelList: branchLabels.join(", "),
    dependsOnList: dependsOn.join(", "),
    revisionLiteral: JSON.stringify(revId),
    downRevisionLiteral: downRevisions.length === 0
      ? "null"
      : downRevisions.length === 1
      ? JSON.stringify(downRevisions[0])
      : listLiteral(downRevisions),
    branchLabelsLiteral: listLiteral(branchLabels),
    dependsOnLiteral: listLiteral(dependsOn),
    upgradeBody: sql ? (opts.upgradeBody ?? "-- write the upgrade SQL here") : indent(
      opts.upgradeBody ?? PLACEHOLDER_UP,
    ),
    downgradeBody: sql ? (opts.downgradeBody ?? "-- write the downgrade SQL here") : indent(
      opts.downgradeBody ?? PLACEHOLDER_DOWN,
    ),
  };
  const eta = new Eta({ autoEscape: false, autoTrim: false, useWith: false, varName: "it" });
  const text = eta.renderString(template, data);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path, text, { flag: "wx" });
  return { path, revision: scanHeader(path, text) };
}

/**
 * Runs the config's `post_write_hooks` on a new revision file, in order (Alembic's post-write
 * hooks, simplified to commands). Each command is split into words (single and double quotes
 * group words; no shell), `{file}` in any word is replaced by the file's path, and it runs in the
 * config's folder.
 *
 * @param config the loaded configuration
 * @param file absolute path of the file just written
 * @throws {RuntimeFailure} `Cannot run post-write hook "<hook>": ...` when a command cannot start or
 *   exits with a non-zero status (with the end of its stderr)
 */
export function runPostWriteHooks(config: Config, file: string): void {
  for (const hook of config.postWriteHooks) {
    const words = splitCommand(hook).map((w) => w.replaceAll("{file}", file));
    if (words.length === 0) continue;
    const result = spawnSync(words[0], words.slice(1), { cwd: config.root, encoding: "utf8" });
    if (result.error) {
      throw new RuntimeFailure(`Cannot run post-write hook "${hook}": ${result.error.message}`, {
        cause: result.error,
      });
    }
    if (result.status !== 0) {
      const stderr = (result.stderr ?? "").trim().split("\n").slice(-5).join("\n");
      const status = result.status === null ? `signal ${result.signal}` : `exit status ${result.status}`;
      throw new RuntimeFailure(
        `Cannot run post-write hook "${hook}": ${status}${stderr ? `\n${stderr}` : ""}`,
      );
    }
  }
}

/**
 * Alembic's slug: the message's word characters joined by `_`, lowercased; longer than `maxLength`
 * it is cut there, back to the last `_`, and given a trailing `_`
 * (`slug[:n].rsplit("_", 1)[0] + "_"` in Alembic's `ScriptDirectory._rev_path`).
 *
 * @param message the revision message
 * @param maxLength `truncate_slug_length`
 * @returns the slug (empty for an empty message)
 */
export function slugify(message: string, maxLength: number): string {
  const slug = (message.match(/[\p{L}\p{N}_]+/gu) ?? []).join("_").toLowerCase();
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const last = cut.lastIndexOf("_");
  return `${last < 0 ? cut : cut.slice(0, last)}_`;
}

/**
 * Fills Alembic's `file_template` (Python `%`-formatting with named values): `%(rev)s`, `%(slug)s`,
 * `%(year)d`, `%(month).2d`, `%(day).2d`, `%(hour).2d`, `%(minute).2d`, `%(second).2d`,
 * `%(epoch)s`; `%%` is a `%`. Flags `0` and `-`, a width and a precision are honoured as Python does
 * for `s` and `d`.
 *
 * @param template the `file_template` value
 * @param values token values
 * @returns the file name without extension
 * @throws {InputError} when the template uses an unknown token or conversion
 */
export function formatFileTemplate(
  template: string,
  values: Readonly<Record<string, string | number>>,
): string {
  return template.replace(
    /%(?:%|\(([^)]*)\)([-0 +#]*)(\d+)?(?:\.(\d+))?([a-zA-Z]))/g,
    (
      whole,
      name: string | undefined,
      flags: string,
      width: string | undefined,
      precision: string | undefined,
      conv,
    ) => {
      if (whole === "%%") return "%";
      const value = values[name!];
      if (value === undefined) {
        throw new InputError(`Cannot format file_template "${template}": unknown token "%(${name})"`);
      }
      let out: string;
      if (conv === "d") {
        const n = Math.trunc(Number(value));
        out = String(Math.abs(n));
        if (precision !== undefined) out = out.padStart(Number(precision), "0");
        if (n < 0) out = `-${out}`;
      } else if (conv === "s") {
        out = String(value);
        if (precision !== undefined) out = out.slice(0, Number(precision));
      } else {
        throw new InputError(`Cannot format file_template "${template}": unsupported conversion "${whole}"`);
      }
      if (width !== undefined && out.length < Number(width)) {
        if (flags.includes("-")) out = out.padEnd(Number(width));
        else if (flags.includes("0") && conv === "d") {
          const neg = out.startsWith("-");
          out = (neg ? "-" : "") + out.slice(neg ? 1 : 0).padStart(Number(width) - (neg ? 1 : 0), "0");
        } else out = out.padStart(Number(width));
      }
      return out;
    },
  );
}

/**
 * A new revision id: 12 random lowercase hex characters, as Alembic's `uuid4().hex[-12:]`.
 *
 * @returns the id
 */
export function randomRevisionId(): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function readTemplate(scriptLocation: string, name: string): string {
  try {
    return readFileSync(join(scriptLocation, name), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  return TEMPLATES.generic.files[`migrations/${name}`];
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function indent(body: string): string {
  return body.split("\n").map((l) => l === "" ? l : `  ${l}`).join("\n");
}

function listLiteral(items: readonly string[]): string {
  return `[${items.map((i) => JSON.stringify(i)).join(", ")}]`;
}

function dateParts(
  date: Date,
  timeZone: string,
): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  if (timeZone === "UTC") {
    return {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
    };
  }
  const fmt = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  const get = (type: string) => Number(fmt.formatToParts(date).find((p) => p.type === type)?.value);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

function splitCommand(command: string): string[] {
  const words: string[] = [];
  let current = "";
  let inWord = false;
  let quote: string | undefined;
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else current += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(current);
      current = "";
      inWord = false;
    } else {
      current += c;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

/** Name of a template file in the script directory, for callers that want to check for one. */
export const SCRIPT_TEMPLATE_NAMES: readonly string[] = ["script.ts.tmpl", "script.sql.tmpl"];
