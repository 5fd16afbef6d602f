/**
 * Test projects for the CLI tests: writes `migrate.toml` and revision files into a temporary
 * folder and runs the compiled binary `dist/migrate` there, with a time-out.
 *
 * The binary is `RETORT_MIGRATE_BIN` when set, else `dist/migrate`; when it is missing,
 * {@link requireBinary} (called by every run) fails with a message saying how to build it.
 *
 * @module
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { testUrl } from "../_db.ts";

/** The repository root. */
export const ROOT: string = resolve(fileURLToPath(new URL("../..", import.meta.url)));

/** The binary under test. */
export const BINARY: string = process.env.RETORT_MIGRATE_BIN || join(ROOT, "dist", "migrate");

/**
 * Fail unless the binary exists.
 *
 * @throws {Error} naming the path and the build command when `dist/migrate` is missing
 */
export function requireBinary(): void {
  if (!existsSync(BINARY)) {
    throw new Error(
      `Cannot run the CLI tests: "${BINARY}" does not exist; build it with ` +
        `"./node_modules/.bin/deno run -A scripts/build.ts" (or set RETORT_MIGRATE_BIN)`,
    );
  }
}

/** What one process run gave. */
export interface RunOutput {
  /** Exit status; `null` when killed by a signal. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall time in milliseconds. */
  readonly ms: number;
}

/** One revision to write: a SQL file (`up`/`down` sections) or a TypeScript file (`ts` bodies). */
export interface RevisionSpec {
  readonly id: string;
  readonly down: string | null;
  readonly message?: string;
  /** SQL revision: the up section's statements. */
  readonly up?: string;
  /** SQL revision: the down section's statements. */
  readonly downSql?: string;
  /** SQL revision: `transaction:false` on the up (and down) section. */
  readonly noTransaction?: boolean;
  /** TypeScript revision: the body of `upgrade(ctx)` (ctx destructured as `{ op, sql, offline }`). */
  readonly tsUp?: string;
  /** TypeScript revision: the body of `downgrade(ctx)`. */
  readonly tsDown?: string;
  /** TypeScript revision: `export const nonTransactional = true`. */
  readonly nonTransactional?: boolean;
}

/** A project folder on disk. */
export interface Project {
  readonly dir: string;
  /** The versions folder. */
  readonly versions: string;
  /** Path of the revision file written for `id`. */
  file(id: string): string;
  /** Run the binary in the project folder; `timeoutMs` defaults to 60 s (the process is killed after it). */
  run(
    args: readonly string[],
    options?: { timeoutMs?: number; env?: Record<string, string> },
  ): Promise<RunOutput>;
  /** Start the binary without waiting (for kill tests). */
  start(args: readonly string[]): import("node:child_process").ChildProcess;
  /** Write (or overwrite) a revision file. */
  write(rev: RevisionSpec): void;
  /** Delete the folder. */
  remove(): void;
}

/**
 * Create a project: `migrate.toml` with `url` and `extraConfig` lines, and the revisions.
 *
 * @param url the database URL written into the config
 * @param revisions revision files to write
 * @param extraConfig more TOML lines (e.g. `transaction_per_migration = false`)
 * @returns the project
 */
export function createProject(url: string, revisions: readonly RevisionSpec[], extraConfig = ""): Project {
  requireBinary();
  const dir = mkdtempSync(join(tmpdir(), "retort-cli-"));
  const versions = join(dir, "migrations", "versions");
  mkdirSync(versions, { recursive: true });
  writeFileSync(
    join(dir, "migrate.toml"),
    `script_location = "migrations"\nurl = ${JSON.stringify(url)}\n${extraConfig}\n`,
  );
  const files = new Map<string, string>();
  const project: Project = {
    dir,
    versions,
    file: (id) => {
      const f = files.get(id);
      if (!f) throw new Error(`No revision "${id}" in the test project`);
      return f;
    },
    run: (args, options) => runBinary(args, { cwd: dir, ...options }),
    start: (args) => spawn(BINARY, [...args], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] }),
    write: (rev) => {
      const isTs = rev.tsUp !== undefined;
      const path = join(versions, `${rev.id}_${isTs ? "ts" : "sql"}.${isTs ? "ts" : "sql"}`);
      writeFileSync(path, isTs ? tsRevision(rev) : sqlRevision(rev));
      files.set(rev.id, path);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  for (const rev of revisions) project.write(rev);
  return project;
}

/**
 * Run `fn` with a project, removed afterwards.
 *
 * @returns what `fn` returns
 */
export async function withProject<T>(
  url: string,
  revisions: readonly RevisionSpec[],
  fn: (project: Project) => Promise<T>,
  extraConfig = "",
): Promise<T> {
  const project = createProject(url, revisions, extraConfig);
  try {
    return await fn(project);
  } finally {
    project.remove();
  }
}

function sqlRevision(rev: RevisionSpec): string {
  const tx = rev.noTransaction ? " transaction:false" : "";
  return [
    `-- revision: ${rev.id}`,
    `-- down_revision: ${rev.down ?? ""}`,
    `-- branch_labels:`,
    `-- depends_on:`,
    `-- message: ${rev.message ?? `rev ${rev.id}`}`,
    `-- create_date: 2026-11-21 10:00:00`,
    ``,
    `-- migrate:up${tx}`,
    rev.up ?? "",
    ``,
    `-- migrate:down${tx}`,
    rev.downSql ?? "",
    ``,
  ].join("\n");
}

function tsRevision(rev: RevisionSpec): string {
  return [
    `/**`,
    ` * ${rev.message ?? `rev ${rev.id}`}`,
    ` *`,
    ` * Revision ID: ${rev.id}`,
    ` * Revises: ${rev.down ?? ""}`,
    ` * Create Date: 2026-11-21 10:00:00`,
    ` */`,
    `// deno-lint-ignore-file`,
    `export const revision = ${JSON.stringify(rev.id)};`,
    `export const downRevision: string | string[] | null = ${JSON.stringify(rev.down)};`,
    `export const branchLabels: string[] = [];`,
    `export const dependsOn: string[] = [];`,
    ...(rev.nonTransactional ? [`export const nonTransactional = true;`] : []),
    ``,
    `export async function upgrade({ op, sql, offline }: any): Promise<void> {`,
    rev.tsUp ?? "",
    `}`,
    ``,
    `export async function downgrade({ op, sql, offline }: any): Promise<void> {`,
    rev.tsDown ?? "",
    `}`,
    ``,
  ].join("\n");
}

/**
 * Run the binary.
 *
 * @param args command-line arguments
 * @param options working folder, time-out in milliseconds (default 60,000), extra environment
 * @returns exit status, signal, output and wall time
 */
export function runBinary(
  args: readonly string[],
  options: { cwd: string; timeoutMs?: number; env?: Record<string, string> },
): Promise<RunOutput> {
  requireBinary();
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(BINARY, [...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: "1", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 60_000);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/**
 * Run a command-line tool (psql, mysql, sqlite3) synchronously, failing on a non-zero exit.
 *
 * @param cmd the program
 * @param args its arguments
 * @param input text for its standard input
 * @param env variables added to the environment (e.g. `PGPASSWORD`)
 * @returns its standard output
 * @throws {Error} with its stderr when it exits non-zero
 */
export function tool(
  cmd: string,
  args: readonly string[],
  input?: string,
  env: Record<string, string> = {},
): string {
  const r = spawnSync(cmd, [...args], {
    input,
    encoding: "utf8",
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...env },
  });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/**
 * Run an SQL script in `psql` on the database of `url`, stopping at the first error.
 *
 * @throws {Error} with psql's stderr when a statement fails
 */
export function feedPsql(url: string, script: string): void {
  const { args, env } = postgresClientArgs(url);
  tool("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", ...args, "-f", "-"], script, env);
}

/**
 * The command-line arguments and environment that point `psql` or `pg_dump` at the database of
 * `url`: `-h HOST -p PORT -U USER -d DATABASE` (`pg_dump` reads `-d` as its database too), and
 * `PGPASSWORD` when the URL has a password.
 *
 * @param url a `postgres://` URL
 * @returns the arguments and the variables to add to the environment
 */
export function postgresClientArgs(url: string): { args: string[]; env: Record<string, string> } {
  const u = testUrl(url);
  return {
    args: [
      "-h",
      u.host ?? "127.0.0.1",
      "-p",
      String(u.port ?? 5432),
      "-U",
      u.user ?? "postgres",
      "-d",
      u.database ?? "postgres",
    ],
    env: u.password ? { PGPASSWORD: u.password } : {},
  };
}

/**
 * Run an SQL script in the `mysql` client on the database of `url` (utf8mb4), stopping at the first error.
 *
 * @throws {Error} with the client's stderr when a statement fails
 */
export function feedMysql(url: string, script: string): void {
  const u = testUrl(url);
  tool("mysql", [
    "--default-character-set=utf8mb4",
    "-h",
    u.host ?? "127.0.0.1",
    "-P",
    String(u.port ?? 3306),
    "-u",
    u.user ?? "root",
    ...(u.password ? [`--password=${u.password}`] : []),
    u.database!,
  ], script);
}

/** Describe a run for assertion messages. */
export function describeRun(r: RunOutput): string {
  return `exit ${r.code}${
    r.signal ? ` (${r.signal})` : ""
  }\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}
