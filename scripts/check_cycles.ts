/**
 * Checks two of the project's rules over `lib/`: no import cycles (static `import`, `import type`
 * and `export ... from` all count, since each ties one module to another), and no file over 500
 * lines except generated ones.
 *
 * Run `deno run -A scripts/check_cycles.ts`: prints each cycle and each oversized file, exits 1 when
 * there is any. Imports are read line by line, which holds because `deno fmt` starts every import
 * and export statement at the first column (a multi-line one ends with `} from "..."`).
 *
 * @module
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import process from "node:process";

/** Longest a `lib/` file may be, in lines. */
export const MAX_LINES = 500;

/** Generated files the line limit does not apply to, relative to the repository root. */
export const GENERATED_FILES: readonly string[] = ["lib/script/templates_data.ts"];

/** Lines that import or re-export: `import ... from "x"`, `export ... from "x"`, `} from "x"`, `import "x"`. */
const IMPORT_LINE = /^(?:(?:import|export)\b.*?\bfrom|\}\s*from|import)\s*["']([^"']+)["']/;

/**
 * Every `.ts` file under a folder, recursively.
 *
 * @param dir absolute folder
 * @returns absolute paths, sorted
 */
export function listTsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTsFiles(path));
    else if (entry.name.endsWith(".ts")) out.push(path);
  }
  return out.sort();
}

/**
 * The relative modules a source text imports statically (types included), as written.
 *
 * @param text a TypeScript module formatted by `deno fmt`
 * @returns the specifiers starting with `.`, in order, without repeats
 */
export function relativeImports(text: string): string[] {
  const out = new Set<string>();
  for (const line of text.split("\n")) {
    const m = IMPORT_LINE.exec(line);
    if (m && m[1].startsWith(".")) out.add(m[1]);
  }
  return [...out];
}

/**
 * The import graph of the `.ts` files under `dir`: each file to the files (under `dir`) it imports.
 *
 * @param dir absolute folder
 * @returns absolute path to absolute paths
 */
export function importGraph(dir: string): Map<string, string[]> {
  const files = listTsFiles(dir);
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = relativeImports(readFileSync(file, "utf8"))
      .map((spec) => resolve(dirname(file), spec))
      .filter((target) => known.has(target));
    graph.set(file, targets);
  }
  return graph;
}

/**
 * The import cycles of a graph: one per strongly connected component of two or more files (or a
 * file importing itself), each given as a closed path `a -> b -> ... -> a`.
 *
 * @param graph file to imported files
 * @returns the cycles, each a list of files starting and ending with the same one
 */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's algorithm, iterative so deep graphs cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; edge: number }[] = [{ node: start, edge: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const edges = graph.get(frame.node) ?? [];
      if (frame.edge < edges.length) {
        const to = edges[frame.edge++];
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, edge: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = (graph.get(frame.node) ?? []).includes(frame.node);
        if (component.length > 1 || selfLoop) components.push(component);
      }
    }
  }
  return components.map((component) => cyclePath(graph, new Set(component)));
}

/** A closed path through a strongly connected component, from its first file in sort order. */
function cyclePath(graph: ReadonlyMap<string, readonly string[]>, members: ReadonlySet<string>): string[] {
  const start = [...members].sort()[0];
  // Breadth-first from `start` back to itself, staying inside the component: the shortest cycle.
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const to of graph.get(node) ?? []) {
      if (!members.has(to)) continue;
      if (to === start) {
        const path = [start];
        for (let at = node; at !== start; at = previous.get(at)!) path.unshift(at);
        path.unshift(start);
        return path;
      }
      if (!previous.has(to)) {
        previous.set(to, node);
        queue.push(to);
      }
    }
  }
  return [start, start];
}

/**
 * The files under `dir` longer than {@link MAX_LINES} lines, generated files excepted.
 *
 * @param root the repository root
 * @param dir absolute folder to check
 * @returns `[path relative to root, line count]`, longest first
 */
export function findOversizedFiles(root: string, dir: string): [string, number][] {
  const out: [string, number][] = [];
  for (const file of listTsFiles(dir)) {
    const path = relative(root, file);
    if (GENERATED_FILES.includes(path)) continue;
    const text = readFileSync(file, "utf8");
    const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
    if (lines > MAX_LINES) out.push([path, lines]);
  }
  return out.sort((a, b) => b[1] - a[1]);
}

if (import.meta.main) {
  const root = resolve(dirname(new URL(import.meta.url).pathname), "..");
  const lib = join(root, "lib");
  const cycles = findCycles(importGraph(lib));
  for (const cycle of cycles) console.log(`cycle: ${cycle.map((f) => relative(root, f)).join(" -> ")}`);
  const oversized = findOversizedFiles(root, lib);
  for (const [path, lines] of oversized) {
    console.log(`too long: ${path} has ${lines} lines (limit ${MAX_LINES})`);
  }
  console.log(`${cycles.length} import cycle(s), ${oversized.length} file(s) over ${MAX_LINES} lines`);
  if (cycles.length > 0 || oversized.length > 0) process.exit(1);
}
