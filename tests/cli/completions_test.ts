/**
 * `migrate completions bash|zsh|fish` through `dist/migrate`; the bash script is loaded into a real
 * bash and asked for completions of commands, options, environment names and revisions.
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { assertEquals, assertStringIncludes } from "../_assert.ts";
import { BINARY, describeRun, type RevisionSpec, withProject } from "./_project.ts";

const REVS: RevisionSpec[] = [
  { id: "c0ffee000001", down: null, up: "", downSql: "" },
  { id: "c0ffee000002", down: "c0ffee000001", up: "", downSql: "" },
];

/** Ask the bash completion function for the words offered after `line` (ending with the word being typed). */
function bashComplete(dir: string, script: string, line: string): string[] {
  const words = line.split(" ");
  const program = [
    script,
    `COMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")})`,
    `COMP_CWORD=${words.length - 1}`,
    `_migrate_completions`,
    `printf '%s\\n' "\${COMPREPLY[@]}"`,
  ].join("\n");
  const r = spawnSync("bash", ["--norc", "-c", program], {
    cwd: dir,
    encoding: "utf8",
    env: { PATH: `${dirname(BINARY)}:/usr/bin:/bin`, NO_COLOR: "1" },
  });
  if (r.status !== 0) throw new Error(`bash failed: ${r.stderr}`);
  return r.stdout.split("\n").filter((w) => w !== "");
}

Deno.test("bash completion offers commands, options, environments and revisions", async () => {
  await withProject("sqlite:///app.db", REVS, async (project) => {
    writeFileSync(
      join(project.dir, "migrate.toml"),
      `script_location = "migrations"\nurl = "sqlite:///app.db"\n[environments.staging]\n[environments.prod]\n`,
    );
    const out = await project.run(["completions", "bash"]);
    assertEquals(out.code, 0, describeRun(out));
    const script = out.stdout;
    assertEquals(bashComplete(project.dir, script, "migrate up"), ["upgrade"]);
    assertEquals(bashComplete(project.dir, script, "migrate st"), ["stamp", "status"]);
    assertEquals(bashComplete(project.dir, script, "migrate -e "), ["staging", "prod"]);
    assertEquals(bashComplete(project.dir, script, "migrate upgrade c0ffee"), [
      "c0ffee000001",
      "c0ffee000002",
    ]);
    assertEquals(bashComplete(project.dir, script, "migrate upgrade he"), ["head", "heads"]);
    assertEquals(bashComplete(project.dir, script, "migrate upgrade --fl"), ["--fleet"]);
    assertEquals(bashComplete(project.dir, script, "migrate status --exit"), ["--exit-code"]);
    assertEquals(bashComplete(project.dir, script, "migrate completions "), ["bash", "zsh", "fish"]);
    assertEquals(bashComplete(project.dir, script, "migrate --statement"), ["--statement-timeout"]);
  });
});

Deno.test("zsh and fish completion scripts name the commands and call migrate for revisions", async () => {
  await withProject("sqlite:///app.db", REVS, async (project) => {
    const zsh = await project.run(["completions", "zsh"]);
    assertEquals(zsh.code, 0, describeRun(zsh));
    assertStringIncludes(zsh.stdout, "#compdef migrate\n");
    assertStringIncludes(zsh.stdout, "'upgrade:upgrade the database to a revision'");
    assertStringIncludes(zsh.stdout, `compadd -- \${(f)"$(migrate __complete revisions 2>/dev/null)"}`);
    const fish = await project.run(["completions", "fish"]);
    assertStringIncludes(
      fish.stdout,
      "complete -c migrate -s e -l env -x -a '(migrate __complete environments 2>/dev/null)'",
    );
    assertStringIncludes(
      fish.stdout,
      "complete -c migrate -n '__fish_seen_subcommand_from status' -l exit-code",
    );
    const bad = await project.run(["completions", "tcsh"]);
    assertEquals([bad.code, bad.stderr], [
      2,
      `Error: Cannot write completions for "tcsh": expected one of bash, zsh, fish\n`,
    ]);
  });
});

Deno.test("__complete revisions prints ids, labels and symbolic names; nothing outside a project", async () => {
  await withProject("sqlite:///app.db", REVS, async (project) => {
    const r = await project.run(["__complete", "revisions"]);
    assertEquals(r.stdout, "head\nheads\nbase\nc0ffee000001\nc0ffee000002\n");
    const none = await project.run(["-c", "missing.toml", "__complete", "revisions"]);
    assertEquals([none.code, none.stdout, none.stderr], [0, "", ""]);
  });
});
