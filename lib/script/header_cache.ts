/**
 * A per-user cache of revision headers, so that a warm `migrate heads` stats each revision file
 * instead of opening and scanning it (on this kind of machine opening 5,000 files costs three times
 * what stating them does).
 *
 * One text file per versions folder, in `$XDG_CACHE_HOME/retort/` (else `~/.cache/retort/`), named
 * by a hash of the folder's absolute path. Each entry keeps the file's size, mtime, ctime and inode
 * and the header read from it; it is used only when all four still match. As git's index does with
 * "racily clean" entries, a file changed shortly before the scan ({@link racyWindowMs}) is never
 * stored, because a coarse file-system clock could give an edit made just after the read the same
 * mtime and ctime. Only headers that scanned without error are stored. A cache that cannot be read,
 * parsed or written is ignored silently (a read-only home, a corrupt or foreign file): the cache
 * never changes what a command prints. `RETORT_NO_CACHE=1` turns it off.
 *
 * @module
 */
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
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
 * A file whose mtime or ctime is this close to (or after) the start of the scan is not stored when its
 * timestamps are whole milliseconds: they may come from a file system (FAT: 2 s, HFS+ and ext3: 1 s)
 * or a runtime (Deno's ctime: 1 s) that cannot tell a later edit apart.
 */
export const RACY_WINDOW_MS = 2000;

/**
 * The window for timestamps with a sub-millisecond part, which only file systems keeping
 * nanoseconds give: their clock advances at least every kernel tick (at most 10 ms). Much shorter
 * than {@link RACY_WINDOW_MS} so that files written just before a run (generated revisions, a
 * checkout) are cached from the next run on.
 */
export const FINE_RACY_WINDOW_MS = 100;

/**
 * How long before the scan a file must have last changed for its entry to be trusted.
 *
 * @param stamp the file's stat
 * @returns {@link FINE_RACY_WINDOW_MS} when both mtime and ctime have a sub-millisecond part, else
 *   {@link RACY_WINDOW_MS}
 */
export function racyWindowMs(stamp: { readonly mtimeMs: number; readonly ctimeMs: number }): number {
  return Number.isInteger(stamp.mtimeMs) || Number.isInteger(stamp.ctimeMs)
    ? RACY_WINDOW_MS
    : FINE_RACY_WINDOW_MS;
}

/** First field of the cache file; bumped whenever the layout or the header scan changes. */
const FORMAT = "retort-headers-3";
/** Cache files not rewritten for this long are deleted when another one is written (ms). */
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;
const TAB = 9;
// A value holding one of these is not cached: the line format has no escapes (JSON.parse of 5,000
// entries costs twice what splitting lines does, and this runs on every command).
const UNSAFE = /[\t\n\r]/;

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
 * The cached headers of one versions folder, for one scan: {@link HeaderCache.has} and
 * {@link HeaderCache.lookup} each file, {@link HeaderCache.store} what had to be read, then
 * {@link HeaderCache.save}.
 *
 * The file is text: a first line `retort-headers-3 TAB scannedAt TAB entries TAB folder`; a second
 * line holding the snapshot, the revisions of all entries as one JSON array in entry order (empty
 * when some file of the last scan has no entry); then one line per file,
 * `name size mtimeMs ctimeMs ino revision down labels deps message createDate` separated by tabs,
 * where a list is empty or `+` and its items joined by `,`, and an optional text is empty (absent) or
 * `+` and the text. Entries come in file-name order, the order `ScriptDirectory.loadRevisions` asks
 * for them, so a lookup is usually a check at a cursor.
 *
 * Two ways to use it. When nothing changed since the last scan (the usual case), the caller checks
 * every file in order with {@link HeaderCache.matchNext}, which compares the stat with the entry as
 * text, and then takes all revisions from the snapshot ({@link HeaderCache.snapshot}): one
 * `JSON.parse` instead of parsing a thousand lines and building as many objects in cold JavaScript
 * (about 40% of a scan of 1,000 cached files). Otherwise it goes file by file with
 * {@link HeaderCache.has}, {@link HeaderCache.lookup} and {@link HeaderCache.store}.
 */
export class HeaderCache {
  readonly #file: string;
  readonly #dir: string;
  readonly #scannedAt: number;
  /** The old file's text ("" when there is none); entries start after its first line. */
  readonly #text: string;
  readonly #oldCount: number;
  /** When the scan that wrote the old file started (ms since the epoch), or -Infinity. */
  readonly #oldScannedAt: number;
  /** Where the entry after the last one found starts. */
  #cursor: number;
  /** Where the first entry starts (after the header and snapshot lines). */
  readonly #entriesAt: number;
  /** The snapshot line: a JSON array of the entries' revisions, or "" when there is none. */
  readonly #snapshot: string;
  /** Where the entry {@link HeaderCache.matchNext} checks next starts. */
  #matchAt: number;
  /** How many entries {@link HeaderCache.matchNext} has matched in a row. */
  #matched = 0;
  #index?: Map<string, number>;
  /** The entry {@link HeaderCache.has} found: its name and where its line starts. */
  #foundName = "";
  #foundAt = -1;
  /** Lines of the file to write, in the order they were looked up or stored. */
  readonly #lines: string[] = [];
  #hits = 0;
  #changed = false;

  private constructor(
    file: string,
    dir: string,
    scannedAt: number,
    text: string,
    header: string[] | undefined,
  ) {
    this.#file = file;
    this.#dir = dir;
    this.#scannedAt = scannedAt;
    this.#text = header ? text : "";
    const firstEnd = header ? text.indexOf("\n") : -1;
    const secondEnd = firstEnd < 0 ? -1 : text.indexOf("\n", firstEnd + 1);
    this.#snapshot = firstEnd < 0 ? "" : text.slice(firstEnd + 1, secondEnd < 0 ? text.length : secondEnd);
    this.#entriesAt = secondEnd < 0 ? (header ? text.length : 0) : secondEnd + 1;
    this.#cursor = this.#entriesAt;
    this.#matchAt = this.#entriesAt;
    this.#oldCount = header ? Number(header[2]) : 0;
    // Entries were stored only when older than the window before their scan; checking again keeps a
    // cache written by a faulty clock or by hand from being trusted.
    this.#oldScannedAt = header ? Number(header[1]) : -Infinity;
    this.#changed = header === undefined;
  }

  /**
   * Opens the cache of a versions folder (nothing is created yet).
   *
   * @param dir the versions folder, absolute
   * @param options where the cache lives and when the scan starts
   * @returns the cache (empty when its file is missing, corrupt or of another format), or `undefined`
   *   when caching is off: `RETORT_NO_CACHE` is set to anything but `""` or `"0"`, neither
   *   `XDG_CACHE_HOME` nor `HOME` is an absolute path, or `dir` holds a tab or line break
   */
  static open(dir: string, options: HeaderCacheOptions = {}): HeaderCache | undefined {
    const env = options.env ?? process.env;
    const off = env.RETORT_NO_CACHE;
    if (off !== undefined && off !== "" && off !== "0") return undefined;
    if (UNSAFE.test(dir)) return undefined;
    const root = options.cacheDir ?? defaultCacheDir(env);
    if (root === undefined) return undefined;
    const file = join(root, `headers-${hashHex(dir)}.tsv`);
    let text = "";
    let header: string[] | undefined;
    try {
      text = readFileSync(file, "utf8");
      const nl = text.indexOf("\n");
      const first = (nl < 0 ? text : text.slice(0, nl)).split("\t");
      if (
        first.length === 4 && first[0] === FORMAT && first[3] === dir && Number.isFinite(Number(first[1])) &&
        Number.isInteger(Number(first[2]))
      ) {
        header = first;
      }
    } catch {
      // Missing or unreadable: start afresh.
    }
    return new HeaderCache(file, dir, options.now ?? Date.now(), text, header);
  }

  /** The cache file this instance reads and writes. */
  get file(): string {
    return this.#file;
  }

  /**
   * Whether the cache has an entry for a file, so a caller can skip stating a file it must read anyway.
   *
   * @param name the file name inside the folder
   * @returns true when {@link HeaderCache.lookup} may find it
   */
  has(name: string): boolean {
    const text = this.#text;
    let at = -1;
    const cursor = this.#cursor;
    if (text.startsWith(name, cursor) && text.charCodeAt(cursor + name.length) === TAB) at = cursor;
    else if (text !== "") at = (this.#index ??= this.#buildIndex()).get(name) ?? -1;
    this.#foundName = name;
    this.#foundAt = at;
    return at >= 0;
  }

  #buildIndex(): Map<string, number> {
    const index = new Map<string, number>();
    const text = this.#text;
    for (let at = this.#entriesAt; at > 0 && at < text.length;) {
      const tab = text.indexOf("\t", at);
      const nl = text.indexOf("\n", at);
      if (tab >= 0 && (nl < 0 || tab < nl)) index.set(text.slice(at, tab), at);
      at = nl + 1;
    }
    return index;
  }

  /**
   * Whether the next entry, in order, is for this file with this stat (compared as text, nothing
   * parsed) and old enough to trust. Files must be given in file-name order from the first; after a
   * false the caller goes file by file instead ({@link HeaderCache.lookup}), which this does not
   * disturb.
   *
   * @param name the file name inside the folder
   * @param stamp the file's current stat
   * @returns true when the entry matches
   */
  matchNext(name: string, stamp: FileStamp): boolean {
    const text = this.#text;
    const at = this.#matchAt;
    const prefix = `${name}\t${stamp.size}\t${stamp.mtimeMs}\t${stamp.ctimeMs}\t${stamp.ino}\t`;
    if (!text.startsWith(prefix, at) || !isOldEnough(stamp, this.#oldScannedAt)) return false;
    const end = text.indexOf("\n", at + prefix.length);
    this.#matchAt = end < 0 ? text.length : end + 1;
    this.#matched++;
    return true;
  }

  /**
   * The revisions of the snapshot, when {@link HeaderCache.matchNext} matched every file of the folder
   * and those were all the entries: the folder is as it was at the last scan. The entries then count
   * as used, so {@link HeaderCache.save} has nothing to write.
   *
   * @param paths the paths of the files matched, in order (checked against the snapshot's)
   * @returns the revisions in file-name order, or `undefined` (no snapshot, another file count, a
   *   snapshot that does not parse or does not name these files): go file by file
   */
  snapshot(paths: readonly string[]): Revision[] | undefined {
    if (this.#snapshot === "" || this.#matched !== paths.length || paths.length !== this.#oldCount) {
      return undefined;
    }
    let revisions: { -readonly [K in keyof Revision]: Revision[K] | null }[];
    try {
      revisions = JSON.parse(this.#snapshot);
    } catch {
      return undefined;
    }
    if (!Array.isArray(revisions) || revisions.length !== paths.length) return undefined;
    for (let i = 0; i < paths.length; i++) {
      const r = revisions[i];
      if (typeof r !== "object" || r === null || r.path !== paths[i] || typeof r.revision !== "string") {
        return undefined;
      }
      // Absent texts are stored as null; a scanned header has them undefined.
      if (r.message === null) r.message = undefined;
      if (r.createDate === null) r.createDate = undefined;
    }
    this.#hits = this.#oldCount;
    return revisions as Revision[];
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
    if (this.#foundName !== name) this.has(name);
    const at = this.#foundAt;
    if (at < 0) return undefined;
    const text = this.#text;
    let end = text.indexOf("\n", at);
    if (end < 0) end = text.length;
    this.#cursor = end + 1;
    const line = text.slice(at, end);
    const f = line.split("\t");
    const mtimeMs = Number(f[2]);
    const ctimeMs = Number(f[3]);
    if (
      f.length !== 11 || Number(f[1]) !== stamp.size || mtimeMs !== stamp.mtimeMs ||
      ctimeMs !== stamp.ctimeMs || Number(f[4]) !== stamp.ino || f[5] === "" ||
      !isOldEnough(stamp, this.#oldScannedAt)
    ) {
      return undefined;
    }
    this.#lines.push(line);
    this.#hits++;
    return {
      revision: f[5],
      downRevisions: list(f[6]),
      branchLabels: list(f[7]),
      dependsOn: list(f[8]),
      path,
      message: optional(f[9]),
      createDate: optional(f[10]),
    };
  }

  /**
   * Records the header just read from a file. Not stored (so read again next time): files changed
   * within {@link racyWindowMs} of the scan, and headers with a tab or line break in a value or a
   * comma in a list item.
   *
   * @param name the file name inside the folder
   * @param stamp the file's stat, taken before it was read
   * @param revision the header as scanned (without error)
   */
  store(name: string, stamp: FileStamp, revision: Revision): void {
    this.#changed = true;
    if (!isOldEnough(stamp, this.#scannedAt)) return;
    const fields = [
      name,
      String(stamp.size),
      String(stamp.mtimeMs),
      String(stamp.ctimeMs),
      String(stamp.ino),
      revision.revision,
    ];
    for (const items of [revision.downRevisions, revision.branchLabels, revision.dependsOn]) {
      if (items.some((i) => i.includes(","))) return;
      fields.push(items.length === 0 ? "" : `+${items.join(",")}`);
    }
    for (const text of [revision.message, revision.createDate]) {
      fields.push(text === undefined ? "" : `+${text}`);
    }
    if (revision.revision === "" || fields.some((f) => UNSAFE.test(f))) return;
    this.#lines.push(fields.join("\t"));
  }

  /**
   * Writes the entries looked up or stored during this scan (entries of files that are gone are
   * dropped), atomically (a temporary file renamed over the old one), and only when they differ from
   * what was read. Any error is ignored: the cache is an optimisation.
   *
   * @param revisions every revision of the folder's scan, in file-name order, for the snapshot; it is
   *   written only when each has an entry (none was too recent or unsafe to store)
   */
  save(revisions?: readonly Revision[]): void {
    if (!this.#changed && this.#hits === this.#oldCount) return;
    // Kept in file-name order so the next scan's lookups hit the cursor.
    const lines = this.#lines.sort();
    const snapshot = revisions !== undefined && revisions.length === lines.length
      ? JSON.stringify(revisions.map(plainRevision))
      : "";
    const text = [`${FORMAT}\t${this.#scannedAt}\t${lines.length}\t${this.#dir}`, snapshot, ...lines].join(
      "\n",
    );
    const root = dirname(this.#file);
    const temp = `${this.#file}.${process.pid}.tmp`;
    try {
      mkdirSync(root, { recursive: true, mode: 0o700 });
      writeFileSync(temp, text, { mode: 0o600 });
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
    if (Math.random() < 1 / 32) pruneOld(root, this.#scannedAt, this.#file);
  }
}

/** A revision as the snapshot stores it: the fields a header gives, `null` for an absent text. */
function plainRevision(r: Revision): Record<string, unknown> {
  return {
    revision: r.revision,
    downRevisions: r.downRevisions,
    branchLabels: r.branchLabels,
    dependsOn: r.dependsOn,
    path: r.path,
    message: r.message ?? null,
    createDate: r.createDate ?? null,
  };
}

function isOldEnough(stamp: FileStamp, scannedAt: number): boolean {
  const limit = scannedAt - racyWindowMs(stamp);
  return stamp.mtimeMs < limit && stamp.ctimeMs < limit;
}

function list(field: string): string[] {
  return field === "" ? [] : field.slice(1).split(",");
}

function optional(field: string): string | undefined {
  return field === "" ? undefined : field.slice(1);
}

function defaultCacheDir(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const xdg = env.XDG_CACHE_HOME;
  // The XDG spec says a relative value is invalid and must be ignored.
  if (xdg && isAbsolute(xdg)) return join(xdg, "retort");
  const home = env.HOME;
  if (home && isAbsolute(home)) return join(home, ".cache", "retort");
  return undefined;
}

/** Delete cache files not rewritten for {@link MAX_AGE_MS}, never `keep` (the file just written). */
function pruneOld(root: string, now: number, keep: string): void {
  try {
    for (const name of readdirSync(root)) {
      if (!name.startsWith("headers-")) continue;
      const path = join(root, name);
      // `now` may be a caller's clock (tests pass one): the file just written must survive any of them.
      if (path === keep) continue;
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
