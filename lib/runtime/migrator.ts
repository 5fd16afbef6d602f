/**
 * The runner: takes a plan from the revision graph and turns it into effects on a database
 * (online) or into a SQL script (offline, `--sql`), recording every step in the version table.
 *
 * Online, each step runs in its own transaction together with its version-table change
 * (`transaction_per_migration = true`, the default), or the whole run shares one. The run holds the
 * dialect's migration lock from before it reads the version table until after the last commit, so
 * a second migrator waits and then finds nothing left to do (DESIGN.md section 8; Alembic has no lock).
 *
 * @module
 */
import type { Config } from "../config/config.ts";
import type { Connection, Dialect, VersionTableName } from "../dialects/dialect.ts";
import type { SqlStatement } from "../dialects/statement.ts";
import type { Operation, SqlValue } from "../operations/types.ts";
import type { PlanStep, VersionAction } from "../revision/revision.ts";
import { createOpFacade, createSqlRunner, findCallSite, type MigrationContext } from "./context.ts";
import { loadStepBody, type StepBody } from "./script_module.ts";
import {
  applyVersionActions,
  ensureVersionTable,
  lockName,
  readVersions,
  versionActionSql,
  versionTableName,
} from "./version_table.ts";
import { errorMessage, LockTimeoutError, MigrationError, RuntimeFailure } from "../errors.ts";
import { isBlankSql } from "../script/sql_sections.ts";
import { splitSqlStatements, statementAt } from "./sql_split.ts";
import { readFileSync } from "node:fs";
import { parseUrl } from "../config/url.ts";

/** Progress reported while a run goes on. `ms` is elapsed milliseconds. */
export type MigrationEvent =
  | { readonly type: "lock-wait"; readonly lock: string; readonly timeoutMs: number }
  | { readonly type: "step-start"; readonly step: PlanStep }
  | { readonly type: "step-done"; readonly step: PlanStep; readonly ms: number }
  | { readonly type: "step-failed"; readonly step: PlanStep; readonly ms: number; readonly error: unknown };

/** The outcome of one step. `ms` is elapsed milliseconds. */
export interface StepResult {
  /** The revision id of the step. */
  readonly revision: string;
  /** `up` for an upgrade step, `down` for a downgrade step. */
  readonly direction: "up" | "down";
  /**
   * `applied` once the step and its version-table change committed; `failed` is recorded for the
   * step that failed, but the run then throws a {@link MigrationError} instead of returning it.
   */
  readonly status: "applied" | "failed";
  /** Elapsed milliseconds of the step, version-table change included. */
  readonly ms: number;
  /** The revision's message (first line of its docstring / `message`), on applied steps only. */
  readonly message?: string;
}

/** What an upgrade, downgrade or stamp did: heads before and after, and each step. */
export interface RunResult {
  /** Version-table rows (revision ids) read under the lock before the run; empty at base. */
  readonly from: readonly string[];
  /** Version-table rows after the run, sorted; empty at base. */
  readonly to: readonly string[];
  /** The steps run, in order; empty for a stamp. */
  readonly steps: readonly StepResult[];
  /** Total elapsed milliseconds. */
  readonly ms: number;
}

/** Options shared by online runs. */
export interface OnlineRunOptions {
  readonly config: Config;
  readonly connection: Connection;
  /** Computes the plan from the heads read under the lock. */
  readonly plan: (heads: readonly string[]) => PlanStep[];
  readonly onEvent?: (event: MigrationEvent) => void;
}

/**
 * Run a plan on a live database, holding the migration lock for the whole run.
 *
 * @returns the steps applied and the heads before and after
 * @throws {LockTimeoutError} when the lock is not free within `config.lockTimeoutMs`
 * @throws {MigrationError} when a step fails; its transaction is rolled back where the dialect allows,
 *   and the version table records the last step that succeeded
 */
export async function runOnline(options: OnlineRunOptions): Promise<RunResult> {
  const { config, connection: conn, onEvent } = options;
  const started = performance.now();
  const name = versionTableName(config);
  const lock = lockName(name, databaseOf(config));
  await watchClient(conn);
  await takeLock(conn, lock, config.lockTimeoutMs, onEvent);
  // After the lock: the wait for another migrator is bounded by --lock-timeout, not by this.
  if (config.statementTimeoutMs !== undefined) await setStatementTimeout(conn, config.statementTimeoutMs);
  try {
    // One transaction for the whole run only where DDL is transactional: on MySQL each DDL statement
    // commits, so a run-wide ROLLBACK could undo version rows of steps whose DDL already committed.
    const wholeRun = !config.transactionPerMigration && conn.dialect.capabilities.transactionalDdl;
    let inRunTransaction = false;
    // SQLite has no session lock: its lock is the write transaction. When the whole run shares one,
    // take it before reading the heads, so a second migrator waits and then finds nothing to do.
    if (wholeRun && conn.dialect.capabilities.migratorLock === "write-transaction") {
      await conn.begin();
      inRunTransaction = true;
    }
    let from: string[];
    try {
      from = await readVersions(conn, name);
    } catch (error) {
      if (inRunTransaction) await safeRollback(conn);
      throw error;
    }
    let heads = from;
    let steps = options.plan(heads);
    const results: StepResult[] = [];
    // With a transaction per step, SQLite's lock is each step's BEGIN IMMEDIATE, so another migrator
    // may have moved the heads between two steps. Check under the write lock and re-plan when they moved.
    const verifyEachStep = conn.dialect.capabilities.migratorLock === "write-transaction" &&
      config.transactionPerMigration;
    let tableReady = false;
    try {
      for (let i = 0; i < steps.length; i++) {
        const step = steps[i];
        const body = await loadStepBody(step.revision, step.direction);
        const transactional = body.transactional;
        if (wholeRun && !inRunTransaction && transactional) {
          await conn.begin();
          inRunTransaction = true;
        }
        const ownTransaction = !wholeRun && transactional;
        // PostgreSQL: BEGIN, the step and its version change are sent without waiting for each
        // reply (postgres.js pipelines them on the one connection, in order), so a step costs two
        // round trips instead of four. Safe because nothing is committed before every reply is in.
        const pipelined = ownTransaction && !verifyEachStep && conn.dialect.capabilities.pipelining;
        let begun: Promise<void> | undefined;
        if (ownTransaction && pipelined) {
          begun = conn.begin();
          begun.catch(() => {});
        } else if (ownTransaction) await conn.begin();
        if (wholeRun && !transactional && inRunTransaction) {
          await conn.commit();
          inRunTransaction = false;
        }
        if (verifyEachStep && ownTransaction) {
          const now = await readVersions(conn, name);
          if (!sameSet(now, heads)) {
            await conn.rollback();
            heads = now;
            steps = [...steps.slice(0, i), ...options.plan(now)];
            i--;
            continue;
          }
        }
        if (!tableReady) {
          await ensureVersionTable(conn, name);
          tableReady = true;
        }
        const t0 = performance.now();
        onEvent?.({ type: "step-start", step });
        try {
          if (pipelined) {
            const ran = runStepOnline(conn, config, step, body);
            const recorded = applyVersionActions(conn, name, step.versionActions);
            const [b, r, v] = await Promise.allSettled([begun!, ran, recorded]);
            // The step's own error first: a failed step makes the version change fail too.
            for (const outcome of [b, r, v]) if (outcome.status === "rejected") throw outcome.reason;
          } else {
            await runStepOnline(conn, config, step, body);
            await applyVersionActions(conn, name, step.versionActions);
          }
          if (ownTransaction) await conn.commit();
        } catch (error) {
          const ms = performance.now() - t0;
          if (ownTransaction || inRunTransaction) await safeRollback(conn);
          onEvent?.({ type: "step-failed", step, ms, error });
          results.push({ revision: step.revision.revision, direction: step.direction, status: "failed", ms });
          throw asMigrationError(error, step, conn.dialect, ownTransaction || inRunTransaction);
        }
        heads = applyToHeads(heads, step.versionActions);
        const ms = performance.now() - t0;
        results.push({
          revision: step.revision.revision,
          direction: step.direction,
          status: "applied",
          ms,
          message: step.revision.message,
        });
        onEvent?.({ type: "step-done", step, ms });
      }
      if (inRunTransaction) {
        await conn.commit();
        inRunTransaction = false;
      }
    } catch (error) {
      if (inRunTransaction) await safeRollback(conn);
      throw error;
    }
    return { from, to: [...heads].sort(), steps: results, ms: performance.now() - started };
  } finally {
    await conn.unlock(lock).catch(() => {});
  }
}

/**
 * Stamp the version table (Alembic's `stamp`): change its rows without running any migration.
 *
 * @param actions computes the version changes from the current heads (read under the lock)
 * @param purge delete every row first, whatever it holds (Alembic's `--purge`)
 */
export async function stampOnline(options: {
  config: Config;
  connection: Connection;
  actions: (heads: readonly string[]) => VersionAction[];
  purge?: boolean;
  onEvent?: (event: MigrationEvent) => void;
}): Promise<RunResult> {
  const { config, connection: conn } = options;
  const started = performance.now();
  const name = versionTableName(config);
  const lock = lockName(name, databaseOf(config));
  await takeLock(conn, lock, config.lockTimeoutMs, options.onEvent);
  try {
    const from = await readVersions(conn, name);
    await conn.begin();
    try {
      await ensureVersionTable(conn, name);
      const start = options.purge ? [] : from;
      if (options.purge) {
        for (const v of from) await conn.execute(conn.dialect.versionTable.delete(name, v));
      }
      const actions = options.actions(start);
      await applyVersionActions(conn, name, actions);
      await conn.commit();
      return { from, to: applyToHeads(start, actions).sort(), steps: [], ms: performance.now() - started };
    } catch (error) {
      await safeRollback(conn);
      throw error;
    }
  } finally {
    await conn.unlock(lock).catch(() => {});
  }
}

/**
 * Bound every statement of the session, so a migration that would block production traffic fails
 * instead: PostgreSQL `statement_timeout` (it covers lock waits too); MariaDB `max_statement_time`
 * (seconds) or, on MySQL, `max_execution_time` (milliseconds, read-only statements only), plus
 * `lock_wait_timeout` (seconds, metadata locks taken by DDL) on both. SQLite has no such setting.
 *
 * @param conn the migration's connection
 * @param ms the limit in milliseconds
 */
async function setStatementTimeout(conn: Connection, ms: number): Promise<void> {
  const limit = Math.max(1, Math.round(ms));
  if (conn.dialect.name === "postgresql") {
    await conn.execute(`SET statement_timeout = ${limit}`);
  } else if (conn.dialect.name === "mysql") {
    try {
      await conn.execute(`SET SESSION max_statement_time = ${limit / 1000}`);
    } catch {
      // MySQL has no max_statement_time; its max_execution_time bounds SELECT statements.
      await conn.execute(`SET SESSION max_execution_time = ${limit}`);
    }
    await conn.execute(`SET SESSION lock_wait_timeout = ${Math.max(1, Math.ceil(limit / 1000))}`);
  }
}

/**
 * On PostgreSQL 14+, have the server check every second that this client is still there while a
 * statement runs: a migrator killed during a long statement (e.g. `pg_sleep`, a big index build)
 * then has its transaction rolled back and its advisory lock freed within a second, instead of
 * when the statement ends. Older servers do not know the setting; that is not an error.
 */
async function watchClient(conn: Connection): Promise<void> {
  if (conn.dialect.name !== "postgresql") return;
  try {
    await conn.execute("SET client_connection_check_interval = 1000");
  } catch {
    // PostgreSQL before 14, or a server that does not support the check on this platform.
  }
}

function databaseOf(config: Config): string | undefined {
  try {
    return config.url ? parseUrl(config.url, config.root).database : undefined;
  } catch {
    return undefined;
  }
}

async function takeLock(
  conn: Connection,
  lock: string,
  timeoutMs: number,
  onEvent?: (event: MigrationEvent) => void,
): Promise<void> {
  const ok = await conn.lock(lock, timeoutMs, () => onEvent?.({ type: "lock-wait", lock, timeoutMs }));
  if (!ok) {
    throw new LockTimeoutError(
      `Cannot take the migration lock "${lock}": another migrator held it for more than ${
        Math.round(timeoutMs / 1000)
      } s; wait for it to finish or raise --lock-timeout`,
    );
  }
}

async function runStepOnline(
  conn: Connection,
  config: Config,
  step: PlanStep,
  body: StepBody,
): Promise<void> {
  const executed: string[] = [];
  const runStatement = async (stmt: SqlStatement, callSite?: string) => {
    try {
      if (stmt.expectNoRows !== undefined) {
        const rows = await conn.query(stmt.sql);
        if (rows.length > 0) throw new Error(`${stmt.expectNoRows}: ${JSON.stringify(rows.slice(0, 5))}`);
      } else if (stmt.params && stmt.params.length > 0) await conn.execute(stmt.sql, stmt.params);
      else await conn.execute(stmt.sql);
    } catch (error) {
      throw new StatementFailure(stmt.sql, callSite, [...executed], error);
    }
    executed.push(stmt.sql);
  };
  if (body.kind === "sql") {
    if (isBlankSql(body.sql)) return;
    const file = step.revision.path ?? step.revision.revision;
    const dialect = conn.dialect.name;
    // MySQL commits DDL as it goes, so it runs one statement at a time to know which ones ran; a
    // transaction:false section on PostgreSQL too, because statements sent together form an
    // implicit transaction (which CREATE INDEX CONCURRENTLY refuses).
    const caps = conn.dialect.capabilities;
    if (!caps.transactionalDdl || (caps.multiStatementIsTransaction && !body.transactional)) {
      const statements = splitSqlStatements(body.sql, dialect);
      const base = sectionBodyLine(file, body);
      for (const stmt of statements) await runStatement({ sql: stmt.sql }, `${file}:${base + stmt.line}`);
      return;
    }
    try {
      await conn.executeScript(body.sql);
    } catch (error) {
      // PostgreSQL reports where in the text it failed: name that statement and its line.
      const position = Number((error as { position?: unknown }).position);
      const statements = splitSqlStatements(body.sql, dialect);
      const at = position > 0
        ? statementAt(statements, position - 1)
        : statements.length === 1
        ? statements[0]
        : undefined;
      const base = sectionBodyLine(file, body);
      if (at) throw new StatementFailure(at.sql, `${file}:${base + at.line}`, [], error);
      throw new StatementFailure(body.sql, `${file}:${base}`, [], error);
    }
    return;
  }
  const { op, pending } = createOpFacade(async (operation: Operation, callSite) => {
    // plan() may read the database first (SQLite table rebuilds).
    const statements = conn.dialect.plan
      ? await conn.dialect.plan(operation, conn)
      : conn.dialect.ddl(operation);
    for (const stmt of statements) await runStatement(stmt, callSite);
  }, step.revision.path);
  const sql = createSqlRunner((text, params) => conn.query(text, params));
  const ctx: MigrationContext = {
    op,
    sql,
    dialect: conn.dialect.name,
    x: config.x,
    config,
    offline: false,
    revision: step.revision.revision,
    direction: step.direction,
    tag: config.tag,
  };
  let scriptError: unknown;
  try {
    await body.run(ctx);
  } catch (error) {
    scriptError = error;
  }
  // Wait for every queued op even if the script threw, so nothing runs after the rollback.
  try {
    await pending();
  } catch (error) {
    scriptError ??= error;
  }
  if (scriptError !== undefined) {
    if (scriptError instanceof StatementFailure) throw scriptError;
    throw new StatementFailure(undefined, undefined, [...executed], scriptError);
  }
}

/**
 * The 1-based file line of the first line of a SQL section's text (the parser trims blank lines
 * after the marker, so the text does not always start on the marker's next line).
 */
function sectionBodyLine(file: string, body: { sql: string; line: number }): number {
  try {
    const lines = readFileSync(file, "utf8").split(/\r?\n/);
    const first = body.sql.split("\n", 1)[0];
    for (let i = body.line; i < lines.length; i++) if (lines[i].trim() === first.trim()) return i + 1;
  } catch {
    // The file is gone; the marker's next line is the best guess.
  }
  return body.line + 1;
}

/** Internal: a step failed at a statement (or in script code when `statement` is undefined). */
class StatementFailure extends Error {
  constructor(
    readonly statement: string | undefined,
    readonly callSite: string | undefined,
    readonly executed: string[],
    override readonly cause: unknown,
  ) {
    super(errorMessage(cause));
  }
}

function asMigrationError(error: unknown, step: PlanStep, dialect: Dialect, rolledBack: boolean): unknown {
  if (error instanceof RuntimeFailure && !(error instanceof StatementFailure)) return error;
  const failure = error instanceof StatementFailure
    ? error
    : new StatementFailure(undefined, undefined, [], error);
  // An error thrown by the script's own code points at its line through the error's stack.
  const file = failure.callSite ??
    (failure.cause instanceof Error ? findCallSite(failure.cause.stack, step.revision.path) : undefined) ??
    step.revision.path;
  const verb = step.direction === "up" ? "upgrade" : "downgrade";
  const cause = failure.cause;
  const reason = errorMessage(cause);
  const really = rolledBack && dialect.capabilities.transactionalDdl;
  let message = `Cannot ${verb} ${step.revision.revision} (${file}): ${reason}`;
  if (failure.statement) message += `\n  statement: ${oneLine(failure.statement)}`;
  if (really) message += `\n  The step was rolled back; the version table is unchanged.`;
  else if (failure.executed.length > 0) {
    message += `\n  ${dialect.name} commits DDL as it runs: these statements of ${step.revision.revision} ` +
      `had already run and were NOT rolled back:\n` + failure.executed.map((s) =>
        `    ${oneLine(s)}`
      ).join("\n");
  }
  return new MigrationError(message, {
    revision: step.revision.revision,
    direction: step.direction,
    file,
    statement: failure.statement,
    executed: failure.executed,
    rolledBack: really,
  }, { cause });
}

function oneLine(sql: string): string {
  const flat = sql.replace(/\s+/g, " ").trim();
  return flat.length > 300 ? `${flat.slice(0, 297)}...` : flat;
}

async function safeRollback(conn: Connection): Promise<void> {
  try {
    await conn.rollback();
  } catch {
    // The connection may already be gone; the database rolls back on disconnect.
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return b.every((x) => s.has(x));
}

/**
 * The version rows after applying actions to `heads`.
 *
 * @param heads the rows before
 * @param actions insert, delete and update of rows
 * @returns a new array of rows
 */
export function applyToHeads(heads: readonly string[], actions: readonly VersionAction[]): string[] {
  const rows = new Set(heads);
  for (const a of actions) {
    if (a.kind === "insert") rows.add(a.version);
    else if (a.kind === "delete") rows.delete(a.version);
    else {
      rows.delete(a.from);
      rows.add(a.to);
    }
  }
  return [...rows];
}

/** Options of an offline run. */
export interface OfflineRunOptions {
  readonly config: Config;
  readonly dialect: Dialect;
  readonly steps: readonly PlanStep[];
  /** The heads the script starts from; the version table is created when this is empty. */
  readonly startHeads: readonly string[];
  /** Stamp-only actions (for `stamp --sql`), rendered instead of steps. */
  readonly stampActions?: readonly VersionAction[];
  readonly purge?: boolean;
  /**
   * A scratch database that mirrors every rendered statement, so `dialect.plan` can read the
   * schema as the script has left it (SQLite table rebuilds); see `openSqliteScratch`.
   */
  readonly scratch?: Connection;
}

/**
 * Render a plan as a SQL script (Alembic's offline mode): transaction statements where the dialect
 * has transactional DDL, the version table's creation when starting from base, a
 * `-- Running upgrade A -> B` comment before each revision's statements, and the version-table changes.
 *
 * @returns the script text, ending with a newline
 * @throws {RuntimeFailure} when a TypeScript revision queries data with `sql` (there is no database)
 */
export async function renderOffline(options: OfflineRunOptions): Promise<string> {
  const { config, dialect, steps } = options;
  const name = versionTableName(config);
  const out: string[] = [];
  const emit = (text: string) => out.push(text.endsWith(";") ? text : `${text};`, "");
  const transactional = dialect.capabilities.transactionalDdl && dialect.offline.begin !== "";
  const perMigration = config.transactionPerMigration;
  const begin = () => transactional && out.push(`${dialect.offline.begin};`, "");
  const commit = () => transactional && out.push(`${dialect.offline.commit};`, "");
  // IF NOT EXISTS: a script from base may run where the table is already there, empty (a
  // downgrade to base keeps it, online and offline), as dbmate's scripts do.
  const createTable = () => {
    const create = dialect.versionTable.create(name);
    out.push(
      `${
        dialect.capabilities.ifExists
          ? create.replace(/^CREATE TABLE /i, "CREATE TABLE IF NOT EXISTS ")
          : create
      };`,
      "",
    );
  };
  if (options.stampActions) {
    begin();
    if (options.startHeads.length === 0) createTable();
    if (options.purge) out.push(`DELETE FROM ${qualified(dialect, name)};`, "");
    for (const a of options.stampActions) emit(versionActionSql(dialect, name, a));
    commit();
    return out.join("\n");
  }
  if (!perMigration) begin();
  if (options.startHeads.length === 0 && steps.length > 0 && steps[0].direction === "up") {
    if (perMigration) begin();
    createTable();
    if (perMigration) commit();
  }
  for (const step of steps) {
    const body = await loadStepBody(step.revision, step.direction);
    const stepTransactional = body.transactional;
    if (perMigration && stepTransactional) begin();
    // A non-transactional step leaves the run's transaction (as it does online).
    if (!perMigration && !stepTransactional) commit();
    out.push(`-- Running ${describeStep(step)}`, "");
    if (body.kind === "sql") {
      if (!isBlankSql(body.sql)) {
        out.push(body.sql.trimEnd().endsWith(";") ? body.sql.trimEnd() : `${body.sql};`, "");
        await options.scratch?.executeScript(body.sql);
      }
    } else {
      await renderTsStep(out, dialect, config, step, body, options.scratch);
    }
    for (const a of step.versionActions) emit(versionActionSql(dialect, name, a));
    if (perMigration && stepTransactional) commit();
    if (!perMigration && !stepTransactional) begin();
  }
  // Alembic's offline mode drops the version table when a script ends at base.
  const endsAtBase = steps.length > 0 && steps[steps.length - 1].direction === "down" &&
    applyToHeads(options.startHeads, steps.flatMap((s) => s.versionActions)).length === 0;
  if (endsAtBase) {
    if (perMigration) begin();
    out.push(`DROP TABLE ${qualified(dialect, name)};`, "");
    if (perMigration) commit();
  }
  if (!perMigration) commit();
  return out.join("\n");
}

async function renderTsStep(
  out: string[],
  dialect: Dialect,
  config: Config,
  step: PlanStep,
  body: Extract<StepBody, { kind: "ts" }>,
  scratch?: Connection,
): Promise<void> {
  const { op, pending } = createOpFacade(async (operation) => {
    const statements = scratch && dialect.plan
      ? await dialect.plan(operation, scratch)
      : dialect.ddl(operation);
    for (const stmt of statements) {
      if (stmt.comment) out.push(`-- ${stmt.comment}`);
      const text = inlineParams(dialect, stmt.sql, stmt.params);
      out.push(`${text};`, "");
      if (scratch && stmt.expectNoRows === undefined) await scratch.execute(text);
    }
  }, step.revision.path);
  const refuse = () =>
    Promise.reject(
      new RuntimeFailure(
        `Cannot render revision ${step.revision.revision} in offline (--sql) mode: ${step.revision.path} queries ` +
          `the database with \`sql\`, which needs a connection; run it online, or check \`offline\` in the script`,
      ),
    );
  const ctx: MigrationContext = {
    op,
    sql: createSqlRunner(refuse),
    dialect: dialect.name,
    x: config.x,
    config,
    offline: true,
    revision: step.revision.revision,
    direction: step.direction,
    tag: config.tag,
  };
  await body.run(ctx);
  await pending();
}

/** Replace `?` placeholders outside quotes with escaped literals, for offline output. */
function inlineParams(dialect: Dialect, sql: string, params: readonly SqlValue[] | undefined): string {
  const text = sql.trimEnd().replace(/;$/, "");
  if (!params || params.length === 0) return text;
  let i = 0;
  let out = "";
  let quote: string | undefined;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = undefined;
      out += ch;
    } else if (ch === "'" || ch === '"' || ch === "`") {
      quote = ch;
      out += ch;
    } else if (ch === "?" && i < params.length) out += dialect.quoteLiteral(params[i++]);
    else out += ch;
  }
  return out;
}

function qualified(dialect: Dialect, name: VersionTableName): string {
  return name.schema
    ? `${dialect.quoteIdentifier(name.schema)}.${dialect.quoteIdentifier(name.table)}`
    : dialect.quoteIdentifier(name.table);
}

/**
 * Alembic's wording for a step: `upgrade a, b -> c, message` / `downgrade c -> a`.
 *
 * @param step a plan step
 */
export function describeStep(step: PlanStep): string {
  const r = step.revision;
  const downs = r.downRevisions.join(", ");
  const text = step.direction === "up"
    ? `upgrade ${downs} -> ${r.revision}`
    : `downgrade ${r.revision} -> ${downs}`;
  return r.message ? `${text}, ${r.message}` : text;
}
