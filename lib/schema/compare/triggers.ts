/**
 * Triggers, matched by table and name: created after their tables and the routines they call,
 * dropped before the table changes; a changed trigger is dropped and created again (no database has
 * a portable `CREATE OR REPLACE TRIGGER`). Triggers of tables left out by `include_tables` /
 * `exclude_tables` are left out too.
 *
 * @module
 */
import * as create from "../../operations/create.ts";
import { type Schema, splitTableKey } from "../model.ts";
import type { Trigger } from "../objects.ts";
import { sameSql } from "./_definition.ts";
import { emptyComparison, type ObjectComparison } from "./_object_steps.ts";

/**
 * Compare the triggers of two schemas.
 *
 * @param target the schema wanted
 * @param current the schema there is
 * @param included whether a table key is compared at all
 * @returns the steps and the changes (`trigger.*`, named `table.trigger`)
 */
export function compareTriggers(
  target: Schema,
  current: Schema,
  included: (table: string) => boolean,
): ObjectComparison {
  const out = emptyComparison();
  const byKey = (list: readonly Trigger[] | undefined) =>
    new Map((list ?? []).filter((t) => included(t.table)).map((t) => [`${t.table}.${t.name}`, t]));
  const want = byKey(target.triggers);
  const have = byKey(current.triggers);
  const make = (key: string, t: Trigger) => {
    const { schema, table } = splitTableKey(t.table);
    out.creates.push({
      key,
      step: { up: create.createTrigger(t.name, table, t.definition, schema ? { schema } : {}) },
    });
  };
  const drop = (key: string, t: Trigger) => {
    const { schema, table } = splitTableKey(t.table);
    out.drops.push({
      key,
      step: {
        up: create.dropTrigger(t.name, table, { ...(schema ? { schema } : {}), definition: t.definition }),
      },
    });
  };
  for (const [key, t] of want) {
    const had = have.get(key);
    if (had === undefined) {
      make(key, t);
      out.changes.push({ type: "trigger.added", name: key, details: [] });
    } else if (!sameSql(t.definition, had.definition)) {
      drop(key, had);
      make(key, t);
      out.changes.push({ type: "trigger.changed", name: key, details: ["definition changed"] });
    }
  }
  for (const [key, had] of have) {
    if (want.has(key)) continue;
    drop(key, had);
    out.changes.push({ type: "trigger.removed", name: key, details: [] });
  }
  return out;
}
