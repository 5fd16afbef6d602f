/**
 * The execute sink: runs what the plan walk produces on a live connection (online mode). It holds
 * the dialect's migration lock from before the version table is read until after the last commit,
 * so a second migrator waits and then finds nothing left to do (DESIGN.md section 8).
 *
 * @module
 */
import { readFileSync } from "node:fs";
import type { Config } from "../config/config.ts";
import type { Connection, Dialect, Row, VersionTableName } from "../dialects/dialect.ts";
import type { SqlStatement } from "../dialects/statement.ts";
import type { Operation, SqlValue } from "../operations/types.ts";
import type { PlanStep, VersionAction } from "../revision/revision.ts";
import { parseUrl } from "../config/url.ts";
import { LockTimeoutError, RuntimeFailure } from "../errors.ts";
import { parseSqlSections } from "../script/sql_sections.ts";
import { readRevisionLog, RevisionLog } from "./revision_log.ts";
import type { MigrationEvent } from "./run_result.ts";
import type { RunSink, SqlSection, StatementRunner } from "./run_sink.ts";
import { splitSqlStatements, statementAt } from "./sql_split.ts";
import { StatementFailure, toMigrationError } from "./step_error.ts";
import {
  applyVersionActions,
  ensureVersionTable,
  lockName,
  readVersions,
  versionTableName,
} from "./version_table.ts";

/** Options of {@link ExecuteSink}. */
export interface ExecuteSinkOptions {
  readonly config: Config;
  readonly connection: Connection;
  /** Gets `lock-wait` when another migrator holds the lock. */
  readonly onEvent?: (event: MigrationEvent) => void;
  /** Apply the dialect's migration-session settings (client watch, statement timeout); a stamp does not. */
  readonly session?: boolean;
}

/**
 * Runs statements on one connection. A transaction's BEGIN goes out with its first statement, so a
 * transaction that turns out to hold nothing costs nothing; where the dialect pipelines, a step's
 * BEGIN, statements and version change go out without waiting for each reply. The version table is
 * created in the first step's transaction, so a first step that fails leaves no table behind.
 */
export class ExecuteSink implements RunSink {
  /** The connection's dialect. */
  readonly dialect: Dialect;
  /** Online: scripts may query the database. */
  readonly offline = false;
  readonly #config: Config;
  readonly #conn: Connection;
  readonly #options: ExecuteSinkOptions;
  readonly #lock: string;
  readonly #name: VersionTableName;
  #locked = false;
  /** `open` began the run's transaction (it is the lock): the walk's `begin("run")` finds it open. */
  #runBegun = false;
  /** A transaction is wanted but its BEGIN is not sent yet. */
  #deferred: "run" | "step" | undefined;
  /** The version table is to be created with the next statement. */
  #tablePending = false;
  /** A BEGIN sent whose reply has not been awaited. */
  #begun: Promise<void> | undefined;
  /** Retort's revision log: created with the first statement, written by every step and stamp. */
  readonly #log: RevisionLog;
  #logPending = true;
  /** A pipelined step's log row, sent and not yet answered: `commit` waits for it with COMMIT. */
  #pendingLog: Promise<void> | undefined;
  /**
   * With a transaction per step, SQLite's lock is each step's BEGIN IMMEDIATE, so another migrator
   * may have moved the heads between two steps: each step checks them under the write lock.
   */
  readonly #verifyEachStep: boolean;

  /** @param options the config, the migration's connection, a progress callback */
  constructor(options: ExecuteSinkOptions) {
    this.#options = options;
    this.#config = options.config;
    this.#conn = options.connection;
    this.dialect = options.connection.dialect;
    this.#name = versionTableName(options.config);
    this.#lock = lockName(this.#name, databaseOf(options.config));
    this.#verifyEachStep = this.dialect.capabilities.migratorLock === "write-transaction" &&
      options.config.transactionPerMigration;
    this.#log = new RevisionLog(options.connection, this.#name);
  }

  /** Take the lock, set up the session, read the heads (see {@link RunSink.open}). */
  async open(wholeRun: boolean): Promise<string[]> {
    const conn = this.#conn;
    const session = this.#options.session ? this.dialect.migrationSession : undefined;
    await session?.watchClient?.(conn);
    const timeoutMs = this.#config.lockTimeoutMs;
    const onEvent = this.#options.onEvent;
    const lock = this.#lock;
    const ok = await conn.lock(lock, timeoutMs, () => onEvent?.({ type: "lock-wait", lock, timeoutMs }));
    if (!ok) {
      throw new LockTimeoutError(
        `Cannot take the migration lock "${lock}": another migrator held it for more than ${
          Math.round(timeoutMs / 1000)
        } s; wait for it to finish or raise --lock-timeout`,
      );
    }
    this.#locked = true;
    // After the lock: the wait for another migrator is bounded by --lock-timeout, not by this.
    const statementTimeoutMs = this.#config.statementTimeoutMs;
    if (statementTimeoutMs !== undefined) await session?.setStatementTimeout?.(conn, statementTimeoutMs);
    // SQLite has no session lock: its lock is the write transaction. When the whole run shares one,
    // take it before reading the heads, so a second migrator waits and then finds nothing to do.
    const early = wholeRun && this.dialect.capabilities.migratorLock === "write-transaction";
    if (early) await conn.begin();
    try {
      const heads = await readVersions(conn, this.#name);
      if (this.#options.session) await this.#refuseAfterInterruptedRun();
      this.#runBegun = early;
      return heads;
    } catch (error) {
      if (early) await this.rollback();
      throw error;
    }
  }

  /** Free the lock, if taken. */
  async close(): Promise<void> {
    if (this.#locked) await this.#conn.unlock(this.#lock).catch(() => {});
    this.#locked = false;
  }

  /** See {@link RunSink.begin}: BEGIN waits for the transaction's first statement. */
  begin(scope: "run" | "step"): Promise<void> {
    if (scope === "run" && this.#runBegun) this.#runBegun = false;
    else this.#deferred = scope;
    return Promise.resolve();
  }

  /** Commit; a transaction that never started has nothing to commit. */
  async commit(): Promise<void> {
    if (this.#deferred) {
      this.#deferred = undefined;
      return;
    }
    await this.#ready();
    const logged = this.#pendingLog;
    this.#pendingLog = undefined;
    if (!logged) return await this.#conn.commit();
    // The step's log row and COMMIT go out together. A failed INSERT turns PostgreSQL's COMMIT into a
    // rollback without an error, so the row's own result decides whether the step committed.
    const [row, commit] = await Promise.allSettled([logged, this.#conn.commit()]);
    if (row.status === "rejected") throw row.reason;
    if (commit.status === "rejected") throw commit.reason;
  }

  /** Roll back, ignoring a connection that is already gone (the database rolls back on disconnect). */
  async rollback(): Promise<void> {
    this.#begun = undefined;
    this.#pendingLog = undefined;
    if (this.#deferred) {
      this.#deferred = undefined;
      return;
    }
    try {
      await this.#conn.rollback();
    } catch {
      // The connection may already be gone; the database rolls back on disconnect.
    }
  }

  /** The heads under a step's write lock, where they may have moved; else undefined. */
  async recheckHeads(): Promise<string[] | undefined> {
    if (!this.#verifyEachStep) return undefined;
    await this.#ready();
    return readVersions(this.#conn, this.#name);
  }

  /** Create the version table unless it exists, with the next statement (in the first step's transaction). */
  createVersionTable(): Promise<void> {
    this.#tablePending = true;
    return Promise.resolve();
  }

  /** Delete the version rows one by one. */
  async purgeVersions(heads: readonly string[]): Promise<void> {
    await this.#ready();
    for (const v of heads) await this.#conn.execute(this.dialect.versionTable.delete(this.#name, v));
  }

  /** Apply version changes, checking each touches one row. */
  async recordVersions(actions: readonly VersionAction[]): Promise<void> {
    await this.#ready();
    await applyVersionActions(this.#conn, this.#name, actions);
    // A stamp (no session) is logged as one; a step logs itself in `step`.
    if (!this.#options.session) {
      await this.#log.stamped(
        actions.flatMap((a) => a.kind === "delete" ? [] : [a.kind === "insert" ? a.version : a.to]),
      );
    }
  }

  /**
   * Run the body, then the version changes. Pipelined (a step's own transaction where the dialect
   * pipelines), BEGIN, body and version changes go out together and their replies are awaited
   * together.
   */
  async step(step: PlanStep, body: () => Promise<void>, actions: readonly VersionAction[]): Promise<void> {
    const startedAt = Date.now();
    const journal = !this.dialect.capabilities.transactionalDdl;
    const pipelined = this.#deferred === "step" && this.dialect.capabilities.pipelining &&
      !this.#verifyEachStep && !journal;
    if (!pipelined || this.#tablePending || this.#logPending) await this.#ready();
    // Where DDL commits as it runs, the log says a step started before any of it runs.
    if (journal) await this.#log.started(step);
    this.#send();
    const begun = this.#begun;
    this.#begun = undefined;
    if (!begun) {
      try {
        await body();
      } catch (error) {
        if (journal) await this.#log.failed().catch(() => {});
        throw error;
      }
      await this.#recordStepVersions(actions);
      await this.#log.applied(step, startedAt, downgradeSqlOf(step));
      return;
    }
    const ran = body();
    const recorded = this.#recordStepVersions(actions);
    const outcomes = await Promise.allSettled([begun, ran, recorded]);
    // BEGIN's error first, then the step's own: a failed step makes the version change fail too.
    for (const outcome of outcomes) if (outcome.status === "rejected") throw outcome.reason;
    // Sent now, answered with COMMIT: one round trip per step, not two.
    this.#pendingLog = this.#log.applied(step, startedAt, downgradeSqlOf(step));
    this.#pendingLog.catch(() => {});
  }

  async #recordStepVersions(actions: readonly VersionAction[]): Promise<void> {
    await this.#ready();
    await applyVersionActions(this.#conn, this.#name, actions);
  }

  /**
   * A step left `started` in the log means a run died half-way where DDL commits as it runs: part
   * of that revision is applied and the version table does not say so. Refuse until a stamp says
   * where the database is.
   */
  async #refuseAfterInterruptedRun(): Promise<void> {
    const open = (await readRevisionLog(this.#conn, this.#name)).filter((r) => r.status === "started");
    if (open.length === 0) return;
    const r = open[open.length - 1];
    throw new RuntimeFailure(
      `Cannot ${r.direction === "down" ? "downgrade" : "upgrade"}: the last run was interrupted during ` +
        `revision ${r.revision} (${
          r.direction === "down" ? "downgrade" : "upgrade"
        }, started ${r.startedAt} by ` +
        `${r.appliedBy ?? "unknown"}): ${
          r.statementsRun ?? 0
        } of its statements had completed and stayed applied, and the next one may have run too ` +
        `(this database commits DDL as it runs; a statement is counted once it has returned), and the ` +
        `version table still shows the revision before it. ` +
        `Compare the database with the revision (migrate show ${r.revision}), finish or undo those statements ` +
        `by hand, then record where the database is with migrate stamp REVISION; the stamp clears this`,
    );
  }

  /** `dialect.plan` with this connection (it may read the table), else `dialect.ddl`. */
  async planOperation(operation: Operation): Promise<SqlStatement[]> {
    if (!this.dialect.plan) return this.dialect.ddl(operation);
    await this.#ready();
    return this.dialect.plan(operation, this.#conn);
  }

  /** Run one statement; an `expectNoRows` check fails when its query returns rows. */
  async statement(stmt: SqlStatement): Promise<void> {
    await this.#ready();
    const conn = this.#conn;
    if (stmt.expectNoRows !== undefined) {
      const rows = await conn.query(stmt.sql);
      if (rows.length > 0) throw new Error(`${stmt.expectNoRows}: ${JSON.stringify(rows.slice(0, 5))}`);
    } else if (stmt.params && stmt.params.length > 0) await conn.execute(stmt.sql, stmt.params);
    else await conn.execute(stmt.sql);
    if (!this.dialect.capabilities.transactionalDdl) await this.#log.statementRun();
  }

  /**
   * Run a SQL section in one call where the database allows, else statement by statement.
   * @throws {StatementFailure} naming the failed statement and its file line where known
   */
  async script(section: SqlSection, file: string, run: StatementRunner): Promise<void> {
    await this.#ready();
    const rules = this.dialect.sqlLexer;
    // MySQL commits DDL as it goes, so it runs one statement at a time to know which ones ran; a
    // transaction:false section on PostgreSQL too, because statements sent together form an
    // implicit transaction (which CREATE INDEX CONCURRENTLY refuses).
    const caps = this.dialect.capabilities;
    if (!caps.transactionalDdl || (caps.multiStatementIsTransaction && !section.transactional)) {
      const statements = splitSqlStatements(section.sql, rules);
      const base = sectionBodyLine(file, section);
      for (const stmt of statements) await run({ sql: stmt.sql }, `${file}:${base + stmt.line}`);
      return;
    }
    try {
      await this.#conn.executeScript(section.sql);
    } catch (error) {
      // PostgreSQL reports where in the text it failed: name that statement and its line.
      const position = Number((error as { position?: unknown }).position);
      const statements = splitSqlStatements(section.sql, rules);
      const at = position > 0
        ? statementAt(statements, position - 1)
        : statements.length === 1
        ? statements[0]
        : undefined;
      const base = sectionBodyLine(file, section);
      if (at) throw new StatementFailure(at.sql, `${file}:${base + at.line}`, [], error);
      throw new StatementFailure(section.sql, `${file}:${base}`, [], error);
    }
  }

  /** The script's `sql` queries run on the migration's connection, in its transaction. */
  async query(text: string, params: readonly SqlValue[]): Promise<Row[]> {
    await this.#ready();
    return this.#conn.query(text, params);
  }

  /** A {@link MigrationError} naming the step, statement and what stayed applied. */
  failure(error: unknown, step: PlanStep, rolledBack: boolean): unknown {
    return toMigrationError(error, step, this.dialect, rolledBack);
  }

  /** Send the deferred BEGIN without waiting for its reply. */
  #send(): void {
    if (!this.#deferred) return;
    this.#deferred = undefined;
    this.#begun = this.#conn.begin();
    this.#begun.catch(() => {});
  }

  /**
   * Before the next statement: the deferred BEGIN sent and answered, the version table created.
   * Only a step's body and version change go out with BEGIN unanswered ({@link ExecuteSink.step}),
   * where the dialect pipelines: PostgreSQL's postgres.js sends them in order on the one
   * connection, so a step costs two round trips instead of four; safe because nothing is committed
   * before every reply is in.
   */
  async #ready(): Promise<void> {
    this.#send();
    const begun = this.#begun;
    this.#begun = undefined;
    await begun;
    if (this.#tablePending) {
      this.#tablePending = false;
      await ensureVersionTable(this.#conn, this.#name);
    }
    if (this.#logPending) {
      this.#logPending = false;
      await this.#log.ensure();
    }
  }
}

/** A SQL revision's downgrade section, for the log; undefined for TypeScript revisions. */
function downgradeSqlOf(step: PlanStep): string | undefined {
  const path = step.revision.path;
  if (path === undefined || !path.endsWith(".sql")) return undefined;
  try {
    return parseSqlSections(path, readFileSync(path, "utf8")).down?.sql;
  } catch {
    return undefined;
  }
}

function databaseOf(config: Config): string | undefined {
  try {
    return config.url ? parseUrl(config.url, config.root).database : undefined;
  } catch {
    return undefined;
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
