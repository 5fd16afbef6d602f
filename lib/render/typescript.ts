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
 * @returns the literal
 * @example
 * ```ts
 * import { tsLiteral } from "./typescript.ts";
 * tsLiteral({ type: "integer", primaryKey: true }); // '{ type: "integer", primaryKey: true }'
 * ```
 */
export function tsLiteral(value: unknown, indent = 0): string {
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
    if (!flat.includes("\n") && indent + flat.length <= WIDTH) return flat;
    return `[\n${items.map((i) => `${pad}${i},`).join("\n")}\n${" ".repeat(indent)}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  const items = entries.map(([k, v]) =>
    `${IDENT.test(k) ? k : JSON.stringify(k)}: ${tsLiteral(v, indent + 2)}`
  );
  const flat = `{ ${items.join(", ")} }`;
  if (!flat.includes("\n") && indent + flat.length <= WIDTH) return flat;
  return `{\n${items.map((i) => `${pad}${i},`).join("\n")}\n${" ".repeat(indent)}}`;
}

/** Options left after the positional arguments, or nothing when empty. */
function opts(rest: Record<string, unknown>, indent: number): string[] {
  const kept = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  return Object.keys(kept).length === 0 ? [] : [tsLiteral(kept, indent)];
}

/** `name(a, b, {...})`, breaking the arguments over lines when the call is long. */
function call(target: string, name: string, args: string[], indent: number): string {
  const flat = `${target}.${name}(${args.join(", ")});`;
  if (!flat.includes("\n") && indent + flat.length <= WIDTH) return flat;
  // Only the last argument (an object) spreads over lines; the others stay on the first line.
  const last = args[args.length - 1];
  if (last !== undefined && (last.startsWith("{") || last.startsWith("["))) {
    return `${target}.${name}(${args.join(", ")});`;
  }
  const pad = " ".repeat(indent + 2);
  return `${target}.${name}(\n${args.map((a) => `${pad}${a},`).join("\n")}\n${" ".repeat(indent)});`;
}

type Renderers = {
  readonly [K in OperationKind]: (op: Extract<Operation, { kind: K }>, indent: number) => string;
};

const q = (s: string) => JSON.stringify(s);

const RENDERERS: Renderers = {
  execute: (op, i) => call("op", "execute", [q(op.sql), ...(op.params ? [tsLiteral(op.params, i)] : [])], i),
  createTable: (op, i) => {
    const { kind: _, table, columns, ...rest } = op;
    return call("op", "createTable", [q(table), tsLiteral(columns, i), ...opts(rest, i)], i);
  },
  dropTable: ({ kind: _, table, ...rest }, i) => call("op", "dropTable", [q(table), ...opts(rest, i)], i),
  renameTable: ({ kind: _, table, newName, ...rest }, i) =>
    call("op", "renameTable", [q(table), q(newName), ...opts(rest, i)], i),
  addColumn: ({ kind: _, table, column, definition, ...rest }, i) =>
    call("op", "addColumn", [q(table), q(column), tsLiteral(definition, i), ...opts(rest, i)], i),
  dropColumn: ({ kind: _, table, column, ...rest }, i) =>
    call("op", "dropColumn", [q(table), q(column), ...opts(rest, i)], i),
  createIndex: ({ kind: _, name, table, columns, ...rest }, i) =>
    call("op", "createIndex", [q(name), q(table), tsLiteral(columns, i), ...opts(rest, i)], i),
  dropIndex: ({ kind: _, name, ...rest }, i) => call("op", "dropIndex", [q(name), ...opts(rest, i)], i),
  bulkInsert: ({ kind: _, table, rows, ...rest }, i) =>
    call("op", "bulkInsert", [q(table), tsLiteral(rows, i), ...opts(rest, i)], i),
  alterColumn: ({ kind: _, table, column, ...rest }, i) =>
    call("op", "alterColumn", [q(table), q(column), tsLiteral(rest, i)], i),
  createPrimaryKey: ({ kind: _, name, table, columns, ...rest }, i) =>
    call("op", "createPrimaryKey", [q(name), q(table), tsLiteral(columns, i), ...opts(rest, i)], i),
  createUniqueConstraint: ({ kind: _, name, table, columns, ...rest }, i) =>
    call("op", "createUniqueConstraint", [q(name), q(table), tsLiteral(columns, i), ...opts(rest, i)], i),
  createForeignKey: ({ kind: _, name, table, referencedTable, columns, referencedColumns, ...rest }, i) =>
    call("op", "createForeignKey", [
      q(name),
      q(table),
      q(referencedTable),
      tsLiteral(columns, i),
      tsLiteral(referencedColumns, i),
      ...opts(rest, i),
    ], i),
  createCheckConstraint: ({ kind: _, name, table, condition, ...rest }, i) =>
    call("op", "createCheckConstraint", [q(name), q(table), q(condition), ...opts(rest, i)], i),
  dropConstraint: ({ kind: _, name, table, ...rest }, i) =>
    call("op", "dropConstraint", [q(name), q(table), ...opts(rest, i)], i),
  createTableComment: ({ kind: _, table, comment, ...rest }, i) =>
    call("op", "createTableComment", [q(table), q(comment), ...opts(rest, i)], i),
  dropTableComment: ({ kind: _, table, ...rest }, i) =>
    call("op", "dropTableComment", [q(table), ...opts(rest, i)], i),
  createEnum: ({ kind: _, name, values, ...rest }, i) =>
    call("op", "createEnum", [q(name), tsLiteral(values, i), ...opts(rest, i)], i),
  dropEnum: ({ kind: _, name, ...rest }, i) => call("op", "dropEnum", [q(name), ...opts(rest, i)], i),
  addEnumValue: ({ kind: _, name, value, ...rest }, i) =>
    call("op", "addEnumValue", [q(name), q(value), ...opts(rest, i)], i),
  createSchema: ({ kind: _, name, ...rest }, i) => call("op", "createSchema", [q(name), ...opts(rest, i)], i),
  dropSchema: ({ kind: _, name, ...rest }, i) => call("op", "dropSchema", [q(name), ...opts(rest, i)], i),
  batchAlterTable: ({ table, recreate, schema, operations }, i) => {
    const inner = operations.map((o) => `${" ".repeat(i + 2)}${renderBatchOperation(o, i + 2)}`).join("\n");
    const options = tsLiteral({ recreate, ...(schema ? { schema } : {}) }, i);
    return `op.batchAlterTable(${q(table)}, (batch) => {\n${inner}\n${" ".repeat(i)}}, ${options});`;
  },
};

/** One operation of a batch, as a `batch.<kind>(...)` call (the table is the batch's). */
function renderBatchOperation(op: BatchOperation, i: number): string {
  switch (op.kind) {
    case "addColumn":
      return call("batch", "addColumn", [q(op.column), tsLiteral(op.definition, i)], i);
    case "dropColumn":
      return call("batch", "dropColumn", [q(op.column)], i);
    case "alterColumn": {
      const { kind: _, table: _t, column, schema: _s, ...rest } = op;
      return call("batch", "alterColumn", [q(column), tsLiteral(rest, i)], i);
    }
    case "createIndex": {
      const { kind: _, table: _t, name, columns, schema: _s, ...rest } = op;
      return call("batch", "createIndex", [q(name), tsLiteral(columns, i), ...opts(rest, i)], i);
    }
    case "dropIndex":
      return call("batch", "dropIndex", [q(op.name), ...opts({ ifExists: op.ifExists }, i)], i);
    case "createPrimaryKey":
      return call("batch", "createPrimaryKey", [q(op.name), tsLiteral(op.columns, i)], i);
    case "createUniqueConstraint": {
      const { kind: _, table: _t, name, columns, schema: _s, ...rest } = op;
      return call("batch", "createUniqueConstraint", [q(name), tsLiteral(columns, i), ...opts(rest, i)], i);
    }
    case "createForeignKey": {
      const { kind: _, table: _t, name, referencedTable, columns, referencedColumns, schema: _s, ...rest } =
        op;
      return call("batch", "createForeignKey", [
        q(name),
        q(referencedTable),
        tsLiteral(columns, i),
        tsLiteral(referencedColumns, i),
        ...opts(rest, i),
      ], i);
    }
    case "createCheckConstraint":
      return call("batch", "createCheckConstraint", [q(op.name), q(op.condition)], i);
    case "dropConstraint":
      return call("batch", "dropConstraint", [q(op.name), ...opts({ type: op.type }, i)], i);
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
