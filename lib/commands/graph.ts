/**
 * `migrate graph`: the revision graph as a Mermaid flowchart, Graphviz DOT, SVG or JSON nodes and
 * edges, over the same ranges as `history`, optionally collapsed to where its shape changes.
 *
 * @module
 */
import type { Config } from "../config/config.ts";
import { UsageError } from "../errors.ts";
import type { RevisionMap } from "../revision/revision_map.ts";
import { readVersions, versionTableName } from "../runtime/version_table.ts";
import { formatGraphDot } from "../output/graph_dot.ts";
import { formatGraphMermaid } from "../output/graph_mermaid.ts";
import { buildRevisionGraph, type RevisionGraph } from "../output/graph_model.ts";
import { historyOf } from "./history.ts";
import { loadRevisionMap, withConnection } from "./_project.ts";

/** The formats `migrate graph` writes. */
export type GraphFormat = "mermaid" | "dot" | "svg" | "json";

const FORMATS: readonly GraphFormat[] = ["mermaid", "dot", "svg", "json"];

/** Options of {@link graph}. */
export interface GraphOptions {
  /** `mermaid` (default), `dot`, `svg` or `json`. */
  readonly format?: string;
  /** A `history` range (`START:END`, `START:`, `:END`); all revisions when absent. */
  readonly range?: string;
  /** Keep only bases, heads, branch and merge points (see {@link buildRevisionGraph}). */
  readonly collapse?: boolean;
  /** Read the database and highlight its current revisions. */
  readonly indicateCurrent?: boolean;
}

/** What {@link graph} produced. */
export interface GraphResult {
  /** The format written. */
  readonly format: GraphFormat;
  /** The graph's text in that format (the JSON document for `json`), ending with a newline. */
  readonly text: string;
  /** The nodes and edges drawn. */
  readonly graph: RevisionGraph;
}

/**
 * Draw the revision graph. The database is read only for `indicateCurrent` or a `current` range side.
 *
 * @param config the resolved config (needs a config file; a URL when the database is read)
 * @param options format, range, collapse, indicateCurrent
 * @returns the text and the graph
 * @throws {UsageError} for an unknown format
 * @throws {RevisionError} for a bad range, as `history`
 * @throws {RuntimeFailure} when SVG cannot be rendered
 * @throws {ConfigError} / {ConnectionError} when the database is needed and cannot be read
 */
export async function graph(config: Config, options: GraphOptions = {}): Promise<GraphResult> {
  const format = graphFormat(options.format);
  const map = loadRevisionMap(config);
  const sides = options.range?.trim().split(":") ?? [];
  const currentHeads = options.indicateCurrent || sides.includes("current")
    ? await withConnection(config, (conn) => readVersions(conn, versionTableName(config)))
    : undefined;
  const drawn = graphOf(map, options, currentHeads);
  return { format, text: await renderGraph(drawn, format), graph: drawn };
}

/**
 * The pure part of {@link graph}: the graph of the revisions `history` would list.
 *
 * @param map the revision graph
 * @param options range, collapse, indicateCurrent
 * @param currentHeads the version table rows, when read
 * @returns the nodes and edges
 * @throws {RevisionError} for a bad range
 */
export function graphOf(
  map: RevisionMap,
  options: GraphOptions = {},
  currentHeads?: readonly string[],
): RevisionGraph {
  const { revisions } = historyOf(
    map,
    { range: options.range, indicateCurrent: options.indicateCurrent },
    currentHeads,
  );
  return buildRevisionGraph(revisions, {
    collapse: options.collapse,
    declaredLabels: (id) => map.get(id).branchLabels,
    resolveDependency: (dependency) => {
      if (map.has(dependency)) return [dependency];
      try {
        return map.resolve(dependency).map((r) => r.revision);
      } catch {
        return [];
      }
    },
  });
}

/**
 * Write a graph in a format.
 *
 * @param drawn the nodes and edges
 * @param format the format
 * @returns the text, ending with a newline
 * @throws {RuntimeFailure} when SVG cannot be rendered
 */
export async function renderGraph(drawn: RevisionGraph, format: GraphFormat): Promise<string> {
  switch (format) {
    case "mermaid":
      return formatGraphMermaid(drawn);
    case "dot":
      return formatGraphDot(drawn);
    case "json":
      return `${JSON.stringify(drawn, null, 2)}\n`;
    case "svg": {
      const { renderSvg } = await import("../output/graph_svg.ts");
      return await renderSvg(formatGraphDot(drawn));
    }
  }
}

function graphFormat(format: string | undefined): GraphFormat {
  const chosen = format ?? "mermaid";
  if (!(FORMATS as readonly string[]).includes(chosen)) {
    throw new UsageError(`Cannot draw the graph as "${chosen}": expected "mermaid", "dot", "svg" or "json"`);
  }
  return chosen as GraphFormat;
}
