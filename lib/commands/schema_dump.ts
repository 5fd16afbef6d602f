/**
 * `migrate schema dump`: the live database's schema written as a schema file (as `prisma db pull`
 * or `drizzle-kit pull` do), so that a team with an existing database starts from it, or drawn as an
 * entity-relationship diagram (Mermaid, DOT or SVG).
 *
 * @module
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Config } from "../config/config.ts";
import { UsageError } from "../errors.ts";
import { describeRawObject } from "../schema/compare/raw_objects.ts";
import { introspectSchema } from "../schema/introspect.ts";
import type { Schema } from "../schema/model.ts";
import { formatSchema, type SchemaFormat } from "../schema/serialize.ts";
import { matchesTablePattern, schemaDiagramOf } from "../output/schema_diagram.ts";
import { formatSchemaDot } from "../output/schema_diagram_dot.ts";
import { formatSchemaMermaid } from "../output/schema_diagram_mermaid.ts";
import { withConnection } from "./_project.ts";

/** The diagram formats of `schema dump`: entity-relationship diagrams, not schema files. */
export type SchemaDiagramFormat = "mermaid" | "dot" | "svg";

/** Options of {@link schemaDump}. */
export interface SchemaDumpOptions {
  /**
   * `ts` (default, or from the extension of `output`), `json` or `toml`; or a diagram: `mermaid`
   * (`.mmd`), `dot` (`.dot`, `.gv`) or `svg` (`.svg`).
   */
  readonly format?: string;
  /** Diagrams only: comma-separated globs of the tables to draw (`film*,actor`); all when absent. */
  readonly tables?: string;
  /** File to write (relative to `cwd`, which the CLI sets to the working directory); default: return the text only. */
  readonly output?: string;
  /** Base of a relative `output`; default the config's folder. */
  readonly cwd?: string;
}

/** What {@link schemaDump} produced. */
export interface SchemaDumpResult {
  /** The format rendered: `options.format`, else the extension of `output`, else `ts`. */
  readonly format: SchemaFormat | SchemaDiagramFormat;
  /** The schema file's text (also written to `path` when there is one). */
  readonly text: string;
  /** Absolute path written, when `output` was given. */
  readonly path?: string;
  /** The introspected schema, version table left out. */
  readonly schema: Schema;
  /** Number of tables in `schema`; for a diagram limited by `tables`, the number drawn. */
  readonly tables: number;
  /**
   * One line per object dumped as raw SQL (the model cannot hold it yet), and one saying that the
   * extensions' own objects are left out; for stderr.
   */
  readonly warnings: readonly string[];
}

/**
 * Introspect the configured database and render it as a schema file.
 *
 * @param config needs only `url` (no config file is required)
 * @param options format and output file
 * @returns the text, and the path when written
 * @throws {UsageError} for a format other than `ts`, `json`, `toml`, `mermaid`, `dot` or `svg`, and for
 *   `tables` with a schema file format
 * @throws {RuntimeFailure} when SVG cannot be rendered
 * @throws {ConfigError} when no URL is configured
 * @throws {ConnectionError} when the database cannot be reached
 */
export async function schemaDump(config: Config, options: SchemaDumpOptions = {}): Promise<SchemaDumpResult> {
  const format = formatOf(options);
  if (options.tables !== undefined && !isDiagram(format)) {
    throw new UsageError(
      `Cannot limit a "${format}" dump with --tables: it limits diagrams (mermaid, dot, svg)`,
    );
  }
  const schema = await withConnection(config, (conn) =>
    introspectSchema(conn, {
      versionTable: { table: config.versionTable, schema: config.versionTableSchema },
    }));
  const text = isDiagram(format)
    ? await drawSchema(schema, format, options.tables)
    : formatSchema(schema, format);
  let path: string | undefined;
  if (options.output !== undefined && options.output !== "-") {
    path = resolve(options.cwd ?? config.root, options.output);
    writeFileSync(path, text);
  }
  const keys = Object.keys(schema.tables);
  const count = options.tables === undefined
    ? keys.length
    : keys.filter((k) => matchesTablePattern(k, options.tables!)).length;
  return { format, text, ...(path ? { path } : {}), schema, tables: count, warnings: dumpWarnings(schema) };
}

/** The warnings of a dump: each raw object by name, and the extensions' objects left out, once. */
export function dumpWarnings(schema: Schema): string[] {
  const out = (schema.rawObjects ?? []).map((o) =>
    `warning: ${describeRawObject(o)} is dumped as raw SQL (rawObjects): the schema model cannot hold it yet`
  );
  const extensions = Object.keys(schema.extensions ?? {});
  if (extensions.length) {
    out.push(
      `note: the objects of extension${extensions.length > 1 ? "s" : ""} ${
        extensions.join(", ")
      } are theirs and not dumped (createExtension brings them back)`,
    );
  }
  return out;
}

const EXTENSIONS: Readonly<Record<string, SchemaFormat | SchemaDiagramFormat>> = {
  ts: "ts",
  json: "json",
  toml: "toml",
  mmd: "mermaid",
  dot: "dot",
  gv: "dot",
  svg: "svg",
};

function formatOf(options: SchemaDumpOptions): SchemaFormat | SchemaDiagramFormat {
  let format = options.format;
  if (format === undefined && options.output) {
    const ext = /\.(\w+)$/.exec(options.output)?.[1].toLowerCase();
    format = (ext !== undefined && Object.hasOwn(EXTENSIONS, ext)) ? EXTENSIONS[ext] : "ts";
  }
  format ??= "ts";
  if (!["ts", "json", "toml", "mermaid", "dot", "svg"].includes(format)) {
    throw new UsageError(
      `Cannot dump the schema as "${format}": expected "ts", "json", "toml", "mermaid", "dot" or "svg"`,
    );
  }
  return format as SchemaFormat | SchemaDiagramFormat;
}

function isDiagram(format: SchemaFormat | SchemaDiagramFormat): format is SchemaDiagramFormat {
  return format === "mermaid" || format === "dot" || format === "svg";
}

async function drawSchema(schema: Schema, format: SchemaDiagramFormat, tables?: string): Promise<string> {
  const diagram = schemaDiagramOf(schema, tables);
  if (format === "mermaid") return formatSchemaMermaid(diagram);
  const dot = formatSchemaDot(diagram);
  if (format === "dot") return dot;
  const { renderSvg } = await import("../output/graph_svg.ts");
  return await renderSvg(dot);
}
