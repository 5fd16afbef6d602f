/**
 * Regenerate `tests/corpus/known_losses.json`, the data the corpus tests assert with exact equality:
 * for each corpus entry, the object keys its round trip loses, changes and adds (compared by the two
 * databases' own catalogs), the step that fails if one does, `check`'s exit status right after, and
 * what the change probe says. Run it after a fix has made an entry lose less, and review the diff:
 * the goal is every entry at `{ lost: [], changed: [], added: [], check: 0, change: "ok" }`.
 *
 * Usage: `deno run -A scripts/corpus/known_losses.ts [NAME...]` (after `npm run build`); with names,
 * only those entries are rerun and the others keep their data.
 *
 * @module
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { spawnSync } from "node:child_process";
import { ROOT } from "../../tests/cli/_project.ts";
import { changeProbe } from "./change_probe.ts";
import { CORPUS, type CorpusResult, entryLabel, roundTrip } from "./report.ts";

/** What the corpus tests expect of one entry today. */
export interface KnownLosses {
  /** Object keys of the source that the copy lacks. */
  readonly lost: string[];
  /** Object keys whose definitions differ between source and copy. */
  readonly changed: string[];
  /** Object keys only the copy has. */
  readonly added: string[];
  /** The round-trip step that fails (`upgrade head`), when one does. */
  readonly failed?: string;
  /** `check`'s exit status right after the upgrade, when the round trip ran through. */
  readonly check?: number | null;
  /** The change probe's outcome (`ok` or the step that went wrong), when the round trip ran through. */
  readonly change?: string;
}

/** Where the data lives. */
export const KNOWN_LOSSES_FILE: string = join(ROOT, "tests", "corpus", "known_losses.json");

/**
 * The known-losses record of one result.
 *
 * @param r a round trip run with the change probe
 * @returns the record, with the optional fields only where they apply
 */
export function knownLossesOf(r: CorpusResult): KnownLosses {
  return {
    lost: r.lost,
    changed: r.changed.map((c) => c.key),
    added: r.added,
    ...(r.failedStep === undefined ? { check: r.checkExit, change: r.probe } : { failed: r.failedStep }),
  };
}

/**
 * Read the data file.
 *
 * @returns entry label to record; empty when the file does not exist yet
 */
export function readKnownLosses(): Record<string, KnownLosses> {
  return existsSync(KNOWN_LOSSES_FILE) ? JSON.parse(readFileSync(KNOWN_LOSSES_FILE, "utf8")) : {};
}

if (import.meta.main) {
  const names = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const data = readKnownLosses();
  for (const entry of CORPUS) {
    if (names.length > 0 && !names.includes(entry.name)) continue;
    const r = await roundTrip(entry, changeProbe);
    const label = entryLabel(entry);
    if (r.skipped) {
      console.log(`${label}: not run (${r.skipped}); its data is kept as it was`);
      continue;
    }
    data[label] = knownLossesOf(r);
    console.log(
      `${label}: lost ${r.lost.length}, changed ${r.changed.length}, added ${r.added.length}, ${
        r.failed ?? `check exit ${r.checkExit}, change ${r.probe}`
      }`,
    );
  }
  const sorted = Object.fromEntries(Object.entries(data).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(KNOWN_LOSSES_FILE, `${JSON.stringify(sorted, null, 2)}\n`);
  spawnSync(join(ROOT, "node_modules", ".bin", "deno"), ["fmt", KNOWN_LOSSES_FILE], { stdio: "inherit" });
  console.log(`wrote ${KNOWN_LOSSES_FILE}`);
}
