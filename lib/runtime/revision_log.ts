/**
 * Retort's revision log (DESIGN.md section 11): `retort_revision_log`, beside Alembic's version
 * table, which it never touches. One row per step run or stamp: revision, direction, the sha256 of
 * the revision file, start time, duration in ms, who ran it (user@host), the tool's version, and
 * for SQL revisions the downgrade SQL. Where DDL is transactional the row is written in the step's
 * own transaction, so it exists exactly when the step committed; where it is not (MySQL/MariaDB) a
 * `started` row is written before the step and completed after it, with a count of the statements
 * run, so a run killed half-way leaves a row that says so. A database without the table (managed by
 * Alembic until now) works as before and gains it with its next run.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { hostname, userInfo } from "node:os";
import process from "node:process";
import type { Connection, VersionTableName } from "../dialects/dialect.ts";
import { VERSION } from "../version.ts";
import { REVISION_LOG_TABLE } from "../bookkeeping.ts";
import type { PlanStep } from "../revision/revision.ts";

/** One row of the log. */
export interface RevisionLogRow {
  readonly runId: string;
  readonly seq: number;
  readonly revision: string;
  readonly direction: "up" | "down" | "stamp";
  /**
   * `started` (still running, or killed), `applied`, `failed` (reported at the time), `stamped`, or
   * `abandoned` (a killed run's step, cleared by a stamp).
   */
  readonly status: string;
  /** sha256 of the revision file, hex; absent for stamps. */
  readonly checksum?: string;
  /** ISO 8601, UTC. */
  readonly startedAt: string;
  /** Milliseconds the step took. */
  readonly durationMs?: number;
  /** `user@host` of the process that ran it. */
  readonly appliedBy?: string;
  /** Retort's version. */
  readonly toolVersion?: string;
  /** Statements run so far (kept where DDL commits as it runs). */
  readonly statementsRun?: number;
}

function qualified(conn: Connection, name: VersionTableName): string {
  const table = conn.dialect.quoteIdentifier(REVISION_LOG_TABLE);
  return name.schema ? `${conn.dialect.quoteIdentifier(name.schema)}.${table}` : table;
}

/**
 * The sha256 of a revision file, hex; undefined when it cannot be read.
 *
 * @param path the file
 * @returns the digest
 */
export function fileChecksum(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  try {
    return createHash("sha256").update(readFileSync(path)).digest("hex");
  } catch {
    return undefined;
  }
}

function who(): string {
  let user = process.env.USER || process.env.LOGNAME || process.env.USERNAME;
  if (!user) {
    try {
      user = userInfo().username;
    } catch {
      // A container user with no passwd entry.
      user = `uid${process.getuid?.() ?? ""}`;
    }
  }
  return `${user}@${hostname()}`;
}

/** Writes one run's rows. */
export class RevisionLog {
  readonly #conn: Connection;
  readonly #table: string;
  readonly #runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  #seq = 0;
  #current: { seq: number; started: number } | undefined;

  /**
   * @param conn the migration's connection
   * @param name the version table's name; the log lives in the same schema
   */
  constructor(conn: Connection, name: VersionTableName) {
    this.#conn = conn;
    this.#table = qualified(conn, name);
  }

  /** Create the table unless it exists (`CREATE TABLE IF NOT EXISTS`). */
  async ensure(): Promise<void> {
    await this.#conn.execute(
      `CREATE TABLE IF NOT EXISTS ${this.#table} (run_id VARCHAR(32) NOT NULL, seq INTEGER NOT NULL, ` +
        `revision VARCHAR(32) NOT NULL, direction VARCHAR(8) NOT NULL, status VARCHAR(16) NOT NULL, ` +
        `checksum VARCHAR(64), started_at VARCHAR(32) NOT NULL, duration_ms INTEGER, applied_by VARCHAR(255), ` +
        `tool_version VARCHAR(32), statements_run INTEGER, downgrade_sql TEXT, PRIMARY KEY (run_id, seq))`,
    );
  }

  /**
   * Record that a step starts (only where DDL commits as it runs: the row survives a crash).
   * @param step the step
   */
  async started(step: PlanStep): Promise<void> {
    const seq = ++this.#seq;
    this.#current = { seq, started: Date.now() };
    await this.#conn.execute(
      `INSERT INTO ${this.#table} (run_id, seq, revision, direction, status, checksum, started_at, applied_by, ` +
        `tool_version, statements_run) VALUES (?, ?, ?, ?, 'started', ?, ?, ?, ?, 0)`,
      [
        this.#runId,
        seq,
        step.revision.revision,
        step.direction,
        fileChecksum(step.revision.path) ?? null,
        new Date().toISOString(),
        who(),
        VERSION,
      ],
    );
  }

  /** Count one statement of the started step. */
  async statementRun(): Promise<void> {
    if (!this.#current) return;
    await this.#conn.execute(
      `UPDATE ${this.#table} SET statements_run = statements_run + 1 WHERE run_id = ? AND seq = ?`,
      [this.#runId, this.#current.seq],
    );
  }

  /**
   * Record that a step committed: completes its `started` row, or writes the row (in the step's
   * transaction) where none was started.
   * @param step the step
   * @param startedAt when it began (ms since the epoch)
   * @param downgradeSql a SQL revision's downgrade section
   */
  async applied(step: PlanStep, startedAt: number, downgradeSql?: string): Promise<void> {
    const current = this.#current;
    this.#current = undefined;
    if (current) {
      await this.#conn.execute(
        `UPDATE ${this.#table} SET status = 'applied', duration_ms = ?, downgrade_sql = ? WHERE run_id = ? AND seq = ?`,
        [Date.now() - current.started, downgradeSql ?? null, this.#runId, current.seq],
      );
      return;
    }
    const seq = ++this.#seq;
    await this.#conn.execute(
      `INSERT INTO ${this.#table} (run_id, seq, revision, direction, status, checksum, started_at, duration_ms, ` +
        `applied_by, tool_version, downgrade_sql) VALUES (?, ?, ?, ?, 'applied', ?, ?, ?, ?, ?, ?)`,
      [
        this.#runId,
        seq,
        step.revision.revision,
        step.direction,
        fileChecksum(step.revision.path) ?? null,
        new Date(startedAt).toISOString(),
        Date.now() - startedAt,
        who(),
        VERSION,
        downgradeSql ?? null,
      ],
    );
  }

  /**
   * Mark the started step as failed (its error was reported with what stayed applied), so the next
   * run is not refused as if this one had been killed.
   */
  async failed(): Promise<void> {
    const current = this.#current;
    this.#current = undefined;
    if (!current) return;
    await this.#conn.execute(
      `UPDATE ${this.#table} SET status = 'failed', duration_ms = ? WHERE run_id = ? AND seq = ?`,
      [Date.now() - current.started, this.#runId, current.seq],
    );
  }

  /**
   * Record a stamp, and mark any step left `started` by a killed run as `abandoned` (the stamp is
   * the operator saying where the database really is).
   * @param revisions the revisions stamped
   */
  async stamped(revisions: readonly string[]): Promise<void> {
    await this.#conn.execute(`UPDATE ${this.#table} SET status = 'abandoned' WHERE status = 'started'`);
    for (const revision of revisions) {
      await this.#conn.execute(
        `INSERT INTO ${this.#table} (run_id, seq, revision, direction, status, started_at, applied_by, ` +
          `tool_version) VALUES (?, ?, ?, 'stamp', 'stamped', ?, ?, ?)`,
        [this.#runId, ++this.#seq, revision, new Date().toISOString(), who(), VERSION],
      );
    }
  }
}

const ROW = (r: Record<string, unknown>): RevisionLogRow => ({
  runId: String(r.run_id),
  seq: Number(r.seq),
  revision: String(r.revision),
  direction: String(r.direction) as RevisionLogRow["direction"],
  status: String(r.status),
  ...(r.checksum != null ? { checksum: String(r.checksum) } : {}),
  startedAt: String(r.started_at),
  ...(r.duration_ms != null ? { durationMs: Number(r.duration_ms) } : {}),
  ...(r.applied_by != null ? { appliedBy: String(r.applied_by) } : {}),
  ...(r.tool_version != null ? { toolVersion: String(r.tool_version) } : {}),
  ...(r.statements_run != null ? { statementsRun: Number(r.statements_run) } : {}),
});

/**
 * Every row of the log, oldest first; empty when the database has no log yet.
 *
 * @param conn an open connection
 * @param name the version table's name (the log is in its schema)
 * @returns the rows
 */
export async function readRevisionLog(conn: Connection, name: VersionTableName): Promise<RevisionLogRow[]> {
  try {
    const rows = await conn.query(
      `SELECT run_id, seq, revision, direction, status, checksum, started_at, duration_ms, applied_by, ` +
        `tool_version, statements_run FROM ${qualified(conn, name)} ORDER BY started_at, run_id, seq`,
    );
    return rows.map(ROW);
  } catch {
    // No log yet (a database Alembic managed): nothing recorded.
    return [];
  }
}
