/**
 * Retort: database schema migrations for TypeScript, with Alembic's model (a graph of revisions
 * with branches, merges and labels; upgrade and downgrade to any revision; offline SQL) for
 * PostgreSQL, MySQL/MariaDB and SQLite.
 *
 * This module is the library API: everything the `migrate` command does, as functions that take a
 * resolved {@link Config} and return plain data. Revision scripts import only its types
 * (`import type { MigrationContext } from "@retort/migrate"`).
 *
 * @example Upgrade a database from a program
 * ```ts ignore
 * import { loadConfig, upgrade, current } from "@retort/migrate";
 *
 * const config = await loadConfig({ cwd: "examples/chinook", url: "sqlite:///:memory:" });
 * const result = await upgrade(config, {
 *   target: "head",
 *   onEvent: (e) => e.type === "step-done" && console.log(`applied ${e.step.revision.revision} in ${e.ms} ms`),
 * });
 * if (result.sql === undefined) console.log(result.to); // the heads after the run
 * console.log((await current(config)).versions);
 * ```
 *
 * @module
 */

// Configuration
export type { Config } from "./lib/config/config.ts";
export { loadConfig, type LoadConfigOptions } from "./lib/config/load.ts";
export { loadConfigSync } from "./lib/config/load_sync.ts";
export { type DatabaseUrl } from "./lib/config/url.ts";
export { maskUrl, parseUrl } from "./lib/config/url.ts";

// Commands
export { downgrade, type MoveOptions, type MoveResult, upgrade } from "./lib/commands/upgrade.ts";
export { stamp, type StampOptions } from "./lib/commands/stamp.ts";
export {
  current,
  type CurrentOptions,
  type CurrentResult,
  type StaleVersion,
} from "./lib/commands/current.ts";
export { heads, type HeadsOptions, type HeadsResult } from "./lib/commands/heads.ts";
export { branches, type BranchesOptions, type BranchesResult } from "./lib/commands/branches.ts";
export { history, type HistoryOptions, type HistoryResult } from "./lib/commands/history.ts";
export { show, type ShowOptions, type ShowResult } from "./lib/commands/show.ts";
export {
  merge,
  type MergeOptions,
  revision,
  type RevisionOptions,
  type RevisionResult,
} from "./lib/commands/revision.ts";
export { status, type StatusResult } from "./lib/commands/status.ts";
export { type FleetOptions, type FleetResult, runFleet } from "./lib/commands/fleet.ts";
export { waitForDatabase, type WaitOptions, type WaitResult } from "./lib/commands/wait.ts";
export { loadRevisionMap, withConnection } from "./lib/commands/_project.ts";
export type { RevisionInfo } from "./lib/output/revision_format.ts";

// Revision graph
export { RevisionMap } from "./lib/revision/revision_map.ts";
export type { PlanStep, Revision, VersionAction } from "./lib/revision/revision.ts";

// Running migrations
export type { MigrationEvent, RunResult, StepResult } from "./lib/runtime/migrator.ts";
export type { CreateTableOptions, MigrationContext, Op, OpMethod, SqlRunner } from "./lib/runtime/context.ts";
export { OP_FACTORIES } from "./lib/runtime/context.ts";
export type { SqlLexerRules, SqlQuoteRule } from "./lib/dialects/sql_lexer.ts";
export type { ChangeAction, DialectLinter, StatementFacts } from "./lib/lint/facts.ts";

// Operations and dialects
export type * from "./lib/operations/types.ts";
export type {
  Connection,
  Dialect,
  DialectName,
  MigrationSession,
  ScratchDatabase,
} from "./lib/dialects/dialect.ts";
export type {
  DialectCapabilities,
  EnumSupport,
  IdentifierLimit,
  MigratorLockKind,
} from "./lib/dialects/capabilities.ts";
export type { SqlStatement } from "./lib/dialects/statement.ts";
export { dialectFor } from "./lib/dialects/registry.ts";

// Schemas and autogenerate
export type * from "./lib/schema/model.ts";
export { loadSchemaFile, type SchemaFileOptions } from "./lib/schema/load.ts";
export {
  type CompareOptions,
  type CompareResult,
  compareSchemas,
} from "./lib/schema/compare/compare_schemas.ts";
export { introspectSchema } from "./lib/schema/introspect.ts";
export type { IntrospectOptions } from "./lib/dialects/dialect.ts";
export { check, type CheckOptions, type CheckResult } from "./lib/commands/check.ts";
export {
  type SchemaDiagramFormat,
  schemaDump,
  type SchemaDumpOptions,
  type SchemaDumpResult,
} from "./lib/commands/schema_dump.ts";
export {
  type AutogenerateOptions,
  type AutogenerateResult,
  autogenerateRevision,
} from "./lib/commands/autogenerate.ts";

// Errors
export * from "./lib/errors.ts";

// Types the signatures above refer to
export type { SchemaChange } from "./lib/schema/compare/schema_change.ts";
export type { SchemaNormalizer } from "./lib/schema/normalizer.ts";
export type { BodyItem } from "./lib/render/typescript.ts";
export type { SchemaFormat } from "./lib/schema/serialize.ts";
export type { BranchPoint } from "./lib/commands/branches.ts";
export type { StatusEntry } from "./lib/commands/status.ts";
export type {
  FleetCommand,
  FleetEvent,
  FleetOutcome,
  FleetRow,
  FleetTask,
  FleetTaskResult,
} from "./lib/commands/fleet.ts";
export type { ConnectOptions, Row, VersionTableName } from "./lib/dialects/dialect.ts";
export type {
  AlterColumnOptions,
  CreateForeignKeyOptions,
  CreateIndexOptions,
  SchemaOption,
} from "./lib/operations/create.ts";
export type { BatchAlterTableOptions, BatchOperations } from "./lib/operations/batch.ts";
