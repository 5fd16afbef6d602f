/**
 * Functions, procedures and aggregates: created after the tables (an SQL function's body is checked
 * against them) in dependency order, dropped before the table changes. A changed routine whose new
 * statement says `CREATE OR REPLACE` (PostgreSQL's `pg_get_functiondef` always does) is replaced in
 * place, so triggers and views using it stay; others are dropped and created again.
 *
 * @module
 */
import * as create from "../../operations/create.ts";
import type { Routine, Schema } from "../model.ts";
import { sameSql } from "./_definition.ts";
import { type CreateStep, emptyComparison, type ObjectComparison, splitObjectKey } from "./_object_steps.ts";

/**
 * Compare the routines of two schemas.
 *
 * @param target the schema wanted
 * @param current the schema there is
 * @returns the steps and the changes (`function.*`)
 */
export function compareRoutines(target: Schema, current: Schema): ObjectComparison {
  const out = emptyComparison();
  const want = target.functions ?? {};
  const have = current.functions ?? {};
  for (const [key, routine] of Object.entries(want)) {
    const { so, name } = splitObjectKey(key);
    const options = { ...so, ...(routine.routine ? { routine: routine.routine } : {}) };
    const had = have[key];
    const up = create.createFunction(name, routine.definition, options);
    if (had === undefined) {
      out.creates.push({ key, definition: routine.definition, step: { up } });
      out.changes.push({ type: "function.added", name: key, details: [] });
      continue;
    }
    if (sameSql(routine.definition, had.definition)) continue;
    if (/^\s*CREATE\s+OR\s+REPLACE\b/i.test(routine.definition) && had.routine === routine.routine) {
      const down = create.createFunction(name, had.definition, options);
      out.creates.push({ key, definition: routine.definition, step: { up, down } });
    } else {
      out.drops.push(dropRoutine(key, had));
      out.creates.push({ key, definition: routine.definition, step: { up } });
    }
    out.changes.push({ type: "function.changed", name: key, details: ["definition changed"] });
  }
  for (const [key, had] of Object.entries(have)) {
    if (Object.hasOwn(want, key)) continue;
    out.drops.push(dropRoutine(key, had));
    out.changes.push({ type: "function.removed", name: key, details: [] });
  }
  return out;
}

// The drop of a routine there is, named by its kind so PostgreSQL finds it.
function dropRoutine(key: string, had: Routine): CreateStep {
  const { so, name } = splitObjectKey(key);
  return {
    key,
    definition: had.definition,
    step: {
      up: create.dropFunction(name, {
        ...so,
        ...(had.routine ? { routine: had.routine } : {}),
        definition: had.definition,
      }),
    },
  };
}
