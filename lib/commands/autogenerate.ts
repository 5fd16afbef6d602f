/**
 * `migrate revision --autogenerate`: compare the schema file with the database and write the
 * difference as a revision whose upgrade holds the operations and whose downgrade their inverses
 * (Alembic's autogenerate, with a plain-data schema instead of ORM models).
 *
 * @module
 */
import type { Config } from "../config/config.ts";
import { ConfigError } from "../errors.ts";
import type { Operation } from "../operations/types.ts";
import { renderBody } from "../render/typescript.ts";
import { compareSchemas, type SchemaChange } from "../schema/compare.ts";
import { introspectSchema, normalizerFor } from "../schema/introspect.ts";
import { loadSchemaFile } from "../schema/load.ts";
import type { Schema } from "../schema/model.ts";
import { withConnection } from "./_project.ts";
import { revision, type RevisionOptions, type RevisionResult } from "./revision.ts";

/** The comparison of the schema file with the database. */
export interface SchemaComparison {
  /** The schema file's path. */
  readonly schemaFile: string;
  readonly target: Schema;
  readonly current: Schema;
  readonly operations: readonly Operation[];
  readonly changes: readonly SchemaChange[];
  /** Body of `upgrade()` (unindented TypeScript statements). */
  readonly upgradeBody: string;
  /** Body of `downgrade()`. */
  readonly downgradeBody: string;
}

/**
 * Load the config's schema file, introspect the database and compare them.
 *
 * @param config needs `schema` and `url`; uses `compare_type`, `compare_server_default`,
 *   `include_tables`, `exclude_tables`, `version_table`
 * @returns the operations, rendered bodies and the list of differences
 * @throws {ConfigError} when no schema file is configured or it is invalid
 * @throws {ConnectionError} when the database cannot be reached
 */
export async function compareWithDatabase(config: Config): Promise<SchemaComparison> {
  if (!config.schema) {
    throw new ConfigError(
      `Cannot compare schemas: no schema file; set "schema" in ${
        config.file ?? "migrate.toml"
      } (e.g. schema = "db/schema.ts")`,
      { file: config.file, key: "schema" },
    );
  }
  const schemaFile = config.schema;
  const [target, [current, dialect]] = await Promise.all([
    loadSchemaFile(schemaFile),
    withConnection(config, async (conn) => {
      const schema = await introspectSchema(conn, {
        versionTable: { table: config.versionTable, schema: config.versionTableSchema },
      });
      return [schema, conn.dialect.name] as const;
    }),
  ]);
  const result = compareSchemas(target, current, {
    normalizer: await normalizerFor(dialect),
    compareType: config.compareType,
    compareServerDefault: config.compareServerDefault,
    includeTables: config.includeTables,
    excludeTables: config.excludeTables,
  });
  return {
    schemaFile,
    target,
    current,
    operations: result.operations,
    changes: result.changes,
    upgradeBody: renderBody(result.upgrade),
    downgradeBody: renderBody(result.downgrade),
  };
}

/** Options of {@link autogenerateRevision}: those of `revision`, plus `allowEmpty`. */
export interface AutogenerateOptions
  extends Omit<RevisionOptions, "upgradeBody" | "downgradeBody" | "sqlFile"> {
  /** Write a revision even when nothing differs (`--allow-empty`). */
  readonly allowEmpty?: boolean;
}

/** What {@link autogenerateRevision} did. */
export interface AutogenerateResult {
  /** The file written, or undefined when nothing differed and `allowEmpty` was not set. */
  readonly written?: RevisionResult;
  readonly changes: readonly SchemaChange[];
  readonly operations: number;
}

/**
 * Compare the schema file with the database and write a TypeScript revision holding the
 * difference (then the config's post-write hooks run, as for any revision).
 *
 * @param config the project's config (needs `schema` and `url`)
 * @param options the revision's message, head, labels, ... and `allowEmpty`
 * @returns the file written (if any) and the differences found
 * @throws {ConfigError} when no schema file is configured or it is invalid
 * @throws {RevisionError} as `revision` does (several heads, ...)
 */
export async function autogenerateRevision(
  config: Config,
  options: AutogenerateOptions,
): Promise<AutogenerateResult> {
  const cmp = await compareWithDatabase(config);
  if (cmp.operations.length === 0 && !options.allowEmpty) {
    return { changes: [], operations: 0 };
  }
  const written = revision(config, {
    ...options,
    sqlFile: false,
    upgradeBody: cmp.upgradeBody,
    downgradeBody: cmp.downgradeBody,
  });
  return { written, changes: cmp.changes, operations: cmp.operations.length };
}
