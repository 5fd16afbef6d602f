/**
 * The zod schema of a schema file (DESIGN.md section 3): the reference for what is valid and the
 * source of the error messages. Loaded only when `validateSchema`'s fast path cannot vouch for the
 * data, as loading zod costs more than checking a well-formed 1,000-table schema by hand.
 *
 * @module
 */
import { z } from "zod";

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
    minValue: z.number().int().optional(),
    maxValue: z.number().int().optional(),
    cache: z.number().int().optional(),
    cycle: z.boolean().optional(),
  }).optional(),
  enum: z.strictObject({ name: z.string().min(1).optional(), values: z.array(z.string()).min(1) }).optional(),
  collation: z.string().min(1).optional(),
  charset: z.string().min(1).optional(),
  onUpdate: z.string().min(1).optional(),
});

const deferrable = { deferrable: z.boolean().optional(), initiallyDeferred: z.boolean().optional() };
const names = z.array(z.string().min(1)).min(1);
const sortOptions = {
  order: z.enum(["asc", "desc"]).optional(),
  nulls: z.enum(["first", "last"]).optional(),
  collation: z.string().min(1).optional(),
  opclass: z.string().min(1).optional(),
};
const indexColumn = z.strictObject({ column: z.string().min(1), ...sortOptions });
const indexExpression = z.strictObject({ sql: z.string().min(1), ...sortOptions });

const table = z.strictObject({
  columns: z.record(z.string().min(1), column),
  primaryKey: z.strictObject({ columns: names, name: z.string().min(1).optional() }).optional(),
  uniqueConstraints: z.array(
    z.strictObject({
      columns: names,
      name: z.string().min(1).optional(),
      ...deferrable,
      nullsNotDistinct: z.boolean().optional(),
    }),
  )
    .optional(),
  indexes: z.array(z.strictObject({
    name: z.string().min(1),
    columns: z.array(z.union([z.string().min(1), sqlExpression, indexColumn, indexExpression])).min(1),
    unique: z.boolean().optional(),
    where: z.string().min(1).optional(),
    lengths: z.record(z.string().min(1), z.number().int().positive()).optional(),
    using: z.string().min(1).optional(),
    include: names.optional(),
    nullsNotDistinct: z.boolean().optional(),
    fulltext: z.boolean().optional(),
    spatial: z.boolean().optional(),
  })).optional(),
  foreignKeys: z.array(z.strictObject({
    columns: names,
    referencedTable: z.string().min(1),
    referencedColumns: names,
    onDelete: z.enum(ACTIONS).optional(),
    onUpdate: z.enum(ACTIONS).optional(),
    name: z.string().min(1).optional(),
    ...deferrable,
    match: z.enum(["full", "simple"]).optional(),
    notValid: z.boolean().optional(),
  })).optional(),
  checkConstraints: z.array(
    z.strictObject({
      condition: z.string().min(1),
      name: z.string().min(1).optional(),
      notValid: z.boolean().optional(),
    }),
  )
    .optional(),
  exclusionConstraints: z.array(z.strictObject({
    name: z.string().min(1).optional(),
    using: z.string().min(1).optional(),
    elements: z.array(z.union([
      z.strictObject({ column: z.string().min(1), operator: z.string().min(1), ...sortOptions }),
      z.strictObject({ sql: z.string().min(1), operator: z.string().min(1), ...sortOptions }),
    ])).min(1),
    where: z.string().min(1).optional(),
    ...deferrable,
  })).optional(),
  comment: z.string().optional(),
  mysql: z.strictObject({
    engine: z.string().regex(/^[A-Za-z0-9_]+$/).optional(),
    charset: z.string().regex(/^[A-Za-z0-9_]+$/).optional(),
    collate: z.string().regex(/^[A-Za-z0-9_]+$/).optional(),
    rowFormat: z.string().regex(/^[A-Za-z0-9_]+$/).optional(),
  }).optional(),
  sqlite: z.strictObject({ withoutRowid: z.boolean().optional(), strict: z.boolean().optional() }).optional(),
  partitionBy: z.string().min(1).optional(),
  partitionOf: z.strictObject({ table: z.string().min(1), bound: z.string().min(1) }).optional(),
  inherits: z.array(z.string().min(1)).min(1).optional(),
});

const definition = z.strictObject({ definition: z.string().min(1) });
const int = z.number().int();
// The objects beyond tables (lib/schema/objects.ts).
const objectShapes = {
  views: z.record(z.string().min(1), definition).optional(),
  materializedViews: z.record(z.string().min(1), definition).optional(),
  functions: z.record(
    z.string().min(1),
    z.strictObject({
      definition: z.string().min(1),
      routine: z.enum(["function", "procedure", "aggregate"]).optional(),
    }),
  ).optional(),
  triggers: z.array(
    z.strictObject({ name: z.string().min(1), table: z.string().min(1), definition: z.string().min(1) }),
  ).optional(),
  sequences: z.record(
    z.string().min(1),
    z.strictObject({
      type: z.string().min(1).optional(),
      start: int.optional(),
      increment: int.optional(),
      minValue: int.optional(),
      maxValue: int.optional(),
      cache: int.optional(),
      cycle: z.boolean().optional(),
    }),
  ).optional(),
  extensions: z.record(
    z.string().min(1),
    z.strictObject({ schema: z.string().min(1).optional(), version: z.string().min(1).optional() }),
  ).optional(),
  domains: z.record(
    z.string().min(1),
    z.strictObject({
      type: z.string().min(1),
      nullable: z.boolean().optional(),
      default: z.string().min(1).optional(),
      checks: z.array(z.strictObject({ condition: z.string().min(1), name: z.string().min(1).optional() }))
        .optional(),
    }),
  ).optional(),
  rawObjects: z.array(
    z.strictObject({
      sql: z.string().min(1),
      kind: z.string().min(1).optional(),
      name: z.string().min(1).optional(),
    }),
  ).optional(),
};

/** The zod schema of a schema file (exported for the test comparing it with the fast path). */
export const schemaShape = z.strictObject({
  tables: z.record(z.string().min(1), table),
  enums: z.record(z.string().min(1), z.array(z.string())).optional(),
  schemas: z.array(z.string().min(1)).optional(),
  ...objectShapes,
});
