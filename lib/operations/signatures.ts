/**
 * Every operation declared once (DESIGN.md section 1): for each {@link OperationKind} its
 * positional arguments in Alembic's order (options object last), its options, how it is reversed,
 * and whether `batchAlterTable` accepts it. The `op` facade (`lib/runtime/context.ts`), the batch
 * facade (`batch.ts`), `reverseOperation` (`reverse.ts`), the TypeScript renderer
 * (`lib/render/typescript.ts`) and docs/operations.md (`scripts/gen_operations_doc.ts`) all read
 * this table, so a new kind is one entry here plus its factory, type and DDL handler (each of which
 * is a typed `Record` that fails to compile without it).
 *
 * Plain data with no imports beyond types and the object operations' entries (`object_signatures.ts`,
 * plain data too), so every layer may read it without an import cycle.
 *
 * @module
 */
import type { OperationKind } from "./types.ts";
import { OBJECT_SIGNATURES } from "./object_signatures.ts";

/**
 * How an operation is undone (Alembic's `reverse()`): into one of `into`'s kinds, possibly only
 * when `needs` is known; or never, for the reason given (`{field}` is replaced by the operation's
 * field, e.g. `{name}`).
 */
export type ReverseRule =
  | { readonly into: readonly OperationKind[]; readonly needs?: string }
  | { readonly irreversible: string };

/** Where an operation may appear inside `batchAlterTable`, and with which options there. */
export interface BatchRule {
  /**
   * The options a `batch.<kind>(...)` call takes (the batch supplies the table and the schema);
   * the renderer writes only these.
   */
  readonly options: readonly string[];
}

/** One operation's call shape and rules. */
export interface OperationSignature {
  /** One line for the documentation: what the operation does. */
  readonly summary: string;
  /**
   * Positional arguments in Alembic's order; each names the operation's field of the same name,
   * except `batchAlterTable`'s `build` callback. A trailing `?` marks an optional argument.
   */
  readonly args: readonly string[];
  /**
   * The options object's keys (the last argument), or `undefined` when the call takes none; each
   * names the operation's field of the same name.
   */
  readonly options?: readonly string[];
  /** The options object must be given (`alterColumn`: it holds the change). */
  readonly optionsRequired?: true;
  /** How `reverseOperation` undoes it. */
  readonly reverse: ReverseRule;
  /** `false` when `batchAlterTable` refuses it. */
  readonly batch: false | BatchRule;
}

const SCHEMA = ["schema"] as const;

// The options of `alterColumn` besides `schema`: all of them in a batch, which supplies the schema.
const ALTER_COLUMN_CHANGES = [
  "type",
  "using",
  "nullable",
  "default",
  "newName",
  "comment",
  "autoincrement",
  "identity",
  "existing",
] as const;

/**
 * The signature table, keyed by kind. Typed as a `Record` over every kind (`satisfies`), so a kind
 * without an entry fails to compile; `as const` keeps the literal rules for the derived types below.
 */
export const SIGNATURES = {
  execute: {
    summary: "Raw SQL with optional bound parameters (`?` placeholders), run as written.",
    args: ["sql", "params?"],
    reverse: { irreversible: "raw SQL has no known inverse" },
    batch: false,
  },
  createTable: {
    summary: "`CREATE TABLE`; columns keep the key order of `columns`.",
    args: ["table", "columns"],
    options: [
      "schema",
      "ifNotExists",
      "primaryKey",
      "uniqueConstraints",
      "foreignKeys",
      "checkConstraints",
      "indexes",
      "comment",
      "mysql",
      "sqlite",
      "partitionBy",
      "partitionOf",
      "inherits",
    ],
    reverse: { into: ["dropTable"] },
    batch: false,
  },
  dropTable: {
    summary: "`DROP TABLE`, with `IF EXISTS` when `ifExists` is set.",
    args: ["table"],
    options: ["schema", "ifExists"],
    reverse: { into: ["createTable"], needs: "the table as it was (`before`)" },
    batch: false,
  },
  renameTable: {
    summary: "Rename a table; it stays in its schema.",
    args: ["table", "newName"],
    options: SCHEMA,
    reverse: { into: ["renameTable"] },
    batch: false,
  },
  addColumn: {
    summary: "`ADD COLUMN`; SQLite rebuilds the table for what its ALTER TABLE refuses.",
    args: ["table", "column", "definition"],
    options: SCHEMA,
    reverse: { into: ["dropColumn"] },
    batch: { options: [] },
  },
  dropColumn: {
    summary: "`DROP COLUMN`; SQLite rebuilds the table when its ALTER TABLE cannot.",
    args: ["table", "column"],
    options: SCHEMA,
    reverse: { into: ["addColumn"], needs: "the table as it was (`before`)" },
    batch: { options: [] },
  },
  createIndex: {
    summary: "`CREATE [UNIQUE] INDEX` on column names or `{ sql }` expressions.",
    args: ["name", "table", "columns"],
    options: [
      "schema",
      "unique",
      "ifNotExists",
      "where",
      "lengths",
      "concurrently",
      "using",
      "include",
      "nullsNotDistinct",
      "fulltext",
      "spatial",
    ],
    reverse: { into: ["dropIndex"] },
    batch: { options: ["unique", "ifNotExists", "where", "lengths"] },
  },
  dropIndex: {
    summary: "`DROP INDEX`; MySQL needs `table`.",
    args: ["name"],
    options: ["schema", "table", "ifExists", "concurrently"],
    reverse: { irreversible: 'the columns of index "{name}" are unknown' },
    batch: { options: ["ifExists"] },
  },
  bulkInsert: {
    summary: "Multi-row `INSERT` with escaped literals; objects and arrays go in as JSON text.",
    args: ["table", "rows"],
    options: SCHEMA,
    reverse: { irreversible: 'the rows inserted into "{table}" cannot be told from older rows' },
    batch: false,
  },
  alterColumn: {
    summary: "Change a column's type, nullability, default, name, comment or autoincrement.",
    args: ["table", "column"],
    options: ["schema", ...ALTER_COLUMN_CHANGES],
    optionsRequired: true,
    reverse: {
      into: ["alterColumn"],
      needs: "`existing` for a changed type, nullability, default or comment",
    },
    batch: { options: ALTER_COLUMN_CHANGES },
  },
  createPrimaryKey: {
    summary: "`ADD CONSTRAINT name PRIMARY KEY (columns)`; SQLite rebuilds the table.",
    args: ["name", "table", "columns"],
    options: SCHEMA,
    reverse: { into: ["dropConstraint"] },
    batch: { options: [] },
  },
  createUniqueConstraint: {
    summary: "`ADD CONSTRAINT name UNIQUE (columns)`; SQLite rebuilds the table.",
    args: ["name", "table", "columns"],
    options: ["schema", "deferrable", "initiallyDeferred", "nullsNotDistinct"],
    reverse: { into: ["dropConstraint"] },
    batch: { options: ["deferrable", "initiallyDeferred", "nullsNotDistinct"] },
  },
  createForeignKey: {
    summary: "`ADD CONSTRAINT name FOREIGN KEY (columns) REFERENCES referencedTable (referencedColumns)`.",
    args: ["name", "table", "referencedTable", "columns", "referencedColumns"],
    options: [
      "schema",
      "referencedSchema",
      "onDelete",
      "onUpdate",
      "deferrable",
      "initiallyDeferred",
      "match",
      "notValid",
    ],
    reverse: { into: ["dropConstraint"] },
    batch: {
      options: ["referencedSchema", "onDelete", "onUpdate", "deferrable", "initiallyDeferred", "match"],
    },
  },
  createCheckConstraint: {
    summary: "`ADD CONSTRAINT name CHECK (condition)`, `condition` being SQL; SQLite rebuilds the table.",
    args: ["name", "table", "condition"],
    options: ["schema", "notValid"],
    reverse: { into: ["dropConstraint"] },
    batch: { options: [] },
  },
  createExclusionConstraint: {
    summary: "`ADD CONSTRAINT name EXCLUDE USING method (element WITH operator, ...)` (PostgreSQL only).",
    args: ["name", "table", "elements"],
    options: ["schema", "using", "where", "deferrable", "initiallyDeferred"],
    reverse: { into: ["dropConstraint"] },
    batch: false,
  },
  dropConstraint: {
    summary: "`DROP CONSTRAINT`; MySQL needs `type` (`primary`, `unique`, `foreignkey`, `check`).",
    args: ["name", "table"],
    options: ["schema", "type"],
    reverse: { irreversible: 'the definition of constraint "{name}" is unknown' },
    batch: { options: ["type"] },
  },
  createTableComment: {
    summary: "Set a table comment; renders nothing on SQLite.",
    args: ["table", "comment"],
    options: ["schema", "existingComment"],
    reverse: { into: ["dropTableComment", "createTableComment"] },
    batch: false,
  },
  dropTableComment: {
    summary: "Remove a table comment; renders nothing on SQLite.",
    args: ["table"],
    options: ["schema", "existingComment"],
    reverse: { into: ["createTableComment"], needs: "`existingComment`" },
    batch: false,
  },
  createEnum: {
    summary: "PostgreSQL `CREATE TYPE ... AS ENUM`; renders nothing elsewhere.",
    args: ["name", "values"],
    options: SCHEMA,
    reverse: { into: ["dropEnum"] },
    batch: false,
  },
  dropEnum: {
    summary: "PostgreSQL `DROP TYPE`; renders nothing elsewhere.",
    args: ["name"],
    options: ["schema", "ifExists", "values"],
    reverse: { into: ["createEnum"], needs: "`values`" },
    batch: false,
  },
  addEnumValue: {
    summary: "PostgreSQL `ALTER TYPE ... ADD VALUE`.",
    args: ["name", "value"],
    options: ["schema", "before", "after", "ifNotExists"],
    reverse: { irreversible: "PostgreSQL cannot remove a value from an enum type" },
    batch: false,
  },
  createSchema: {
    summary: "`CREATE SCHEMA` (a database on MySQL); refused on SQLite.",
    args: ["name"],
    options: ["ifNotExists"],
    reverse: { into: ["dropSchema"] },
    batch: false,
  },
  dropSchema: {
    summary: "`DROP SCHEMA` (a database on MySQL, where `cascade` is implied); refused on SQLite.",
    args: ["name"],
    options: ["ifExists", "cascade"],
    reverse: { into: ["createSchema"] },
    batch: false,
  },
  ...OBJECT_SIGNATURES,
  batchAlterTable: {
    summary: "Group changes to one table: one table rebuild on SQLite, one by one elsewhere.",
    args: ["table", "build"],
    options: ["recreate", "schema"],
    reverse: { into: ["batchAlterTable"], needs: "every inner operation's reverse" },
    batch: false,
  },
} as const satisfies { readonly [K in OperationKind]: OperationSignature };

/** The kinds `batchAlterTable` accepts, derived from {@link SIGNATURES}. */
export type BatchKind = {
  [K in OperationKind]: (typeof SIGNATURES)[K]["batch"] extends false ? never : K;
}[OperationKind];

/** The kinds that have an inverse (perhaps only with more information), derived from {@link SIGNATURES}. */
export type ReversibleKind = {
  [K in OperationKind]: (typeof SIGNATURES)[K]["reverse"] extends { readonly into: unknown } ? K : never;
}[OperationKind];

/** Every kind, in the table's order (the documentation's order). */
export const OPERATION_KINDS: readonly OperationKind[] = Object.keys(SIGNATURES) as OperationKind[];

/**
 * A kind's signature, widened to {@link OperationSignature} for code that walks the table.
 *
 * @param kind an operation kind
 * @returns its entry in {@link SIGNATURES}
 */
export function signatureOf(kind: OperationKind): OperationSignature {
  return SIGNATURES[kind];
}

/**
 * A positional argument's name without its optional marker, and whether it is optional.
 *
 * @param arg an entry of {@link OperationSignature.args} (`"params?"`)
 * @returns `{ name: "params", optional: true }`
 */
export function parseArg(arg: string): { readonly name: string; readonly optional: boolean } {
  return arg.endsWith("?") ? { name: arg.slice(0, -1), optional: true } : { name: arg, optional: false };
}
