/**
 * dist/migrate in an empty root holding only the binary and the libraries `ldd` lists (the layout
 * of examples/docker/Dockerfile's `FROM scratch` image), with /proc mounted as Docker does: `init`,
 * `upgrade head` on SQLite and `current` on PostgreSQL. Needs root (chroot, mount), as CI runs.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assertEquals } from "../_assert.ts";
import { withPostgresDatabase } from "../_db.ts";
import { layMinimalRoot } from "../../scripts/minimal_root.ts";
import { BINARY, requireBinary } from "./_project.ts";

function run(cmd: string, args: string[]): { code: number | null; out: string } {
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout: 60_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

Deno.test("dist/migrate runs in a root holding only itself and its shared libraries", async () => {
  requireBinary();
  const root = mkdtempSync(join(tmpdir(), "retort-minimal-root-"));
  const mounted = () => run("mountpoint", ["-q", join(root, "proc")]).code === 0;
  try {
    const files = layMinimalRoot(BINARY, root);
    assertEquals(files[0], "/bin/migrate");
    const mount = run("mount", ["-t", "proc", "proc", join(root, "proc")]);
    assertEquals(mount.code, 0, `Cannot mount /proc in the test root (this test needs root): ${mount.out}`);
    const inRoot = (...args: string[]) => run("chroot", [root, "/bin/migrate", ...args]);
    const init = inRoot("init", "/work/migrations");
    assertEquals(init.code, 0, init.out);
    assertEquals(existsSync(join(root, "migrate.toml")), true);
    writeFileSync(
      join(root, "work", "migrations", "versions", "a1_init.sql"),
      "-- revision: a1\n-- down_revision:\n\n-- migrate:up\nCREATE TABLE t (id INTEGER PRIMARY KEY);\n\n-- migrate:down\nDROP TABLE t;\n",
    );
    const up = inRoot("-c", "/migrate.toml", "--url", "sqlite:////work/app.db", "upgrade", "head");
    assertEquals(up.code, 0, up.out);
    const current = inRoot("-c", "/migrate.toml", "--url", "sqlite:////work/app.db", "current");
    assertEquals([current.code, current.out.trim()], [0, "a1 (head)"]);
    await withPostgresDatabase((url) => {
      const pg = inRoot("--url", url, "current");
      assertEquals([pg.code, pg.out.trim()], [0, ""]);
      return Promise.resolve();
    }, "minroot");
  } finally {
    if (mounted()) run("umount", [join(root, "proc")]);
    // Only delete what was laid out: never descend into a /proc still mounted.
    if (!mounted()) rmSync(root, { recursive: true, force: true });
  }
  assertEquals(mounted(), false, `Cannot unmount ${join(root, "proc")}; remove ${root} by hand`);
});
