/**
 * Loading a schema file (the `schema` setting, DESIGN.md section 3): a TypeScript module whose
 * default export is a plain {@link Schema}, or the same data as `.json` or `.toml`; validated with
 * zod so that every problem names the table, the column and the key.
 *
 * @module
 */
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { pathToFileURL } from "node:url";
import { parse as parseToml } from "smol-toml";
import { z } from "zod";
import { ConfigError } from "../errors.ts";
import type { Schema } from "./model.ts";

const ACTIONS = ["cascade", "restrict", "set null", "set default", "no action"] as const;
const sqlExpression = z.strictObject({ sql: z.string().min(1) });
const literal = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const reference = z.union([
  z.string().min(1),
  z.strictObject({
    table: z.string().min(1),
    column: z.string().min(1).optional(),
    onDelete: z.enum(ACTIONS).optional(),
    onUpdate: z.enum(ACTIONS).optional(),
    name: z.string().min(1).optional(),
  }),
]);

const column = z.strictObject({
  type: z.string().min(1),
  nullable: z.boolean().optional(),
  default: z.union([literal, sqlExpression]).optional(),
  primaryKey: z.boolean().optional(),
  autoincrement: z.boolean().optional(),
  unique: z.boolean().optional(),
  references: reference.optional(),
  comment: z.string().optional(),
  computed: z.strictObject({ sql: z.string().min(1), stored: z.boolean().optional() }).optional(),
  identity: z.strictObject({
    always: z.boolean().optional(),
    start: z.number().int().optional(),
    increment: z.number().int().optional(),
  }).optional(),
  enum: z.strictObject({ name: z.string().min(1).optional(), values: z.array(z.string()).min(1) }).optional(),
});

const deferrable = { deferrable: z.boolean().optional(), initiallyDeferred: z.boolean().optional() };
const names = z.array(z.string().min(1)).min(1);

const table = z.strictObject({
  columns: z.record(z.string().min(1), column),
  primaryKey: z.strictObject({ columns: names, name: z.string().min(1).optional() }).optional(),
  uniqueConstraints: z.array(
    z.strictObject({ columns: names, name: z.string().min(1).optional(), ...deferrable }),
  )
    .optional(),
  indexes: z.array(z.strictObject({
    name: z.string().min(1),
    columns: z.array(z.union([z.string().min(1), sqlExpression])).min(1),
    unique: z.boolean().optional(),
    where: z.string().min(1).optional(),
    lengths: z.record(z.string().min(1), z.number().int().positive()).optional(),
  })).optional(),
  foreignKeys: z.array(z.strictObject({
    columns: names,
    referencedTable: z.string().min(1),
    referencedColumns: names,
    onDelete: z.enum(ACTIONS).optional(),
    onUpdate: z.enum(ACTIONS).optional(),
    name: z.string().min(1).optional(),
    ...deferrable,
  })).optional(),
  checkConstraints: z.array(
    z.strictObject({ condition: z.string().min(1), name: z.string().min(1).optional() }),
  )
    .optional(),
  comment: z.string().optional(),
});

const schemaShape = z.strictObject({
  tables: z.record(z.string().min(1), table),
  enums: z.record(z.string().min(1), z.array(z.string())).optional(),
  schemas: z.array(z.string().min(1)).optional(),
});

/**
 * Validate plain data as a {@link Schema}, checking also that every column a key, constraint or
 * index names exists in its table.
 *
 * @param data the parsed file (or any value)
 * @param file the file it came from, for messages
 * @returns the same data, typed
 * @throws {ConfigError} `Cannot load schema file "<file>": table "t", column "c", key "type": ...`
 *   naming the first problem (and how many more there are), with `key` set to the dotted path
 */
export function validateSchema(data: unknown, file: string): Schema {
  const result = schemaShape.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues;
    const first = issues[0];
    let path = first.path.map(String);
    let message = first.message;
    if (first.code === "unrecognized_keys") {
      path = [...path, first.keys[0]];
      message = "unknown key";
    }
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problems)` : "";
    throw new ConfigError(`Cannot load schema file "${file}": ${describePath(path)}: ${message}${more}`, {
      file,
      key: path.join("."),
    });
  }
  const schema = result.data as Schema;
  for (const [name, t] of Object.entries(schema.tables)) {
    const has = (c: string) => Object.hasOwn(t.columns, c);
    const check = (cols: readonly (string | { sql: string })[], key: string) => {
      for (const c of cols) {
        if (typeof c === "string" && !has(c)) {
          throw new ConfigError(
            `Cannot load schema file "${file}": table "${name}", key "${key}": column "${c}" is not a column of the table`,
            { file, key: `tables.${name}.${key}` },
          );
        }
      }
    };
    if (t.primaryKey) check(t.primaryKey.columns, "primaryKey");
    t.uniqueConstraints?.forEach((u, i) => check(u.columns, `uniqueConstraints.${i}`));
    t.indexes?.forEach((x, i) => check(x.columns, `indexes.${i}`));
    t.foreignKeys?.forEach((f, i) => {
      check(f.columns, `foreignKeys.${i}`);
      if (f.columns.length !== f.referencedColumns.length) {
        throw new ConfigError(
          `Cannot load schema file "${file}": table "${name}", key "foreignKeys.${i}": ${f.columns.length} columns refer to ${f.referencedColumns.length} columns`,
          { file, key: `tables.${name}.foreignKeys.${i}` },
        );
      }
    });
  }
  return schema;
}

/** `table "t", column "c", key "type"` for a zod path. */
function describePath(path: readonly string[]): string {
  const parts: string[] = [];
  if (path[0] === "tables" && path.length > 1) {
    parts.push(`table "${path[1]}"`);
    if (path[2] === "columns" && path.length > 3) {
      parts.push(`column "${path[3]}"`);
      if (path.length > 4) parts.push(`key "${path.slice(4).join(".")}"`);
    } else if (path.length > 2) {
      parts.push(`key "${path.slice(2).join(".")}"`);
    }
  } else if (path[0] === "enums" && path.length > 1) {
    parts.push(`enum "${path[1]}"`);
    if (path.length > 2) parts.push(`key "${path.slice(2).join(".")}"`);
  } else {
    parts.push(`key "${path.join(".") || "(top level)"}"`);
  }
  return parts.join(", ");
}

/**
 * Load and validate a schema file: `.ts`/`.js`/`.mts` modules are imported (their default export is
 * the schema), `.json` and `.toml` are parsed.
 *
 * @param file absolute path of the schema file
 * @returns the validated schema
 * @throws {ConfigError} when the file cannot be read, imported or parsed, has no default export, or
 *   fails validation (see {@link validateSchema})
 */
export async function loadSchemaFile(file: string): Promise<Schema> {
  const ext = extname(file).toLowerCase();
  let data: unknown;
  if (ext === ".json" || ext === ".toml") {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      throw new ConfigError(`Cannot read schema file "${file}": ${(error as Error).message}`, { file }, {
        cause: error,
      });
    }
    try {
      data = ext === ".json" ? JSON.parse(text) : parseToml(text);
    } catch (error) {
      throw new ConfigError(`Cannot parse schema file "${file}": ${(error as Error).message}`, { file }, {
        cause: error,
      });
    }
  } else {
    let mod: Record<string, unknown>;
    try {
      mod = await import(pathToFileURL(file).href);
    } catch (error) {
      throw new ConfigError(`Cannot import schema file "${file}": ${(error as Error).message}`, { file }, {
        cause: error,
      });
    }
    if (mod.default === undefined) {
      throw new ConfigError(
        `Cannot load schema file "${file}": it has no default export (export default { tables: { ... } })`,
        { file },
      );
    }
    data = mod.default;
  }
  return validateSchema(data, file);
}
