/**
 * The script directory (Alembic's `ScriptDirectory`): finds revision files in the version
 * locations, reads their headers, and writes new revision files from the directory's templates.
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  type Stats,
  statSync,
  writeFileSync,
} from "node:fs";
import { join, resolve, sep } from "node:path";
import { setImmediate } from "node:timers";
import { Eta } from "eta";
import type { Config } from "../config/config.ts";
import { DuplicateRevisionError, InputError, RuntimeFailure } from "../errors.ts";
import type { Revision } from "../revision/revision.ts";
import { HeaderCache } from "./header_cache.ts";
import { missingDownRevision, scanHeader, scanTsHeader } from "./header_scan.ts";
import { TEMPLATES } from "./templates_data.ts";

/** Options of {@link ScriptDirectory.generateRevision}. */
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
// Enough for the docstring and the four exports of any generated file.
const HEAD_BYTES = 8192;

/** A script directory: where revisions live and how new ones are written. */
export class ScriptDirectory {
  /**
   * @param config the loaded configuration (paths already absolute)
   */
  constructor(readonly config: Config) {}

  /**
   * The script directory a configuration describes.
   *
   * @param config the loaded configuration
   * @returns the script directory (nothing is read yet)
   */
  static fromConfig(config: Config): ScriptDirectory {
    return new ScriptDirectory(config);
  }

  /**
   * Reads the header of every revision file: each `.ts` and `.sql` file directly inside each version
   * location (no recursion), except `*.d.ts`, files whose name starts with `_` or `.`, and files of
   * other types (README, `.gitkeep`). Only the first 8 KiB of a file is read unless its header runs
   * further. Files are returned sorted by file name (then folder), for determinism. A file whose
   * size, mtime, ctime and inode match the per-user header cache is not read at all (see
   * {@link HeaderCache}; `RETORT_NO_CACHE=1` turns it off); the result is the same either way.
   *
   * @returns every revision found; a missing version location holds none
   * @throws {RevisionFileError} when a header cannot be read (names file and line)
   * @throws {DuplicateRevisionError} when two files declare the same revision id (names both)
   */
  loadRevisions(): Revision[] {
    const scan = new RevisionScan(this.config.versionLocations);
    scan.step(Infinity);
    return scan.finish();
  }

  /**
   * {@link ScriptDirectory.loadRevisions}, giving the event loop a turn every `sliceMs` of work, so
   * that I/O started before it (a database handshake: TCP, a server backend starting,
   * authentication) progresses while the headers are read. Same result and errors.
   *
   * @param sliceMs work between turns, in milliseconds
   * @returns every revision found, as {@link ScriptDirectory.loadRevisions}
   * @throws {RevisionFileError} / {DuplicateRevisionError} as {@link ScriptDirectory.loadRevisions}
   */
  async loadRevisionsInterleaved(sliceMs = 0.5): Promise<Revision[]> {
    // One turn before any file work: a connection started by the caller gets its socket open and
    // its first message sent, so the server works while the folders are listed.
    await new Promise<void>((done) => setImmediate(done));
    const scan = new RevisionScan(this.config.versionLocations);
    while (!scan.step(performance.now() + sliceMs)) {
      await new Promise<void>((done) => setImmediate(done));
    }
    return scan.finish();
  }

  /**
   * Writes a new revision file from the script directory's `script.ts.tmpl` or `script.sql.tmpl`
   * (eta templates; the built-in `generic` ones when the directory has none), named by
   * `file_template` with Alembic's tokens.
   *
   * @param opts what the revision holds
   * @returns the absolute path written and the revision as its header declares it
   * @throws {InputError} when `revId` is not `[A-Za-z0-9_]{1,32}`, a down revision or label is not a
   *   valid id, `versionPath` is not a version location, or the file already exists
   */
  generateRevision(opts: GenerateRevisionOptions): { path: string; revision: Revision } {
    const revId = opts.revId ?? randomRevisionId();
    if (!REV_ID_RE.test(revId)) {
      throw new InputError(`Cannot create revision: --rev-id "${revId}" must match [A-Za-z0-9_]{1,32}`);
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
    const sql = opts.sqlFile ?? this.config.revisionFormat === "sql";
    const now = opts.now ?? new Date();
    const parts = dateParts(now, this.config.timezone);
    const createDate = `${parts.year}-${pad(parts.month)}-${pad(parts.day)} ${pad(parts.hour)}:${
      pad(parts.minute)
    }:${pad(parts.second)}`;
    const slug = slugify(opts.message, this.config.truncateSlugLength);
    const stem = formatFileTemplate(this.config.fileTemplate, {
      rev: revId,
      slug,
      ...parts,
      epoch: Math.floor(now.getTime() / 1000),
    });
    const dir = opts.versionPath === undefined
      ? this.config.versionLocations[0]
      : resolve(this.config.root, opts.versionPath);
    // As Alembic: a file outside the version locations would never be loaded again.
    if (!this.config.versionLocations.includes(dir)) {
      throw new InputError(
        `Cannot create revision: --version-path "${dir}" is not a version location (${
          this.config.versionLocations.join(", ")
        })`,
      );
    }
    const path = join(dir, `${stem}${sql ? ".sql" : ".ts"}`);
    if (existsSync(path)) throw new InputError(`Cannot create revision: ${path} already exists`);

    const templateName = sql ? "script.sql.tmpl" : "script.ts.tmpl";
    const template = readTemplate(this.config.scriptLocation, templateName);
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

function isRevisionFileName(name: string): boolean {
  const c = name.charCodeAt(0);
  if (c === 95 || c === 46) return false; // "_" or "."
  if (name.endsWith(".ts")) return !name.endsWith(".d.ts");
  return name.endsWith(".sql");
}

const NO_THROW = { throwIfNoEntry: false } as const;

/** One run of {@link ScriptDirectory.loadRevisions}, which can stop between files. */
class RevisionScan {
  readonly #dirs: readonly string[];
  /** File names when there is one version location (the usual case), else `name\0folderIndex`. */
  readonly #keys: string[] = [];
  readonly #single: boolean;
  readonly #caches: (HeaderCache | undefined)[] = [];
  readonly #buffer = new Uint8Array(HEAD_BYTES);
  readonly #decoder = new TextDecoder();
  readonly #seen = new Map<string, string>();
  readonly #revisions: Revision[] = [];
  #next = 0;

  /** Lists the folders (the part that cannot be split). */
  constructor(dirs: readonly string[]) {
    // Taken before any file is looked at: the header cache's racy-edit window is measured from here.
    const scannedAt = Date.now();
    this.#dirs = dirs;
    // Plain strings, string concatenation and the native sort: this runs cold for thousands of
    // files on every command, where path.join and a JS comparator cost several milliseconds.
    const keys = this.#keys;
    this.#single = dirs.length === 1;
    for (let d = 0; d < dirs.length; d++) {
      let names: string[];
      try {
        names = readdirSync(dirs[d]);
      } catch (error) {
        this.#caches.push(undefined);
        if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
        throw error;
      }
      this.#caches.push(HeaderCache.open(dirs[d], { now: scannedAt }));
      if (this.#single) {
        for (const name of names) if (isRevisionFileName(name)) keys.push(name);
      } else {
        for (const name of names) if (isRevisionFileName(name)) keys.push(`${name}\0${d}`);
      }
    }
    keys.sort();
  }

  /**
   * Reads headers until all are read or `deadline` (a `performance.now()` value) has passed.
   *
   * @returns true when every file has been read
   */
  step(deadline: number): boolean {
    const keys = this.#keys;
    const dirs = this.#dirs;
    const end = keys.length;
    const start = this.#next;
    for (let k = start; k < end; k++) {
      // Checked every 64 files, never before the first: each step makes progress.
      if (k !== start && (k & 63) === 0 && performance.now() > deadline) {
        this.#next = k;
        return false;
      }
      let name = keys[k];
      let d = 0;
      if (!this.#single) {
        const cut = name.lastIndexOf("\0");
        d = Number(name.slice(cut + 1));
        name = name.slice(0, cut);
      }
      const path = dirs[d] + sep + name;
      const cache = this.#caches[d];
      let revision: Revision | undefined;
      if (cache === undefined) {
        revision = readRevision(path, this.#buffer, this.#decoder, undefined);
      } else {
        // A file the cache never saw is opened and stated through its descriptor; one it saw is stated
        // by path, and opened only when it changed. Stats come before reads (see HeaderCache.store).
        let stamp: Stats | undefined;
        if (cache.has(name)) {
          stamp = statSync(path, NO_THROW);
          if (stamp !== undefined) revision = cache.lookup(name, path, stamp);
        }
        if (revision === undefined) {
          const box: { stamp?: Stats } = {};
          revision = readRevision(path, this.#buffer, this.#decoder, stamp === undefined ? box : undefined);
          stamp ??= box.stamp;
          if (stamp !== undefined) cache.store(name, stamp, revision);
        }
      }
      const other = this.#seen.get(revision.revision);
      if (other !== undefined) {
        throw new DuplicateRevisionError(
          `Cannot load revisions: revision "${revision.revision}" is declared by both ${other} and ${path}`,
          revision.revision,
          [other, path],
        );
      }
      this.#seen.set(revision.revision, path);
      this.#revisions.push(revision);
    }
    this.#next = end;
    return true;
  }

  /** Saves the header caches. @returns the revisions, in file-name order */
  finish(): Revision[] {
    for (const cache of this.#caches) cache?.save();
    return this.#revisions;
  }
}

/**
 * Opens and scans one revision file; with `stat`, also fstats it (before reading) into `stat.stamp`
 * for the header cache.
 */
function readRevision(
  path: string,
  buffer: Uint8Array,
  decoder: TextDecoder,
  stat: { stamp?: Stats } | undefined,
): Revision {
  const fd = openSync(path, "r");
  let n: number;
  try {
    if (stat !== undefined) stat.stamp = fstatSync(fd);
    if (path.endsWith(".sql")) return scanHeader(path, readFileSync(fd, "utf8"));
    n = readSync(fd, buffer, 0, buffer.length, 0);
    if (n === buffer.length) {
      // The header may run past the first block: read everything unless the four exports were seen.
      try {
        const scan = scanTsHeader(path, decoder.decode(buffer.subarray(0, n)));
        if (scan.complete) return scan.revision;
      } catch {
        // A literal cut by the block's end: the whole file decides.
      }
      return scanHeader(path, readFileSync(path, "utf8"));
    }
  } finally {
    closeSync(fd);
  }
  const scan = scanTsHeader(path, decoder.decode(buffer.subarray(0, n)));
  if (!scan.hasDownRevision) throw missingDownRevision(path);
  return scan.revision;
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
