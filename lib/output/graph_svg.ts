/**
 * SVG from DOT, rendered in-process by Graphviz compiled to WebAssembly (`@viz-js/viz`), for
 * `migrate graph --format svg` and `migrate schema dump --format svg`. The module (about 1.2 MB, the
 * WebAssembly inlined) is imported only here, and only when SVG is asked for.
 *
 * @module
 */
import { RuntimeFailure } from "../errors.ts";

/**
 * Render DOT text as an SVG document with Graphviz's `dot` layout.
 *
 * @param dot a DOT graph
 * @returns the SVG document
 * @throws {RuntimeFailure} "Cannot render SVG: ..." when the Graphviz module cannot be loaded, or Graphviz
 *   rejects the graph
 */
export async function renderSvg(dot: string): Promise<string> {
  let instance: () => Promise<{ renderString(src: string, o: { format: string; engine: string }): string }>;
  try {
    ({ instance } = await import("@viz-js/viz"));
  } catch (error) {
    throw new RuntimeFailure(
      `Cannot render SVG: the Graphviz module "@viz-js/viz" could not be loaded (use --format dot and run Graphviz's dot -Tsvg)`,
      { cause: error },
    );
  }
  const viz = await instance();
  try {
    return viz.renderString(dot, { format: "svg", engine: "dot" });
  } catch (error) {
    throw new RuntimeFailure(`Cannot render SVG: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}
