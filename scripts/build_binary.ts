/**
 * The `bun build --compile` step of `scripts/build.ts`, through Bun's JavaScript API so that a build
 * plugin can embed libpg_query's WASM file (the PostgreSQL parser `migrate lint` uses): the package
 * finds its `.wasm` beside its own module at run time, a path that does not exist inside a compiled
 * binary, so the plugin hands it the embedded file's path instead. Run by Bun (`bun
 * scripts/build_binary.ts CLI OUTFILE [TARGET]`), never imported.
 *
 * @module
 */
import process from "node:process";

// Bun's API, as far as this script uses it (the file runs under Bun; Deno only type-checks it).
declare const Bun: {
  build(config: Record<string, unknown>): Promise<{ success: boolean; logs: unknown[] }>;
  file(path: string): { text(): Promise<string> };
};

const [entry, outfile, target] = process.argv.slice(2);

/** Point libpg-query's Emscripten module at its WASM file embedded in the binary. */
const embedPgQueryWasm = {
  name: "embed-libpg-query-wasm",
  setup(build: { onLoad: (o: { filter: RegExp }, f: (a: { path: string }) => Promise<unknown>) => void }) {
    build.onLoad({ filter: /libpg-query[\\/]wasm[\\/]index\.js$/ }, async (args) => {
      const text = await Bun.file(args.path).text();
      if (!text.includes("PgQueryModule()")) {
        throw new Error(`Cannot embed libpg-query's WASM: ${args.path} no longer calls PgQueryModule()`);
      }
      return {
        contents: 'import __pgQueryWasm from "./libpg-query.wasm" with { type: "file" };\n' +
          text.replace("PgQueryModule()", "PgQueryModule({ locateFile: () => __pgQueryWasm })"),
        loader: "js",
      };
    });
  },
};

const result = await Bun.build({
  entrypoints: [entry],
  compile: target ? { outfile, target } : { outfile },
  minify: { whitespace: true, syntax: true, identifiers: true, keepNames: true },
  bytecode: true,
  // ES modules with code splitting: each lazily imported module (a dialect, its driver, Commander)
  // becomes a chunk that is loaded only when imported, instead of one bundle whose bytecode is all
  // mapped at start. Measured: `migrate --version` 7.8 -> 3.8 ms.
  format: "esm",
  splitting: true,
  sourcemap: "none",
  plugins: [embedPgQueryWasm],
});
if (!result.success) {
  for (const log of result.logs) console.error(log);
  process.exit(1);
}
