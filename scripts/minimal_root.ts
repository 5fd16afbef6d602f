/**
 * Lays out a minimal root folder for `dist/migrate`, as `examples/docker/Dockerfile` does for a
 * `FROM scratch` image: the binary at /bin/migrate, exactly the shared libraries `ldd` lists, an
 * empty /tmp, /work and /proc (to mount). Used by tests/cli/minimal_root_test.ts.
 *
 * Run: `deno run -A scripts/minimal_root.ts DIR`
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import process from "node:process";

/**
 * The shared libraries a binary loads, as absolute paths (from `ldd`).
 *
 * @param binary the executable
 * @returns the library paths, the dynamic loader included
 * @throws {Error} when `ldd` fails
 */
export function sharedLibraries(binary: string): string[] {
  const r = spawnSync("ldd", [binary], { encoding: "utf8" });
  if (r.status !== 0) {
    throw new Error(`Cannot list the libraries of ${binary}: ldd exited ${r.status}: ${r.stderr}`);
  }
  return [...r.stdout.matchAll(/(\/[^\s]+)/g)].map((m) => m[1]);
}

/**
 * Fill `root` with the binary and its libraries.
 *
 * @param binary the executable to copy to /bin/migrate
 * @param root the folder (created)
 * @returns the files copied, relative to `root`
 */
export function layMinimalRoot(binary: string, root: string): string[] {
  const files = ["/bin/migrate", ...sharedLibraries(binary)];
  for (const dir of ["bin", "tmp", "work", "proc"]) mkdirSync(join(root, dir), { recursive: true });
  chmodSync(join(root, "tmp"), 0o1777);
  copyFileSync(binary, join(root, "bin", "migrate"));
  chmodSync(join(root, "bin", "migrate"), 0o755);
  for (const lib of files.slice(1)) {
    mkdirSync(join(root, dirname(lib)), { recursive: true });
    copyFileSync(lib, join(root, lib));
  }
  return files;
}

if (import.meta.main) {
  const root = process.argv[2];
  if (!root) {
    console.error(
      "Cannot lay out a root: give the folder, e.g. deno run -A scripts/minimal_root.ts /tmp/root",
    );
    process.exit(2);
  }
  const here = dirname(new URL(import.meta.url).pathname);
  console.log(layMinimalRoot(join(here, "..", "dist", "migrate"), root).join("\n"));
}
