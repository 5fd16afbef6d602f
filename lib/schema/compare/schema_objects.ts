/**
 * The objects beyond tables, compared together (each kind by its own module) and placed in script
 * order: extensions, sequences and domains early; triggers, views and routines that go away or are
 * re-created dropped before the table changes (dependents first); new and changed routines and
 * views after the table changes in dependency order (`_object_order.ts`), then triggers, then raw
 * objects; drops of domains, sequences and extensions last.
 *
 * @module
 */
import type { Schema } from "../model.ts";
import type { SchemaNormalizer } from "../normalizer.ts";
import { orderByMentions } from "./_object_order.ts";
import type { CreateStep, ObjectComparison } from "./_object_steps.ts";
import type { Step } from "./_step.ts";
import { compareDomains } from "./domains.ts";
import { compareExtensions } from "./extensions.ts";
import { compareRawObjects } from "./raw_objects.ts";
import { compareRoutines } from "./routines.ts";
import type { SchemaChange } from "./schema_change.ts";
import { compareSequences } from "./sequences.ts";
import { compareTriggers } from "./triggers.ts";
import { compareViews } from "./views.ts";

/** What {@link compareSchemaObjects} found, by place in the script. */
export interface SchemaObjectsComparison {
  /** Before any table change: new extensions, sequences, domains; changed sequences and domains. */
  readonly early: readonly Step[];
  /** Before the table changes, after `early`: triggers, views and routines dropped. */
  readonly drops: readonly Step[];
  /** After the table changes: routines, views, materialized views, triggers, raw objects created. */
  readonly creates: readonly Step[];
  /** At the very end: domains, sequences and extensions dropped. */
  readonly late: readonly Step[];
  /** The differences, by object. */
  readonly changes: readonly SchemaChange[];
  /** Objects of the database the model cannot compare (raw SQL). */
  readonly uncompared: readonly string[];
}

/**
 * Compare every object beyond tables, enums and schemas.
 *
 * @param target the schema wanted
 * @param current the schema there is
 * @param normalizer the database's spellings
 * @param included whether a table key is compared (for triggers)
 * @returns the steps in their script places, the changes and what could not be compared
 */
export function compareSchemaObjects(
  target: Schema,
  current: Schema,
  normalizer: SchemaNormalizer,
  included: (table: string) => boolean,
): SchemaObjectsComparison {
  const extensions = compareExtensions(target, current);
  const sequences = compareSequences(target, current);
  const domains = compareDomains(target, current, normalizer);
  const views = compareViews(target, current);
  const routines = compareRoutines(target, current);
  const triggers = compareTriggers(target, current, included);
  const raw = compareRawObjects(target, current);
  const ordered = (
    parts: readonly ObjectComparison[],
    pick: (c: ObjectComparison) => readonly CreateStep[],
  ) => orderByMentions(parts.flatMap(pick).map((c) => ({ ...c, definition: c.definition ?? "" })));
  const creates = ordered([routines, views], (c) => c.creates);
  const drops = ordered([routines, views], (c) => c.drops).reverse();
  return {
    early: [...extensions.early, ...sequences.early, ...domains.early],
    drops: [...triggers.drops, ...drops].map((c) => c.step),
    creates: [...creates, ...triggers.creates, ...raw.creates].map((c) => c.step),
    late: [...domains.late, ...sequences.late, ...extensions.late],
    changes: [extensions, sequences, domains, routines, views, triggers, raw].flatMap((c) => c.changes),
    uncompared: raw.uncompared,
  };
}
