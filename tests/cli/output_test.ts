/**
 * Human output through `dist/migrate`: plain lines when piped, colours only with FORCE_COLOR or a
 * terminal (never with NO_COLOR), a spinner and marks on a terminal (a pseudo-terminal from
 * `script`), `-q` printing only errors; and the table and colour helpers.
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import { assert, assertEquals, assertStringIncludes } from "../_assert.ts";
import { withPostgresDatabase } from "../_db.ts";
import { formatTable } from "../../lib/output/table.ts";
import { colorsEnabled, createPalette } from "../../lib/output/colors.ts";
import { BINARY, describeRun, type RevisionSpec, withProject } from "./_project.ts";

const REVS: RevisionSpec[] = [
  {
    id: "0e0000000001",
    down: null,
    message: "first",
    up: "CREATE TABLE a (id INTEGER);",
    downSql: "DROP TABLE a;",
  },
  {
    id: "0e0000000002",
    down: "0e0000000001",
    message: "second",
    up: "CREATE TABLE b (id INTEGER);",
    downSql: "DROP TABLE b;",
  },
];

const ESC = "\x1b[";

Deno.test("upgrade piped prints one plain line per revision and the summary", async () => {
  await withProject("sqlite:///app.db", REVS, async (project) => {
    const r = await project.run(["upgrade", "head"]);
    assertEquals(r.code, 0, describeRun(r));
    assertEquals(
      r.stdout.replace(/\d+ ms/g, "T"),
      "Running upgrade  -> 0e0000000001, first (T)\nRunning upgrade 0e0000000001 -> 0e0000000002, second (T)\n" +
        "Applied 2 revisions in T; now at 0e0000000002\n",
    );
    assert(!r.stdout.includes(ESC), "no escape codes when piped");
  });
});

Deno.test("FORCE_COLOR colours piped output; NO_COLOR wins over a terminal", async () => {
  await withProject("sqlite:///app.db", REVS, async (project) => {
    const r = await project.run(["upgrade", "head"], { env: { NO_COLOR: "", FORCE_COLOR: "1" } });
    assertStringIncludes(r.stdout, `${ESC}2m(`);
    await project.run(["downgrade", "base"]);
    const tty = spawnSync("env", ["-u", "CI", "script", "-qec", `${BINARY} upgrade head`, "/dev/null"], {
      cwd: project.dir,
      encoding: "utf8",
      env: terminalEnv({ NO_COLOR: "1", FORCE_COLOR: "" }),
    });
    assertEquals(tty.status, 0, tty.stdout);
    assertStringIncludes(tty.stdout, "✔ Running upgrade  -> 0e0000000001, first (");
    assert(!tty.stdout.includes(`${ESC}3`), `no colour codes with NO_COLOR: ${JSON.stringify(tty.stdout)}`);
  });
});

Deno.test("a slow revision shows a spinner on a terminal, then its line with the elapsed time", async () => {
  await withPostgresDatabase(async (url) => {
    const slow: RevisionSpec[] = [{
      id: "0e0000000009",
      down: null,
      message: "slow",
      up: "SELECT pg_sleep(0.8);",
      downSql: "",
    }];
    await withProject(url, slow, (project) => {
      const tty = spawnSync("env", ["-u", "CI", "script", "-qec", `${BINARY} upgrade head`, "/dev/null"], {
        cwd: project.dir,
        encoding: "utf8",
        env: terminalEnv({ NO_COLOR: "1" }),
      });
      assertEquals(tty.status, 0, tty.stdout);
      // The spinner redraws its line (cursor to column 1, erase line) while the step runs.
      assertStringIncludes(tty.stdout, `${ESC}1G${ESC}2K`);
      assertStringIncludes(tty.stdout, "Running upgrade  -> 0e0000000009, slow (");
      assert(/✔ Running upgrade {2}-> 0e0000000009, slow \(\d+ ms\)/.test(tty.stdout), tty.stdout);
      assertStringIncludes(tty.stdout, "Applied 1 revision in ");
      return Promise.resolve();
    });
  }, "out");
});

Deno.test("-q prints nothing on success and only the error on failure", async () => {
  await withProject("sqlite:///app.db", REVS, async (project) => {
    const ok = await project.run(["-q", "upgrade", "head"]);
    assertEquals([ok.code, ok.stdout, ok.stderr], [0, "", ""]);
    const bad = await project.run(["-q", "upgrade", "nosuchrev"]);
    assertEquals(bad.code, 2);
    assertEquals(bad.stdout, "");
    assert(bad.stderr.startsWith("Error: "), bad.stderr);
  });
});

Deno.test("formatTable pads columns, right-aligns numbers and colours after padding", () => {
  const red = (s: string) => `<${s}>`;
  assertEquals(
    formatTable(["DB", "N", "RESULT"], [["a", "1", "ok"], ["long-name", "12", {
      text: "failed",
      paint: red,
    }]], {
      rightAlign: [1],
    }),
    "DB          N  RESULT\na           1  ok\nlong-name  12  <failed>",
  );
});

Deno.test("colorsEnabled follows FORCE_COLOR, then NO_COLOR, then the terminal", () => {
  assertEquals(colorsEnabled({ isTTY: false }, { FORCE_COLOR: "1" }), true);
  assertEquals(colorsEnabled({ isTTY: true }, { FORCE_COLOR: "0" }), false);
  assertEquals(colorsEnabled({ isTTY: true }, { NO_COLOR: "1" }), false);
  assertEquals(colorsEnabled({ isTTY: true }, {}), true);
  assertEquals(colorsEnabled({ isTTY: false }, {}), false);
  assertEquals(colorsEnabled({ isTTY: true }, { TERM: "dumb" }), false);
  assertEquals(createPalette(false).red("x"), "x");
  assertEquals(createPalette(true).red("x"), "\x1b[31mx\x1b[39m");
});

/**
 * The environment of a process on a pseudo-terminal, without `CI`: the spinner library draws
 * static lines when `CI` is set (as it is in CI runs), and these tests are about the terminal.
 * (Deno's `spawnSync` adds the parent's variables back, so the command also runs under `env -u CI`.)
 */
function terminalEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = { ...Deno.env.toObject(), ...extra };
  delete env.CI;
  return env;
}
