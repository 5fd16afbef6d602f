/**
 * The resolved configuration handed to commands: the config file (DESIGN.md section 3) after
 * interpolation, validation, environment selection and defaults, with every path absolute.
 *
 * @module
 */

/** Settings of one migration set (the top level, or one `[databases.NAME]`). */
export interface Config {
  /** Absolute path of the config file, or undefined when running from `--url` alone. */
  readonly file?: string;
  /** Folder of the config file (or the working directory): base of relative paths. */
  readonly root: string;
  /** Absolute path of the script directory (holds `versions/` and the templates). */
  readonly scriptLocation: string;
  /** Absolute paths of the versions directories; the first is where new revisions go by default. */
  readonly versionLocations: readonly string[];
  /**
   * Database URL, already interpolated; undefined when none was configured. Print with `maskUrl`.
   * A relative SQLite path is already absolute here (`sqlite:////abs/app.db`).
   */
  readonly url?: string;
  /** Why `url` is undefined when the file sets one that cannot be interpolated (an unset variable). */
  readonly urlProblem?: string;
  /** Table recording the applied heads (`version_table`), default `alembic_version` as Alembic's. */
  readonly versionTable: string;
  /**
   * PostgreSQL schema or MySQL database of the version table (`version_table_schema`); undefined
   * (the file's `""` too) for the connection's default.
   */
  readonly versionTableSchema?: string;
  /**
   * `transaction_per_migration`, default true: each revision commits with its version change;
   * false shares one transaction across the whole run where DDL is transactional (not MySQL).
   */
  readonly transactionPerMigration: boolean;
  /** Alembic's `file_template`, default `%(rev)s_%(slug)s`. */
  readonly fileTemplate: string;
  /** Longest slug of a new revision's file name, in characters (`truncate_slug_length`, default 40). */
  readonly truncateSlugLength: number;
  /** IANA zone for `Create Date`, default `UTC`. */
  readonly timezone: string;
  /** Absolute path of the schema file for autogenerate, if any. */
  readonly schema?: string;
  /** Autogenerate and `check` compare column types (`compare_type`, default true). */
  readonly compareType: boolean;
  /** Autogenerate and `check` compare server defaults (`compare_server_default`, default true). */
  readonly compareServerDefault: boolean;
  /**
   * Globs (`*`, `?`) of the tables autogenerate and `check` look at (`include_tables`, default
   * `["*"]`), matched against `table` or `schema.table`.
   */
  readonly includeTables: readonly string[];
  /** Globs of tables autogenerate and `check` leave alone (`exclude_tables`, default none); beat includes. */
  readonly excludeTables: readonly string[];
  /** Lint rule ids switched off for every revision (`lint_ignore`, default none; docs/lint.md). */
  readonly lintIgnore: readonly string[];
  /** Commands run on each new revision file; `{file}` is replaced by its path. */
  readonly postWriteHooks: readonly string[];
  /** Migration lock wait in milliseconds. */
  readonly lockTimeoutMs: number;
  /**
   * Longest a single statement of a migration may run, in milliseconds (`statement_timeout`,
   * `--statement-timeout`); undefined for no limit. PostgreSQL `statement_timeout`, MySQL
   * `max_execution_time` / MariaDB `max_statement_time`, and `lock_wait_timeout` on both.
   */
  readonly statementTimeoutMs?: number;
  /** Format `migrate revision` writes by default (`revision_format`; `sql` in the `sql` template). */
  readonly revisionFormat: "ts" | "sql";
  /** The `[fleet]` section, if any: many databases sharing these migrations. */
  readonly fleet?: {
    /** `urls`, interpolated. */
    readonly urls?: readonly string[];
    /** Absolute path of `urls_file` (one URL per line). */
    readonly urlsFile?: string;
    /** How many databases to migrate at once, default 8. */
    readonly concurrency: number;
  };
  /** Names of every `[environments.NAME]` of the file (for `env list`). */
  readonly environmentNames: readonly string[];
  /** Names of every `[databases.NAME]` of the file (multidb: run a command for each). */
  readonly databaseNames: readonly string[];
  /** `-x key=value` arguments, handed to scripts as `x`. */
  readonly x: Readonly<Record<string, string>>;
  /** `--tag` from the command line, handed to scripts as `tag`. */
  readonly tag?: string;
  /** Name of the selected `[environments.NAME]`, if any. */
  readonly environment?: string;
  /** Name of the selected `[databases.NAME]`, if any. */
  readonly databaseName?: string;
}
