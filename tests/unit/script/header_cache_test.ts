import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { assert, assertEquals } from "../../_assert.ts";
import { loadConfigSync } from "../../../lib/config/load_sync.ts";
import {
  FINE_RACY_WINDOW_MS,
  HeaderCache,
  RACY_WINDOW_MS,
  racyWindowMs,
} from "../../../lib/script/header_cache.ts";
import { scanHeader } from "../../../lib/script/header_scan.ts";
import { ScriptDirectory } from "../../../lib/script/script_directory.ts";
import type { Revision } from "../../../lib/revision/revision.ts";

function tempDir(): { dir: string; [Symbol.dispose](): void } {
  const dir = mkdtempSync(join(tmpdir(), "retort-cache-"));
  return { dir, [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }) };
}

function header(id: string, down: string | null, message = "first"): string {
  return `/**\n * ${message}\n *\n * Revision ID: ${id}\n * Create Date: 2026-01-01 00:00:00\n */\n` +
    `export const revision = "${id}";\nexport const downRevision = ${JSON.stringify(down)};\n` +
    `export const branchLabels = [];\nexport const dependsOn = [];\n`;
}

/** Writes revision files into `<root>/versions` and returns that folder. */
function versions(root: string, files: Record<string, string>): string {
  const dir = join(root, "versions");
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A scan time that makes every file written so far old enough to be stored. */
function later(): number {
  return Date.now() + RACY_WINDOW_MS + 10_000;
}

/** Stores every file of `dir` with its real stat, as a scan at `now` would, and saves. */
function fill(dir: string, cacheDir: string, now: number, edit?: (rev: Revision) => Revision): void {
  const cache = HeaderCache.open(dir, { cacheDir, now, env: {} })!;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const rev = scanHeader(path, readFileSync(path, "utf8"));
    cache.store(name, statSync(path), edit ? edit(rev) : rev);
  }
  cache.save();
}

function lookup(dir: string, cacheDir: string, name: string, now = later()): Revision | undefined {
  const cache = HeaderCache.open(dir, { cacheDir, now, env: {} })!;
  const path = join(dir, name);
  return cache.lookup(name, path, statSync(path));
}

/**
 * Waits until the file-system clock has moved past `after` (ms), so the next write gets a new ctime.
 * That clock is coarse: on this kind of VM it can stand still for most of a second.
 */
function tick(root: string, after: number): void {
  const probe = join(root, "probe");
  const deadline = performance.now() + 10_000;
  for (let i = 0; performance.now() < deadline; i++) {
    writeFileSync(probe, String(i));
    if (statSync(probe).ctimeMs > after) return;
  }
  throw new Error("Cannot advance the file-system clock");
}

Deno.test("HeaderCache returns a stored header unchanged while the file's stat matches", () => {
  using t = tempDir();
  const dir = versions(t.dir, { "a_one.ts": header("a", null), "b_two.ts": header("b", "a", "second") });
  const cacheDir = join(t.dir, "cache");
  fill(dir, cacheDir, later());
  const path = join(dir, "b_two.ts");
  assertEquals(lookup(dir, cacheDir, "b_two.ts"), scanHeader(path, readFileSync(path, "utf8")));
  assertEquals(lookup(dir, cacheDir, "b_two.ts"), {
    revision: "b",
    downRevisions: ["a"],
    branchLabels: [],
    dependsOn: [],
    path,
    message: "second",
    createDate: "2026-01-01 00:00:00",
  });
});

Deno.test("HeaderCache keeps lists, absent texts and empty texts apart", () => {
  using t = tempDir();
  const dir = versions(t.dir, { "m.ts": header("m", null) });
  const cacheDir = join(t.dir, "cache");
  const stored: Revision = {
    revision: "m",
    downRevisions: ["x", "y"],
    branchLabels: [""],
    dependsOn: [],
    path: join(dir, "m.ts"),
    message: undefined,
    createDate: "",
  };
  fill(dir, cacheDir, later(), () => stored);
  assertEquals(lookup(dir, cacheDir, "m.ts"), stored);
});

Deno.test("HeaderCache sees an in-place edit of the same size, even with the old mtime put back", () => {
  using t = tempDir();
  const dir = versions(t.dir, { "a.ts": header("a", null, "first") });
  const cacheDir = join(t.dir, "cache");
  const path = join(dir, "a.ts");
  const before = statSync(path);
  fill(dir, cacheDir, later());
  tick(t.dir, before.ctimeMs);
  writeFileSync(path, header("b", null, "other"));
  utimesSync(path, before.atime, before.mtime);
  const after = statSync(path);
  assertEquals([after.size, after.mtimeMs], [before.size, before.mtimeMs]);
  assertEquals(lookup(dir, cacheDir, "a.ts"), undefined);
});

Deno.test("HeaderCache misses when the size, mtime or inode differs", () => {
  using t = tempDir();
  const dir = versions(t.dir, { "a.ts": header("a", null) });
  const cacheDir = join(t.dir, "cache");
  fill(dir, cacheDir, later());
  const path = join(dir, "a.ts");
  const real = statSync(path);
  const cache = HeaderCache.open(dir, { cacheDir, now: later(), env: {} })!;
  const stamp = { size: real.size, mtimeMs: real.mtimeMs, ctimeMs: real.ctimeMs, ino: real.ino };
  assertEquals(cache.lookup("a.ts", path, { ...stamp, size: stamp.size + 1 }), undefined);
  assertEquals(cache.lookup("a.ts", path, { ...stamp, mtimeMs: stamp.mtimeMs + 1 }), undefined);
  assertEquals(cache.lookup("a.ts", path, { ...stamp, ctimeMs: stamp.ctimeMs + 1 }), undefined);
  assertEquals(cache.lookup("a.ts", path, { ...stamp, ino: stamp.ino + 1 }), undefined);
  assertEquals(cache.lookup("a.ts", path, stamp)?.revision, "a");
  assertEquals(cache.lookup("missing.ts", path, stamp), undefined);
});

Deno.test("HeaderCache does not store files changed within the racy window of the scan", () => {
  using t = tempDir();
  const dir = versions(t.dir, { "a.ts": header("a", null), "b.ts": header("b", "a") });
  const cacheDir = join(t.dir, "cache");
  const st = statSync(join(dir, "a.ts"));
  // The scan starts just under the window after the files' last change: neither may be trusted.
  const now = Math.max(st.mtimeMs, st.ctimeMs) + RACY_WINDOW_MS - 1;
  fill(dir, cacheDir, now);
  assertEquals(lookup(dir, cacheDir, "a.ts"), undefined);
  // The header line and an empty snapshot line, no entry.
  assertEquals(
    readFileSync(HeaderCache.open(dir, { cacheDir, env: {} })!.file, "utf8").split("\n"),
    [readFileSync(HeaderCache.open(dir, { cacheDir, env: {} })!.file, "utf8").split("\n")[0], ""],
  );
  // Stored at a scan long enough after the change, they are trusted.
  fill(dir, cacheDir, now + 2);
  assertEquals(lookup(dir, cacheDir, "a.ts")?.revision, "a");
});

Deno.test("HeaderCache waits a shorter window for timestamps with a sub-millisecond part", () => {
  using t = tempDir();
  const cacheDir = join(t.dir, "cache");
  const dir = "/project/versions";
  const rev: Revision = {
    revision: "a",
    downRevisions: [],
    branchLabels: [],
    dependsOn: [],
    path: `${dir}/a.ts`,
    message: undefined,
    createDate: undefined,
  };
  const at = 1_800_000_000_000;
  const fine = { size: 10, mtimeMs: at + 0.25, ctimeMs: at + 0.5, ino: 7 };
  const coarse = { size: 10, mtimeMs: at, ctimeMs: at + 0.5, ino: 7 };
  assertEquals([racyWindowMs(fine), racyWindowMs(coarse)], [FINE_RACY_WINDOW_MS, RACY_WINDOW_MS]);
  const storeAt = (now: number, stamp: typeof fine) => {
    const cache = HeaderCache.open(dir, { cacheDir, now, env: {} })!;
    cache.store("a.ts", stamp, rev);
    cache.save();
    return HeaderCache.open(dir, { cacheDir, now: now + 60_000, env: {} })!.lookup("a.ts", rev.path, stamp);
  };
  assertEquals(storeAt(at + FINE_RACY_WINDOW_MS, fine), undefined);
  assertEquals(storeAt(at + FINE_RACY_WINDOW_MS + 1, fine), rev);
  assertEquals(storeAt(at + FINE_RACY_WINDOW_MS + 1, coarse), undefined);
  assertEquals(storeAt(at + RACY_WINDOW_MS + 1, coarse), rev);
});

Deno.test("HeaderCache does not trust entries newer than the window before the scan that wrote them", () => {
  using t = tempDir();
  const dir = versions(t.dir, { "a.ts": header("a", null) });
  const cacheDir = join(t.dir, "cache");
  fill(dir, cacheDir, later());
  const file = HeaderCache.open(dir, { cacheDir, env: {} })!.file;
  const st = statSync(join(dir, "a.ts"));
  // A cache file claiming a scan time inside the window (a wrong clock, or written by hand).
  const lines = readFileSync(file, "utf8").split("\n");
  const first = lines[0].split("\t");
  first[1] = String(Math.max(st.mtimeMs, st.ctimeMs) + 1);
  writeFileSync(file, [first.join("\t"), ...lines.slice(1)].join("\n"));
  assertEquals(lookup(dir, cacheDir, "a.ts"), undefined);
});

Deno.test("HeaderCache ignores a corrupt or foreign cache file and rewrites it", () => {
  using t = tempDir();
  const dir = versions(t.dir, { "a.ts": header("a", null) });
  const cacheDir = join(t.dir, "cache");
  fill(dir, cacheDir, later());
  const file = HeaderCache.open(dir, { cacheDir, env: {} })!.file;
  const good = readFileSync(file, "utf8");
  for (
    const bad of [
      "",
      "\0\0garbage\n\t\t",
      good.replace("retort-headers-3", "retort-headers-0"),
      good.replace(dir, join(t.dir, "other")),
      good.replace(/\n.*$/, "\na.ts\t1\t2"),
      good.replace(/\ta\t/, "\t\t"),
    ]
  ) {
    writeFileSync(file, bad);
    assertEquals(lookup(dir, cacheDir, "a.ts"), undefined);
  }
  // The next scan that reads the file writes a valid cache again.
  fill(dir, cacheDir, later());
  assertEquals(lookup(dir, cacheDir, "a.ts")?.revision, "a");
});

Deno.test("HeaderCache.save writes nothing when every entry was found unchanged", () => {
  using t = tempDir();
  const dir = versions(t.dir, { "a.ts": header("a", null), "b.ts": header("b", "a") });
  const cacheDir = join(t.dir, "cache");
  fill(dir, cacheDir, later());
  const file = HeaderCache.open(dir, { cacheDir, env: {} })!.file;
  writeFileSync(file, readFileSync(file, "utf8") + "\n");
  const marked = statSync(file);
  const both = HeaderCache.open(dir, { cacheDir, now: later(), env: {} })!;
  for (const name of ["a.ts", "b.ts"]) both.lookup(name, join(dir, name), statSync(join(dir, name)));
  both.save();
  assertEquals(statSync(file).ino, marked.ino);
  // A file that is gone drops its entry: the cache is rewritten.
  const one = HeaderCache.open(dir, { cacheDir, now: later(), env: {} })!;
  one.lookup("a.ts", join(dir, "a.ts"), statSync(join(dir, "a.ts")));
  one.save();
  assertEquals(readFileSync(file, "utf8").split("\n").length, 3);
});

Deno.test("HeaderCache does not store values the line format cannot hold", () => {
  using t = tempDir();
  const dir = versions(t.dir, { "a.ts": header("a", null) });
  const cacheDir = join(t.dir, "cache");
  const base = scanHeader(join(dir, "a.ts"), header("a", null));
  for (
    const odd of [
      { ...base, message: "tab\there" },
      { ...base, createDate: "line\nbreak" },
      { ...base, downRevisions: ["x,y"] },
    ]
  ) {
    fill(dir, cacheDir, later(), () => odd);
    assertEquals(lookup(dir, cacheDir, "a.ts"), undefined);
  }
});

Deno.test("HeaderCache.open is off with RETORT_NO_CACHE or without a cache folder", () => {
  assertEquals(HeaderCache.open("/x", { env: { RETORT_NO_CACHE: "1", HOME: "/h" } }), undefined);
  assertEquals(HeaderCache.open("/x", { env: {} }), undefined);
  assertEquals(HeaderCache.open("/x", { env: { HOME: "relative" } }), undefined);
  assertEquals(HeaderCache.open("/x\ty", { env: { HOME: "/h" } }), undefined);
  const home = HeaderCache.open("/x", { env: { HOME: "/h", RETORT_NO_CACHE: "0" } })!.file;
  assertEquals(home.startsWith("/h/.cache/retort/headers-") && home.endsWith(".tsv"), true);
  const xdg = HeaderCache.open("/x", { env: { HOME: "/h", XDG_CACHE_HOME: "/c" } })!.file;
  assertEquals(xdg.startsWith("/c/retort/headers-"), true);
  const other = HeaderCache.open("/y", { env: { HOME: "/h", XDG_CACHE_HOME: "/c" } })!.file;
  assertEquals(other === xdg, false);
});

Deno.test("HeaderCache.save fails silently when the cache folder cannot be written", () => {
  using t = tempDir();
  const dir = versions(t.dir, { "a.ts": header("a", null) });
  writeFileSync(join(t.dir, "file"), "");
  fill(dir, join(t.dir, "file", "cache"), later());
  if (process.getuid?.() !== 0) {
    const readOnly = join(t.dir, "ro");
    mkdirSync(readOnly, { mode: 0o500 });
    fill(dir, join(readOnly, "cache"), later());
    chmodSync(readOnly, 0o700);
    assertEquals(readdirSync(readOnly), []);
  }
});

Deno.test("ScriptDirectory.loadRevisions uses the header cache and re-reads edited files", () => {
  using t = tempDir();
  writeFileSync(join(t.dir, "migrate.toml"), 'script_location = "."');
  const dir = versions(t.dir, { "a_one.ts": header("a", null, "first"), "b_two.ts": header("b", "a") });
  const cacheDir = join(t.dir, "cache");
  const saved = { xdg: process.env.XDG_CACHE_HOME, off: process.env.RETORT_NO_CACHE };
  process.env.XDG_CACHE_HOME = cacheDir;
  delete process.env.RETORT_NO_CACHE;
  try {
    const scripts = ScriptDirectory.fromConfig(loadConfigSync({ cwd: t.dir, environ: {} }));
    const cold = scripts.loadRevisions();
    assertEquals(cold.map((r) => [r.revision, r.downRevisions, r.message]), [["a", [], "first"], [
      "b",
      ["a"],
      "first",
    ]]);
    // An entry that differs from its file proves the file was not read.
    fill(
      dir,
      join(cacheDir, "retort"),
      later(),
      (r) => ({ ...r, message: r.revision === "a" ? "cached" : r.message }),
    );
    assertEquals(scripts.loadRevisions().map((r) => r.message), ["cached", "first"]);
    // A different size (the same-size case is the HeaderCache test above).
    writeFileSync(join(dir, "a_one.ts"), header("a", null, "fresh!"));
    assertEquals(scripts.loadRevisions().map((r) => r.message), ["fresh!", "first"]);
    process.env.RETORT_NO_CACHE = "1";
    assertEquals(
      scripts.loadRevisions(),
      cold.map((r) => r.revision === "a" ? { ...r, message: "fresh!" } : r),
    );
  } finally {
    if (saved.xdg === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = saved.xdg;
    if (saved.off === undefined) delete process.env.RETORT_NO_CACHE;
    else process.env.RETORT_NO_CACHE = saved.off;
  }
});

Deno.test("ScriptDirectory.loadRevisionsInterleaved returns what loadRevisions does", async () => {
  using t = tempDir();
  writeFileSync(join(t.dir, "migrate.toml"), 'script_location = "."');
  const files: Record<string, string> = {};
  for (let i = 0; i < 300; i++) files[`r${i}.ts`] = header(`r${i}`, i === 0 ? null : `r${i - 1}`);
  versions(t.dir, files);
  const scripts = ScriptDirectory.fromConfig(loadConfigSync({ cwd: t.dir, environ: {} }));
  assertEquals(await scripts.loadRevisionsInterleaved(0), scripts.loadRevisions());
});

/** Sleeps until every file of `dir` is older than the racy window, so a scan may store it. */
async function pastRacyWindow(dir: string): Promise<void> {
  let until = 0;
  for (const name of readdirSync(dir)) {
    const st = statSync(join(dir, name));
    until = Math.max(until, Math.max(st.mtimeMs, st.ctimeMs) + racyWindowMs(st) + 20);
  }
  const wait = until - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

Deno.test("ScriptDirectory.loadRevisions takes an unchanged folder from the cache's snapshot", async () => {
  using t = tempDir();
  writeFileSync(join(t.dir, "migrate.toml"), 'script_location = "."');
  const dir = versions(t.dir, {
    "a_one.ts": header("a", null, "first"),
    "b_two.ts": header("b", "a", "second"),
    "c_three.sql": "-- revision: c\n-- down_revision: b\n\n-- migrate:up\nselect 1;\n",
  });
  const cacheDir = join(t.dir, "cache");
  const saved = { xdg: process.env.XDG_CACHE_HOME, off: process.env.RETORT_NO_CACHE };
  process.env.XDG_CACHE_HOME = cacheDir;
  delete process.env.RETORT_NO_CACHE;
  try {
    await pastRacyWindow(dir);
    const scripts = ScriptDirectory.fromConfig(loadConfigSync({ cwd: t.dir, environ: {} }));
    const cold = scripts.loadRevisions();
    const file = HeaderCache.open(dir, { env: { XDG_CACHE_HOME: cacheDir } })!.file;
    const [, snapshot, ...entries] = readFileSync(file, "utf8").split("\n");
    assertEquals(entries.length, 3);
    assertEquals(JSON.parse(snapshot).map((r: Revision) => r.revision), ["a", "b", "c"]);
    // Same revisions, same shape (absent texts undefined, not null) as a scan that read the files.
    assertEquals(scripts.loadRevisions(), cold);

    // A snapshot that differs from the entries proves it was used: nothing was parsed line by line.
    writeFileSync(file, readFileSync(file, "utf8").replace('"message":"second"', '"message":"snapshot"'));
    assertEquals(scripts.loadRevisions().map((r) => r.message), ["first", "snapshot", undefined]);

    // A snapshot naming other files is ignored: the entries are used.
    writeFileSync(file, readFileSync(file, "utf8").replace(`${dir}/b_two.ts`, `${dir}/x.ts`));
    assertEquals(scripts.loadRevisions().map((r) => r.message), ["first", "second", undefined]);

    // An edited file, a new file and a removed file each send the scan file by file.
    writeFileSync(join(dir, "b_two.ts"), header("b", "a", "edited!"));
    assertEquals(scripts.loadRevisions().map((r) => r.message), ["first", "edited!", undefined]);
    writeFileSync(join(dir, "d_four.ts"), header("d", "c", "fourth"));
    assertEquals(scripts.loadRevisions().map((r) => r.revision), ["a", "b", "c", "d"]);
    rmSync(join(dir, "a_one.ts"));
    writeFileSync(join(dir, "b_two.ts"), header("b", null, "base now"));
    assertEquals(scripts.loadRevisions().map((r) => [r.revision, r.message]), [
      ["b", "base now"],
      ["c", undefined],
      ["d", "fourth"],
    ]);
    // Once the changes are old enough the snapshot is written again and used.
    await pastRacyWindow(dir);
    const fresh = scripts.loadRevisions();
    assert(readFileSync(file, "utf8").split("\n")[1].includes('"message":"base now"'), "snapshot rewritten");
    assertEquals(scripts.loadRevisions(), fresh);
  } finally {
    if (saved.xdg === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = saved.xdg;
    if (saved.off === undefined) delete process.env.RETORT_NO_CACHE;
    else process.env.RETORT_NO_CACHE = saved.off;
  }
});
