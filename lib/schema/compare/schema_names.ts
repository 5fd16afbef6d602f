/**
 * Schemas (namespaces, PostgreSQL) besides the default one: created first, dropped last.
 *
 * @module
 */
import * as create from "../../operations/create.ts";
import type { Schema } from "../model.ts";
import type { Step } from "./_step.ts";
import type { SchemaChange } from "./schema_change.ts";

/** What {@link compareSchemaNames} found. */
export interface SchemaNamesComparison {
  /** `createSchema` steps, run before everything else. */
  readonly early: readonly Step[];
  /** `dropSchema` steps, run after everything else. */
  readonly late: readonly Step[];
  /** `schema.added` and `schema.removed`. */
  readonly changes: readonly SchemaChange[];
}

/**
 * Compare the schemas two schema models declare.
 *
 * @param target the schema model wanted
 * @param current the schema model there is
 * @returns the steps and the changes
 */
export function compareSchemaNames(target: Schema, current: Schema): SchemaNamesComparison {
  const have = current.schemas ?? [];
  const want = target.schemas ?? [];
  const early: Step[] = [];
  const late: Step[] = [];
  const changes: SchemaChange[] = [];
  for (const s of want) {
    if (have.includes(s)) continue;
    early.push({ up: create.createSchema(s) });
    changes.push({ type: "schema.added", name: s, details: [] });
  }
  for (const s of have) {
    if (want.includes(s)) continue;
    late.push({ up: create.dropSchema(s) });
    changes.push({ type: "schema.removed", name: s, details: [] });
  }
  return { early, late, changes };
}
