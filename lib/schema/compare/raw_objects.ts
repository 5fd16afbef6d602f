/**
 * Objects the model cannot hold yet (`rawObjects`: rules, policies, event triggers, indexes of
 * materialized views, MySQL events, ...), compared by their SQL text (`_definition.ts`). One in the
 * schema file that the database lacks is created by running its SQL (`execute`, after everything
 * else; it has no inverse). One in the database that the file lacks cannot be dropped, as the model
 * does not know how: it is reported. Every raw object of the database is listed as not compared
 * (`check --strict` fails on them).
 *
 * @module
 */
import * as create from "../../operations/create.ts";
import type { Schema } from "../model.ts";
import type { RawObject } from "../objects.ts";
import { foldSql } from "./_definition.ts";
import { emptyComparison, type ObjectComparison } from "./_object_steps.ts";

/** What {@link compareRawObjects} found, besides steps and changes. */
export interface RawObjectsComparison extends ObjectComparison {
  /** One line per object of the database that the model cannot compare. */
  readonly uncompared: readonly string[];
}

/**
 * A raw object as people read it: `rule "film.film_ins"`.
 *
 * @param o the object
 * @returns its kind and name, or the start of its SQL
 */
export function describeRawObject(o: RawObject): string {
  const what = o.kind ?? "object";
  return o.name ? `${what} "${o.name}"` : `${what} "${o.sql.replace(/\s+/g, " ").slice(0, 60)}"`;
}

/**
 * Compare the raw objects of two schemas.
 *
 * @param target the schema wanted
 * @param current the schema there is
 * @returns `execute` steps, the changes (`raw object.*`) and what could not be compared
 */
export function compareRawObjects(target: Schema, current: Schema): RawObjectsComparison {
  const out = emptyComparison();
  const have = new Set((current.rawObjects ?? []).map((o) => foldSql(o.sql)));
  const want = new Set((target.rawObjects ?? []).map((o) => foldSql(o.sql)));
  for (const o of target.rawObjects ?? []) {
    if (have.has(foldSql(o.sql))) continue;
    out.creates.push({ key: describeRawObject(o), step: { up: create.execute(o.sql) } });
    out.changes.push({ type: "raw object.added", name: o.name ?? o.sql.slice(0, 60), details: [] });
  }
  const uncompared: string[] = [];
  for (const o of current.rawObjects ?? []) {
    const known = want.has(foldSql(o.sql));
    uncompared.push(
      `${describeRawObject(o)}: kept as raw SQL${
        known ? "" : ", and not in the schema file (cannot drop it)"
      }`,
    );
  }
  return { ...out, uncompared };
}
