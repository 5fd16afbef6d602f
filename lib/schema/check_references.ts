/**
 * The foreign keys of a schema file must point at tables and columns the file declares: a key to
 * a table that does not exist would only fail later, half-way through an upgrade. A referenced
 * table that the config's `include_tables` / `exclude_tables` leave out is accepted unchecked: the
 * database has it and something else manages it (as Alembic's `include_object` leaves tables alone).
 *
 * @module
 */
import { ConfigError } from "../errors.ts";
import { resolveReference } from "../operations/resolve_reference.ts";
import type { Schema } from "./model.ts";

/**
 * Check every column `references` and table `foreignKeys` entry of `schema`.
 *
 * @param schema a schema whose shape is valid (see `validateSchema`)
 * @param file the schema file, for messages
 * @param isIncluded whether the config's table filters let `check` and autogenerate see a table
 *   key; a reference to a table they leave out is not checked (default: every table is included)
 * @throws {ConfigError} `Cannot load schema file "<file>": table "t", column "c", key "references":
 *   ...` naming the first reference to a table or column the file does not declare, or a
 *   `references` string that cannot be resolved
 * @example
 * ```ts
 * import { checkReferences } from "./check_references.ts";
 * const schema = { tables: { book: { columns: { author_id: { type: "integer", references: "author.id" } } } } };
 * checkReferences(schema, "schema.ts", (t) => t !== "author"); // accepted: "author" is excluded
 * ```
 */
export function checkReferences(
  schema: Schema,
  file: string,
  isIncluded: (table: string) => boolean = () => true,
): void {
  const fail = (where: string, key: string, problem: string): never => {
    throw new ConfigError(`Cannot load schema file "${file}": ${where}: ${problem}`, { file, key });
  };
  const target = (where: string, key: string, table: string, columns: readonly string[]) => {
    const referenced = schema.tables[table];
    if (referenced === undefined) {
      if (!isIncluded(table)) return;
      fail(
        where,
        key,
        `table "${table}" is not in the schema file (declare it, or add it to exclude_tables when ` +
          `the database has it and the schema file does not manage it)`,
      );
    }
    for (const c of columns) {
      if (!Object.hasOwn(referenced.columns, c)) {
        fail(where, key, `column "${c}" is not a column of table "${table}"`);
      }
    }
  };
  for (const [name, table] of Object.entries(schema.tables)) {
    for (const [col, column] of Object.entries(table.columns)) {
      if (column.references === undefined) continue;
      const where = `table "${name}", column "${col}", key "references"`;
      const key = `tables.${name}.columns.${col}.references`;
      let ref;
      try {
        ref = resolveReference(column.references);
      } catch (error) {
        return fail(where, key, (error as Error).message);
      }
      target(where, key, ref.schema ? `${ref.schema}.${ref.table}` : ref.table, [ref.column]);
    }
    table.foreignKeys?.forEach((f, i) => {
      const key = `foreignKeys.${i}`;
      target(
        `table "${name}", key "${key}"`,
        `tables.${name}.${key}`,
        f.referencedTable,
        f.referencedColumns,
      );
    });
  }
}
