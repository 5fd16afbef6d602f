/**
 * {@link toConfig}: the merged, interpolated settings of the file as the {@link Config} commands
 * receive, camelCase keys and every path absolute.
 *
 * @module
 */
import { join, resolve } from "node:path";
import type { Config } from "./config.ts";
import type { SettingDefaults } from "./key_rules.ts";
import type { ConfigSettings } from "./schema.ts";

/**
 * Builds the {@link Config} from settings over the defaults, resolving paths against `root`.
 *
 * @param root folder of the config file (or the working directory without one)
 * @param file absolute path of the config file, if any
 * @param s the settings, defaults filled in
 * @param url the chosen URL, or why there is none
 * @param fleet the `[fleet]` section, interpolated
 * @param x `-x key=value` arguments
 * @param environment the selected `[environments.NAME]`, if any
 * @param databaseName the selected `[databases.NAME]`, if any
 * @param environmentNames every environment of the file
 * @param databaseNames every database of the file
 * @returns the configuration
 */
export function toConfig(
  root: string,
  file: string | undefined,
  s: SettingDefaults & ConfigSettings,
  url: { value?: string; problem?: string },
  fleet: Config["fleet"],
  x: Record<string, string>,
  environment: string | undefined,
  databaseName: string | undefined,
  environmentNames: string[],
  databaseNames: string[],
): Config {
  const scriptLocation = resolve(root, s.script_location);
  const versionLocations = s.version_locations?.map((p) => resolve(root, p)) ??
    [join(scriptLocation, "versions")];
  return {
    file,
    root,
    scriptLocation,
    versionLocations,
    url: url.value,
    urlProblem: url.value === undefined ? url.problem : undefined,
    versionTable: s.version_table,
    versionTableSchema: s.version_table_schema === "" ? undefined : s.version_table_schema,
    transactionPerMigration: s.transaction_per_migration,
    fileTemplate: s.file_template,
    truncateSlugLength: s.truncate_slug_length,
    timezone: s.timezone,
    schema: s.schema === undefined || s.schema === "" ? undefined : resolve(root, s.schema),
    compareType: s.compare_type,
    compareServerDefault: s.compare_server_default,
    includeTables: s.include_tables,
    excludeTables: s.exclude_tables,
    postWriteHooks: s.post_write_hooks,
    lockTimeoutMs: Math.round(s.lock_timeout * 1000),
    ...(s.statement_timeout === undefined
      ? {}
      : { statementTimeoutMs: Math.round(s.statement_timeout * 1000) }),
    revisionFormat: s.revision_format,
    lintIgnore: s.lint_ignore,
    fleet,
    x,
    environment,
    databaseName,
    environmentNames,
    databaseNames,
  };
}
