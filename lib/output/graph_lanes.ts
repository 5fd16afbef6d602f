/**
 * The lanes of `history --graph`: a revision graph laid out one row at a time, newest first, the way
 * `git log --graph` lays out commits (git's graph.c keeps a small array of columns, each waiting for one
 * commit, and draws each row from it; this is the same idea written afresh, not its code).
 *
 * The state is an array of columns, each expecting one revision (the down revision of a revision
 * already drawn). For each revision, in an order where every revision comes before its down revisions:
 * - it takes the first column expecting it (a new column when none does: a head);
 * - every other column expecting it joins it on its own row (a branch point: lanes converge);
 * - its first down revision continues its column; each further one opens a column, drawn on one extra
 *   row below it (a merge point: the lane splits);
 * - a revision without down revisions (a base) frees its column.
 *
 * Each row costs time proportional to the number of open columns, so the layout is linear in the
 * number of revisions for a bounded number of parallel branches.
 *
 * @module
 */

/** One revision to lay out: its id and its down revisions among the revisions laid out. */
export interface LaneNode {
  /** The revision id. */
  readonly id: string;
  /** Down revisions, first one first; ids not laid out must be left out by the caller. */
  readonly parents: readonly string[];
}

/** A line reaching the cell's top edge. */
export const UP = 1;
/** A line reaching the cell's bottom edge. */
export const DOWN = 2;
/** A line reaching the cell's left edge. */
export const LEFT = 4;
/** A line reaching the cell's right edge. */
export const RIGHT = 8;

/** One cell of a row: which edges its lines reach, and the lane colour of each part. */
export interface LaneCell {
  /** `UP | DOWN | LEFT | RIGHT` bits; 0 for an empty cell. */
  readonly lines: number;
  /** Colour index of the vertical line (the column's lane); -1 when there is none. */
  readonly color: number;
  /** Colour index of the horizontal line through the cell, and of the gap after it; -1 when none. */
  readonly hColor: number;
  /** Whether a horizontal line crosses the gap between this cell and the next one. */
  readonly linkRight: boolean;
}

/** One row of the layout: a revision's own row, or the row where a merge point's lane splits. */
export interface LaneRow {
  /** `node` for a revision's row, `split` for the row below a merge point. */
  readonly kind: "node" | "split";
  /** The revision (for a `split` row, the merge point above it). */
  readonly id: string;
  /** The revision's column (for `node` rows), else the merge point's column. */
  readonly column: number;
  /** The cells, left to right; the row is as wide as the columns open on it. */
  readonly cells: readonly LaneCell[];
}

interface Column {
  expect: string;
  readonly color: number;
}

interface MutableCell {
  lines: number;
  color: number;
  hColor: number;
  linkRight: boolean;
}

/**
 * Lay out revisions in lanes.
 *
 * @param nodes the revisions, each before all of its down revisions (newest first)
 * @returns the rows, top to bottom: one `node` row per revision, plus one `split` row after each
 *   revision with two or more down revisions
 */
export function layoutLanes(nodes: Iterable<LaneNode>): LaneRow[] {
  const columns: (Column | null)[] = [];
  const rows: LaneRow[] = [];
  let nextColor = 0;
  for (const node of nodes) {
    let at = -1;
    const joining: number[] = [];
    for (let i = 0; i < columns.length; i++) {
      if (columns[i]?.expect !== node.id) continue;
      if (at < 0) at = i;
      else joining.push(i);
    }
    if (at < 0) {
      at = firstFree(columns, 0);
      columns[at] = { expect: node.id, color: nextColor++ };
    }
    const cells = verticals(columns);
    cells[at] = { lines: 0, color: columns[at]!.color, hColor: -1, linkRight: false };
    // A joining lane ends here: clear its line below before drawing the joins over it.
    for (const j of joining) cells[j].lines = 0;
    for (const j of joining) {
      connect(cells, at, j, columns[j]!.color, UP);
      columns[j] = null;
    }
    rows.push({ kind: "node", id: node.id, column: at, cells });
    if (node.parents.length === 0) {
      columns[at] = null;
    } else {
      columns[at]!.expect = node.parents[0];
      if (node.parents.length > 1) {
        const split = verticals(columns);
        for (const parent of node.parents.slice(1)) {
          const k = firstFree(columns, at + 1);
          columns[k] = { expect: parent, color: nextColor++ };
          split[k] ??= empty();
          connect(split, at, k, columns[k]!.color, DOWN);
        }
        rows.push({ kind: "split", id: node.id, column: at, cells: split });
      }
    }
    while (columns.length > 0 && columns[columns.length - 1] === null) columns.pop();
  }
  return rows;
}

/** The first free column at or after `from`, or a new one at the end. */
function firstFree(columns: (Column | null)[], from: number): number {
  for (let i = from; i < columns.length; i++) if (columns[i] === null) return i;
  columns.push(null);
  return columns.length - 1;
}

function empty(): MutableCell {
  return { lines: 0, color: -1, hColor: -1, linkRight: false };
}

/** A row of the open columns, each a vertical line in its lane's colour. */
function verticals(columns: readonly (Column | null)[]): MutableCell[] {
  return columns.map((c) =>
    c === null ? empty() : { lines: UP | DOWN, color: c.color, hColor: -1, linkRight: false }
  );
}

/**
 * Draw a horizontal line from the cell `from` (the revision's, which keeps its own glyph) to the cell
 * `to`, which turns `toward` (UP: a lane arriving from above; DOWN: a lane leaving downwards).
 */
function connect(cells: MutableCell[], from: number, to: number, color: number, toward: number): void {
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  for (let i = lo; i <= hi; i++) {
    const cell = cells[i];
    if (i !== from) {
      let lines = cell.lines;
      if (i > lo) lines |= LEFT;
      if (i < hi) lines |= RIGHT;
      if (i === to) {
        lines |= toward;
        cell.color = color;
      }
      cell.lines = lines;
    } else {
      cell.lines |= to > from ? RIGHT : LEFT;
    }
    cell.hColor = color;
    if (i < hi) cell.linkRight = true;
  }
}
