/**
 * Version rows that another row descends from ("stale" rows: Alembic never writes one, a hand edit or
 * a stamp from a broken tool can), and what a relative downgrade (`-N`) does with several rows:
 * Alembic 1.8's `_parse_downgrade_target` walks from the first row the database returns. Private to
 * `lib/revision/`.
 *
 * @module
 */

import { RevisionError } from "../errors.ts";
import type { Graph } from "./_graph.ts";
import { parseDowngradeTarget } from "./resolve.ts";

/** `-N` with neither a branch label nor a revision before it (Alembic's "relative to current"). */
const BARE_DOWN = /^-(\d+)$/;

/**
 * Rows another row descends from through down revisions (dependencies do not count: Alembic keeps a
 * row for a revision that another row only depends on).
 *
 * @param g the graph
 * @param rows the version table rows; rows the graph does not know are ignored
 * @returns each stale row with the first row that descends from it, in row order
 */
export function staleRows(g: Graph, rows: readonly string[]): Map<string, string> {
  const known = rows.filter((r) => g.keys.has(r));
  const out = new Map<string, string>();
  for (const row of known) {
    const node = g.keys.get(row)!;
    for (const other of known) {
      if (other === row) continue;
      if (g.ancestors([g.keys.get(other)!], false).includes(node)) {
        out.set(row, other);
        break;
      }
    }
  }
  return out;
}

/**
 * Refuses `downgrade -N` when the first version row, the one Alembic walks from, is a stale row: the
 * walk would then downgrade the rows above it too (`-1` from `b` with rows `b`, `c` and `c` above `b`
 * runs two downgrades). Alembic 1.8 does so; Retort refuses and names the targets that say which.
 *
 * @param g the graph
 * @param rows the version rows in the order the database returned them
 * @param target the downgrade target
 * @throws {RevisionError} "Cannot downgrade "-1": the first version row 'b' is an ancestor of the
 *   version row 'c'; ..." with the exact targets to type
 */
export function refuseWalkFromStaleRow(g: Graph, rows: readonly string[], target: string): void {
  const m = BARE_DOWN.exec(target.trim());
  if (!m || rows.length < 2) return;
  const stale = staleRows(g, rows);
  const first = rows[0];
  const above = stale.get(first);
  if (above === undefined) return;
  const n = m[1];
  const realHeads = rows.filter((r) => !stale.has(r));
  const heads = walkable(g, realHeads, n);
  const below = walkable(g, [first], n);
  throw new RevisionError(
    `Cannot downgrade "${target}": the first version row '${first}' is an ancestor of the version row ` +
      `'${above}' (rows: ${quoted(rows)}), so walking ${n} step(s) down from it would also downgrade ` +
      `'${above}'.` + (heads.length > 0 ? ` Type the head to step back: ${heads.join(" or ")}.` : "") +
      (below.length > 0 ? ` To go below '${first}', type ${below[0]}.` : "") +
      ` \`migrate stamp --purge ${realHeads.join(" ")}\` keeps only the head rows.`,
  );
}

/**
 * Adds to Alembic's "Ambiguous walk" of `downgrade -N` with several rows which row the walk started
 * from and the targets to type instead; any other error is returned unchanged.
 *
 * @param g the graph
 * @param rows the version rows in the database's order
 * @param target the downgrade target
 * @param error what the plan threw
 * @returns the error to throw
 */
export function explainAmbiguousWalk(
  g: Graph,
  rows: readonly string[],
  target: string,
  error: unknown,
): unknown {
  const m = BARE_DOWN.exec(target.trim());
  if (!m || rows.length < 2 || !(error instanceof RevisionError) || error.message !== "Ambiguous walk") {
    return error;
  }
  const n = m[1];
  const first = g.keys.get(rows[0]);
  const heads = walkable(g, rows.slice(1), n);
  return new RevisionError(
    `Ambiguous walk: "${target}" walks down from the first version row '${rows[0]}'` +
      (first && first.down.length > 1 ? `, a merge of ${quoted(first.down)}` : "") +
      ` (rows: ${quoted(rows)}).` +
      (heads.length > 0 ? ` Type the head to step back: ${heads.join(" or ")};` : "") +
      ` or name the revision to go down to` +
      (first && first.down.length > 1 ? `, e.g. "${first.down[0]}".` : "."),
  );
}

/** `"row-N"` for each row from which N steps down lead to one revision (a target that will resolve). */
function walkable(g: Graph, rows: readonly string[], n: string): string[] {
  return rows.filter((r) => {
    try {
      parseDowngradeTarget(g, rows, `${r}-${n}`, true);
      return true;
    } catch {
      return false;
    }
  }).map((r) => `"${r}-${n}"`);
}

function quoted(ids: readonly string[]): string {
  return ids.map((r) => `'${r}'`).join(", ");
}
