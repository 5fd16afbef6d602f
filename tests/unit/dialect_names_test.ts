/**
 * DESIGN.md section 8: code outside `lib/dialects/<name>/` reads a dialect's capabilities and never
 * compares its name. The registry and the URL-scheme table (`lib/config/url.ts`) are the exceptions.
 */
import { assertEquals } from "../_assert.ts";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const ROOT = new URL("../../", import.meta.url).pathname;
const ALLOWED = [
  /^lib\/dialects\/(sqlite|postgres|mysql)\//,
  /^lib\/dialects\/registry\.ts$/,
  /^lib\/config\/url\.ts$/,
];
const NAME = String.raw`["'\x60](?:sqlite|postgresql|postgres|mysql|mariadb)["'\x60]`;
// `x === "mysql"`, `"sqlite" !== x`, `case "postgresql":`, `.name == 'mysql'`
const COMPARISON = new RegExp(
  String.raw`(?:[!=]==?\s*${NAME})|(?:${NAME}\s*[!=]==?)|(?:\bcase\s+${NAME}\s*:)`,
);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

Deno.test("no code outside lib/dialects/<name>/ compares a dialect's name", () => {
  const found: string[] = [];
  for (const path of files(join(ROOT, "lib"))) {
    const rel = relative(ROOT, path);
    if (ALLOWED.some((re) => re.test(rel))) continue;
    readFileSync(path, "utf8").split("\n").forEach((line, i) => {
      if (/^\s*(\*|\/\/)/.test(line)) return; // docs and comments may name databases
      if (COMPARISON.test(line)) found.push(`${rel}:${i + 1}: ${line.trim()}`);
    });
  }
  assertEquals(found, []);
});
