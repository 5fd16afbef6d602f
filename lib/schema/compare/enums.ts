/**
 * Enum types (where enums are types of their own, PostgreSQL): created before the tables that use
 * them, values added in place, dropped after the tables. A value cannot be removed from an enum
 * type, so a new value has no inverse and says so in a comment.
 *
 * @module
 */
import type { EnumSupport } from "../../dialects/capabilities.ts";
import * as create from "../../operations/create.ts";
import { type Schema, splitTableKey } from "../model.ts";
import type { Step } from "./_step.ts";
import type { SchemaChange } from "./schema_change.ts";

/** What {@link compareEnums} found. */
export interface EnumsComparison {
  /** `createEnum` and `addEnumValue` steps, run before any table changes. */
  readonly early: readonly Step[];
  /** `dropEnum` steps, run after every table change. */
  readonly late: readonly Step[];
  /** `enum.added`, `enum.changed` and `enum.removed`. */
  readonly changes: readonly SchemaChange[];
}

/**
 * Compare the enum types of two schemas.
 *
 * Only where enums are types of their own (`named-type`): elsewhere the values are the column's
 * type and `compareColumns` sees them. A type named only by its columns
 * (`type: "enum", enum: { name, values }`) is wanted as much as one of the `enums` block.
 *
 * @param target the schema wanted
 * @param current the schema there is
 * @param support how the database keeps enums (`capabilities.enums`); `named-type` when absent
 * @returns the steps before and after the table changes, and the changes
 */
export function compareEnums(
  target: Schema,
  current: Schema,
  support: EnumSupport = "named-type",
): EnumsComparison {
  const early: Step[] = [];
  const late: Step[] = [];
  const changes: SchemaChange[] = [];
  if (support !== "named-type") return { early, late, changes };
  const targetEnums = { ...enumsOfColumns(target), ...target.enums };
  const currentEnums = current.enums ?? {};
  for (const [key, values] of Object.entries(targetEnums)) {
    const { schema, table: name } = splitTableKey(key);
    const so = schema ? { schema } : {};
    const had = currentEnums[key];
    if (had === undefined) {
      early.push({ up: create.createEnum(name, values, so) });
      changes.push({ type: "enum.added", name: key, details: [] });
      continue;
    }
    const added = values.filter((v) => !had.includes(v));
    for (const v of added) {
      const at = values.indexOf(v);
      const place = at > 0 ? { after: values[at - 1] } : values.length > 1 ? { before: values[1] } : {};
      early.push({
        up: create.addEnumValue(name, v, { ...so, ...place }),
        comment: `PostgreSQL cannot remove a value from an enum: downgrade leaves "${v}" in "${key}"`,
      });
    }
    // A value only the database has cannot be removed in place (PostgreSQL has no DROP VALUE).
    const extra = had.filter((v) => !values.includes(v));
    const details = [
      ...added.map((v) => `value "${v}" added`),
      ...extra.map((v) => `value "${v}" is in the database only`),
    ];
    if (details.length) changes.push({ type: "enum.changed", name: key, details });
  }
  for (const [key, values] of Object.entries(currentEnums)) {
    if (targetEnums[key] !== undefined) continue;
    const { schema, table: name } = splitTableKey(key);
    late.unshift({ up: create.dropEnum(name, { ...(schema ? { schema } : {}), values }) });
    changes.push({ type: "enum.removed", name: key, details: [] });
  }
  return { early, late, changes };
}

/** The enum types that columns name (`enum: { name, values }`), by name, first declaration first. */
function enumsOfColumns(schema: Schema): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {};
  for (const table of Object.values(schema.tables)) {
    for (const column of Object.values(table.columns)) {
      const name = column.enum?.name;
      if (name !== undefined && column.type.trim().toLowerCase() === "enum" && !Object.hasOwn(out, name)) {
        out[name] = column.enum!.values;
      }
    }
  }
  return out;
}
