/**
 * Standalone sequences (PostgreSQL): created before the tables (a default may draw from one),
 * changed in place with `alterSequence`, dropped after the tables. An option the schema file
 * leaves out is compared with `CREATE SEQUENCE`'s default only for `increment`, `cache` and
 * `cycle`; the bounds, start and type are compared only when the file gives them (their defaults
 * depend on the type and direction, which the file may not say).
 *
 * @module
 */
import * as create from "../../operations/create.ts";
import type { SequenceDefinition } from "../../operations/object_types.ts";
import type { Schema } from "../model.ts";
import { emptyComparison, type ObjectComparison, splitObjectKey } from "./_object_steps.ts";

const DEFAULTS: SequenceDefinition = { increment: 1, cache: 1, cycle: false };
const KEYS = ["type", "start", "increment", "minValue", "maxValue", "cache", "cycle"] as const;

/**
 * Compare the sequences of two schemas.
 *
 * @param target the schema wanted
 * @param current the schema there is
 * @returns the steps and the changes (`sequence.*`)
 */
export function compareSequences(target: Schema, current: Schema): ObjectComparison {
  const out = emptyComparison();
  const want = target.sequences ?? {};
  const have = current.sequences ?? {};
  for (const [key, seq] of Object.entries(want)) {
    const { so, name } = splitObjectKey(key);
    const had = have[key];
    if (had === undefined) {
      out.early.push({ up: create.createSequence(name, seq, so) });
      out.changes.push({ type: "sequence.added", name: key, details: [] });
      continue;
    }
    const set: Record<string, unknown> = {};
    const details: string[] = [];
    for (const k of KEYS) {
      const wanted = seq[k] ?? DEFAULTS[k];
      const there = had[k] ?? DEFAULTS[k];
      if (wanted === undefined || wanted === there) continue;
      set[k] = wanted;
      details.push(`${k} ${String(there ?? "default")} -> ${String(wanted)}`);
    }
    if (details.length === 0) continue;
    out.early.push({
      up: create.alterSequence(name, set as SequenceDefinition, { ...so, existing: existingOf(had, set) }),
    });
    out.changes.push({ type: "sequence.changed", name: key, details });
  }
  for (const [key, had] of Object.entries(have)) {
    if (Object.hasOwn(want, key)) continue;
    const { so, name } = splitObjectKey(key);
    out.late.unshift({ up: create.dropSequence(name, { ...so, definition: had }) });
    out.changes.push({ type: "sequence.removed", name: key, details: [] });
  }
  return out;
}

/** The current values of the options `set` changes, for the downgrade. */
function existingOf(had: SequenceDefinition, set: Record<string, unknown>): SequenceDefinition {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(set) as (typeof KEYS[number])[]) {
    const v = had[k] ?? DEFAULTS[k];
    if (v !== undefined) out[k] = v;
  }
  return out as SequenceDefinition;
}
