import { deepStrictEqual } from "node:assert/strict";
import { dirname, join, relative, resolve } from "node:path";
import {
  findCycles,
  findOversizedFiles,
  importGraph,
  relativeImports,
} from "../../../scripts/check_cycles.ts";

const root = resolve(dirname(new URL(import.meta.url).pathname), "../../..");
const lib = join(root, "lib");

Deno.test("relativeImports reads import, import type, export from and multi-line imports", () => {
  const text = [
    'import { a } from "./a.ts";',
    'import type { B } from "../b.ts";',
    'export { c } from "./c.ts";',
    'export * from "./d.ts";',
    "import {",
    "  e,",
    '} from "./e.ts";',
    'import "./f.ts";',
    'import { g } from "node:fs";',
    ' * import { h } from "./h.ts";',
    'import { a as a2 } from "./a.ts";',
  ].join("\n");
  deepStrictEqual(relativeImports(text), ["./a.ts", "../b.ts", "./c.ts", "./d.ts", "./e.ts", "./f.ts"]);
});

Deno.test("findCycles gives one closed path per cycle, and none for a tree", () => {
  const graph = new Map([
    ["a", ["b"]],
    ["b", ["c", "d"]],
    ["c", ["a"]],
    ["d", []],
    ["e", ["e"]],
  ]);
  deepStrictEqual(findCycles(graph).sort(), [["a", "b", "c", "a"], ["e", "e"]]);
  deepStrictEqual(findCycles(new Map([["a", ["b"]], ["b", []]])), []);
});

Deno.test("lib/ has no import cycles", () => {
  const cycles = findCycles(importGraph(lib))
    .map((cycle) => cycle.map((file) => relative(root, file)).join(" -> "));
  deepStrictEqual(cycles, []);
});

Deno.test("lib/ has no file over 500 lines except generated ones", () => {
  deepStrictEqual(findOversizedFiles(root, lib), []);
});
