/**
 * The script directory (Alembic's `ScriptDirectory`): finds revision files in the version
 * locations and reads their headers. Writing new revision files is `revision_writer.ts`, kept apart
 * so that read-only commands never load the template engine or `node:child_process`.
 *
 * @module
 */
import {
  closeSync,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  type Stats,
  statSync,
} from "node:fs";
import { sep } from "node:path";
import { setImmediate } from "node:timers";
import type { Config } from "../config/config.ts";
import { DuplicateRevisionError } from "../errors.ts";
import type { Revision } from "../revision/revision.ts";
import { HeaderCache } from "./header_cache.ts";
import { checkScriptLocations } from "./check_locations.ts";
import { missingDownRevision, scanHeader, scanTsHeader } from "./header_scan.ts";

// Enough for the docstring and the four exports of any generated file.
const HEAD_BYTES = 8192;

/** A script directory: where revisions live (new ones are written by `generateRevision` in revision_writer.ts). */
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
   * @returns every revision found; a missing default version location holds none
   * @throws {ConfigError} when the `script_location` folder or an explicit version location is missing
   * @throws {RevisionFileError} when a header cannot be read (names file and line)
   * @throws {DuplicateRevisionError} when two files declare the same revision id (names both)
   */
  loadRevisions(): Revision[] {
    checkScriptLocations(this.config);
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
    checkScriptLocations(this.config);
    const scan = new RevisionScan(this.config.versionLocations);
    while (!scan.step(performance.now() + sliceMs)) {
      await new Promise<void>((done) => setImmediate(done));
    }
    return scan.finish();
  }
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
  #revisions: Revision[] = [];
  #next = 0;
  /**
   * Whether the snapshot pass is on: one version location with a cache, every file so far stated
   * and matching its entry (see HeaderCache.matchNext). Stats taken then are kept for the file-by-file
   * pass that follows a mismatch, so no file is stated twice.
   */
  #matching = false;
  #matchNext = 0;
  readonly #stamps: (Stats | undefined)[] = [];
  readonly #paths: string[] = [];

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
    this.#matching = this.#single && this.#caches[0] !== undefined && keys.length > 0;
  }

  /**
   * Reads headers until all are read or `deadline` (a `performance.now()` value) has passed.
   *
   * @returns true when every file has been read
   */
  step(deadline: number): boolean {
    if (this.#matching && !this.#matchStep(deadline)) return false;
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
        let stamp: Stats | undefined = this.#stamps[k];
        if (cache.has(name)) {
          stamp ??= statSync(path, NO_THROW);
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

  /**
   * The snapshot pass: states each file in order and matches it against the cache's next entry.
   * When all match, the revisions come from the cache's snapshot and the scan is done.
   *
   * @returns false when `deadline` passed (call again), true when the pass is over
   */
  #matchStep(deadline: number): boolean {
    const cache = this.#caches[0] as HeaderCache;
    const dir = this.#dirs[0];
    const keys = this.#keys;
    const start = this.#matchNext;
    for (let k = start; k < keys.length; k++) {
      if (k !== start && (k & 63) === 0 && performance.now() > deadline) {
        this.#matchNext = k;
        return false;
      }
      const name = keys[k];
      const path = dir + sep + name;
      const stamp = statSync(path, NO_THROW);
      this.#stamps[k] = stamp;
      this.#paths.push(path);
      if (stamp === undefined || !cache.matchNext(name, stamp)) {
        this.#matching = false;
        return true;
      }
    }
    this.#matching = false;
    const revisions = cache.snapshot(this.#paths);
    if (revisions !== undefined) {
      this.#revisions = revisions;
      this.#next = keys.length;
    }
    return true;
  }

  /** Saves the header caches. @returns the revisions, in file-name order */
  finish(): Revision[] {
    // With one version location the revisions are that folder's, for its cache's snapshot.
    for (const cache of this.#caches) cache?.save(this.#single ? this.#revisions : undefined);
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
