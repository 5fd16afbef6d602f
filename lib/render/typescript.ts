/**
 * Operations as TypeScript source (autogenerate): one `op.<kind>(...)` call per operation, with
 * Alembic's argument order and options last, written as a person would (unquoted keys, short
 * objects on one line, no `undefined` noise). Also the literal printer that `schema dump` uses.
 *
 * @module
 */
import type { BatchOperation, Operation, OperationKind } from "../operations/types.ts";
import { assertNever } from "../operations/types.ts";

/** Line width the printer aims for before breaking an object or array over lines. */
const WIDTH = 100;
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Print a plain value as a TypeScript literal: strings with double quotes, keys unquoted when they
 * are identifiers, objects and arrays on one line when they fit in 100 characters (counting the
 * indentation), else one entry per line with trailing commas. `undefined` entries are left out.
 *
 * @param value a JSON-like value (also `bigint`, `Date`, `Uint8Array`)
 * @param indent spaces already in front of the value's line
 * @param spread put an object's or array's entries one a line even when they would fit on one
 * @returns the literal
 * @example
 * ```ts
 * import { tsLiteral } from "./typescript.ts";
 * tsLiteral({ type: "integer", primaryKey: true }); // '{ type: "integer", primaryKey: true }'
 * ```
 */
export function tsLiteral(value: unknown, indent = 0, spread = false): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
    case "boolean":
      return String(value);
    case "bigint":
      return `${value}n`;
  }
  if (value instanceof Date) return `new Date(${JSON.stringify(value.toISOString())})`;
  if (value instanceof Uint8Array) return `new Uint8Array([${[...value].join(", ")}])`;
  const pad = " ".repeat(indent + 2);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items = value.map((v) => tsLiteral(v, indent + 2));
    const flat = `[${items.join(", ")}]`;
    if (!spread && !flat.includes("\n") && indent + flat.length <= WIDTH) return flat;
    return `[\n${items.map((i) => `${pad}${i},`).join("\n")}\n${" ".repeat(indent)}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  const items = entries.map(([k, v]) =>
    `${IDENT.test(k) ? k : JSON.stringify(k)}: ${tsLiteral(v, indent + 2)}`
  );
  const flat = `{ ${items.join(", ")} }`;
  if (!spread && !flat.includes("\n") && indent + flat.length <= WIDTH) return flat;
  return `{\n${items.map((i) => `${pad}${i},`).join("\n")}\n${" ".repeat(indent)}}`;
}

/** Options left after the positional arguments, or nothing when empty. */
function opts(rest: Record<string, unknown>): unknown[] {
  const kept = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  return Object.keys(kept).length === 0 ? [] : [kept];
}

const isComposite = (v: unknown) =>
  typeof v === "object" && v !== null && !(v instanceof Date) && !(v instanceof Uint8Array);

/**
 * `target.name(a, b, {...});` with the arguments printed by {@link tsLiteral}, laid out as a
 * formatter would: on one line when it fits; else with the last argument (an object or array)
 * spread over lines; else with every object and array argument spread; else one argument a line.
 */
function call(target: string, name: string, args: readonly unknown[], indent: number): string {
  const head = `${target}.${name}(`;
  const flatArgs = args.map((a) => tsLiteral(a, indent));
  const flat = `${head}${flatArgs.join(", ")});`;
  if (!flat.includes("\n") && indent + flat.length <= WIDTH) return flat;
  const fits = (text: string) => indent + text.split("\n")[0].length <= WIDTH;
  const lastAt = args.length - 1;
  if (lastAt >= 0 && isComposite(args[lastAt]) && flatArgs.slice(0, lastAt).every((a) => !a.includes("\n"))) {
    const hugged = `${head}${
      [...flatArgs.slice(0, lastAt), tsLiteral(args[lastAt], indent, true)].join(", ")
    });`;
    if (fits(hugged)) return hugged;
  }
  const spread = args.map((a, n) => isComposite(a) ? tsLiteral(a, indent, true) : flatArgs[n]);
  const spreadText = `${head}${spread.join(", ")});`;
  // Every line but the first closes or continues a spread object, so only the first line can overflow.
  if (fits(spreadText) && args.some(isComposite)) return spreadText;
  const pad = " ".repeat(indent + 2);
  const each = args.map((a) => tsLiteral(a, indent + 2));
  return `${head}\n${each.map((a) => `${pad}${a},`).join("\n")}\n${" ".repeat(indent)});`;
}

type Renderers = {
  readonly [K in OperationKind]: (op: Extract<Operation, { kind: K }>, indent: number) => string;
};

const q = (s: string) => JSON.stringify(s);

const RENDERERS: Renderers = {
  execute: (op, i) => call("op", "execute", [op.sql, ...(op.params ? [op.params] : [])], i),
  createTable: (op, i) => {
    const { kind: _, table, columns, ...rest } = op;
    return call("op", "createTable", [table, columns, ...opts(rest)], i);
  },
  dropTable: ({ kind: _, table, ...rest }, i) => call("op", "dropTable", [table, ...opts(rest)], i),
  renameTable: ({ kind: _, table, newName, ...rest }, i) =>
    call("op", "renameTable", [table, newName, ...opts(rest)], i),
  addColumn: ({ kind: _, table, column, definition, ...rest }, i) =>
    call("op", "addColumn", [table, column, definition, ...opts(rest)], i),
  dropColumn: ({ kind: _, table, column, ...rest }, i) =>
    call("op", "dropColumn", [table, column, ...opts(rest)], i),
  createIndex: ({ kind: _, name, table, columns, ...rest }, i) =>
    call("op", "createIndex", [name, table, columns, ...opts(rest)], i),
  dropIndex: ({ kind: _, name, ...rest }, i) => call("op", "dropIndex", [name, ...opts(rest)], i),
  bulkInsert: ({ kind: _, table, rows, ...rest }, i) =>
    call("op", "bulkInsert", [table, rows, ...opts(rest)], i),
  alterColumn: ({ kind: _, table, column, ...rest }, i) =>
    call("op", "alterColumn", [table, column, rest], i),
  createPrimaryKey: ({ kind: _, name, table, columns, ...rest }, i) =>
    call("op", "createPrimaryKey", [name, table, columns, ...opts(rest)], i),
  createUniqueConstraint: ({ kind: _, name, table, columns, ...rest }, i) =>
    call("op", "createUniqueConstraint", [name, table, columns, ...opts(rest)], i),
  createForeignKey: ({ kind: _, name, table, referencedTable, columns, referencedColumns, ...rest }, i) =>
    call("op", "createForeignKey", [
      name,
      table,
      referencedTable,
      columns,
      referencedColumns,
      ...opts(rest),
    ], i),
  createCheckConstraint: ({ kind: _, name, table, condition, ...rest }, i) =>
    call("op", "createCheckConstraint", [name, table, condition, ...opts(rest)], i),
  dropConstraint: ({ kind: _, name, table, ...rest }, i) =>
    call("op", "dropConstraint", [name, table, ...opts(rest)], i),
  createTableComment: ({ kind: _, table, comment, ...rest }, i) =>
    call("op", "createTableComment", [table, comment, ...opts(rest)], i),
  dropTableComment: ({ kind: _, table, ...rest }, i) =>
    call("op", "dropTableComment", [table, ...opts(rest)], i),
  createEnum: ({ kind: _, name, values, ...rest }, i) =>
    call("op", "createEnum", [name, values, ...opts(rest)], i),
  dropEnum: ({ kind: _, name, ...rest }, i) => call("op", "dropEnum", [name, ...opts(rest)], i),
  addEnumValue: ({ kind: _, name, value, ...rest }, i) =>
    call("op", "addEnumValue", [name, value, ...opts(rest)], i),
  createSchema: ({ kind: _, name, ...rest }, i) => call("op", "createSchema", [name, ...opts(rest)], i),
  dropSchema: ({ kind: _, name, ...rest }, i) => call("op", "dropSchema", [name, ...opts(rest)], i),
  batchAlterTable: ({ table, recreate, schema, operations }, i) => {
    const inner = operations.map((o) => `${" ".repeat(i + 2)}${renderBatchOperation(o, i + 2)}`).join("\n");
    const options = { recreate, ...(schema ? { schema } : {}) };
    return `op.batchAlterTable(${q(table)}, (batch) => {\n${inner}\n${" ".repeat(i)}}, ${
      tsLiteral(options, i)
    });`;
  },
};

/** One operation of a batch, as a `batch.<kind>(...)` call (the table is the batch's). */
function renderBatchOperation(op: BatchOperation, i: number): string {
  switch (op.kind) {
    case "addColumn":
      return call("batch", "addColumn", [op.column, op.definition], i);
    case "dropColumn":
      return call("batch", "dropColumn", [op.column], i);
    case "alterColumn": {
      const { kind: _, table: _t, column, schema: _s, ...rest } = op;
      return call("batch", "alterColumn", [column, rest], i);
    }
    case "createIndex": {
      const { kind: _, table: _t, name, columns, schema: _s, ...rest } = op;
      return call("batch", "createIndex", [name, columns, ...opts(rest)], i);
    }
    case "dropIndex":
      return call("batch", "dropIndex", [op.name, ...opts({ ifExists: op.ifExists })], i);
    case "createPrimaryKey":
      return call("batch", "createPrimaryKey", [op.name, op.columns], i);
    case "createUniqueConstraint": {
      const { kind: _, table: _t, name, columns, schema: _s, ...rest } = op;
      return call("batch", "createUniqueConstraint", [name, columns, ...opts(rest)], i);
    }
    case "createForeignKey": {
      const { kind: _, table: _t, name, referencedTable, columns, referencedColumns, schema: _s, ...rest } =
        op;
      return call("batch", "createForeignKey", [
        name,
        referencedTable,
        columns,
        referencedColumns,
        ...opts(rest),
      ], i);
    }
    case "createCheckConstraint":
      return call("batch", "createCheckConstraint", [op.name, op.condition], i);
    case "dropConstraint":
      return call("batch", "dropConstraint", [op.name, ...opts({ type: op.type })], i);
    default:
      return assertNever(op);
  }
}

/**
 * One operation as a statement of a script body (`op.addColumn("t", "c", { type: "text" });`).
 *
 * @param op the operation
 * @param indent spaces the statement will be indented by (for line breaking)
 * @returns the statement, possibly over several lines (continuation lines carry their indentation
 *   relative to `indent`)
 */
export function renderOperation(op: Operation, indent = 2): string {
  const render = RENDERERS[op.kind] as (op: Operation, indent: number) => string;
  return render(op, indent);
}

/** One line of a rendered body: a statement, or a `//` comment before it. */
export type BodyItem = Operation | { readonly comment: string };

/**
 * A function body: one statement per operation, comments as `// ...` lines; unindented (the
 * revision template indents it by two spaces).
 *
 * @param items operations and comments, in order
 * @returns the body text, or `// nothing to do` when empty
 */
export function renderBody(items: readonly BodyItem[]): string {
  if (items.length === 0) return "// nothing to do";
  return items.map((item) => {
    if ("comment" in item && !("kind" in item)) {
      return item.comment.split("\n").map((l) => `// ${l}`.trimEnd()).join("\n");
    }
    // The template adds two spaces to every line, so lines are rendered as if indented by 2.
    return renderOperation(item as Operation, 2).split("\n").map((l, n) => n === 0 ? l : l.slice(2)).join(
      "\n",
    );
  }).join("\n");
}
