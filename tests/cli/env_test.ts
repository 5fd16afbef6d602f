/**
 * Environments through `dist/migrate`: `env list` with masked URLs, `-e` and `MIGRATE_ENV`
 * choosing the section, and `.env` filling in variables that are not set.
 *
 * @module
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { assertEquals } from "../_assert.ts";
import { describeRun, withProject } from "./_project.ts";

const CONFIG = [
  `script_location = "migrations"`,
  `url = "sqlite:///dev.db"`,
  `[environments.staging]`,
  `url = "postgresql://deploy:s3cret@staging.internal:5432/app"`,
  `[environments.prod]`,
  `url = "\${PROD_URL}"`,
  ``,
].join("\n");

Deno.test("env list shows every environment with its URL masked and marks the selected one", async () => {
  await withProject("sqlite:///dev.db", [], async (project) => {
    writeFileSync(join(project.dir, "migrate.toml"), CONFIG);
    writeFileSync(join(project.dir, ".env"), "PROD_URL=mysql://root:hunter2@prod.internal/app\n");
    const r = await project.run(["env", "list"]);
    assertEquals(r.code, 0, describeRun(r));
    assertEquals(
      r.stdout,
      [
        `* (default)  sqlite:///${join(project.dir, "dev.db")}`,
        `  staging    postgresql://deploy:***@staging.internal:5432/app`,
        `  prod       mysql://root:***@prod.internal/app`,
        ``,
      ].join("\n"),
    );
    // A variable already set wins over .env; MIGRATE_ENV selects like -e.
    const env = { PROD_URL: "mysql://other:pw@db2/app", MIGRATE_ENV: "prod" };
    const selected = await project.run(["env", "list"], { env });
    assertEquals(selected.stdout.split("\n")[2], `* prod       mysql://other:***@db2/app`);
    const json = JSON.parse((await project.run(["--json", "-e", "staging", "env", "list"])).stdout);
    assertEquals(json.selected, "staging");
    assertEquals(json.environments[1], {
      environment: "staging",
      selected: true,
      url: "postgresql://deploy:***@staging.internal:5432/app",
    });
  });
});

Deno.test("env list reports an environment whose URL variable is unset instead of failing", async () => {
  await withProject("sqlite:///dev.db", [], async (project) => {
    writeFileSync(join(project.dir, "migrate.toml"), CONFIG);
    const r = await project.run(["env", "list"], { env: { PROD_URL: "" } });
    assertEquals(r.code, 0, describeRun(r));
    assertEquals(r.stdout.split("\n")[2].startsWith("  prod       (no url: "), true, r.stdout);
  });
});

Deno.test("-e selects the environment's url for current; an unknown environment exits 2", async () => {
  await withProject("sqlite:///dev.db", [], async (project) => {
    writeFileSync(
      join(project.dir, "migrate.toml"),
      CONFIG.replace("postgresql://deploy:s3cret@staging.internal:5432/app", "sqlite:///staging.db"),
    );
    const r = await project.run(["-e", "staging", "--json", "current"]);
    assertEquals(r.code, 0, describeRun(r));
    assertEquals(JSON.parse(r.stdout).url, `sqlite:///${join(project.dir, "staging.db")}`);
    const bad = await project.run(["-e", "nope", "current"]);
    assertEquals(bad.code, 2, describeRun(bad));
  });
});
