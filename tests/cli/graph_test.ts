/**
 * `history --graph`, `graph` and `schema dump --format mermaid|dot|svg` through the compiled binary
 * `dist/migrate`: on examples/chinook (a branch point, two lanes, a merge point, the `sales` label) and
 * on the Pagila schema. DOT is checked by Graphviz itself (its WebAssembly build from npm), Mermaid by
 * the `mermaid` package's own `parse`, SVG by a well-formedness check.
 *
 * Mermaid's `parse` sanitizes labels with DOMPurify, which needs a browser DOM that Deno does not have;
 * the test replaces DOMPurify's methods by pass-through ones before loading Mermaid, so the parser runs
 * unchanged and only the (irrelevant here) HTML sanitizing is skipped.
 *
 * @module
 */
import { CHINOOK_REVISIONS } from "./_chinook.ts";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { assert, assertEquals, assertRejects, assertStringIncludes } from "../_assert.ts";
import { withPostgresDatabase } from "../_db.ts";
import { feedPsql, ROOT, runBinary } from "./_project.ts";

const EXAMPLE = join(ROOT, "examples", "chinook");
const PAGILA = resolve(ROOT, "..", "shared", "corpus", "pagila", "pagila-schema.sql");
const REVISIONS = CHINOOK_REVISIONS;

/** Run the binary in `cwd` and fail, showing its output, unless it exits 0. */
async function migrateOk(cwd: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const out = await runBinary(args, { cwd, env: { LANG: "C.UTF-8", ...env } });
  assertEquals(out.code, 0, `migrate ${args.join(" ")} exited ${out.code}\n${out.stdout}\n${out.stderr}`);
  return out.stdout;
}

/** A copy of examples/chinook stamped at 71a915700008 (no SQL run), with its folder. */
async function withChinook(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "retort-graph-"));
  try {
    const project = join(dir, "chinook");
    cpSync(EXAMPLE, project, { recursive: true, filter: (src) => !/chinook\.db/.test(src) });
    await migrateOk(project, ["stamp", "71a915700008"]);
    await fn(project);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let mermaidParse: ((text: string) => Promise<unknown>) | undefined;

/** Mermaid's own parser; throws on a syntax error. */
async function parseMermaid(text: string): Promise<unknown> {
  if (mermaidParse === undefined) {
    // The same module file Mermaid imports, so the pass-through methods are the ones it calls.
    const module = await import("../../node_modules/dompurify/dist/purify.es.mjs");
    const purify = module.default as unknown as Record<string, unknown>;
    purify.addHook = () => {};
    purify.removeHook = () => {};
    purify.removeHooks = () => {};
    purify.sanitize = (s: unknown) => String(s);
    const mermaid = (await import("mermaid")).default;
    mermaidParse = (t) => mermaid.parse(t);
  }
  return await mermaidParse(text);
}

/** Graphviz (WebAssembly) renders `dot` without errors or warnings. */
async function assertGraphvizAccepts(dot: string): Promise<void> {
  const { instance } = await import("@viz-js/viz");
  const viz = await instance();
  const result = viz.render(dot, { format: "svg" });
  assertEquals([result.status, result.errors], ["success", []], dot.slice(0, 2000));
}

/**
 * Fail unless `text` is well-formed XML with an `<svg>` root: every tag closed in order, attributes
 * quoted, no stray `<` or `&`.
 */
function assertWellFormedSvg(text: string): void {
  const body = text.replace(/<\?xml[^?]*\?>/, "").replace(/<!DOCTYPE[^>]*>/, "").replace(
    /<!--[\s\S]*?-->/g,
    "",
  );
  const stack: string[] = [];
  let root: string | undefined;
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(body); m !== null; m = tag.exec(body)) {
    const between = body.slice(last, m.index);
    assert(!between.includes("<"), `Stray "<" near: ${between.slice(0, 80)}`);
    assert(!/&(?![a-zA-Z]+;|#\d+;|#x[0-9a-fA-F]+;)/.test(between), `Bare "&" in: ${between.slice(0, 80)}`);
    last = tag.lastIndex;
    const [, closing, name, , selfClosing] = m;
    if (closing) assertEquals(stack.pop(), name, `</${name}> closes the wrong element`);
    else {
      root ??= name;
      if (!selfClosing) stack.push(name);
    }
  }
  assert(!body.slice(last).includes("<"), 'Stray "<" after the last tag');
  assertEquals(stack, [], "Unclosed elements");
  assertEquals(root, "svg");
}

Deno.test("history --graph on Chinook: branch point, both lanes, merge point, head and current", async () => {
  await withChinook(async (dir) => {
    const text = await migrateOk(dir, ["history", "--graph", "-i"]);
    const lines = text.trimEnd().split("\n");
    assertEquals(lines.filter((l) => /[0-9a-f]{12}/.test(l)).length, REVISIONS.length);
    assertEquals(lines[0], "● da7a10ad0013 (sales) (head), add artist sort name");
    assertStringIncludes(text, "● 3e69e0000010 (sales) (mergepoint), merge sales and playlists\n├─┐\n");
    assertStringIncludes(text, "● │ 5a1e50000006 (sales), create sales by country view\n");
    assertStringIncludes(text, "│ ◉ 71a915700008 (current), create playlist track\n");
    assertStringIncludes(text, "●─┘ ca7a10900003 (branchpoint), create employee\n");
    assertEquals(lines.at(-1), "● ca7a10900001, create artist and album");

    const ascii = await migrateOk(dir, ["history", "--graph", "-i", "--ascii"]);
    const high = [...new TextEncoder().encode(ascii)].filter((b) => b > 0x7e);
    assertEquals(high, [], "history --graph --ascii printed a byte above 0x7E");
    assertStringIncludes(ascii, "* 3e69e0000010 (sales) (mergepoint), merge sales and playlists\n+-.\n");
    assertStringIncludes(ascii, "| @ 71a915700008 (current), create playlist track\n");
    assertStringIncludes(ascii, "*-' ca7a10900003 (branchpoint), create employee\n");
    // A locale that is not UTF-8 gets ASCII without --ascii.
    assertEquals(await migrateOk(dir, ["history", "--graph", "-i"], { LANG: "C", LC_ALL: "C" }), ascii);
    // The same ranges as history.
    const range = await migrateOk(dir, ["history", "--graph", "-r", "3e69e0000010:"]);
    assertEquals(range.trimEnd().split("\n").length, 4);
    // Colours only when forced (the test's stdout is not a terminal) and never with NO_COLOR.
    assert(!text.includes("\x1b["));
    assertStringIncludes(await migrateOk(dir, ["history", "--graph"], { FORCE_COLOR: "1" }), "\x1b[");
  });
});

Deno.test("graph on Chinook: Mermaid parsed by Mermaid, DOT by Graphviz, SVG well-formed, JSON", async () => {
  await withChinook(async (dir) => {
    const mermaid = await migrateOk(dir, ["graph", "-i"]);
    assert(mermaid.startsWith("flowchart TD\n"));
    for (const id of REVISIONS) assertStringIncludes(mermaid, `r_${id}`);
    assertStringIncludes(mermaid, "  class r_da7a10ad0013 head\n");
    assertStringIncludes(mermaid, "  class r_71a915700008 current\n");
    await parseMermaid(mermaid);
    const collapsed = await migrateOk(dir, ["graph", "--collapse"]);
    assertStringIncludes(collapsed, `r_ca7a10900003 -->|"3 revisions"| r_3e69e0000010`);
    await parseMermaid(collapsed);
    // The parser is the real one: it rejects a broken flowchart.
    await assertRejects(() => parseMermaid(mermaid.replace("-->", "-->>(")), Error, "Parse error");

    // The README shows this graph (without the current revision) as a Mermaid block.
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const block = /<!-- chinook-graph:[^\n]*-->\n\n```mermaid\n([\s\S]*?)```/.exec(readme)?.[1];
    assertEquals(block, await migrateOk(dir, ["graph"]), "README.md's Chinook graph is stale");

    const dot = await migrateOk(dir, ["graph", "--format", "dot", "-i"]);
    await assertGraphvizAccepts(dot);
    await assertGraphvizAccepts(await migrateOk(dir, ["graph", "--format", "dot", "--collapse"]));

    const svg = await migrateOk(dir, ["graph", "--format", "svg", "-i"]);
    assertWellFormedSvg(svg);
    for (const id of REVISIONS) assertStringIncludes(svg, `<title>${id}</title>`);

    const json = JSON.parse(await migrateOk(dir, ["graph", "--format", "json"]));
    assertEquals(json.nodes.map((n: { id: string }) => n.id).sort(), [...REVISIONS].sort());
    assertEquals(json.edges.length, REVISIONS.length);
    const bad = await runBinary(["graph", "--format", "png"], { cwd: dir });
    assertEquals(bad.code, 2);
    assertStringIncludes(bad.stderr, `Cannot draw the graph as "png"`);
  });
});

Deno.test("schema dump --format mermaid|dot|svg on Pagila (PostgreSQL): every table and foreign key", async () => {
  await withPostgresDatabase(async (url) => {
    feedPsql(url, readFileSync(PAGILA, "utf8"));
    const dir = mkdtempSync(join(tmpdir(), "retort-schema-diagram-"));
    try {
      const schema = JSON.parse(await migrateOk(dir, ["--url", url, "--json", "schema", "dump"])) as {
        tables: Record<string, { foreignKeys?: { columns: string[]; referencedTable: string }[] }>;
      };
      const tables = Object.keys(schema.tables);
      assert(tables.length >= 15, `Pagila has ${tables.length} tables`);
      const text = await migrateOk(dir, ["--url", url, "schema", "dump", "--format", "mermaid"]);
      assert(text.startsWith("erDiagram\n"));
      for (const table of tables) assertStringIncludes(text, `\n  ${table} {\n`);
      let foreignKeys = 0;
      for (const [table, def] of Object.entries(schema.tables)) {
        for (const fk of def.foreignKeys ?? []) {
          foreignKeys++;
          assert(
            new RegExp(`\\n  ${fk.referencedTable} \\|[|o]--o[{|] ${table} : "${fk.columns.join(", ")}"\\n`)
              .test(text),
            `No relation ${fk.referencedTable} -> ${table} (${fk.columns})`,
          );
        }
      }
      assertEquals(text.split("\n").filter((l) => /--o[{|]/.test(l)).length, foreignKeys);
      assert(foreignKeys >= 15, `Pagila has ${foreignKeys} foreign keys`);
      await parseMermaid(text);

      const dot = await migrateOk(dir, ["--url", url, "schema", "dump", "--format", "dot"]);
      await assertGraphvizAccepts(dot);
      const svg = await migrateOk(dir, [
        "--url",
        url,
        "schema",
        "dump",
        "--format",
        "svg",
        "--tables",
        "film*",
      ]);
      assertWellFormedSvg(svg);
      assertStringIncludes(svg, "<title>film_actor</title>");
      assert(!svg.includes("<title>actor</title>"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, "graph_pagila");
});
