/**
 * Generate the reference docs from the real thing, so they never go stale:
 *
 * - `docs/commands/<command>.md`: each command's `--help` and example sessions, captured by running
 *   `dist/migrate` in a scratch SQLite project, or a copy of examples/chinook for the revision graph
 *   (temporary paths shown as `/project`, elapsed times as `3 ms` so the pages are reproducible);
 * - `docs/commands/README.md`: the index;
 * - `docs/configuration.md`: every key of the config file, from the zod schema (`lib/config/schema.ts`,
 *   through `z.toJSONSchema`) plus the descriptions and defaults below; a schema key without a
 *   description fails the run.
 *
 * Run: `deno run -A scripts/gen_docs.ts` (after building `dist/migrate`); `--check` writes nothing and
 * exits 1 listing the files that differ (used by `tests/unit/docs_test.ts`).
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import * as z from "zod/mini";
import { configFileSchema } from "../lib/config/schema.ts";
import { formatTable } from "../lib/output/table.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const BINARY = process.env.RETORT_MIGRATE_BIN || join(ROOT, "dist", "migrate");
const DOCS = join(ROOT, "docs");

/** One captured session: the command line as shown, and the arguments run. */
interface Example {
  readonly title: string;
  readonly argv: readonly string[];
  /** Run in the multidb project instead of the main one. */
  readonly project?: "main" | "init" | "fleet" | "multidb" | "chinook";
  /** Show only the first N lines of the output. */
  readonly head?: number;
}

/** The example sessions of each command, run in this order (they share the project's state). */
const EXAMPLES: readonly [string, readonly Example[]][] = [
  ["init", [{ title: "Create a project", argv: ["init", "migrations"], project: "init" }]],
  ["list-templates", [{ title: "The templates", argv: ["list-templates"] }]],
  ["heads", [{ title: "The head revision", argv: ["heads"] }]],
  ["branches", [{ title: "No branch points in a linear history", argv: ["branches"] }]],
  ["history", [{ title: "All revisions, newest first", argv: ["history"] }, {
    title: "Full entries of the last two",
    argv: ["history", "-r", "-1:", "--verbose"],
  }, {
    title: "The Chinook example (examples/chinook) drawn in lanes: a branch point, two lanes, a merge point",
    argv: ["history", "--graph"],
    project: "chinook",
  }, {
    title: "In ASCII, marking the database's current revision (stamped at 71a915700008)",
    argv: ["history", "--graph", "--ascii", "-i"],
    project: "chinook",
  }, {
    title: "A range, as for history",
    argv: ["history", "--graph", "-r", "ca7a10900003:5a1e50000006"],
    project: "chinook",
  }]],
  ["graph", [{
    title:
      "The Chinook example as a Mermaid flowchart (paste it into a ```mermaid block on GitHub or GitLab)",
    argv: ["graph", "-i"],
    project: "chinook",
  }, {
    title: "Collapsed to bases, heads, branch and merge points; edges count the revisions left out",
    argv: ["graph", "--collapse"],
    project: "chinook",
  }, {
    title: "Graphviz DOT (`--format svg` renders it in-process)",
    argv: ["graph", "--format", "dot", "--collapse"],
    project: "chinook",
  }, {
    title: "Nodes and edges as JSON",
    argv: ["graph", "--format", "json", "-r", "3e69e0000010:"],
    project: "chinook",
    head: 30,
  }]],
  ["current", [{ title: "A new database has no revision yet", argv: ["current"] }]],
  ["status", [{
    title: "Before upgrading: everything pending (exit status 3)",
    argv: ["status", "--exit-code"],
  }]],
  ["upgrade", [
    { title: "One revision up", argv: ["upgrade", "+1"] },
    { title: "The rest of the way", argv: ["upgrade", "head"] },
    { title: "Offline: the SQL script, for a DBA to run", argv: ["upgrade", "base:head", "--sql"], head: 24 },
  ]],
  ["downgrade", [{ title: "One revision down", argv: ["downgrade", "-1"] }]],
  ["test", [{
    title: "Each revision upgraded, downgraded and upgraded again on a scratch SQLite database",
    argv: ["test"],
  }]],
  ["lint", [{
    title: "Every revision from base, as the SQLite database would run them",
    argv: ["lint", "--all"],
  }]],
  ["stamp", [{ title: "Mark the database as at head without running anything", argv: ["stamp", "head"] }]],
  ["show", [{ title: "One revision", argv: ["show", "1975ea83b712"] }]],
  ["schema", [{
    title: "The database's schema as JSON",
    argv: ["schema", "dump", "--format", "json"],
    head: 30,
  }, {
    title: "An entity-relationship diagram in Mermaid (also dot and svg; --tables limits it)",
    argv: ["schema", "dump", "--format", "mermaid"],
  }]],
  ["env", [{ title: "Environments, passwords masked", argv: ["env", "list"] }]],
  ["completions", [{ title: "The start of the bash script", argv: ["completions", "bash"], head: 8 }]],
  ["revision", [{
    title: "A new TypeScript revision",
    argv: ["revision", "-m", "add account email", "--rev-id", "ae1000000004"],
  }]],
  ["merge", []],
  ["check", []],
  ["edit", []],
];

/** Extra sections: fleets and multidb, documented on the upgrade page. */
const FLEET_EXAMPLES: readonly Example[] = [
  {
    title: "A fleet of three databases",
    argv: ["upgrade", "head", "--fleet", "--concurrency", "2"],
    project: "fleet",
  },
  { title: "Multidb: every [databases.NAME] in config order", argv: ["upgrade", "head"], project: "multidb" },
];

const REVISIONS = [
  [
    "27c6a30d7c24",
    "",
    "create account",
    "CREATE TABLE account (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);",
    "DROP TABLE account;",
  ],
  [
    "1975ea83b712",
    "27c6a30d7c24",
    "create order",
    "CREATE TABLE orders (id INTEGER PRIMARY KEY, account_id INTEGER REFERENCES account (id));",
    "DROP TABLE orders;",
  ],
  [
    "3a4b5c6d7e8f",
    "1975ea83b712",
    "index orders by account",
    "CREATE INDEX ix_orders_account ON orders (account_id);",
    "DROP INDEX ix_orders_account;",
  ],
];

function writeRevisions(versions: string): void {
  mkdirSync(versions, { recursive: true });
  for (const [id, down, message, up, downSql] of REVISIONS) {
    writeFileSync(
      join(versions, `${id}_${message.replace(/ /g, "_")}.sql`),
      `-- revision: ${id}\n-- down_revision: ${down}\n-- branch_labels:\n-- depends_on:\n-- message: ${message}\n` +
        `-- create_date: 2026-11-21 10:00:00\n\n-- migrate:up\n${up}\n\n-- migrate:down\n${downSql}\n`,
    );
  }
}

function setUp(): Record<string, string> {
  const scratch = mkdtempSync(join(tmpdir(), "retort-docs-"));
  const dirs = {
    scratch,
    main: join(scratch, "project"),
    init: join(scratch, "new"),
    fleet: join(scratch, "fleet"),
    multidb: join(scratch, "multidb"),
    chinook: join(scratch, "chinook"),
  };
  for (const d of [dirs.main, dirs.init, dirs.fleet, dirs.multidb]) mkdirSync(d, { recursive: true });
  cpSync(join(ROOT, "examples", "chinook"), dirs.chinook, {
    recursive: true,
    filter: (src) => !/chinook\.db/.test(src),
  });
  const stamped = run(["stamp", "71a915700008"], dirs.chinook);
  if (stamped.code !== 0) throw new Error(`Cannot stamp the Chinook example: ${stamped.out}`);
  writeRevisions(join(dirs.main, "migrations", "versions"));
  writeFileSync(
    join(dirs.main, "migrate.toml"),
    `script_location = "migrations"\nurl = "sqlite:///app.db"\n\n[environments.staging]\n` +
      `url = "postgresql://deploy:s3cret@staging.internal:5432/app"\n\n[environments.prod]\n` +
      `url = "postgresql://deploy:s3cret@prod.internal:5432/app"\n`,
  );
  cpSync(join(dirs.main, "migrations"), join(dirs.fleet, "migrations"), { recursive: true });
  writeFileSync(
    join(dirs.fleet, "migrate.toml"),
    `script_location = "migrations"\n\n[fleet]\nurls = ["sqlite:///tenant_a.db", "sqlite:///tenant_b.db", "sqlite:///tenant_c.db"]\n`,
  );
  for (const db of ["main", "analytics"]) writeRevisions(join(dirs.multidb, "migrations", db, "versions"));
  writeFileSync(
    join(dirs.multidb, "migrate.toml"),
    `[databases.main]\nurl = "sqlite:///main.db"\nscript_location = "migrations/main"\n\n` +
      `[databases.analytics]\nurl = "sqlite:///analytics.db"\nscript_location = "migrations/analytics"\n`,
  );
  return dirs;
}

/** Re-align a fleet table after its times were normalised (their widths changed). */
function realignTables(text: string): string {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.startsWith("DATABASE  "));
  if (start < 0) return text;
  let end = start + 1;
  while (end < lines.length && /\S {2,}\S/.test(lines[end])) end++;
  const rows = lines.slice(start, end).map((l) => l.split(/ {2,}/));
  const table = formatTable(rows[0], rows.slice(1), { rightAlign: [3, 4] });
  return [...lines.slice(0, start), table, ...lines.slice(end)].join("\n");
}

function normalise(text: string, scratch: string): string {
  return realignTables(normaliseText(text, scratch));
}

function normaliseText(text: string, scratch: string): string {
  return text
    .replaceAll(join(scratch, "project"), "/project")
    .replaceAll(join(scratch, "new"), "/project")
    .replaceAll(join(scratch, "fleet"), "/project")
    .replaceAll(join(scratch, "multidb"), "/project")
    .replaceAll(join(scratch, "chinook"), "/project")
    .replace(/\b\d+(\.\d+)? (ms|s)\b/g, "3 ms")
    .replace(/Create Date: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?/g, "Create Date: 2026-11-21 10:00:00");
}

function run(argv: readonly string[], cwd: string): { out: string; code: number } {
  const r = spawnSync(BINARY, [...argv], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "", COLUMNS: "100", LC_ALL: "C.UTF-8" },
  });
  if (r.error) throw r.error;
  return { out: r.stdout + r.stderr, code: r.status ?? 1 };
}

function session(example: Example, dirs: Record<string, string>): string {
  const { out, code } = run(example.argv, dirs[example.project ?? "main"]);
  let text = normalise(out, dirs.scratch).trimEnd();
  if (example.head !== undefined) {
    const lines = text.split("\n");
    if (lines.length > example.head) text = [...lines.slice(0, example.head), "..."].join("\n");
  }
  const status = code === 0 ? "" : `\n(exit status ${code})`;
  return `### ${example.title}\n\n\`\`\`console\n$ migrate ${
    example.argv.join(" ")
  }\n${text}${status}\n\`\`\`\n`;
}

function helpOf(command: string, dirs: Record<string, string>): string {
  const top = run([command, "--help"], dirs.main).out.trimEnd();
  const subs = /\nCommands:\n([\s\S]*)$/.exec(top)?.[1].split("\n").map((l) => /^ {2}(\S+)/.exec(l)?.[1])
    .filter((s): s is string => s !== undefined && s !== "help") ?? [];
  const parts = [top, ...subs.map((s) => run([command, s, "--help"], dirs.main).out.trimEnd())];
  return parts.map((p) => `\`\`\`text\n${p}\n\`\`\``).join("\n\n");
}

function commandPages(): Map<string, string> {
  const dirs = setUp();
  try {
    const pages = new Map<string, string>();
    const top = run(["--help"], dirs.main).out;
    const listed = [...top.slice(top.indexOf("\nCommands:")).matchAll(/^ {2}(\S+)/gm)].map((m) => m[1])
      .filter((n) => n !== "help");
    const documented = new Set(EXAMPLES.map(([name]) => name));
    const missing = listed.filter((n) => !documented.has(n));
    if (missing.length > 0) {
      throw new Error(`Cannot document commands without an EXAMPLES entry: ${missing.join(", ")}`);
    }
    const descriptions = new Map(
      [...top.matchAll(/^ {2}(\S+)(?: \S+)*? {2,}(.+)$/gm)].map((m) => [m[1], m[2]]),
    );
    for (const [name, examples] of EXAMPLES) {
      const extra = name === "upgrade" ? FLEET_EXAMPLES : [];
      const sessions = [...examples, ...extra].map((e) => session(e, dirs));
      pages.set(
        `commands/${name}.md`,
        [
          `# migrate ${name}`,
          "",
          `<!-- Generated by scripts/gen_docs.ts from dist/migrate; do not edit. -->`,
          "",
          `${descriptions.get(name) ?? ""}`,
          "",
          "## Usage",
          "",
          helpOf(name, dirs),
          "",
          ...(sessions.length > 0 ? ["## Examples", "", sessions.join("\n")] : []),
        ].join("\n").trimEnd() + "\n",
      );
    }
    pages.set(
      "commands/README.md",
      [
        "# Commands",
        "",
        "<!-- Generated by scripts/gen_docs.ts from dist/migrate; do not edit. -->",
        "",
        "Global options (before the command):",
        "",
        "```text",
        top.slice(top.indexOf("Options:"), top.indexOf("\nCommands:")).trimEnd(),
        "```",
        "",
        "| Command | What it does |",
        "| --- | --- |",
        ...EXAMPLES.map(([name]) => `| [${name}](${name}.md) | ${descriptions.get(name) ?? ""} |`),
        "",
        "Exit status: 0 success; 1 a failure at run time; 2 bad usage, config or revision files; 3 `status --exit-code` found pending revisions.",
        "",
      ].join("\n"),
    );
    return pages;
  } finally {
    rmSync(dirs.scratch, { recursive: true, force: true });
  }
}

/** Description and default of every config key; the generator fails on a schema key missing here. */
const KEYS: Record<string, { text: string; default?: string }> = {
  script_location: {
    text: "Folder holding `versions/` and the revision templates (`script.ts.tmpl`, `script.sql.tmpl`).",
    default: '"migrations"',
  },
  url: {
    text:
      "Database URL. Overridden by `--url`; `DATABASE_URL` is used when no layer sets it. `sqlite:///relative.db`, `sqlite:////absolute.db`, `postgresql://user:pass@host:port/db`, `mysql://...` (`mariadb://`); a driver suffix such as `postgresql+psycopg2://` is ignored.",
  },
  version_locations: {
    text: "Versions folders; the first receives new revisions.",
    default: '["<script_location>/versions"]',
  },
  version_table: {
    text: "Table recording the applied heads (Alembic-compatible).",
    default: '"alembic_version"',
  },
  version_table_schema: {
    text: "PostgreSQL schema or MySQL database of the version table; empty for the connection's default.",
    default: '""',
  },
  transaction_per_migration: {
    text:
      "One transaction per revision; `false` runs the whole upgrade in one transaction where the database allows.",
    default: "true",
  },
  file_template: {
    text:
      "File name of new revisions; Alembic's tokens `%(rev)s %(slug)s %(year)d %(month).2d %(day).2d %(hour).2d %(minute).2d %(second).2d %(epoch)s`.",
    default: '"%(rev)s_%(slug)s"',
  },
  truncate_slug_length: { text: "Longest slug in file names.", default: "40" },
  timezone: { text: "IANA time zone of `Create Date` in new revisions.", default: '"UTC"' },
  schema: {
    text:
      "Schema file that `revision --autogenerate` and `check` compare with the database (`.ts` default export, `.json` or `.toml`).",
  },
  compare_type: { text: "Autogenerate compares column types.", default: "true" },
  compare_server_default: { text: "Autogenerate compares server defaults.", default: "true" },
  include_tables: { text: "Globs of tables autogenerate looks at.", default: '["*"]' },
  exclude_tables: { text: "Globs of tables autogenerate ignores.", default: "[]" },
  post_write_hooks: {
    text: 'Commands run on each new revision file; `{file}` is its path (e.g. `"deno fmt {file}"`).',
    default: "[]",
  },
  lock_timeout: { text: "Seconds to wait for another migrator's lock (`--lock-timeout`).", default: "60" },
  statement_timeout: {
    text:
      "Seconds a single migration statement may run (`--statement-timeout`): PostgreSQL `statement_timeout`, MariaDB `max_statement_time` / MySQL `max_execution_time`, plus `lock_wait_timeout`. No limit when absent.",
  },
  lint_ignore: {
    text: 'Lint rule ids `migrate lint` and `upgrade --plan` leave out, e.g. `["rename"]` (docs/lint.md).',
    default: "[]",
  },
  revision_format: { text: "Format `migrate revision` writes by default: `ts` or `sql`.", default: '"ts"' },
  environments: {
    text: "`[environments.NAME]`: any of the keys above, applied with `-e NAME` or `MIGRATE_ENV=NAME`.",
  },
  databases: {
    text:
      "`[databases.NAME]`: a separate migration set (multidb) with the keys above and its own `environments`; selected with `-n NAME`, or all in config order when `-n` is absent.",
  },
  fleet: { text: "`[fleet]`: many databases sharing these migrations, for `--fleet`." },
  "fleet.urls": { text: "Database URLs of the fleet." },
  "fleet.urls_file": {
    text: "File with one URL per line (blank lines and `#` comments skipped), relative to the config file.",
  },
  "fleet.concurrency": { text: "Databases migrated at once (`--concurrency`).", default: "8" },
};

interface JsonSchema {
  type?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema;
  enum?: unknown[];
  minimum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
}

function typeOf(s: JsonSchema): string {
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" \\| ");
  if (s.type === "array") return `array of ${typeOf(s.items ?? {})}s`;
  if (s.type === "object") return "table";
  const bound = s.exclusiveMinimum !== undefined
    ? ` > ${s.exclusiveMinimum}`
    : s.minimum !== undefined
    ? ` >= ${s.minimum}`
    : "";
  return `${s.type ?? "any"}${bound}`;
}

function configurationPage(): string {
  const schema = z.toJSONSchema(configFileSchema()) as JsonSchema;
  const rows: string[] = [];
  const row = (key: string, s: JsonSchema) => {
    const info = KEYS[key];
    if (!info) throw new Error(`Cannot document config key "${key}": add it to KEYS in scripts/gen_docs.ts`);
    rows.push(`| \`${key}\` | ${typeOf(s)} | ${info.default ? `\`${info.default}\`` : ""} | ${info.text} |`);
  };
  for (const [key, s] of Object.entries(schema.properties ?? {})) {
    row(key, s);
    if (key === "fleet") {
      for (const [k, sub] of Object.entries(s.properties ?? {})) row(`fleet.${k}`, sub);
    }
  }
  return [
    "# Configuration reference",
    "",
    "<!-- Generated by scripts/gen_docs.ts from lib/config/schema.ts; do not edit. -->",
    "",
    "`migrate` reads `-c PATH`, else `migrate.toml`, else `migrate.json` in the working directory. Relative paths",
    "are relative to the config file's folder. `${NAME}` and `${NAME:-default}` are replaced from the environment;",
    "a `.env` file beside the config fills in variables that are not set. Unknown keys are errors naming the key",
    "and the file. Precedence, lowest first: defaults, the top level, `[environments.ENV]`, `[databases.NAME]`,",
    "`[databases.NAME.environments.ENV]`, then `--url`.",
    "",
    "| Key | Type | Default | Meaning |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
    "## Example",
    "",
    "```toml",
    'script_location = "migrations"',
    'url = "${DATABASE_URL}"',
    "statement_timeout = 30",
    "",
    "[environments.staging]",
    'url = "${STAGING_DATABASE_URL}"',
    "",
    "[databases.analytics]",
    'url = "${ANALYTICS_URL}"',
    'script_location = "migrations/analytics"',
    "",
    "[fleet]",
    'urls_file = "tenants.txt"',
    "concurrency = 8",
    "```",
    "",
  ].join("\n");
}

/**
 * Every generated file, path relative to `docs/` mapped to its text.
 *
 * @returns the files
 * @throws {Error} when a command or config key has no documentation entry
 */
export function generateDocs(): Map<string, string> {
  if (!existsSync(BINARY)) {
    throw new Error(`Cannot generate docs: "${BINARY}" does not exist; build it first`);
  }
  const files = commandPages();
  files.set("configuration.md", configurationPage());
  return files;
}

if (import.meta.main) {
  const check = process.argv.includes("--check");
  const stale: string[] = [];
  for (const [path, text] of generateDocs()) {
    const file = join(DOCS, path);
    const old = existsSync(file) ? readFileSync(file, "utf8") : undefined;
    if (old === text) continue;
    stale.push(path);
    if (!check) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  }
  if (check && stale.length > 0) {
    console.error(
      `Stale docs (run: deno run -A scripts/gen_docs.ts): ${stale.map((p) => `docs/${p}`).join(", ")}`,
    );
    process.exit(1);
  }
  console.log(check ? "docs are up to date" : `wrote ${stale.length} files under docs/`);
}
