/**
 * The change probe of the corpus (issue "Real schemas survive dump, check and autogenerate"): after a
 * round trip, make a small real change to the dumped schema file (add a nullable column, an index on
 * it, and widen a `varchar(n)` column by ten), then `check` must exit 1, `revision --autogenerate` and
 * `upgrade head` must apply it, `check` must exit 0 again, and the copy's own catalog must show all
 * three changes.
 *
 * @module
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ChangeProbe } from "./report.ts";

/** The column and index the probe adds. */
export const PROBE_COLUMN = "corpus_probe";
const PROBE_INDEX = "ix_corpus_probe";
const VARCHAR = /^(varchar|nvarchar|character varying)\((\d+)\)$/i;

interface ProbeTable {
  columns: Record<string, { type?: string }>;
  indexes?: { name: string; columns: string[] }[];
}

/** The table the probe changes: the first by name with a `varchar(n)` column, else the first. */
function pick(tables: Record<string, ProbeTable>): { table: string; widened?: [string, number] } {
  const names = Object.keys(tables).sort();
  for (const table of names) {
    for (const [column, def] of Object.entries(tables[table].columns ?? {})) {
      const m = VARCHAR.exec(def.type ?? "");
      if (m) return { table, widened: [column, Number(m[2])] };
    }
  }
  return { table: names[0] };
}

/**
 * Edit the project's `schema.ts`, check that the change is seen, applied and then settled.
 *
 * @returns `"ok"`, or the first step that went wrong (without paths, so it is stable from run to run)
 */
export const changeProbe: ChangeProbe = async ({ dir, run, fingerprint }) => {
  const file = join(dir, "schema.ts");
  const schema = (await import(pathToFileURL(file).href)).default as { tables: Record<string, ProbeTable> };
  if (Object.keys(schema.tables ?? {}).length === 0) return "no table to change";
  const { table, widened } = pick(schema.tables);
  const t = schema.tables[table];
  t.columns[PROBE_COLUMN] = { type: "integer" };
  t.indexes = [...(t.indexes ?? []), { name: PROBE_INDEX, columns: [PROBE_COLUMN] }];
  if (widened) {
    t.columns[widened[0]].type = t.columns[widened[0]].type!.replace(/\d+/, String(widened[1] + 10));
  }
  writeFileSync(file, `export default ${JSON.stringify(schema, null, 2)};\n`);
  const steps: [string, string[], number][] = [
    ["check after the change", ["check"], 1],
    ["revision --autogenerate of the change", ["revision", "--autogenerate", "-m", "change"], 0],
    ["upgrade head of the change", ["upgrade", "head"], 0],
    ["check after applying the change", ["check"], 0],
  ];
  for (const [label, args, expected] of steps) {
    const r = await run(args);
    if (r.code !== expected) return `${label}: exit ${r.code}, expected ${expected}`;
  }
  const catalog = await fingerprint();
  const tableText = [...catalog].find(([k]) => /^TABLE /.test(k) && k.split(/[ .]/).pop() === table)?.[1] ??
    "";
  if (!tableText.includes(PROBE_COLUMN)) return `the copy's catalog lacks column ${table}.${PROBE_COLUMN}`;
  if (
    ![...catalog].some(([k, v]) => k.includes(PROBE_INDEX) || (/^TABLE /.test(k) && v.includes(PROBE_INDEX)))
  ) {
    return `the copy's catalog lacks index ${PROBE_INDEX}`;
  }
  if (widened) {
    const [column, n] = widened;
    const declared = new RegExp(`\\b${column}\\b\\W*\\s[^,;]*\\(${n + 10}\\)`, "i");
    if (!declared.test(tableText)) return `the copy's catalog does not show ${table}.${column} widened`;
  }
  return "ok";
};
