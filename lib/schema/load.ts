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
import { ConfigError } from "../errors.ts";
import { syntaxErrorAt } from "../script/syntax_error_at.ts";
import { checkReferences } from "./check_references.ts";
import { tableFilter } from "./compare/_table_filter.ts";
import { indexColumnName } from "../operations/index_columns.ts";
import type { IndexColumn } from "../operations/types.ts";
import type { Schema } from "./model.ts";

const ACTIONS = ["cascade", "restrict", "set null", "set default", "no action"] as const;

/** Options of {@link validateSchema} and {@link loadSchemaFile}: the config's table filters. */
export interface SchemaFileOptions {
  /** `include_tables` globs: a foreign key to a table they leave out is not checked. */
  readonly includeTables?: readonly string[];
  /** `exclude_tables` globs: a foreign key to a table they match is not checked. */
  readonly excludeTables?: readonly string[];
}

/**
 * Validate plain data as a {@link Schema}, checking also that every column a key, constraint or
 * index names exists in its table, and that every foreign key points at a table and columns of
 * the file (or at a table the config's filters leave out, see `check_references.ts`).
 *
 * @param data the parsed file (or any value)
 * @param file the file it came from, for messages
 * @param options the config's `include_tables` and `exclude_tables`
 * @returns the data as zod's parse returns it (keys in the format's order), typed
 * @throws {ConfigError} `Cannot load schema file "<file>": table "t", column "c", key "type": ...`
 *   naming the first problem (and how many more there are), with `key` set to the dotted path
 */
export async function validateSchema(
  data: unknown,
  file: string,
  options: SchemaFileOptions = {},
): Promise<Schema> {
  const fast = fastSchema(data);
  // zod is loaded only when the fast path cannot vouch for the data (it costs ~20 ms to load).
  const result = fast !== FAIL
    ? { success: true as const, data: fast }
    : (await import("./_schema_shape.ts")).schemaShape.safeParse(data);
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
    const check = (cols: readonly IndexColumn[], key: string) => {
      for (const entry of cols) {
        const c = indexColumnName(entry);
        if (c !== undefined && !has(c)) {
          throw new ConfigError(
            `Cannot load schema file "${file}": table "${name}", key "${key}": column "${c}" is not a column of the table`,
            { file, key: `tables.${name}.${key}` },
          );
        }
      }
    };
    if (t.primaryKey) check(t.primaryKey.columns, "primaryKey");
    t.uniqueConstraints?.forEach((u, i) => check(u.columns, `uniqueConstraints.${i}`));
    t.indexes?.forEach((x, i) => check([...x.columns, ...(x.include ?? [])], `indexes.${i}`));
    t.exclusionConstraints?.forEach((x, i) =>
      check(x.elements as readonly IndexColumn[], `exclusionConstraints.${i}`)
    );
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
  checkReferences(schema, file, tableFilter(options.includeTables ?? ["*"], options.excludeTables ?? []));
  return schema;
}

// A hand-written check of the same shape as the zod schema above, for the common case of a
// well-formed file: zod takes 30-140 ms on a 1,000-table schema, this a few. It returns what zod's
// parse returns (new objects, keys in the order of the zod shape, so rendered code does not depend
// on the path taken), or FAIL; it fails on anything it is not sure zod accepts (a key present with
// the value undefined, a class instance), and zod then runs to accept it or word the error.
// tests/unit/schema/load_test.ts checks both paths agree.

const FAIL: unique symbol = Symbol("invalid");
type Fast = (value: unknown) => unknown;

const isPlain = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== "object" || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};
const fString: Fast = (v) => typeof v === "string" ? v : FAIL;
const fName: Fast = (v) => typeof v === "string" && v.length > 0 ? v : FAIL;
const fBoolean: Fast = (v) => typeof v === "boolean" ? v : FAIL;
const fInt: Fast = (v) => Number.isSafeInteger(v) ? v : FAIL;
const fPositiveInt: Fast = (v) => Number.isSafeInteger(v) && (v as number) > 0 ? v : FAIL;
const fLiteral: Fast = (v) =>
  v === null || typeof v === "string" || typeof v === "boolean" ||
    (typeof v === "number" && Number.isFinite(v))
    ? v
    : FAIL;
const fAction: Fast = (v) => (ACTIONS as readonly unknown[]).includes(v) ? v : FAIL;
const fUnion = (...options: Fast[]): Fast => (v) => {
  for (const option of options) {
    const out = option(v);
    if (out !== FAIL) return out;
  }
  return FAIL;
};
const fArray = (item: Fast, min = 0): Fast => (v) => {
  if (!Array.isArray(v) || v.length < min) return FAIL;
  const out = new Array(v.length);
  for (let i = 0; i < v.length; i++) {
    if (!(i in v)) return FAIL;
    if ((out[i] = item(v[i])) === FAIL) return FAIL;
  }
  return out;
};
const fRecord = (item: Fast): Fast => (v) => {
  if (!isPlain(v)) return FAIL;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) {
    if (key === "" || key === "__proto__") return FAIL;
    if ((out[key] = item(v[key])) === FAIL) return FAIL;
  }
  return out;
};
/** A strict object; `required` lists the keys that are not `.optional()` in the zod shape. */
const fObject = (shape: Record<string, Fast>, required: readonly string[]): Fast => {
  const keys = Object.keys(shape);
  return (v) => {
    if (!isPlain(v)) return FAIL;
    const out: Record<string, unknown> = {};
    let seen = 0;
    for (const key of keys) {
      if (!Object.hasOwn(v, key)) {
        if (required.includes(key)) return FAIL;
        continue;
      }
      const x = v[key];
      if (x === undefined || (out[key] = shape[key](x)) === FAIL) return FAIL;
      seen++;
    }
    return seen === Object.keys(v).length ? out : FAIL; // else an unknown key
  };
};

const fSql = fObject({ sql: fName }, ["sql"]);
const fNames = fArray(fName, 1);
const fOneOf = (values: readonly string[]): Fast => (v) => values.includes(v as string) ? v : FAIL;
const fSortOptions = {
  order: fOneOf(["asc", "desc"]),
  nulls: fOneOf(["first", "last"]),
  collation: fName,
  opclass: fName,
};
const fIndexColumn = fObject({ column: fName, ...fSortOptions }, ["column"]);
const fIndexExpression = fObject({ sql: fName, ...fSortOptions }, ["sql"]);
const fDeferrable = { deferrable: fBoolean, initiallyDeferred: fBoolean };
const fColumn = fObject({
  type: fName,
  nullable: fBoolean,
  default: fUnion(fLiteral, fSql),
  primaryKey: fBoolean,
  autoincrement: fBoolean,
  unique: fBoolean,
  references: fUnion(
    fName,
    fObject({ table: fName, column: fName, onDelete: fAction, onUpdate: fAction, name: fName }, ["table"]),
  ),
  comment: fString,
  computed: fObject({ sql: fName, stored: fBoolean }, ["sql"]),
  identity: fObject({
    always: fBoolean,
    start: fInt,
    increment: fInt,
    minValue: fInt,
    maxValue: fInt,
    cache: fInt,
    cycle: fBoolean,
  }, []),
  enum: fObject({ name: fName, values: fArray(fString, 1) }, ["values"]),
  collation: fName,
  charset: fName,
  onUpdate: fName,
}, ["type"]);
const fPlainName: Fast = (v) => typeof v === "string" && /^[A-Za-z0-9_]+$/.test(v) ? v : FAIL;
const fTable = fObject({
  columns: fRecord(fColumn),
  primaryKey: fObject({ columns: fNames, name: fName }, ["columns"]),
  uniqueConstraints: fArray(
    fObject({ columns: fNames, name: fName, ...fDeferrable, nullsNotDistinct: fBoolean }, ["columns"]),
  ),
  indexes: fArray(fObject({
    name: fName,
    columns: fArray(fUnion(fName, fSql, fIndexColumn, fIndexExpression), 1),
    unique: fBoolean,
    where: fName,
    lengths: fRecord(fPositiveInt),
    using: fName,
    include: fNames,
    nullsNotDistinct: fBoolean,
    fulltext: fBoolean,
    spatial: fBoolean,
  }, ["name", "columns"])),
  foreignKeys: fArray(fObject({
    columns: fNames,
    referencedTable: fName,
    referencedColumns: fNames,
    onDelete: fAction,
    onUpdate: fAction,
    name: fName,
    ...fDeferrable,
    match: fOneOf(["full", "simple"]),
    notValid: fBoolean,
  }, ["columns", "referencedTable", "referencedColumns"])),
  checkConstraints: fArray(fObject({ condition: fName, name: fName, notValid: fBoolean }, ["condition"])),
  exclusionConstraints: fArray(fObject({
    name: fName,
    using: fName,
    elements: fArray(
      fUnion(
        fObject({ column: fName, operator: fName, ...fSortOptions }, ["column", "operator"]),
        fObject({ sql: fName, operator: fName, ...fSortOptions }, ["sql", "operator"]),
      ),
      1,
    ),
    where: fName,
    ...fDeferrable,
  }, ["elements"])),
  comment: fString,
  mysql: fObject({
    engine: fPlainName,
    charset: fPlainName,
    collate: fPlainName,
    rowFormat: fPlainName,
  }, []),
  sqlite: fObject({ withoutRowid: fBoolean, strict: fBoolean }, []),
  partitionBy: fName,
  partitionOf: fObject({ table: fName, bound: fName }, ["table", "bound"]),
  inherits: fArray(fName, 1),
}, ["columns"]);
const fSchema = fObject(
  { tables: fRecord(fTable), enums: fRecord(fArray(fString)), schemas: fArray(fName) },
  ["tables"],
);

/**
 * The fast path of {@link validateSchema}: the data as zod's parse would return it, or `FAIL`
 * when it may not be valid (zod then decides). Exported for the test that compares both paths.
 *
 * @param data any value
 * @returns a copy shaped as zod's output, or {@link FAIL_FAST}
 */
export function fastSchema(data: unknown): Schema | typeof FAIL {
  return fSchema(data) as Schema | typeof FAIL;
}

/** What {@link fastSchema} returns for data it does not vouch for. */
export const FAIL_FAST: typeof FAIL = FAIL;

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
 * @param options the config's table filters (see {@link validateSchema})
 * @returns the validated schema
 * @throws {ConfigError} when the file cannot be read, imported or parsed, has no default export, or
 *   fails validation (see {@link validateSchema})
 */
export async function loadSchemaFile(file: string, options: SchemaFileOptions = {}): Promise<Schema> {
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
      const at = syntaxErrorAt(error, file);
      if (at) {
        throw new ConfigError(
          `Cannot import schema file ${file}:${at.line}:${at.column}: ${at.message}`,
          { file, line: at.line },
          { cause: error },
        );
      }
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
  return await validateSchema(data, file, options);
}
