/**
 * The text sink: writes what the plan walk produces as a SQL script (offline mode, `--sql`, as
 * Alembic's): `BEGIN;` / `COMMIT;` where the dialect has transactional DDL, a
 * `-- Running upgrade A -> B` comment before each revision's statements, parameters inlined as
 * literals, each statement ending in `;` and followed by a blank line.
 *
 * @module
 */
import type { Config } from "../config/config.ts";
import type { Connection, Dialect, Row, VersionTableName } from "../dialects/dialect.ts";
import type { SqlStatement } from "../dialects/statement.ts";
import type { Operation } from "../operations/types.ts";
import type { PlanStep, VersionAction } from "../revision/revision.ts";
import { RuntimeFailure } from "../errors.ts";
import { describeStep } from "./run_result.ts";
import type { RunSink, SqlSection } from "./run_sink.ts";
import { StatementFailure } from "./step_error.ts";
import { inlineParams } from "./inline_params.ts";
import { terminatedStatement } from "../dialects/terminated_statement.ts";
import { versionActionSql, versionTableName } from "./version_table.ts";

/** Options of {@link TextSink}. */
export interface TextSinkOptions {
  readonly config: Config;
  readonly dialect: Dialect;
  /** The heads the script starts from; the version table is created when this is empty. */
  readonly startHeads: readonly string[];
  /**
   * A scratch database that mirrors every written statement, so `dialect.plan` can read the
   * schema as the script has left it (SQLite table rebuilds); see `Dialect.openOfflineScratch`.
   */
  readonly scratch?: Connection;
}

/** Collects the script; {@link TextSink.text} returns it once the walk is done. */
export class TextSink implements RunSink {
  /** The dialect the script is written for. */
  readonly dialect: Dialect;
  /** Offline: scripts see `offline: true` and cannot query. */
  readonly offline = true;
  readonly #options: TextSinkOptions;
  readonly #name: VersionTableName;
  readonly #out: string[] = [];
  readonly #transactional: boolean;

  /** @param options the config, the dialect, the starting heads and the scratch database */
  constructor(options: TextSinkOptions) {
    this.#options = options;
    this.dialect = options.dialect;
    this.#name = versionTableName(options.config);
    this.#transactional = this.dialect.capabilities.transactionalDdl && this.dialect.offline.begin !== "";
  }

  /** The script written so far, ending with a newline. */
  text(): string {
    return this.#out.join("\n");
  }

  /** The heads the script starts from; there is no lock to take. */
  open(): Promise<string[]> {
    return Promise.resolve([...this.#options.startHeads]);
  }

  /** Nothing to free. */
  close(): Promise<void> {
    return Promise.resolve();
  }

  /** `BEGIN;`, where DDL is transactional. */
  begin(): Promise<void> {
    if (this.#transactional) this.#line(`${this.dialect.offline.begin};`);
    return Promise.resolve();
  }

  /** `COMMIT;`, where DDL is transactional. */
  commit(): Promise<void> {
    if (this.#transactional) this.#line(`${this.dialect.offline.commit};`);
    return Promise.resolve();
  }

  /** A script is not rolled back while it is written: the walk's error ends it. */
  rollback(): Promise<void> {
    return Promise.resolve();
  }

  /** Nobody else writes this script. */
  recheckHeads(): Promise<undefined> {
    return Promise.resolve(undefined);
  }

  /**
   * `CREATE TABLE IF NOT EXISTS`: a script from base may run where the table is already there,
   * empty (a downgrade to base keeps it, online and offline), as dbmate's scripts do.
   */
  createVersionTable(): Promise<void> {
    const create = this.dialect.versionTable.create(this.#name);
    this.#line(
      `${
        this.dialect.capabilities.ifExists
          ? create.replace(/^CREATE TABLE /i, "CREATE TABLE IF NOT EXISTS ")
          : create
      };`,
    );
    return Promise.resolve();
  }

  /** Alembic's offline mode drops the version table when a script ends at base. */
  readonly dropVersionTable = (): Promise<void> => {
    this.#line(`DROP TABLE ${this.#qualifiedName()};`);
    return Promise.resolve();
  };

  /** `DELETE FROM` the version table. */
  purgeVersions(): Promise<void> {
    this.#line(`DELETE FROM ${this.#qualifiedName()};`);
    return Promise.resolve();
  }

  /** One statement per version change. */
  recordVersions(actions: readonly VersionAction[]): Promise<void> {
    for (const a of actions) {
      const text = versionActionSql(this.dialect, this.#name, a);
      this.#line(text.endsWith(";") ? text : `${text};`);
    }
    return Promise.resolve();
  }

  /** The `-- Running` comment, the body, then the version changes. */
  async step(step: PlanStep, body: () => Promise<void>, actions: readonly VersionAction[]): Promise<void> {
    this.#line(`-- Running ${describeStep(step)}`);
    await body();
    await this.recordVersions(actions);
  }

  /** `dialect.plan` against the scratch database when there is one, else `dialect.ddl`. */
  planOperation(operation: Operation): Promise<SqlStatement[]> {
    const { scratch } = this.#options;
    return scratch && this.dialect.plan
      ? this.dialect.plan(operation, scratch)
      : Promise.resolve(this.dialect.ddl(operation));
  }

  /** The statement's comment, then its text with parameters inlined; mirrored into the scratch database. */
  async statement(stmt: SqlStatement): Promise<void> {
    if (stmt.comment) this.#out.push(`-- ${stmt.comment}`);
    const text = inlineParams(this.dialect, stmt.sql, stmt.params);
    // A MySQL routine or trigger body holds `;`s of its own, which must not end the statement.
    this.#line(terminatedStatement(this.dialect.name, text));
    if (this.#options.scratch && stmt.expectNoRows === undefined) await this.#options.scratch.execute(text);
  }

  /** The section as written, with a final `;`; mirrored into the scratch database. */
  async script(section: SqlSection): Promise<void> {
    const trimmed = section.sql.trimEnd();
    this.#line(trimmed.endsWith(";") ? trimmed : `${section.sql};`);
    await this.#options.scratch?.executeScript(section.sql);
  }

  /**
   * @throws {RuntimeFailure} always: there is no database to query offline
   */
  query(_text: string, _params: unknown, step: PlanStep): Promise<Row[]> {
    return Promise.reject(
      new RuntimeFailure(
        `Cannot render revision ${step.revision.revision} in offline (--sql) mode: ${step.revision.path} queries ` +
          `the database with \`sql\`, which needs a connection; run it online, or check \`offline\` in the script`,
      ),
    );
  }

  /** The error itself, as the step threw it (offline errors carry no rollback story). */
  failure(error: unknown): unknown {
    return error instanceof StatementFailure ? error.cause : error;
  }

  #line(text: string): void {
    this.#out.push(text, "");
  }

  #qualifiedName(): string {
    const name = this.#name;
    return name.schema
      ? `${this.dialect.quoteIdentifier(name.schema)}.${this.dialect.quoteIdentifier(name.table)}`
      : this.dialect.quoteIdentifier(name.table);
  }
}
