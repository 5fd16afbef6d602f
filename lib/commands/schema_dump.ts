/**
 * `migrate schema dump`: the live database's schema written as a schema file (as `prisma db pull`
 * or `drizzle-kit pull` do), so that a team with an existing database starts from it.
 *
 * @module
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Config } from "../config/config.ts";
import { UsageError } from "../errors.ts";
import { introspectSchema } from "../schema/introspect.ts";
import type { Schema } from "../schema/model.ts";
import { formatSchema, type SchemaFormat } from "../schema/serialize.ts";
import { withConnection } from "./_project.ts";

/** Options of {@link schemaDump}. */
export interface SchemaDumpOptions {
  /** `ts` (default, or from the extension of `output`), `json` or `toml`. */
  readonly format?: string;
  /** File to write (relative to `cwd`, which the CLI sets to the working directory); default: return the text only. */
  readonly output?: string;
  /** Base of a relative `output`; default the config's folder. */
  readonly cwd?: string;
}

/** What {@link schemaDump} produced. */
export interface SchemaDumpResult {
  /** The format rendered: `options.format`, else the extension of `output`, else `ts`. */
  readonly format: SchemaFormat;
  /** The schema file's text (also written to `path` when there is one). */
  readonly text: string;
  /** Absolute path written, when `output` was given. */
  readonly path?: string;
  /** The introspected schema, version table left out. */
  readonly schema: Schema;
  /** Number of tables in `schema`. */
  readonly tables: number;
}

/**
 * Introspect the configured database and render it as a schema file.
 *
 * @param config needs only `url` (no config file is required)
 * @param options format and output file
 * @returns the text, and the path when written
 * @throws {UsageError} for a format other than `ts`, `json` or `toml`
 * @throws {ConfigError} when no URL is configured
 * @throws {ConnectionError} when the database cannot be reached
 */
export async function schemaDump(config: Config, options: SchemaDumpOptions = {}): Promise<SchemaDumpResult> {
  const format = formatOf(options);
  const schema = await withConnection(config, (conn) =>
    introspectSchema(conn, {
      versionTable: { table: config.versionTable, schema: config.versionTableSchema },
    }));
  const text = formatSchema(schema, format);
  let path: string | undefined;
  if (options.output !== undefined && options.output !== "-") {
    path = resolve(options.cwd ?? config.root, options.output);
    writeFileSync(path, text);
  }
  return { format, text, ...(path ? { path } : {}), schema, tables: Object.keys(schema.tables).length };
}

function formatOf(options: SchemaDumpOptions): SchemaFormat {
  let format = options.format;
  if (format === undefined && options.output) {
    const ext = /\.(ts|json|toml)$/i.exec(options.output);
    format = ext ? ext[1].toLowerCase() : "ts";
  }
  format ??= "ts";
  if (format !== "ts" && format !== "json" && format !== "toml") {
    throw new UsageError(`Cannot dump the schema as "${format}": expected "ts", "json" or "toml"`);
  }
  return format;
}
