/**
 * Access to tests/fixtures/alembic_output: the graphs of the throw-away Alembic 1.8 projects and what
 * `alembic current/heads/branches/history/show` printed for them (see that folder's README.md).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { RevisionMap } from "../../../lib/revision/revision_map.ts";
import type { Revision } from "../../../lib/revision/revision.ts";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../../fixtures/alembic_output");

/** The version rows the "main" project's database held when the outputs were captured. */
export const MAIN_CURRENT: readonly string[] = ["9a8b7c6d5e4f", "ae1027a6acf1"];

/** The revisions of graph `name` ("main" or "labels"), in file-name order, as Revision objects. */
export function graphRevisions(name: string): Revision[] {
  return JSON.parse(readFileSync(join(FIXTURES, name, "graph.json"), "utf8")) as Revision[];
}

/** A RevisionMap of graph `name`. */
export function graphMap(name: string): RevisionMap {
  return new RevisionMap(graphRevisions(name));
}

/** What Alembic printed, e.g. `alembicOutput("main", "history_verbose")`. */
export function alembicOutput(graph: string, name: string): string {
  return readFileSync(join(FIXTURES, graph, `${name}.txt`), "utf8");
}

/**
 * Output whose entry order Alembic takes from a Python set of objects (memory-address order, different
 * in every run): split into verbose entries (or lines) and sorted, so only the order is ignored.
 */
export function unordered(text: string): string[] {
  const parts = text.includes("Rev: ") ? text.split(/(?=^Rev: )/m) : text.split(/(?<=\n)/);
  return parts.sort();
}
