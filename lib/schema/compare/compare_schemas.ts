/**
 * Compare a target schema (the schema file) with the current one (the database) and produce the
 * operations that turn current into target, and their inverses for `downgrade` (Alembic's
 * `compare_metadata` + `produce_migrations`, without an ORM). One comparator per object kind
 * (Alembic's comparators by level); this driver walks them in a fixed order so the operations apply
 * as written: schemas and enums, foreign keys that go away, new tables (referenced tables first),
 * changes inside kept tables, new foreign keys, dropped tables (referencing tables first), dropped
 * enums and schemas. The downgrade is the upgrade reversed, each operation undone by `inverse.ts`.
 *
 * @module
 */
import type { Operation } from "../../operations/types.ts";
import type { BodyItem } from "../../render/typescript.ts";
import { normalizeTable, splitTableKey } from "../model.ts";
import type { Schema } from "../model.ts";
import type { SchemaNormalizer } from "../normalizer.ts";
import type { Placed, Step, TableComparator, TablePair } from "./_step.ts";
import { filterTables, tableFilter } from "./_table_filter.ts";
import { compareCheckConstraints } from "./check_constraints.ts";
import { compareColumns } from "./columns.ts";
import { compareComments } from "./comments.ts";
import { compareEnums } from "./enums.ts";
import { compareForeignKeys } from "./foreign_keys.ts";
import { compareExclusionConstraints } from "./exclusion_constraints.ts";
import { compareIndexes } from "./indexes.ts";
import { inverseOf } from "./inverse.ts";
import { orderTableSteps } from "./order.ts";
import { comparePrimaryKeys } from "./primary_keys.ts";
import type { SchemaChange } from "./schema_change.ts";
import { compareSchemaNames } from "./schema_names.ts";
import { compareSchemaObjects } from "./schema_objects.ts";
import { compareTableOptions } from "./table_options.ts";
import { compareTables } from "./tables.ts";
import { compareUniqueConstraints } from "./unique_constraints.ts";

/** Options of {@link compareSchemas} (the config's `compare_*` and `include/exclude_tables`). */
export interface CompareOptions {
  /** The database's type and default spellings and capabilities (`dialect.normalizer()`). */
  readonly normalizer: SchemaNormalizer;
  /** Compare column types (default true). */
  readonly compareType?: boolean;
  /** Compare server defaults (default true). */
  readonly compareServerDefault?: boolean;
  /** Globs (`*`, `?`) of table names to compare; default all. */
  readonly includeTables?: readonly string[];
  /** Globs of table names to leave alone. */
  readonly excludeTables?: readonly string[];
}

/** What {@link compareSchemas} found. */
export interface CompareResult {
  /** The operations of `upgrade`, in order. */
  readonly operations: readonly Operation[];
  /** `upgrade` body items: operations with explanatory comments (possible renames). */
  readonly upgrade: readonly BodyItem[];
  /** `downgrade` body items: the inverses, in reverse order. */
  readonly downgrade: readonly BodyItem[];
  /** The differences, by object. */
  readonly changes: readonly SchemaChange[];
  /** Objects of the database the model cannot compare (kept as raw SQL); `check --strict` fails on them. */
  readonly uncompared: readonly string[];
}

/**
 * The comparators of a table present on both sides, in the order their detail lines are listed
 * (the order of the operations is the slots', see `order.ts`).
 */
const TABLE_COMPARATORS: readonly TableComparator[] = [
  compareColumns,
  comparePrimaryKeys,
  compareUniqueConstraints,
  compareIndexes,
  compareForeignKeys,
  compareCheckConstraints,
  compareExclusionConstraints,
  compareComments,
  compareTableOptions,
];

/**
 * Compare `target` with `current`.
 *
 * @param target the schema wanted (from the schema file)
 * @param current the schema there is (introspected)
 * @param options dialect normaliser and comparison switches
 * @returns the operations, the script bodies and the list of differences; empty when they match
 * @throws {TypeError} when a column's `references` in `target` cannot be resolved
 * @example
 * ```ts
 * import { compareSchemas } from "./compare_schemas.ts";
 * import { normalizerFor } from "../introspect.ts";
 * const result = compareSchemas(
 *   { tables: { a: { columns: { id: { type: "integer" }, b: { type: "text" } } } } },
 *   { tables: { a: { columns: { id: { type: "integer" } } } } },
 *   { normalizer: await normalizerFor("sqlite") },
 * );
 * // result.operations: [{ kind: "addColumn", table: "a", column: "b", definition: { type: "text" } }]
 * ```
 */
export function compareSchemas(target: Schema, current: Schema, options: CompareOptions): CompareResult {
  const normalizer = cached(options.normalizer);
  const included = tableFilter(options.includeTables ?? ["*"], options.excludeTables ?? []);
  const schemaNames = compareSchemaNames(target, current);
  const enums = compareEnums(target, current, normalizer.capabilities.enums);
  const targetTables = filterTables(target.tables, included);
  const currentTables = filterTables(current.tables, included);
  const tables = compareTables(targetTables, currentTables, normalizer);
  const objects = compareSchemaObjects(target, current, normalizer, included);
  const changes: SchemaChange[] = [...schemaNames.changes, ...enums.changes, ...tables.changes];
  const fkDrops: Step[] = [];
  const alters: Step[] = [];
  const fkCreates: Step[] = [...tables.foreignKeys];
  for (const key of Object.keys(targetTables)) {
    if (!Object.hasOwn(currentTables, key)) continue;
    const { schema, table: name } = splitTableKey(key);
    const pair: TablePair = {
      key,
      name,
      so: schema ? { schema } : {},
      target: normalizeTable(targetTables[key]),
      current: normalizeTable(currentTables[key]),
      normalizer,
      compareType: options.compareType ?? true,
      compareServerDefault: options.compareServerDefault ?? true,
    };
    const placed: Placed[] = [];
    const details: string[] = [];
    for (const comparator of TABLE_COMPARATORS) {
      const found = comparator(pair);
      placed.push(...found.steps);
      details.push(...found.details);
    }
    const ordered = orderTableSteps(name, schema, placed, normalizer.capabilities);
    fkDrops.push(...ordered.foreignKeyDrops);
    alters.push(...ordered.changes);
    fkCreates.push(...ordered.foreignKeyCreates);
    if (details.length) changes.push({ type: "table.changed", name: key, details });
  }
  changes.push(...objects.changes);
  const all = [
    ...schemaNames.early,
    ...objects.early,
    ...enums.early,
    ...objects.drops,
    ...fkDrops,
    ...tables.creates,
    ...alters,
    ...fkCreates,
    ...tables.drops,
    ...objects.creates,
    ...enums.late,
    ...objects.late,
    ...schemaNames.late,
  ];
  return {
    operations: all.map((s) => s.up),
    ...scriptBodies(all),
    changes,
    uncompared: objects.uncompared,
  };
}

/** The `upgrade` body (comments above their operations) and the `downgrade` body (inverses, reversed). */
function scriptBodies(steps: readonly Step[]): { upgrade: BodyItem[]; downgrade: BodyItem[] } {
  const upgrade: BodyItem[] = [];
  const downgrade: BodyItem[] = [];
  for (const s of steps) {
    if (s.comment) upgrade.push({ comment: s.comment });
    upgrade.push(s.up);
  }
  for (const s of [...steps].reverse()) {
    const down = inverseOf(s);
    if (down) {
      downgrade.push(down);
      if (s.downAlso) downgrade.push(s.downAlso);
    } else {
      const o = s.up as { table?: string; name?: string };
      downgrade.push({ comment: `no inverse for ${s.up.kind} of "${o.table ?? o.name ?? ""}"` });
    }
  }
  return { upgrade, downgrade };
}

/** The normaliser with its type spellings memoised: a schema repeats a handful of types many times. */
function cached(n: SchemaNormalizer): SchemaNormalizer {
  const types = new Map<string, string>();
  return {
    ...n,
    type: (t) => {
      let v = types.get(t);
      if (v === undefined) types.set(t, v = n.type(t));
      return v;
    },
  };
}
