/**
 * A {@link Schema} as the text of a schema file (`migrate schema dump`): TypeScript (a default
 * export, type-only import as in revision scripts), JSON or TOML. Each format loads back with
 * `loadSchemaFile` to the same data.
 *
 * @module
 */
import { stringify as stringifyToml } from "smol-toml";
import { tsLiteral } from "../render/typescript.ts";
import type { Schema } from "./model.ts";

/** The formats of a schema file. */
export type SchemaFormat = "ts" | "json" | "toml";

/**
 * Write a schema as a schema file's text.
 *
 * @param schema the schema (e.g. from `introspectSchema`)
 * @param format `ts` (default), `json` or `toml`
 * @returns the file's text, ending with a newline
 * @example
 * ```ts
 * import { formatSchema } from "./serialize.ts";
 * formatSchema({ tables: { a: { columns: { id: { type: "integer" } } } } }, "json");
 * ```
 */
export function formatSchema(schema: Schema, format: SchemaFormat = "ts"): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(schema, null, 2)}\n`;
    case "toml":
      return `${stringifyToml(schema)}\n`;
    case "ts":
      return `import type { Schema } from "@retort/migrate";\n\nexport default ${
        tsLiteral(schema)
      } satisfies Schema;\n`;
  }
}
