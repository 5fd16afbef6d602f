/**
 * Views and materialized views: created after the tables they read (in dependency order), dropped
 * before the table changes. A changed view is replaced in place (`replaceView`, back to the old
 * query on downgrade); a changed materialized view is dropped and created again, as PostgreSQL has
 * no `CREATE OR REPLACE MATERIALIZED VIEW`. Queries compare as `_definition.ts` says.
 *
 * @module
 */
import * as create from "../../operations/create.ts";
import type { Schema } from "../model.ts";
import type { View } from "../objects.ts";
import { sameSql } from "./_definition.ts";
import { emptyComparison, type ObjectComparison, splitObjectKey } from "./_object_steps.ts";

/**
 * Compare the views and materialized views of two schemas.
 *
 * @param target the schema wanted
 * @param current the schema there is
 * @returns the steps and the changes (`view.*`, `materialized view.*`)
 */
export function compareViews(target: Schema, current: Schema): ObjectComparison {
  const out = emptyComparison();
  compareKind(target.views ?? {}, current.views ?? {}, false, out);
  compareKind(target.materializedViews ?? {}, current.materializedViews ?? {}, true, out);
  return out;
}

function compareKind(
  target: Readonly<Record<string, View>>,
  current: Readonly<Record<string, View>>,
  materialized: boolean,
  out: ReturnType<typeof emptyComparison>,
): void {
  const type = materialized ? "materialized view" : "view";
  const make = materialized ? create.createMaterializedView : create.createView;
  const drop = materialized ? create.dropMaterializedView : create.dropView;
  for (const [key, view] of Object.entries(target)) {
    const { so, name } = splitObjectKey(key);
    const had = current[key];
    if (had === undefined) {
      out.creates.push({ key, definition: view.definition, step: { up: make(name, view.definition, so) } });
      out.changes.push({ type: `${type}.added`, name: key, details: [] });
    } else if (!sameSql(view.definition, had.definition)) {
      if (materialized) {
        out.drops.push({
          key,
          definition: had.definition,
          step: { up: drop(name, { ...so, definition: had.definition }) },
        });
        out.creates.push({ key, definition: view.definition, step: { up: make(name, view.definition, so) } });
      } else {
        out.creates.push({
          key,
          definition: view.definition,
          step: { up: create.replaceView(name, view.definition, { ...so, existing: had.definition }) },
        });
      }
      out.changes.push({ type: `${type}.changed`, name: key, details: ["query changed"] });
    }
  }
  for (const [key, had] of Object.entries(current)) {
    if (Object.hasOwn(target, key)) continue;
    const { so, name } = splitObjectKey(key);
    out.drops.push({
      key,
      definition: had.definition,
      step: { up: drop(name, { ...so, definition: had.definition }) },
    });
    out.changes.push({ type: `${type}.removed`, name: key, details: [] });
  }
}
