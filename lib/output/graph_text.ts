/**
 * `history --graph`: the revisions of `history` drawn with their lanes (see `graph_lanes.ts`), one
 * line per revision, newest first, in box-drawing characters or plain ASCII, each lane in its colour.
 *
 * ```text
 * ● 3e69e0000010 (mergepoint), merge sales and playlists
 * ├─┐
 * ● │ 5a1e50000006 (sales), create sales by country view
 * │ ◉ 71a915700009 (current), create playlist summary view
 * ●─┘ ca7a10900003 (branchpoint), create employee
 * ```
 *
 * @module
 */
import pc from "picocolors";
import type { RevisionInfo } from "./revision_format.ts";
import { DOWN, type LaneCell, layoutLanes, LEFT, RIGHT, UP } from "./graph_lanes.ts";

/** Options of {@link formatHistoryGraph}. */
export interface GraphTextOptions {
  /** Only characters up to 0x7E (`*`, `|`, `-`, `+`, `.`, `'`) instead of box drawing. */
  readonly ascii?: boolean;
  /** Colour each lane, and the revision ids and marks, with ANSI escapes. */
  readonly colors?: boolean;
}

/** Glyph of a cell by its `UP | DOWN | LEFT | RIGHT` bits, box drawing then ASCII. */
const BOX: readonly string[] = [
  " ",
  "│",
  "│",
  "│",
  "─",
  "┘",
  "┐",
  "┤",
  "─",
  "└",
  "┌",
  "├",
  "─",
  "┴",
  "┬",
  "┼",
];
const ASCII: readonly string[] = [
  " ",
  "|",
  "|",
  "|",
  "-",
  "'",
  ".",
  "+",
  "-",
  "'",
  ".",
  "+",
  "-",
  "+",
  "+",
  "+",
];

/** Lane colours, in the order lanes open (git's default `log.graphColors` start the same way). */
const LANE_COLORS = ["red", "green", "yellow", "blue", "magenta", "cyan"] as const;

/**
 * Whether the terminal's locale takes UTF-8: the first of `LC_ALL`, `LC_CTYPE`, `LANG` that is set
 * names UTF-8, or none is set (as on most CI runners and container shells, which are UTF-8).
 *
 * @param env the environment
 * @returns false when the locale is set to something that is not UTF-8 (`C`, `POSIX`, `en_US.ISO-8859-1`)
 */
export function localeIsUtf8(env: Readonly<Record<string, string | undefined>>): boolean {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
  return locale === undefined || /utf-?8/i.test(locale);
}

/**
 * Draw revisions as a graph.
 *
 * @param revisions the revisions newest first, as `history` returns them; down revisions that are not
 *   in the list are left out of the drawing (the lane ends there)
 * @param options `ascii`, `colors`
 * @returns the text, one line per revision plus one below each merge point, ending with a newline;
 *   "" for no revisions
 */
export function formatHistoryGraph(
  revisions: readonly RevisionInfo[],
  options: GraphTextOptions = {},
): string {
  const shown = new Set(revisions.map((r) => r.revision));
  const byId = new Map(revisions.map((r) => [r.revision, r]));
  const rows = layoutLanes(
    revisions.map((r) => ({ id: r.revision, parents: r.downRevisions.filter((d) => shown.has(d)) })),
  );
  const c = pc.createColors(options.colors ?? false);
  const glyphs = options.ascii ? ASCII : BOX;
  const paint = (index: number, text: string): string => index < 0 ? text : c[LANE_COLORS[index % 6]](text);
  const lines: string[] = [];
  for (const row of rows) {
    let lanes = "";
    row.cells.forEach((cell, i) => {
      lanes += row.kind === "node" && i === row.column
        ? paint(cell.color, nodeGlyph(byId.get(row.id)!, options.ascii ?? false))
        : paintCell(cell, glyphs, paint);
      if (i < row.cells.length - 1) {
        lanes += cell.linkRight ? paint(cell.hColor, glyphs[LEFT | RIGHT]) : " ";
      }
    });
    if (row.kind === "split") {
      lines.push(lanes);
      continue;
    }
    lines.push(`${lanes} ${describe(byId.get(row.id)!, c, options.ascii ?? false)}`);
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

function paintCell(
  cell: LaneCell,
  glyphs: readonly string[],
  paint: (i: number, s: string) => string,
): string {
  const glyph = glyphs[cell.lines];
  const vertical = (cell.lines & (UP | DOWN)) !== 0;
  return paint(vertical ? cell.color : cell.hColor, glyph);
}

/** The revision's mark: a filled dot, a ringed one for a current revision. */
function nodeGlyph(info: RevisionInfo, ascii: boolean): string {
  if (info.isCurrent) return ascii ? "@" : "◉";
  return ascii ? "*" : "●";
}

/** The text after the lanes: id, labels, marks, message, then dependencies. */
function describe(info: RevisionInfo, c: ReturnType<typeof pc.createColors>, ascii: boolean): string {
  let text = c.yellow(info.revision);
  if (info.branchLabels.length > 0) text += ` ${c.magenta(`(${info.branchLabels.join(", ")})`)}`;
  if (info.isHead) text += ` ${c.green(info.isEffectiveHead ? "(effective head)" : "(head)")}`;
  if (info.isCurrent) text += ` ${c.bold(c.cyan("(current)"))}`;
  if (info.isBranchPoint) text += ` ${c.dim("(branchpoint)")}`;
  if (info.isMergePoint) text += ` ${c.dim("(mergepoint)")}`;
  text += `, ${info.message}`;
  if (info.dependsOn.length > 0) {
    text += ` ${c.dim(`${ascii ? "..>" : "┄▸"} depends on ${info.dependsOn.join(", ")}`)}`;
  }
  return text;
}
