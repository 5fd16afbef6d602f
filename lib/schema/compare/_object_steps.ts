/**
 * What a comparator of objects beyond tables returns, and where its steps go in the script: early
 * steps (extensions, sequences, domains) before any table change; drops (triggers, views,
 * routines) before the table changes too, so no view holds a column being dropped; creations after
 * the table changes, in dependency order; late steps (drops of domains, sequences, extensions) at
 * the very end.
 *
 * @module
 */
import type { Step } from "./_step.ts";
import type { SchemaChange } from "./schema_change.ts";

/** A creation step; `definition` orders views and routines among themselves (see `_object_order.ts`). */
export interface CreateStep {
  readonly key: string;
  readonly step: Step;
  /** The SQL it creates, when other objects may depend on it. */
  readonly definition?: string;
}

/** The steps and changes one object comparator found. */
export interface ObjectComparison {
  readonly early: readonly Step[];
  readonly drops: readonly CreateStep[];
  readonly creates: readonly CreateStep[];
  readonly late: readonly Step[];
  readonly changes: readonly SchemaChange[];
}

/** An empty {@link ObjectComparison} to fill. */
export function emptyComparison(): {
  early: Step[];
  drops: CreateStep[];
  creates: CreateStep[];
  late: Step[];
  changes: SchemaChange[];
} {
  return { early: [], drops: [], creates: [], late: [], changes: [] };
}

/** `{ schema }` and the name of an object key (`name` or `schema.name`; a routine's argument list may hold dots). */
export function splitObjectKey(key: string): { readonly so: { schema?: string }; readonly name: string } {
  const head = key.includes("(") ? key.slice(0, key.indexOf("(")) : key;
  const at = head.indexOf(".");
  return at < 0 ? { so: {}, name: key } : { so: { schema: key.slice(0, at) }, name: key.slice(at + 1) };
}
