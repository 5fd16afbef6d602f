/**
 * Plain-text tables for people: columns padded to their widest cell, two spaces apart, a header
 * row. Colour is applied after padding so escape codes never break the alignment.
 *
 * @module
 */

/** A cell: plain text, or text with a function that colours it (applied after padding). */
export type Cell = string | { readonly text: string; readonly paint: (s: string) => string };

/** Options of {@link formatTable}. */
export interface TableOptions {
  /** Indexes of columns aligned right (numbers, times). */
  readonly rightAlign?: readonly number[];
}

/**
 * Lay out rows under a header.
 *
 * @param header column titles
 * @param rows cells, one array per row (as many as the header)
 * @param options right-aligned columns
 * @returns the lines joined with newlines, without a trailing newline; trailing spaces trimmed
 * @example
 * ```ts
 * import { deepStrictEqual as assertEquals } from "node:assert/strict";
 * assertEquals(formatTable(["A", "NUM"], [["x", "10"]], { rightAlign: [1] }), "A  NUM\nx   10");
 * ```
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  options: TableOptions = {},
): string {
  const text = (c: Cell) => (typeof c === "string" ? c : c.text);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => text(r[i] ?? "").length)));
  const right = new Set(options.rightAlign ?? []);
  const line = (cells: readonly Cell[]) =>
    cells.map((c, i) => {
      const t = text(c);
      const padded = right.has(i) ? t.padStart(widths[i]) : i === cells.length - 1 ? t : t.padEnd(widths[i]);
      return typeof c === "string" ? padded : c.paint(padded);
    }).join("  ").trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}
