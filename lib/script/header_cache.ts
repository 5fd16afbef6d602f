/**
 * A per-user cache of revision headers, so that a warm `migrate heads` stats each revision file
 * instead of opening and scanning it (on this kind of machine opening 5,000 files costs three times
 * what stating them does).
 *
 * One JSON file per versions folder, in `$XDG_CACHE_HOME/retort/` (else `~/.cache/retort/`), named
 * by a hash of the folder's absolute path. Each entry keeps the file's size, mtime, ctime and inode
 * and the header read from it; it is used only when all four still match. As git's index does with
 * "racily clean" entries, a file changed within {@link RACY_WINDOW_MS} of the scan is never stored,
 * because a coarse file-system clock could give an edit made just after the read the same mtime and
 * ctime. Only headers that scanned without error are stored. A cache that cannot be read, parsed or
 * written is ignored silently (a read-only home, a corrupt or foreign file): the cache never changes
 * what a command prints. `RETORT_NO_CACHE=1` turns it off.
 *
 * @module
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import process from "node:process";
import type { Revision } from "../revision/revision.ts";

/** What a cache entry is checked against: the fields of `fs.Stats` that change when a file does. */
export interface FileStamp {
  /** Bytes. */
  readonly size: number;
  /** Modification time, ms since the epoch. */
  readonly mtimeMs: number;
  /** Status change time, ms since the epoch (changes on every write, rename or chmod, and cannot be set). */
  readonly ctimeMs: number;
  readonly ino: number;
}

/**
 * A file whose mtime or ctime is this close to (or after) the start of the scan is not stored: its
 * timestamps may not yet tell a later edit apart (FAT and some network file systems keep 2 s).
 */
export const RACY_WINDOW_MS = 2000;

/** Bumped whenever the entry layout or the header scan changes, so an old cache is ignored. */
const FORMAT = "retort-headers-1";
/** Cache files not rewritten for this long are deleted when another one is written (ms). */
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;

// [size, mtimeMs, ctimeMs, ino, revision, downRevisions, branchLabels, dependsOn, message, createDate]
type Entry = [
  number,
  number,
  number,
  number,
  string,
  string[],
  string[],
  string[],
  string | null,
  string | null,
];

interface CacheFile {
  format: string;
  dir: string;
  /** `Date.now()` when the scan that wrote it started. */
  scannedAt: number;
  entries: Record<string, Entry>;
}

/** Options of {@link HeaderCache.open}. */
export interface HeaderCacheOptions {
  /** Environment to read `RETORT_NO_CACHE`, `XDG_CACHE_HOME` and `HOME` from; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Folder holding the cache files, instead of the one derived from `env`. */
  readonly cacheDir?: string;
  /** When the scan starts, ms since the epoch; default `Date.now()`. */
  readonly now?: number;
}

/**
 * The cached headers of one versions folder, for one scan: {@link HeaderCache.lookup} each file,
 * {@link HeaderCache.store} what had to be read, then {@link HeaderCache.save}.
 */
export class HeaderCache {
  readonly #file: string;
  readonly #dir: string;
  readonly #scannedAt: number;
  readonly #old: Record<string, Entry>;
  readonly #trustBefore: number;
  #entries: Record<string, Entry> = {};
  #count = 0;
  #changed: boolean;

  private constructor(file: string, dir: string, scannedAt: number, old: CacheFile | undefined) {
    this.#file = file;
    this.#dir = dir;
    this.#scannedAt = scannedAt;
    this.#old = old?.entries ?? {};
    // Entries were stored only when older than the window before their scan; checking again keeps a
    // cache written by a faulty clock or a hand-edited file from being trusted.
    this.#trustBefore = old ? old.scannedAt - RACY_WINDOW_MS : -Infinity;
    this.#changed = old === undefined;
  }

  /**
   * Opens the cache of a versions folder (nothing is created yet).
   *
   * @param dir the versions folder, absolute
   * @param options where the cache lives and when the scan starts
   * @returns the cache (empty when its file is missing, corrupt or of another format), or `undefined`
   *   when caching is off: `RETORT_NO_CACHE` is set to anything but `""` or `"0"`, or neither
   *   `XDG_CACHE_HOME` nor `HOME` is set
   */
  static open(dir: string, options: HeaderCacheOptions = {}): HeaderCache | undefined {
    const env = options.env ?? process.env;
    const off = env.RETORT_NO_CACHE;
    if (off !== undefined && off !== "" && off !== "0") return undefined;
    const root = options.cacheDir ?? defaultCacheDir(env);
    if (root === undefined) return undefined;
    const file = join(root, `headers-${hashHex(dir)}.json`);
    let old: CacheFile | undefined;
    try {
      const parsed = JSON.parse(readFileSync(file, "utf8")) as CacheFile;
      if (
        parsed !== null && typeof parsed === "object" && parsed.format === FORMAT && parsed.dir === dir &&
        typeof parsed.scannedAt === "number" && parsed.entries !== null && typeof parsed.entries === "object"
      ) {
        old = parsed;
      }
    } catch {
      // Missing, unreadable or not JSON: start afresh.
    }
    return new HeaderCache(file, dir, options.now ?? Date.now(), old);
  }

  /** The cache file this instance reads and writes. */
  get file(): string {
    return this.#file;
  }

  /**
   * Whether an entry was read for a file, so a caller can skip stating a file it must read anyway.
   *
   * @param name the file name inside the folder
   * @returns true when {@link HeaderCache.lookup} may find it
   */
  has(name: string): boolean {
    return Object.hasOwn(this.#old, name);
  }

  /**
   * The header stored for a file, if the file still has the size, mtime, ctime and inode it had when
   * it was read; the entry is kept for {@link HeaderCache.save}.
   *
   * @param name the file name inside the folder
   * @param path the file's path, recorded in the revision
   * @param stamp the file's current stat
   * @returns the revision, or `undefined` when the file must be read
   */
  lookup(name: string, path: string, stamp: FileStamp): Revision | undefined {
    if (!Object.hasOwn(this.#old, name)) return undefined;
    const e = this.#old[name];
    if (
      e === undefined || !Array.isArray(e) || e.length !== 10 || e[0] !== stamp.size ||
      e[1] !== stamp.mtimeMs || e[2] !== stamp.ctimeMs || e[3] !== stamp.ino ||
      !(e[1] < this.#trustBefore && e[2] < this.#trustBefore) || typeof e[4] !== "string" ||
      !Array.isArray(e[5]) || !Array.isArray(e[6]) || !Array.isArray(e[7])
    ) {
      return undefined;
    }
    this.#entries[name] = e;
    this.#count++;
    return {
      revision: e[4],
      downRevisions: e[5],
      branchLabels: e[6],
      dependsOn: e[7],
      path,
      message: e[8] ?? undefined,
      createDate: e[9] ?? undefined,
    };
  }

  /**
   * Records the header just read from a file. Files changed within {@link RACY_WINDOW_MS} of the scan
   * are not stored (they are read again next time).
   *
   * @param name the file name inside the folder
   * @param stamp the file's stat, taken before it was read
   * @param revision the header as scanned (without error)
   */
  store(name: string, stamp: FileStamp, revision: Revision): void {
    this.#changed = true;
    const limit = this.#scannedAt - RACY_WINDOW_MS;
    if (!(stamp.mtimeMs < limit && stamp.ctimeMs < limit)) return;
    this.#entries[name] = [
      stamp.size,
      stamp.mtimeMs,
      stamp.ctimeMs,
      stamp.ino,
      revision.revision,
      [...revision.downRevisions],
      [...revision.branchLabels],
      [...revision.dependsOn],
      revision.message ?? null,
      revision.createDate ?? null,
    ];
    this.#count++;
  }

  /**
   * Writes the entries looked up or stored during this scan (entries of files that are gone are
   * dropped), atomically (a temporary file renamed over the old one), and only when they differ from
   * what was read. Any error is ignored: the cache is an optimisation.
   */
  save(): void {
    if (!this.#changed && this.#count === Object.keys(this.#old).length) return;
    const data: CacheFile = {
      format: FORMAT,
      dir: this.#dir,
      scannedAt: this.#scannedAt,
      entries: this.#entries,
    };
    const root = dirname(this.#file);
    const temp = `${this.#file}.${process.pid}.tmp`;
    try {
      mkdirSync(root, { recursive: true, mode: 0o700 });
      writeFileSync(temp, JSON.stringify(data), { mode: 0o600 });
      renameSync(temp, this.#file);
    } catch {
      try {
        unlinkSync(temp);
      } catch {
        // Never written.
      }
      return;
    }
    // Test suites make many short-lived projects: now and then drop caches nobody rewrote for a month.
    if (Math.random() < 1 / 32) pruneOld(root, this.#scannedAt);
  }
}

function defaultCacheDir(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const xdg = env.XDG_CACHE_HOME;
  // The XDG spec says a relative value is invalid and must be ignored.
  if (xdg && isAbsolute(xdg)) return join(xdg, "retort");
  const home = env.HOME;
  if (home && isAbsolute(home)) return join(home, ".cache", "retort");
  return undefined;
}

function pruneOld(root: string, now: number): void {
  try {
    for (const name of readdirSync(root)) {
      if (!name.startsWith("headers-")) continue;
      const path = join(root, name);
      const st = statSync(path, { throwIfNoEntry: false });
      if (st && now - st.mtimeMs > MAX_AGE_MS) unlinkSync(path);
    }
  } catch {
    // Another process pruning at the same time, or a read-only folder.
  }
}

/** 64-bit FNV-1a of the UTF-16 code units, as 16 hex digits: names the folder's cache file. */
function hashHex(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h1 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, "0") + (h2 >>> 0).toString(16).padStart(8, "0");
}
