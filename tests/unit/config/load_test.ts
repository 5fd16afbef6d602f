import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { assertEquals, assertRejects, assertThrows } from "../../_assert.ts";
import { parseDotEnv } from "../../../lib/config/dot_env.ts";
import { requireConfigFile } from "../../../lib/config/find_config_file.ts";
import { loadConfig } from "../../../lib/config/load.ts";
import { requireUrl } from "../../../lib/config/select_url.ts";
import { loadConfigSync } from "../../../lib/config/load_sync.ts";
import { ConfigError } from "../../../lib/errors.ts";

/** A temp folder holding `files`; removed by the returned function. */
function project(files: Record<string, string>): { dir: string; [Symbol.dispose](): void } {
  const dir = mkdtempSync(join(tmpdir(), "retort-config-"));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return { dir, [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }) };
}

function configError(fn: () => unknown): ConfigError {
  return assertThrows(fn, ConfigError);
}

Deno.test("loadConfig fills in every default from an empty migrate.toml", async () => {
  using p = project({ "migrate.toml": "" });
  const config = await loadConfig({ cwd: p.dir, environ: {} });
  assertEquals(config, {
    file: join(p.dir, "migrate.toml"),
    root: p.dir,
    scriptLocation: join(p.dir, "migrations"),
    versionLocations: [join(p.dir, "migrations", "versions")],
    url: undefined,
    urlProblem: undefined,
    versionTable: "alembic_version",
    versionTableSchema: undefined,
    transactionPerMigration: true,
    fileTemplate: "%(rev)s_%(slug)s",
    truncateSlugLength: 40,
    timezone: "UTC",
    schema: undefined,
    compareType: true,
    compareServerDefault: true,
    includeTables: ["*"],
    excludeTables: [],
    postWriteHooks: [],
    lockTimeoutMs: 60000,
    revisionFormat: "ts",
    lintIgnore: [],
    fleet: undefined,
    x: {},
    environment: undefined,
    databaseName: undefined,
    environmentNames: [],
    databaseNames: [],
  });
});

Deno.test("loadConfig reads every key and resolves paths against the config folder", () => {
  using p = project({
    "conf/migrate.toml": `
script_location = "db/migrations"
url = "sqlite:///data/app.db"
version_locations = ["db/a", "db/b"]
version_table = "versions"
version_table_schema = "meta"
transaction_per_migration = false
file_template = "%(year)d_%(rev)s"
truncate_slug_length = 20
timezone = "Europe/Paris"
schema = "db/schema.ts"
compare_type = false
compare_server_default = false
include_tables = ["a*"]
exclude_tables = ["tmp_*"]
post_write_hooks = ["deno fmt {file}"]
lock_timeout = 2.5
revision_format = "sql"

[fleet]
urls_file = "tenants.txt"
concurrency = 3
`,
  });
  const root = join(p.dir, "conf");
  const config = loadConfigSync({ cwd: p.dir, configPath: "conf/migrate.toml", environ: {}, x: { a: "1" } });
  assertEquals(config, {
    file: join(root, "migrate.toml"),
    root,
    scriptLocation: join(root, "db/migrations"),
    versionLocations: [join(root, "db/a"), join(root, "db/b")],
    url: `sqlite:///${root}/data/app.db`,
    urlProblem: undefined,
    versionTable: "versions",
    versionTableSchema: "meta",
    transactionPerMigration: false,
    fileTemplate: "%(year)d_%(rev)s",
    truncateSlugLength: 20,
    timezone: "Europe/Paris",
    schema: join(root, "db/schema.ts"),
    compareType: false,
    compareServerDefault: false,
    includeTables: ["a*"],
    excludeTables: ["tmp_*"],
    postWriteHooks: ["deno fmt {file}"],
    lockTimeoutMs: 2500,
    revisionFormat: "sql",
    lintIgnore: [],
    fleet: { urls: undefined, urlsFile: join(root, "tenants.txt"), concurrency: 3 },
    x: { a: "1" },
    environment: undefined,
    databaseName: undefined,
    environmentNames: [],
    databaseNames: [],
  });
});

Deno.test("loadConfig prefers migrate.toml, then migrate.json", () => {
  {
    using p = project({ "migrate.toml": 'version_table = "t"', "migrate.json": '{"version_table": "j"}' });
    assertEquals(loadConfigSync({ cwd: p.dir, environ: {} }).versionTable, "t");
  }
  {
    using p = project({ "migrate.json": '{"version_table": "j", "include_tables": ["x"]}' });
    const config = loadConfigSync({ cwd: p.dir, environ: {} });
    assertEquals([config.file, config.versionTable, config.includeTables], [
      join(p.dir, "migrate.json"),
      "j",
      ["x"],
    ]);
  }
});

Deno.test("loadConfig with a missing -c file names it", () => {
  using p = project({});
  const error = configError(() => loadConfigSync({ cwd: p.dir, configPath: "nope.toml", environ: {} }));
  assertEquals(error.message, `Cannot find config file "${join(p.dir, "nope.toml")}": no such file`);
  assertEquals(error.file, join(p.dir, "nope.toml"));
});

Deno.test("loadConfig without a config file uses --url, then DATABASE_URL, relative to cwd", () => {
  using p = project({});
  const fromFlag = loadConfigSync({
    cwd: p.dir,
    url: "sqlite:///x.db",
    environ: { DATABASE_URL: "sqlite:///y.db" },
  });
  assertEquals([fromFlag.file, fromFlag.root, fromFlag.url], [undefined, p.dir, `sqlite:///${p.dir}/x.db`]);
  const fromEnv = loadConfigSync({ cwd: p.dir, environ: { DATABASE_URL: "postgresql://u:p@h/db" } });
  assertEquals(fromEnv.url, "postgresql://u:p@h/db");
  assertEquals(loadConfigSync({ cwd: p.dir, environ: {} }).url, undefined);
});

Deno.test("requireConfigFile says where it looked", () => {
  using p = project({});
  const config = loadConfigSync({ cwd: p.dir, url: "sqlite://:memory:", environ: {} });
  const error = configError(() => requireConfigFile(config));
  assertEquals(
    error.message,
    `Cannot find a config file: looked for migrate.toml and migrate.json in ${p.dir}; ` +
      `create one with "migrate init", or pass -c PATH`,
  );
});

Deno.test("requireConfigFile returns the file when there is one", () => {
  using p = project({ "migrate.toml": "" });
  assertEquals(requireConfigFile(loadConfigSync({ cwd: p.dir, environ: {} })), join(p.dir, "migrate.toml"));
});

Deno.test("loadConfig without a config file rejects -n and -e", () => {
  using p = project({});
  assertEquals(
    configError(() => loadConfigSync({ cwd: p.dir, name: "analytics", environ: {} })).message,
    `Cannot select database "analytics": no config file (looked for migrate.toml and migrate.json in ${p.dir})`,
  );
  assertEquals(
    configError(() => loadConfigSync({ cwd: p.dir, env: "staging", environ: {} })).message,
    `Cannot select environment "staging": no config file (looked for migrate.toml and migrate.json in ${p.dir})`,
  );
});

Deno.test("loadConfig interpolates ${NAME} and ${NAME:-default}", () => {
  using p = project({
    "migrate.toml": [
      'script_location = "${DIR:-mig}"',
      'version_table = "${PREFIX}_version"',
      'post_write_hooks = ["${FMT:-deno fmt} {file}"]',
      'url = "postgresql://${USER}:${PASS:-x}@h/db"',
    ].join("\n"),
  });
  const config = loadConfigSync({
    cwd: p.dir,
    environ: { PREFIX: "app", USER: "me", PASS: "", FMT: "prettier" },
  });
  assertEquals(config.scriptLocation, join(p.dir, "mig"));
  assertEquals(config.versionTable, "app_version");
  assertEquals(config.postWriteHooks, ["prettier {file}"]);
  assertEquals(config.url, "postgresql://me:x@h/db");
});

Deno.test("loadConfig names file, line and key of an unset variable", () => {
  using p = project({ "migrate.toml": '\n\nversion_table = "${PREFIX}_version"\n' });
  const file = join(p.dir, "migrate.toml");
  const error = configError(() => loadConfigSync({ cwd: p.dir, environ: {} }));
  assertEquals(
    error.message,
    `Cannot load config ${file}:3: "version_table" uses \${PREFIX}, which is not set (set it, or write \${PREFIX:-default})`,
  );
  assertEquals([error.name, error.file, error.key, error.line], ["ConfigError", file, "version_table", 3]);
});

Deno.test("loadConfig rejects a malformed ${...}", () => {
  using p = project({ "migrate.toml": 'version_table = "${A-B}"' });
  const file = join(p.dir, "migrate.toml");
  assertEquals(
    configError(() => loadConfigSync({ cwd: p.dir, environ: {} })).message,
    `Cannot load config ${file}:1: "version_table" holds "\${A-B}": expected \${NAME} or \${NAME:-default}`,
  );
});

Deno.test("loadConfig defers an unset variable in url until a URL is needed", () => {
  using p = project({ "migrate.toml": 'url = "${APP_URL}"' });
  const file = join(p.dir, "migrate.toml");
  const config = loadConfigSync({ cwd: p.dir, environ: {} });
  const message =
    `Cannot load config ${file}:1: "url" uses \${APP_URL}, which is not set (set it, or write \${APP_URL:-default})`;
  assertEquals([config.url, config.urlProblem], [undefined, message]);
  const error = configError(() => requireUrl(config));
  assertEquals([error.message, error.file, error.key], [message, file, "url"]);
  // DATABASE_URL and --url fill in for it.
  assertEquals(loadConfigSync({ cwd: p.dir, environ: { DATABASE_URL: "mysql://h/a" } }).url, "mysql://h/a");
  assertEquals(loadConfigSync({ cwd: p.dir, url: "mysql://h/b", environ: {} }).url, "mysql://h/b");
});

Deno.test("loadConfig url precedence: --url, then the file, then DATABASE_URL", () => {
  using p = project({ "migrate.toml": 'url = "mysql://h/file"' });
  const environ = { DATABASE_URL: "mysql://h/env" };
  assertEquals(loadConfigSync({ cwd: p.dir, url: "mysql://h/flag", environ }).url, "mysql://h/flag");
  assertEquals(loadConfigSync({ cwd: p.dir, environ }).url, "mysql://h/file");
  using q = project({ "migrate.toml": "" });
  assertEquals(loadConfigSync({ cwd: q.dir, environ }).url, "mysql://h/env");
});

Deno.test("requireUrl explains how to give a URL", () => {
  using p = project({ "migrate.toml": "" });
  const file = join(p.dir, "migrate.toml");
  assertEquals(
    configError(() => requireUrl(loadConfigSync({ cwd: p.dir, environ: {} }))).message,
    `Cannot find a database URL: set "url" in ${file}, the DATABASE_URL variable or --url`,
  );
});

Deno.test("loadConfig keeps SQLite URLs of --url relative to cwd and of the file relative to its folder", () => {
  using p = project({ "sub/migrate.toml": 'url = "sqlite:///app.db?mode=rwc"' });
  const sub = join(p.dir, "sub");
  assertEquals(
    loadConfigSync({ cwd: p.dir, configPath: "sub/migrate.toml", environ: {} }).url,
    `sqlite:///${sub}/app.db?mode=rwc`,
  );
  assertEquals(
    loadConfigSync({ cwd: p.dir, configPath: "sub/migrate.toml", url: "sqlite:///cli.db", environ: {} }).url,
    `sqlite:///${p.dir}/cli.db`,
  );
  assertEquals(
    loadConfigSync({ cwd: p.dir, configPath: "sub/migrate.toml", url: "sqlite://:memory:", environ: {} }).url,
    "sqlite://:memory:",
  );
});

Deno.test("loadConfig rejects a bad url in the file naming key and line, masking the password", () => {
  using p = project({ "migrate.toml": 'url = "oracle://u:secret@h/db"' });
  const file = join(p.dir, "migrate.toml");
  const error = configError(() => loadConfigSync({ cwd: p.dir, environ: {} }));
  assertEquals(
    error.message,
    `Cannot load config ${file}:1: "url" is not a valid database URL: unsupported scheme "oracle" (expected sqlite, postgresql, postgres, mysql or mariadb) (got "oracle://u:***@h/db")`,
  );
  assertEquals([error.key, error.line], ["url", 1]);
});

Deno.test("loadConfig reads .env beside the config without overriding set variables", () => {
  using p = project({
    "migrate.toml": 'version_table = "${A}_${B}_${C}"',
    ".env":
      "# comment\nexport A=from_file\nB='single # kept'\nC=\"dq\\tx\" # trailing\n\nDATABASE_URL=sqlite:///dot.db\n",
  });
  const config = loadConfigSync({ cwd: p.dir, environ: { A: "from_env" } });
  assertEquals(config.versionTable, "from_env_single # kept_dq\tx");
  assertEquals(config.url, `sqlite:///${p.dir}/dot.db`);
});

Deno.test("parseDotEnv reads values and names the line of a bad one", () => {
  assertEquals(parseDotEnv("A=1\nB = two words # c\nC=\"a\\nb\"\nD=''\n", "/p/.env"), {
    A: "1",
    B: "two words",
    C: "a\nb",
    D: "",
  });
  const error = configError(() => parseDotEnv("A=1\nnot a line\n", "/p/.env"));
  assertEquals([error.message, error.line], ["Cannot read /p/.env:2: expected KEY=VALUE", 2]);
  assertEquals(
    configError(() => parseDotEnv('A="open', "/p/.env")).message,
    'Cannot read /p/.env:1: unterminated " quote',
  );
});

const ENVS = `url = "sqlite:///dev.db"
version_table = "v"

[environments.staging]
url = "postgresql://s/db"
version_table = "staging_v"

[environments.prod]
url = "postgresql://p/db"

[databases.analytics]
url = "mysql://a/db"
script_location = "migrations/analytics"

[databases.analytics.environments.prod]
url = "mysql://prod-a/db"
`;

Deno.test("loadConfig applies the environment from -e or MIGRATE_ENV", () => {
  using p = project({ "migrate.toml": ENVS });
  const staging = loadConfigSync({ cwd: p.dir, env: "staging", environ: { MIGRATE_ENV: "prod" } });
  assertEquals([staging.url, staging.versionTable, staging.environment], [
    "postgresql://s/db",
    "staging_v",
    "staging",
  ]);
  const prod = loadConfigSync({ cwd: p.dir, environ: { MIGRATE_ENV: "prod" } });
  assertEquals([prod.url, prod.versionTable, prod.environment], ["postgresql://p/db", "v", "prod"]);
  assertEquals([prod.environmentNames, prod.databaseNames], [["staging", "prod"], ["analytics"]]);
});

Deno.test("loadConfig rejects an unknown environment, naming the known ones", () => {
  using p = project({ "migrate.toml": ENVS });
  const file = join(p.dir, "migrate.toml");
  const error = configError(() => loadConfigSync({ cwd: p.dir, env: "qa", environ: {} }));
  assertEquals(
    error.message,
    `Cannot select environment "qa" in ${file}: no [environments.qa] (known: staging, prod)`,
  );
  assertEquals(error.key, "environments.qa");
  assertEquals(
    configError(() => loadConfigSync({ cwd: p.dir, environ: { MIGRATE_ENV: "qa" } })).message,
    `Cannot select environment "qa" (from MIGRATE_ENV) in ${file}: no [environments.qa] (known: staging, prod)`,
  );
});

Deno.test("loadConfig selects a database, with its own versions folder and environments", () => {
  using p = project({ "migrate.toml": ENVS });
  const a = loadConfigSync({ cwd: p.dir, name: "analytics", environ: {} });
  assertEquals(
    [a.url, a.scriptLocation, a.versionLocations, a.versionTable, a.databaseName],
    [
      "mysql://a/db",
      join(p.dir, "migrations/analytics"),
      [join(p.dir, "migrations/analytics/versions")],
      "v",
      "analytics",
    ],
  );
  assertEquals(
    loadConfigSync({ cwd: p.dir, name: "analytics", env: "prod", environ: {} }).url,
    "mysql://prod-a/db",
  );
  // The top-level environment still changes shared keys; the database's url wins over it.
  const staging = loadConfigSync({ cwd: p.dir, name: "analytics", env: "staging", environ: {} });
  assertEquals([staging.url, staging.versionTable], ["mysql://a/db", "staging_v"]);
  const file = join(p.dir, "migrate.toml");
  assertEquals(
    configError(() => loadConfigSync({ cwd: p.dir, name: "sales", environ: {} })).message,
    `Cannot select database "sales" in ${file}: no [databases.sales] (known: analytics)`,
  );
});

Deno.test("loadConfig names file, line and dotted key of invalid values", async (t) => {
  const rows: [string, string, string, string, number][] = [
    [
      "unknown top-level key",
      'version_table = "v"\nscript_locaton = "x"\n',
      "migrate.toml",
      'unknown key "script_locaton"',
      2,
    ],
    [
      "unknown key in an environment",
      '[environments.staging]\nurl = "sqlite:///a.db"\nversion_tabel = "x"\n',
      "migrate.toml",
      'unknown key "environments.staging.version_tabel"',
      3,
    ],
    [
      "wrong type",
      'truncate_slug_length = "40"\n',
      "migrate.toml",
      '"truncate_slug_length" must be an integer >= 1, got "40"',
      1,
    ],
    [
      "negative lock timeout",
      "\nlock_timeout = -1\n",
      "migrate.toml",
      '"lock_timeout" must be a number of seconds >= 0, got -1',
      2,
    ],
    [
      "bad enum",
      'revision_format = "py"',
      "migrate.toml",
      '"revision_format" must be "ts" or "sql", got "py"',
      1,
    ],
    [
      "array of non-strings",
      "include_tables = [1]",
      "migrate.toml",
      '"include_tables.0" must be a string, got 1',
      1,
    ],
    [
      "nested wrong type",
      '[databases.a]\nurl = "mysql://h/db"\n\n[databases.a.environments.x]\ncompare_type = "yes"\n',
      "migrate.toml",
      '"databases.a.environments.x.compare_type" must be true or false, got "yes"',
      5,
    ],
    [
      "fleet",
      "[fleet]\nconcurrency = 0\n",
      "migrate.toml",
      '"fleet.concurrency" must be an integer >= 1, got 0',
      2,
    ],
    [
      "json unknown key",
      '{\n  "environments": {\n    "s": {\n      "bogus": 1\n    }\n  }\n}\n',
      "migrate.json",
      'unknown key "environments.s.bogus"',
      4,
    ],
    [
      "first problem by line",
      "compare_type = 1\nversion_table = 2\n",
      "migrate.toml",
      '"compare_type" must be true or false, got 1',
      1,
    ],
    [
      "timezone",
      'timezone = "Mars/Olympus"',
      "migrate.toml",
      '"timezone" must be an IANA time zone such as "Europe/Paris", got "Mars/Olympus"',
      1,
    ],
    [
      "file_template token",
      'file_template = "%(rev)s_%(nope)s"',
      "migrate.toml",
      '"file_template" uses unknown token "%(nope)": expected one of rev, slug, year, month, day, hour, minute, second, epoch',
      1,
    ],
  ];
  for (const [name, text, fileName, detail, line] of rows) {
    await t.step(name, () => {
      using p = project({ [fileName]: text });
      const file = join(p.dir, fileName);
      const error = configError(() => loadConfigSync({ cwd: p.dir, environ: {} }));
      assertEquals(error.message, `Cannot load config ${file}:${line}: ${detail}`);
      assertEquals([error.file, error.line], [file, line]);
    });
  }
});

Deno.test("loadConfig reports TOML and JSON syntax errors with file and line", async () => {
  {
    using p = project({ "migrate.toml": 'version_table = "v"\nurl = \n' });
    const file = join(p.dir, "migrate.toml");
    const error = await assertRejects(() => loadConfig({ cwd: p.dir, environ: {} }), ConfigError);
    assertEquals([error.file, error.line], [file, 2]);
    assertEquals(error.message.startsWith(`Cannot parse config file ${file}:2: `), true);
  }
  {
    using p = project({ "migrate.json": '{\n  "version_table": "v",\n  "url": \n}\n' });
    const file = join(p.dir, "migrate.json");
    const error = configError(() => loadConfigSync({ cwd: p.dir, environ: {} }));
    assertEquals(error.message, `Cannot parse config file ${file}:4: unexpected character "}"`);
    assertEquals([error.file, error.line], [file, 4]);
  }
});
