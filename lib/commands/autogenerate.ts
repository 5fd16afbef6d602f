/**
 * `migrate revision --autogenerate`: compare the schema file with the database and write the
 * difference as a revision whose upgrade holds the operations and whose downgrade their inverses
 * (Alembic's autogenerate, with a plain-data schema instead of ORM models).
 *
 * @module
 */
import type { Config } from "../config/config.ts";
import type { Connection } from "../dialects/dialect.ts";
import { ConfigError, RuntimeFailure } from "../errors.ts";
import type { Operation } from "../operations/types.ts";
import { detectedChanges } from "../output/detected_changes.ts";
import { renderBody } from "../render/typescript.ts";
import { compareSchemas } from "../schema/compare/compare_schemas.ts";
import type { SchemaChange } from "../schema/compare/schema_change.ts";
import { introspectSchema } from "../schema/introspect.ts";
import type { SchemaNormalizer } from "../schema/normalizer.ts";
import { loadSchemaFile } from "../schema/load.ts";
import type { Schema } from "../schema/model.ts";
import { readVersions, versionTableName } from "../runtime/version_table.ts";
import { loadRevisionMap, withConnection } from "./_project.ts";
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
  /** The database's type and default spellings. */
  readonly normalizer: SchemaNormalizer;
}

/**
 * Load the config's schema file, introspect the database and compare them.
 *
 * @param config needs `schema` and `url`; uses `compare_type`, `compare_server_default`,
 *   `include_tables`, `exclude_tables`, `version_table`
 * @param options `requireHeads`: fail unless the database is at exactly these revisions
 * @returns the operations, rendered bodies and the list of differences
 * @throws {ConfigError} when no schema file is configured or it is invalid
 * @throws {ConnectionError} when the database cannot be reached
 * @throws {RuntimeFailure} when `requireHeads` is given and the database is elsewhere
 */
export async function compareWithDatabase(
  config: Config,
  options: CompareWithDatabaseOptions = {},
): Promise<SchemaComparison> {
  if (!config.schema) {
    throw new ConfigError(
      `Cannot compare schemas: no schema file; set "schema" in ${
        config.file ?? "migrate.toml"
      } (e.g. schema = "db/schema.ts")`,
      { file: config.file, key: "schema" },
    );
  }
  const schemaFile = config.schema;
  const loading = loadSchemaFile(schemaFile, {
    includeTables: config.includeTables,
    excludeTables: config.excludeTables,
  });
  loading.catch(() => {}); // awaited below; a connection error may come first
  const [target, current, normalizer] = await withConnection(config, async (conn) => {
    if (options.requireHeads) await requireAtHeads(conn, config, options.requireHeads);
    const [current, normalizer, loaded] = await Promise.all([
      introspectSchema(conn, {
        versionTable: { table: config.versionTable, schema: config.versionTableSchema },
      }),
      conn.dialect.normalizer(),
      loading,
    ]);
    // Hand-written view, routine and trigger definitions in the database's own spelling.
    const objects = conn.dialect.normalizeObjects
      ? await conn.dialect.normalizeObjects(conn, loaded, current)
      : loaded;
    // Expressions the server stores alike compare equal (PostgreSQL's `IN` lists, for one).
    const target = conn.dialect.alignWithServer
      ? await conn.dialect.alignWithServer(conn, objects, current)
      : objects;
    return [target, current, normalizer] as const;
  });
  const result = compareSchemas(target, current, {
    normalizer,
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
    normalizer,
  };
}

/** Options of {@link compareWithDatabase}. */
export interface CompareWithDatabaseOptions {
  /** The revisions the database must be at (the project's heads, for autogenerate). */
  readonly requireHeads?: readonly string[];
}

/**
 * Fail unless the version table holds exactly `heads`: a revision generated against a database
 * that is behind would repeat the changes of the revisions it has not run (Alembic's "Target
 * database is not up to date.").
 */
async function requireAtHeads(
  conn: Connection,
  config: Config,
  heads: readonly string[],
): Promise<void> {
  const versions = await readVersions(conn, versionTableName(config));
  const want = [...heads].sort();
  if (versions.length === want.length && versions.every((v, i) => v === want[i])) return;
  const list = (ids: readonly string[]) => ids.length === 0 ? "base" : ids.map((v) => `"${v}"`).join(", ");
  throw new RuntimeFailure(
    `Cannot autogenerate a revision: target database is not up to date (it is at ${list(versions)}, ` +
      `${want.length > 1 ? "the heads are" : "the head is"} ${list(want)}); ` +
      `run "migrate upgrade ${want.length > 1 ? "heads" : "head"}" first`,
  );
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
  /** The differences found, by table, enum or schema; empty when nothing differed. */
  readonly changes: readonly SchemaChange[];
  /** Number of top-level operations in `upgrade()` (a SQLite `batchAlterTable` counts as one). */
  readonly operations: number;
  /**
   * One line per change, as Alembic logs them (`Detected added column 'book.isbn'`, `Detected type
   * change from VARCHAR(50) to TEXT on 'book.title'`, ...); empty when nothing differed.
   */
  readonly detected: readonly string[];
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
 * @throws {RuntimeFailure} when the database is not at the project's heads (Alembic's "Target
 *   database is not up to date.")
 */
export async function autogenerateRevision(
  config: Config,
  options: AutogenerateOptions,
): Promise<AutogenerateResult> {
  const cmp = await compareWithDatabase(config, { requireHeads: loadRevisionMap(config).heads });
  if (cmp.operations.length === 0 && !options.allowEmpty) {
    return { changes: [], operations: 0, detected: [] };
  }
  const written = revision(config, {
    ...options,
    sqlFile: false,
    upgradeBody: cmp.upgradeBody,
    downgradeBody: cmp.downgradeBody,
  });
  return {
    written,
    changes: cmp.changes,
    operations: cmp.operations.length,
    detected: detectedChanges(cmp.operations, cmp.current),
  };
}
