/**
 * Operations as TypeScript source (autogenerate): one `op.<kind>(...)` call per operation, with
 * Alembic's argument order and options last, written as a person would (unquoted keys, short
 * objects on one line, no `undefined` noise). Also the literal printer that `schema dump` uses.
 *
 * @module
 */
import { parseArg, signatureOf } from "../operations/signatures.ts";
import type { BatchAlterTableOp, Operation } from "../operations/types.ts";

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

const q = (s: string) => JSON.stringify(s);

/**
 * The arguments of `op.<kind>(...)` (or, with `inBatch`, of `batch.<kind>(...)`), read from the
 * kind's signature: each positional argument is the operation's field of that name (an optional
 * one left out when unset); the options object holds the other fields, in the operation's key order,
 * and is left out when empty unless the signature requires it. Inside a batch the table and schema
 * are the batch's, and only the options the batch rule names are written.
 */
function callArgs(op: Operation, inBatch: boolean): unknown[] {
  const signature = signatureOf(op.kind);
  const fields = op as unknown as Record<string, unknown>;
  const positional = signature.args.map(parseArg).filter((arg) => !(inBatch && arg.name === "table"));
  const args: unknown[] = [];
  for (const arg of positional) {
    if (arg.optional && fields[arg.name] === undefined) continue;
    args.push(fields[arg.name]);
  }
  const taken = new Set(["kind", ...signature.args.map((arg) => parseArg(arg).name)]);
  const allowed = inBatch && signature.batch !== false ? signature.batch.options : undefined;
  const rest = Object.entries(fields).filter(([key, value]) =>
    !taken.has(key) && value !== undefined && (allowed === undefined || allowed.includes(key))
  );
  if (signature.options !== undefined && (rest.length > 0 || signature.optionsRequired)) {
    args.push(Object.fromEntries(rest));
  }
  return args;
}

/**
 * `op.batchAlterTable(table, (batch) => { ... }, options)`: the one call whose argument is code,
 * so it is written here rather than from the signature.
 */
function renderBatchAlterTable(
  { table, recreate, schema, operations }: BatchAlterTableOp,
  i: number,
): string {
  const inner = operations.map((o) =>
    `${" ".repeat(i + 2)}${call("batch", o.kind, callArgs(o, true), i + 2)}`
  )
    .join("\n");
  const options = { recreate, ...(schema ? { schema } : {}) };
  return `op.batchAlterTable(${q(table)}, (batch) => {\n${inner}\n${" ".repeat(i)}}, ${
    tsLiteral(options, i)
  });`;
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
  return op.kind === "batchAlterTable"
    ? renderBatchAlterTable(op, indent)
    : call("op", op.kind, callArgs(op, false), indent);
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
